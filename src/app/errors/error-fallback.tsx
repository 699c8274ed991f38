import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalXXL,
    display: 'grid',
    gap: tokens.spacingVerticalM,
    maxWidth: '900px',
  },
  details: {
    whiteSpace: 'pre-wrap',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
});

export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error);
  } catch {
    return 'Unknown error';
  }
}

/**
 * Shown instead of a white screen when rendering throws. Full navigation back to the start
 * (not a client-side link) so a broken in-memory state cannot trap the user.
 */
export function ErrorFallback({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="alert">
      <h1>Something went wrong</h1>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>This page could not be shown.</MessageBarTitle>
          Nothing you saved in Azure is affected. Copy the details below if you contact support.
          <details>
            <summary>Details</summary>
            <p className={styles.details}>{describeError(error)}</p>
          </details>
        </MessageBarBody>
        <MessageBarActions>
          {onRetry && <Button onClick={onRetry}>Try again</Button>}
          <Button as="a" href="/" appearance="primary">
            Go to Overview
          </Button>
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}
