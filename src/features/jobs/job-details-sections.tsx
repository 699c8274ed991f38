import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { UserFacingError } from '@/azure/common/types';
import type { JobSubTask, UserFacingWarningDetail } from '@/azure/jobs/types';
import { explainCode } from '@/components/arm-error-explanations';
import { CopyButton } from '@/components/copy-button';
import { FactList, type Fact } from '@/components/fact-list';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXL },
  heading: { fontSize: tokens.fontSizeBase400, margin: `0 0 ${tokens.spacingVerticalS} 0` },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(180px, max-content) 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  value: {
    margin: 0,
    wordBreak: 'break-word',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
  },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  messages: { display: 'grid', gap: tokens.spacingVerticalS },
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

/** The facts that have a value (ARM leaves many out, or sends null). */
export function present(facts: readonly Fact[]): Fact[] {
  return facts.filter(([, value]) => value !== undefined && value !== null && value !== '');
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

/** Sub-tasks as ARM reports them, with status and progress. */
export function SubTasks({ tasks }: { tasks: readonly JobSubTask[] }) {
  return (
    <Table aria-label="Sub-tasks" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Task</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell>Progress</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {tasks.map((task) => (
          <TableRow key={task.taskId}>
            <TableCell>{task.taskName}</TableCell>
            <TableCell>{words(task.taskStatus)}</TableCell>
            <TableCell>{task.taskProgress ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** `CompletedWithWarnings` -> `Completed with warnings`. */
export function words(value: string): string {
  const spaced = value.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** A job error or warning: ARM's code and message, what it means and the next step. */
export function JobProblem({
  intent,
  problem,
  resourceName,
}: {
  intent: 'error' | 'warning';
  problem: UserFacingError;
  resourceName?: string | null | undefined;
}) {
  const styles = useStyles();
  const explanation = explainCode(problem.code);
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{explanation?.title ?? problem.code ?? 'Unknown problem'}</MessageBarTitle>
        {explanation?.text}
        <Facts
          label={intent === 'error' ? 'Error details' : 'Warning details'}
          items={[
            ['Code', problem.code ? <span className={styles.mono}>{problem.code}</span> : undefined],
            ['Message', problem.message ?? undefined],
            ['Resource', resourceName ?? undefined],
            ['Next step', explanation?.nextStep],
            ...(problem.recommendedAction ?? [])
              .filter((a) => a.trim() !== '')
              .map((a, i): [string, ReactNode] => [
                (problem.recommendedAction?.length ?? 0) > 1
                  ? `Azure recommends (${i + 1})`
                  : 'Azure recommends',
                a,
              ]),
          ]}
        />
      </MessageBarBody>
    </MessageBar>
  );
}

export function JobProblems({
  errors,
  warnings,
}: {
  errors: readonly UserFacingError[];
  warnings: readonly UserFacingWarningDetail[];
}) {
  const styles = useStyles();
  if (errors.length === 0 && warnings.length === 0) return null;
  return (
    <div className={styles.messages}>
      {errors.map((error, i) => (
        <JobProblem key={`e${i}`} intent="error" problem={error} />
      ))}
      {warnings.map((warning, i) => (
        <JobProblem
          key={`w${i}`}
          intent="warning"
          problem={warning.warning}
          resourceName={warning.resourceName}
        />
      ))}
    </div>
  );
}
