import { makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useArm } from '@/azure/arm-context';
import type { BackupVaultResource } from '@/azure/backup-vaults/types';
import {
  crossRegionRestoreStatus,
  secondaryRegion,
  storageRedundancy,
} from '@/azure/backup-vaults/vault-rules';
import { parseBackupVaultId, resourceIdKey, sameResourceId } from '@/azure/resource-id';
import type { Location } from '@/azure/subscriptions/types';
import { FactList } from '@/components/fact-list';
import { RouterLink } from '@/components/router-link';
import { CrrBanner } from './crr-banner';
import { CRR_LABEL, REDUNDANCY_LABEL, regionLabel } from './vault-labels';
import { vaultPath } from '@/lib/app-paths';
import { createInstanceCountQueries } from '@/azure/backup-instances/count-queries';
import { createSubscriptionQueries } from '@/azure/subscriptions/queries';

const useStyles = makeStyles({
  essentials: { marginTop: tokens.spacingVerticalL },
});

/** What every section of the vault page gets from it. */
export interface VaultSectionProps {
  /** The vault's id as the route gives it (the body's own id may be missing). */
  vaultId: string;
  vault: BackupVaultResource;
  /** The subscription's locations, for region names and the paired region. */
  locations: readonly Location[] | undefined;
}

export function VaultOverview({ vaultId, vault, locations }: VaultSectionProps) {
  const styles = useStyles();
  const arm = useArm();
  const ids = parseBackupVaultId(vaultId);
  const subscriptions = useQuery(arm.group(createSubscriptionQueries).queries.list());
  // One summarize query for this vault's count (Resource Graph), not a page through its instances.
  const counts = useQuery(
    arm.group(createInstanceCountQueries).countsByVault([ids.subscriptionId], { vaultIds: [vaultId] }),
  );
  const subscriptionName =
    subscriptions.data?.find((s) => sameResourceId(s.subscriptionId, ids.subscriptionId))?.displayName ??
    ids.subscriptionId;
  const status = crossRegionRestoreStatus(vault);
  const secondary = regionLabel(secondaryRegion(vault, locations), locations);

  const facts: [string, string][] = [
    ['Resource group', ids.resourceGroupName],
    ['Location', regionLabel(vault.location, locations)],
    ['Subscription', subscriptionName],
    ['Subscription ID', ids.subscriptionId],
    ['Storage redundancy', REDUNDANCY_LABEL[storageRedundancy(vault)]],
    ['Cross Region Restore', CRR_LABEL[status]],
    ['Secondary Region', secondary],
    [
      'Backup instances',
      counts.data
        ? String(counts.data.byVault[resourceIdKey(vaultId)] ?? 0)
        : counts.isError
          ? 'Unavailable'
          : '…',
    ],
  ];

  return (
    <section aria-labelledby="vault-essentials">
      <h2 id="vault-essentials">Essentials</h2>
      <CrrBanner status={status} secondaryRegionLabel={secondary} />
      <FactList facts={facts} columns={2} className={styles.essentials} />
      <p>
        <RouterLink to={vaultPath(vaultId, 'properties')}>
          Open Properties to change vault settings
        </RouterLink>
      </p>
    </section>
  );
}
