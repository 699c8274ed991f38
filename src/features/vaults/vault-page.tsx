import { makeStyles, mergeClasses, Spinner, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@/lib/router';
import { isArmError } from '@/azure/arm-error';
import { useArm } from '@/azure/arm-context';
import { parseBackupVaultId } from '@/azure/resource-id';
import { ArmErrorMessage } from '@/components/arm-error-message';
import { PageHeader } from '@/components/page-header';
import { PageBreadcrumb } from '@/components/page-breadcrumb';
import { NavLink, RouterLink } from '@/components/router-link';
import { VaultOverview } from './vault-overview';
import { vaultIdFromParams, vaultPath } from '@/lib/app-paths';
import { VaultProperties } from './vault-properties';
import { createBackupVaultQueries } from '@/azure/backup-vaults/queries';
import { createSubscriptionQueries } from '@/azure/subscriptions/queries';

const useStyles = makeStyles({
  layout: { display: 'flex', gap: tokens.spacingHorizontalXXL, alignItems: 'flex-start' },
  menu: { width: '180px', flexShrink: 0 },
  menuTitle: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightSemibold,
    margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS} 0`,
  },
  menuList: { listStyleType: 'none', margin: 0, padding: 0 },
  menuLink: {
    display: 'block',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'none',
    borderRadius: tokens.borderRadiusMedium,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  menuActive: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    fontWeight: tokens.fontWeightSemibold,
  },
  content: { flexGrow: 1, minWidth: 0 },
});

export function VaultPage({ section }: { section: 'overview' | 'properties' }) {
  const styles = useStyles();
  const arm = useArm();
  const params = useParams();
  const vaultId = vaultIdFromParams(params);
  if (!vaultId) throw new Error('The vault URL is incomplete.');
  const { vaultName, subscriptionId } = parseBackupVaultId(vaultId);
  const vaultQuery = useQuery(arm.group(createBackupVaultQueries).queries.detail(vaultId));
  const locationsQuery = useQuery(arm.group(createSubscriptionQueries).queries.locations(subscriptionId));

  const menuLink = (to: string, label: string, end: boolean) => (
    <li>
      <NavLink
        to={to}
        end={end}
        className={({ isActive }) => mergeClasses(styles.menuLink, isActive && styles.menuActive)}
      >
        {label}
      </NavLink>
    </li>
  );

  return (
    <>
      <PageBreadcrumb trail={[{ label: 'Backup vaults', to: '/vaults' }]} current={vaultName} />
      <PageHeader title={vaultName} description="Backup vault" />
      <div className={styles.layout}>
        <nav aria-label="Backup vault" className={styles.menu}>
          <ul className={styles.menuList}>{menuLink(vaultPath(vaultId), 'Overview', true)}</ul>
          <h2 className={styles.menuTitle}>Manage</h2>
          <ul className={styles.menuList}>
            {menuLink(vaultPath(vaultId, 'properties'), 'Properties', true)}
          </ul>
        </nav>
        <div className={styles.content}>
          {vaultQuery.isPending ? (
            <Spinner label="Loading the Backup vault…" />
          ) : vaultQuery.isError ? (
            <>
              <ArmErrorMessage
                error={vaultQuery.error}
                title={
                  isArmError(vaultQuery.error) && vaultQuery.error.isNotFound
                    ? `Backup vault ${vaultName} was not found`
                    : `Backup vault ${vaultName} could not be loaded`
                }
                onRetry={() => void vaultQuery.refetch()}
              />
              <p>
                <RouterLink to="/vaults">Back to Backup vaults</RouterLink>
              </p>
            </>
          ) : section === 'properties' ? (
            <VaultProperties vaultId={vaultId} vault={vaultQuery.data} locations={locationsQuery.data} />
          ) : (
            <VaultOverview vaultId={vaultId} vault={vaultQuery.data} locations={locationsQuery.data} />
          )}
        </div>
      </div>
    </>
  );
}
