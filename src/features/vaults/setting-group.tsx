import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: '220px 1fr auto',
    alignItems: 'start',
    gap: tokens.spacingHorizontalL,
    paddingBlock: tokens.spacingVerticalM,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  value: { display: 'block', fontWeight: tokens.fontWeightSemibold },
  explanation: {
    display: 'block',
    color: tokens.colorNeutralForeground2,
    marginTop: tokens.spacingVerticalXXS,
  },
});

export interface SettingGroupProps {
  title: string;
  value: ReactNode;
  /** One line: what the setting means for the user. */
  explanation: ReactNode;
  /** The Update button, if the setting can be changed here. */
  action?: (ids: { titleId: string }) => ReactNode;
}

/** One vault setting: a labelled group with its state, a one-line explanation and its action. */
export function SettingGroup({ title, value, explanation, action }: SettingGroupProps) {
  const styles = useStyles();
  const titleId = useId();
  return (
    <section role="group" aria-labelledby={titleId} className={styles.root}>
      <h3 id={titleId} className={styles.title}>
        {title}
      </h3>
      <div>
        <Text className={styles.value}>{value}</Text>
        <Text size={200} className={styles.explanation}>
          {explanation}
        </Text>
      </div>
      <div>{action?.({ titleId })}</div>
    </section>
  );
}
