import { Button, makeStyles, shorthands, Text, tokens } from '@fluentui/react-components';
import {
  ArrowResetRegular,
  CloudRegular,
  WeatherMoonRegular,
  WeatherSunnyRegular,
} from '@fluentui/react-icons';
import { lazy, Suspense } from 'react';
import { useLinkProps } from '@/lib/router';
import { useEnvironment } from '../environment';
import { useThemePreference } from '../theme/theme-context';
import { useAuthSession } from '../auth/auth-session';
import { AfterFirstData } from '../after-first-data';
import { WithData } from '../with-data';

// The account menu (Fluent's Menu and its positioning) loads after the first data: the first paint
// and the first data row do not wait for it. Until then the header names the account.
// The demo's badge: Fluent's Badge would otherwise ship to real users, who never see it.
const DemoBadge = lazy(() => import('./demo-badge').then((m) => ({ default: m.DemoBadge })));
const AccountMenu = lazy(() => import('./account-menu').then((m) => ({ default: m.AccountMenu })));

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    height: '48px',
    paddingInline: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  brand: {
    color: tokens.colorNeutralForegroundOnBrand,
    textDecorationLine: 'none',
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    ':focus-visible': { ...shorthands.outline('2px', 'solid', tokens.colorNeutralForegroundOnBrand) },
  },
  product: { opacity: 0.9 },
  spacer: { flexGrow: 1 },
  meta: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  onBrand: { color: tokens.colorNeutralForegroundOnBrand },
});

export function AppHeader() {
  const styles = useStyles();
  const env = useEnvironment();
  const { session, snapshot } = useAuthSession();
  const { theme, setTheme } = useThemePreference();
  const nextTheme = theme === 'dark' ? 'light' : 'dark';
  // Until the account menu is in, the header names the account.
  const accountText = <Text className={styles.onBrand}>{snapshot.account?.name ?? 'Not signed in'}</Text>;

  return (
    <header className={styles.header}>
      <a {...useLinkProps('/')} className={styles.brand}>
        CRR Portal
      </a>
      <Text className={styles.product}>Backup center · Cross Region Restore</Text>
      <span className={styles.spacer} />
      <span className={styles.meta}>
        <CloudRegular aria-hidden />
        <Text>{env.cloudName}</Text>
      </span>
      {env.demo ? (
        <Suspense fallback={<Text className={styles.onBrand}>Demo tenant</Text>}>
          <DemoBadge />
        </Suspense>
      ) : (
        session.kind === 'msal' &&
        (snapshot.status === 'starting' ? (
          <Text className={styles.onBrand}>Signing in…</Text>
        ) : (
          <Suspense fallback={accountText}>
            <WithData fallback={accountText}>
              <AfterFirstData fallback={accountText}>
                <AccountMenu />
              </AfterFirstData>
            </WithData>
          </Suspense>
        ))
      )}
      {env.resetDemoTenant && (
        // A native title, not Fluent's Tooltip: its positioning engine would weigh on the first paint.
        <Button
          appearance="subtle"
          className={styles.onBrand}
          icon={<ArrowResetRegular />}
          onClick={env.resetDemoTenant}
          title="Forget every change made in the demo and start again"
          aria-description="Forget every change made in the demo and start again"
        >
          Reset demo tenant
        </Button>
      )}
      <Button
        appearance="subtle"
        className={styles.onBrand}
        icon={theme === 'dark' ? <WeatherSunnyRegular /> : <WeatherMoonRegular />}
        aria-pressed={theme === 'dark'}
        onClick={() => setTheme(nextTheme)}
        title={`Switch to the ${nextTheme} theme`}
      >
        Dark theme
      </Button>
    </header>
  );
}
