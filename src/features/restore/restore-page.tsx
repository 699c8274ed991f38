import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@/lib/router';
import { useArm } from '@/azure/arm-context';
import { isArmError } from '@/azure/arm-error';
import { crossRegionRestoreStatus, secondaryRegion } from '@/azure/backup-vaults/vault-rules';
import { backupVaultResourceId, parseBackupInstanceId } from '@/azure/resource-id';
import { ArmErrorMessage } from '@/components/arm-error-message';
import { PageHeader } from '@/components/page-header';
import { PageBreadcrumb } from '@/components/page-breadcrumb';
import { RouterLink } from '@/components/router-link';
import { instanceIdFromParams, instancePath, vaultPath } from '@/lib/app-paths';
import type { RestoreSource } from './form-model';
import { RestoreWizard } from './restore-wizard';
import { createBackupInstanceQueries } from '@/azure/backup-instances/queries';
import { createBackupVaultQueries } from '@/azure/backup-vaults/queries';
import { createSubscriptionQueries } from '@/azure/subscriptions/queries';

/**
 * Restore to secondary region: the wizard of one backup instance, at
 * `/instances/<sub>/<rg>/<vault>/<instance>/restore`. Its step and values are in the URL.
 */
export function RestorePage() {
  const arm = useArm();
  const instanceId = instanceIdFromParams(useParams());
  if (!instanceId) throw new Error('The restore URL is incomplete.');
  const parts = parseBackupInstanceId(instanceId);
  const vaultId = backupVaultResourceId(parts);
  const instanceQuery = useQuery(arm.group(createBackupInstanceQueries).queries.detail(instanceId));
  const vaultQuery = useQuery(arm.group(createBackupVaultQueries).queries.detail(vaultId));
  const locationsQuery = useQuery(
    arm.group(createSubscriptionQueries).queries.locations(parts.subscriptionId),
  );
  const subscriptionsQuery = useQuery(arm.group(createSubscriptionQueries).queries.list());

  const instance = instanceQuery.data;
  const vault = vaultQuery.data;
  const name = instance?.properties?.friendlyName ?? parts.backupInstanceName;
  const failed = instanceQuery.error ?? vaultQuery.error;

  let body: React.ReactNode;
  if (failed) {
    body = (
      <ArmErrorMessage
        error={failed}
        title={
          isArmError(failed) && failed.isNotFound
            ? `${instanceQuery.error ? 'The backup instance' : 'The Backup vault'} was not found`
            : 'The backup instance could not be loaded'
        }
        onRetry={() => {
          void instanceQuery.refetch();
          void vaultQuery.refetch();
        }}
      />
    );
  } else if (
    !instance ||
    !vault ||
    (locationsQuery.isPending && !vault.properties.replicatedRegions?.length)
  ) {
    body = <Spinner label="Loading the backup instance…" />;
  } else if (crossRegionRestoreStatus(vault) !== 'Enabled') {
    body = (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            Cross Region Restore is not enabled on {vault.name ?? parts.vaultName}
          </MessageBarTitle>
          A restore to the secondary region needs Cross Region Restore on a geo-redundant vault. Enable it in
          the vault&apos;s <RouterLink to={vaultPath(vaultId, 'properties')}>Properties</RouterLink>; backup
          items then take up to 48 hours to appear in the Secondary Region.
        </MessageBarBody>
      </MessageBar>
    );
  } else {
    const secondary = secondaryRegion(vault, locationsQuery.data);
    const subscription = subscriptionsQuery.data?.find(
      (s) => s.subscriptionId?.toLowerCase() === parts.subscriptionId.toLowerCase(),
    );
    body = secondary ? (
      <RestoreWizard
        instance={instance}
        vault={vault}
        source={
          {
            instanceId,
            vaultId,
            subscriptionId: parts.subscriptionId,
            subscriptionLabel: subscription?.displayName ?? parts.subscriptionId,
            datasourceType: instance.properties?.dataSourceInfo.datasourceType ?? '',
            sourceDatabaseId: instance.properties?.dataSourceInfo.resourceID,
            sourceRegion: vault.location,
            secondaryRegion: secondary,
            locations: locationsQuery.data,
          } satisfies RestoreSource
        }
      />
    ) : locationsQuery.isError ? (
      <ArmErrorMessage
        error={locationsQuery.error}
        title="The Secondary Region could not be determined"
        onRetry={() => void locationsQuery.refetch()}
      />
    ) : (
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>The Secondary Region is not known</MessageBarTitle>
          Azure names no replicated or paired region for {vault.location}.
        </MessageBarBody>
      </MessageBar>
    );
  }

  return (
    <>
      <PageBreadcrumb
        trail={[
          { label: 'Backup instances', to: '/instances' },
          { label: name, to: instancePath(instanceId) },
        ]}
        current="Restore to secondary region"
      />
      <PageHeader
        title="Restore to secondary region"
        description={`${name} · Backup vault ${vault?.name ?? parts.vaultName}`}
      />
      {body}
    </>
  );
}
