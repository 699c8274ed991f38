import { makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useEnvironment } from '../environment';
import { AuthGate } from '../auth/auth-gate';
import { AppHeader } from './app-header';
import { AppNav } from './app-nav';
import { AppRoutes } from '../router';
import { WithData } from '../with-data';
import { RouteFocus } from './route-focus';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100vh' },
  skip: {
    position: 'absolute',
    left: '-10000px',
    top: 'auto',
    ':focus': {
      left: tokens.spacingHorizontalM,
      top: tokens.spacingVerticalS,
      zIndex: 1000,
      padding: tokens.spacingHorizontalS,
      backgroundColor: tokens.colorNeutralBackground1,
      color: tokens.colorNeutralForeground1,
    },
  },
  body: { display: 'flex', flexGrow: 1, minHeight: 0 },
  main: {
    flexGrow: 1,
    minWidth: 0,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL}`,
    ':focus': { outlineStyle: 'none' },
  },
});

export function AppShell() {
  const styles = useStyles();
  const { notice } = useEnvironment();
  return (
    <div className={styles.root}>
      <a href="#main-content" className={styles.skip}>
        Skip to main content
      </a>
      <AppHeader />
      {notice && (
        <MessageBar intent="warning" shape="square">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.body}>
        <AppNav />
        <main id="main-content" tabIndex={-1} className={styles.main}>
          <RouteFocus />
          <AuthGate>
            {/* The data layer and each page are fetched on first use; navigations keep the previous page until the next is in. */}
            <WithData fallback={<Spinner label="Loading page…" labelPosition="below" />}>
              <AppRoutes />
            </WithData>
          </AuthGate>
        </main>
      </div>
    </div>
  );
}
