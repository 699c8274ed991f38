import { makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import { DatabaseRegular, HomeRegular, TaskListLtrRegular, VaultRegular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import { NavLink } from '@/components/router-link';

const useStyles = makeStyles({
  nav: {
    width: '220px',
    flexShrink: 0,
    paddingBlock: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground2,
    borderInlineEndWidth: '1px',
    borderInlineEndStyle: 'solid',
    borderInlineEndColor: tokens.colorNeutralStroke2,
  },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  link: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'none',
    borderInlineStartWidth: '3px',
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: 'transparent',
    ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover },
    ':focus-visible': {
      ...shorthands.outline('2px', 'solid', tokens.colorStrokeFocus2),
      outlineOffset: '-2px',
    },
  },
  active: {
    backgroundColor: tokens.colorNeutralBackground2Selected,
    borderInlineStartColor: tokens.colorBrandStroke1,
    fontWeight: tokens.fontWeightSemibold,
  },
});

interface NavEntry {
  to: string;
  label: string;
  icon: ReactElement;
  end?: boolean;
}

/** The names match the page headings and the Azure Backup center wording. */
export const NAV_ENTRIES: readonly NavEntry[] = [
  { to: '/', label: 'Overview', icon: <HomeRegular aria-hidden />, end: true },
  { to: '/vaults', label: 'Backup vaults', icon: <VaultRegular aria-hidden /> },
  { to: '/instances', label: 'Backup instances', icon: <DatabaseRegular aria-hidden /> },
  { to: '/jobs', label: 'Backup jobs', icon: <TaskListLtrRegular aria-hidden /> },
];

export function AppNav() {
  const styles = useStyles();
  return (
    <nav aria-label="Backup center" className={styles.nav}>
      <ul className={styles.list}>
        {NAV_ENTRIES.map((entry) => (
          <li key={entry.to}>
            <NavLink
              to={entry.to}
              end={entry.end ?? false}
              className={({ isActive }) => mergeClasses(styles.link, isActive && styles.active)}
            >
              {entry.icon}
              {entry.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
