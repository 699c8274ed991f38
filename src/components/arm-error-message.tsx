import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, CopyRegular, PersonKeyRegular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import { isArmError } from '@/azure/arm-error';
import { explainError } from './arm-error-explanations';
import { useSignInAgain } from './sign-in-again';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: `${tokens.spacingVerticalS} 0 0 0`,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, wordBreak: 'break-word' },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

export interface ArmErrorMessageProps {
  error: unknown;
  /** Overrides the explanation's title, e.g. "Cross Region Restore could not be enabled". */
  title?: string;
  /** Shown as a Retry button when the error is one that can go away. */
  onRetry?: () => void;
  /** `warning` when the page still works without what failed (a part of a list, a fallback). */
  intent?: 'error' | 'warning';
  /** What the failure means here, shown before ARM's facts (e.g. what the page lists instead). */
  children?: ReactNode;
}

/**
 * The one way the app shows a failure from Azure: what happened in words, then ARM's code,
 * message and request ids (support staff need them) with a copy button.
 */
export function ArmErrorMessage({ error, title, onRetry, intent = 'error', children }: ArmErrorMessageProps) {
  const styles = useStyles();
  const [copied, setCopied] = useState(false);
  const explanation = explainError(error);
  const arm = isArmError(error) ? error : undefined;
  const signInAgain = useSignInAgain();
  // A 401 the pipeline's forced refresh could not fix: only the user can, and the page stays.
  const offerSignIn = signInAgain !== undefined && arm?.status === 401;

  const copy = async () => {
    const details = arm ? JSON.stringify(arm.toJSON(), null, 2) : String(error);
    try {
      await navigator.clipboard.writeText(details);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <MessageBar intent={intent} layout="multiline" role={intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>
        <MessageBarTitle>{title ?? explanation.title}</MessageBarTitle>
        {children && <div>{children}</div>}
        {title ? `${explanation.title}. ${explanation.text}` : explanation.text}
        {explanation.nextStep && ` Next step: ${explanation.nextStep}`}
        {arm && (
          <dl className={styles.facts} aria-label="Error details">
            <dt className={styles.term}>Code</dt>
            <dd className={`${styles.value} ${styles.mono}`}>{arm.code}</dd>
            <dt className={styles.term}>Message</dt>
            <dd className={styles.value}>{arm.message}</dd>
            {arm.details.map((detail, index) => (
              <div key={`${detail.code}-${index}`} style={{ display: 'contents' }}>
                <dt className={styles.term}>Detail</dt>
                <dd className={styles.value}>
                  <span className={styles.mono}>{detail.code}</span>: {detail.message}
                </dd>
              </div>
            ))}
            {arm.recommendedActions.map((action) => (
              <div key={action} style={{ display: 'contents' }}>
                <dt className={styles.term}>Recommended</dt>
                <dd className={styles.value}>{action}</dd>
              </div>
            ))}
            <dt className={styles.term}>Request id</dt>
            <dd className={`${styles.value} ${styles.mono}`}>{arm.requestId ?? 'not provided by Azure'}</dd>
            {arm.correlationRequestId && (
              <>
                <dt className={styles.term}>Correlation id</dt>
                <dd className={`${styles.value} ${styles.mono}`}>{arm.correlationRequestId}</dd>
              </>
            )}
          </dl>
        )}
      </MessageBarBody>
      <MessageBarActions>
        {offerSignIn && (
          <Button appearance="primary" icon={<PersonKeyRegular />} onClick={signInAgain}>
            Sign in again
          </Button>
        )}
        {onRetry && explanation.retryable && (
          <Button icon={<ArrowClockwiseRegular />} onClick={onRetry}>
            Retry
          </Button>
        )}
        <Button icon={<CopyRegular />} onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy details'}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
