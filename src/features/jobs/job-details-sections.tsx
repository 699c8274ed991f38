import { makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { JobSubTask } from '@/azure/jobs/types';
import { CopyButton } from '@/components/copy-button';
import { FactList, present, type Fact } from '@/components/fact-list';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXL },
  heading: { fontSize: tokens.fontSizeBase400, margin: `0 0 ${tokens.spacingVerticalS} 0` },
  value: {
    margin: 0,
    wordBreak: 'break-word',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
  },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  progress: { minWidth: '220px' },
});

/** A titled part of the details page. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label={title}>
      <h2 className={styles.heading}>{title}</h2>
      {children}
    </section>
  );
}

/** Label/value pairs as the shared {@link FactList}; facts without a value are left out. */
export function Facts({ label, items }: { label: string; items: readonly Fact[] }) {
  return <FactList label={label} facts={present(items)} />;
}

/** Ids support staff ask for, each with a copy button. */
export function SupportIds({ ids }: { ids: [string, string | undefined][] }) {
  const styles = useStyles();
  return (
    <Facts
      label="Ids for support"
      items={ids.map(([term, value]) => [
        term,
        value ? (
          <span className={styles.value}>
            <span className={styles.mono}>{value}</span>
            <CopyButton value={value} label={term} />
          </span>
        ) : (
          'not provided by Azure'
        ),
      ])}
    />
  );
}

/** The job's progress from its sub-tasks: finished ones plus the running one's percentage. */
export function jobProgress(subTasks: readonly JobSubTask[]): number | undefined {
  if (subTasks.length === 0) return undefined;
  let done = 0;
  for (const task of subTasks) {
    const status = task.taskStatus.toLowerCase();
    if (status.startsWith('completed')) done += 1;
    else if (status === 'inprogress') done += (Number.parseFloat(task.taskProgress ?? '') || 0) / 100;
  }
  return Math.min(1, done / subTasks.length);
}

export function JobProgress({ value }: { value: number }) {
  const styles = useStyles();
  return (
    <>
      <ProgressBar
        className={styles.progress}
        value={value}
        max={1}
        aria-label="Job progress"
        thickness="large"
      />
      <span>{Math.floor(value * 100)}%</span>
    </>
  );
}
