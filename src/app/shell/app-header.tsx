import { Badge, Button, makeStyles, shorthands, Text, tokens, Tooltip } from '@fluentui/react-components';
import {
  ArrowResetRegular,
  CloudRegular,
  WeatherMoonRegular,
  WeatherSunnyRegular,
} from '@fluentui/react-icons';
import { Link } from 'react-router';
import { useEnvironment } from '../environment';
import { useThemePreference } from '../theme/theme-context';
import { useAuthSession } from '../auth/auth-session';
import { AccountMenu } from './account-menu';

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
  const { session } = useAuthSession();
  const { theme, setTheme } = useThemePreference();
  const nextTheme = theme === 'dark' ? 'light' : 'dark';

  return (
    <header className={styles.header}>
      <Link to="/" className={styles.brand}>
        CRR Portal
      </Link>
      <Text className={styles.product}>Backup center · Cross Region Restore</Text>
      <span className={styles.spacer} />
      <span className={styles.meta}>
        <CloudRegular aria-hidden />
        <Text>{env.cloudName}</Text>
      </span>
      {env.demo ? (
        <Badge appearance="filled" color="warning" aria-label="Signed in to the Demo tenant">
          Demo tenant
        </Badge>
      ) : (
        session.kind === 'msal' && <AccountMenu />
      )}
      {env.resetDemoTenant && (
        <Tooltip content="Forget every change made in the demo and start again" relationship="description">
          <Button
            appearance="subtle"
            className={styles.onBrand}
            icon={<ArrowResetRegular />}
            onClick={env.resetDemoTenant}
          >
            Reset demo tenant
          </Button>
        </Tooltip>
      )}
      <Tooltip content={`Switch to the ${nextTheme} theme`} relationship="description">
        <Button
          appearance="subtle"
          className={styles.onBrand}
          icon={theme === 'dark' ? <WeatherSunnyRegular /> : <WeatherMoonRegular />}
          aria-pressed={theme === 'dark'}
          onClick={() => setTheme(nextTheme)}
        >
          Dark theme
        </Button>
      </Tooltip>
    </header>
  );
}
