import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { UserFacingError } from '@/azure/common/types';
import type { UserFacingWarningDetail } from '@/azure/jobs/types';
import { explainCode } from './arm-error-explanations';
import { FactList, present } from './fact-list';

const useStyles = makeStyles({
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  messages: { display: 'grid', gap: tokens.spacingVerticalS },
});

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
        <FactList
          label={intent === 'error' ? 'Error details' : 'Warning details'}
          facts={present([
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
          ])}
        />
      </MessageBarBody>
    </MessageBar>
  );
}

/** A job's errors, then its warnings, each as a {@link JobProblem}; nothing when there are none. */
export function JobProblems({
  errors,
  warnings = [],
}: {
  errors: readonly UserFacingError[];
  warnings?: readonly UserFacingWarningDetail[];
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
