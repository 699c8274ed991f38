import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  twoColumns: { gridTemplateColumns: 'max-content 1fr max-content 1fr' },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, wordBreak: 'break-word' },
});

/** One fact: its name and its value. */
export type Fact = readonly [term: string, value: ReactNode];

/** The facts that have a value (ARM leaves many out, or sends null). */
export function present(facts: readonly Fact[]): Fact[] {
  return facts.filter(([, value]) => value !== undefined && value !== null && value !== '');
}

export interface FactListProps {
  facts: readonly Fact[];
  /** Names the list for screen readers, e.g. "Essentials". */
  label?: string;
  /** Two term/value pairs per row (the portal's Essentials layout). */
  columns?: 1 | 2;
  className?: string;
}

/** Term/value facts as a description list, the way the portal shows a resource's essentials. */
export function FactList({ facts, label, columns = 1, className }: FactListProps) {
  const styles = useStyles();
  return (
    <dl
      className={mergeClasses(styles.list, columns === 2 && styles.twoColumns, className)}
      aria-label={label}
    >
      {facts.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
