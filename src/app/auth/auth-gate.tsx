import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { PersonKeyRegular } from '@fluentui/react-icons';
import { Fragment, type ReactNode } from 'react';
import { PageHeader } from '@/components/page-header';
import { useEnvironment } from '../environment';
import { useAuthSession } from './auth-session';

const useStyles = makeStyles({
  signIn: { display: 'grid', gap: tokens.spacingVerticalL, maxWidth: '640px', justifyItems: 'start' },
});

/**
 * Pages run only for a signed-in account. While MSAL loads the shell is already on screen; signed
 * out, the page the user asked for (its URL is kept) waits behind "Sign in". The pages are keyed by
 * the account scope, so switching tenant remounts them: no state of one directory survives into
 * another.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const { snapshot } = useAuthSession();
  if (snapshot.status === 'starting') {
    return <Spinner label="Connecting to Microsoft Entra ID…" labelPosition="below" />;
  }
  if (snapshot.status === 'signedOut') return <SignInPage />;
  return <Fragment key={snapshot.scope}>{children}</Fragment>;
}

function SignInPage() {
  const styles = useStyles();
  const { session, snapshot } = useAuthSession();
  const { cloudName } = useEnvironment();
  return (
    <div className={styles.signIn}>
      <PageHeader title="Sign in to Azure" />
      <Text>
        CRR Portal works on the Backup vaults of your own Azure subscriptions ({cloudName}). Sign in with your
        Microsoft Entra ID work or school account; afterwards you are back on this page.
      </Text>
      {snapshot.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{snapshot.error}</MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="primary" icon={<PersonKeyRegular />} onClick={() => void session.signIn()}>
        Sign in
      </Button>
    </div>
  );
}
