import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalL,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    // Focus lands here after navigation (RouteFocus); only keyboard users need the ring.
    ':focus:not(:focus-visible)': { outlineStyle: 'none' },
  },
  subtitle: { color: tokens.colorNeutralForeground2, marginTop: tokens.spacingVerticalXS, display: 'block' },
});

export interface PageHeaderProps {
  title: string;
  /** One line under the heading: what this page is for. */
  description?: ReactNode;
  /** Page-level commands (refresh, ...). */
  actions?: ReactNode;
}

export function PageHeader({ title, description, actions }: PageHeaderProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <div>
        <h1 className={styles.title}>{title}</h1>
        {description && <Text className={styles.subtitle}>{description}</Text>}
      </div>
      {actions}
    </div>
  );
}
