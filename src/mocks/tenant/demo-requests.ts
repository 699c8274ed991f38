import { DEMO_INSTANCE_IDS, DEMO_RESTORE_TARGETS, DEMO_SUBSCRIPTIONS } from './demo-tenant';
import type { CrossRegionRestoreInput, Tenant } from './tenant';

/**
 * A cross-region restore of orders-db as a database on pg-restore-westus, with credentials from
 * kv-restore-westus: the request body the restore wizard builds, for tests of client and
 * simulator alike.
 */
export function demoCrossRegionRestoreRequest(recoveryPointId: string, targetDb: string) {
  return {
    restoreRequestObject: {
      objectType: 'AzureBackupRecoveryPointBasedRestoreRequest',
      recoveryPointId,
      sourceDataStoreType: 'VaultStore',
      restoreTargetInfo: {
        objectType: 'RestoreTargetInfo',
        recoveryOption: 'FailIfExists',
        restoreLocation: 'westus',
        datasourceInfo: {
          objectType: 'Datasource',
          resourceID: `${DEMO_RESTORE_TARGETS.pgServerId}/databases/${targetDb}`,
          resourceName: targetDb,
          resourceType: 'Microsoft.DBforPostgreSQL/servers/databases',
          resourceLocation: 'westus',
          datasourceType: 'Microsoft.DBforPostgreSQL/servers/databases',
        },
        datasourceSetInfo: {
          objectType: 'DatasourceSet',
          resourceID: DEMO_RESTORE_TARGETS.pgServerId,
          resourceName: 'pg-restore-westus',
          resourceType: 'Microsoft.DBforPostgreSQL/servers',
          resourceLocation: 'westus',
          datasourceType: 'Microsoft.DBforPostgreSQL/servers/databases',
        },
        datasourceAuthCredentials: {
          objectType: 'SecretStoreBasedAuthCredentials',
          secretStoreResource: { secretStoreType: 'AzureKeyVault', uri: DEMO_RESTORE_TARGETS.secretUri },
        },
      },
    },
    crossRegionRestoreDetails: { sourceRegion: 'eastus', sourceBackupInstanceId: DEMO_INSTANCE_IDS.ordersDb },
  };
}

/**
 * The same restore as {@link demoCrossRegionRestoreRequest}, as the model's own input (for tests
 * that drive the tenant without HTTP), from the newest recovery point in the secondary region.
 */
export function demoCrossRegionRestoreInput(tenant: Tenant, targetDb: string): CrossRegionRestoreInput {
  const orders = tenant.getInstanceById(DEMO_INSTANCE_IDS.ordersDb);
  if (!orders) throw new Error('The demo tenant has no orders-db instance');
  const rp = tenant.secondaryRecoveryPoints(orders)[0];
  return {
    subscriptionId: DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId,
    resourceGroup: 'rg-contoso-backup',
    location: 'westus',
    sourceBackupInstanceId: DEMO_INSTANCE_IDS.ordersDb,
    sourceRegion: 'eastus',
    recoveryPointId: rp?.recoveryPointId ?? '',
    target: {
      kind: 'database',
      databaseId: `${DEMO_RESTORE_TARGETS.pgServerId}/databases/${targetDb}`,
      secretUri: DEMO_RESTORE_TARGETS.secretUri,
    },
  };
}
