// Model -> ARM JSON. Shapes follow the 2025-07-01 spec plus real ARM's habits from the recordings:
// explicit nulls on jobs and recovery points, isCrossRegionRestore / sourceDataStoreType on jobs,
// TimeSpan durations in job lists and ISO durations in single-job GETs.

import { armTime, isoDuration, timeSpan } from './arm-response';
import { guidFromName } from '../tenant/prng';
import { REGIONS, type RegionInfo } from '../tenant/regions';
import type { JobView, Tenant } from '../tenant/tenant';
import type {
  BackupInstance,
  JobError,
  KeyVault,
  Operation,
  PgServer,
  RecoveryPoint,
  ResourceGroup,
  StorageAccount,
  Subscription,
  Vault,
} from '../tenant/types';

export function serializeSubscription(sub: Subscription): Record<string, unknown> {
  return {
    id: `/subscriptions/${sub.subscriptionId}`,
    authorizationSource: 'RoleBased',
    managedByTenants: [],
    subscriptionId: sub.subscriptionId,
    tenantId: sub.tenantId,
    displayName: sub.displayName,
    state: sub.state,
    subscriptionPolicies: {
      locationPlacementId: 'Public_2014-09-01',
      quotaId: sub.quotaId,
      spendingLimit: 'Off',
    },
  };
}

export function serializeLocation(subscriptionId: string, region: RegionInfo): Record<string, unknown> {
  return {
    id: `/subscriptions/${subscriptionId}/locations/${region.name}`,
    name: region.name,
    type: 'Region',
    displayName: region.displayName,
    regionalDisplayName: region.regionalDisplayName,
    metadata: {
      regionType: 'Physical',
      regionCategory: 'Recommended',
      geography: region.geography,
      geographyGroup: region.geographyGroup,
      longitude: region.longitude,
      latitude: region.latitude,
      physicalLocation: region.physicalLocation,
      pairedRegion: [
        {
          name: region.pairedRegion,
          id: `/subscriptions/${subscriptionId}/locations/${region.pairedRegion}`,
        },
      ],
    },
  };
}

export function allLocations(subscriptionId: string): Record<string, unknown>[] {
  return REGIONS.map((r) => serializeLocation(subscriptionId, r));
}

export function serializeResourceGroup(rg: ResourceGroup): Record<string, unknown> {
  return {
    id: `/subscriptions/${rg.subscriptionId}/resourceGroups/${rg.name}`,
    name: rg.name,
    type: 'Microsoft.Resources/resourceGroups',
    location: rg.location,
    properties: { provisioningState: 'Succeeded' },
  };
}

export function serializeVault(tenant: Tenant, vault: Vault, now = tenant.now()): Record<string, unknown> {
  const updating = tenant.pendingVaultOperation(vault, now) !== undefined;
  const secondary = tenant.secondaryRegionOf(vault);
  const featureSettings: Record<string, unknown> = { crossSubscriptionRestoreSettings: { state: 'Enabled' } };
  if (vault.crrState !== undefined) featureSettings.crossRegionRestoreSettings = { state: vault.crrState };
  const properties: Record<string, unknown> = {
    provisioningState: updating ? 'Updating' : 'Succeeded',
    storageSettings: [{ datastoreType: 'VaultStore', type: vault.redundancy }],
    isVaultProtectedByResourceGuard: false,
    monitoringSettings: {
      azureMonitorAlertSettings: { alertsForAllJobFailures: vault.alertsForAllJobFailures },
    },
    securitySettings: {
      softDeleteSettings: { state: vault.softDeleteState, retentionDurationInDays: 14 },
      immutabilitySettings: { state: vault.immutabilityState },
    },
    featureSettings,
    secureScore:
      vault.softDeleteState === 'AlwaysOn' ? 'Adequate' : vault.softDeleteState === 'On' ? 'Minimum' : 'None',
    bcdrSecurityLevel:
      vault.redundancy === 'GeoRedundant' ? 'Good' : vault.redundancy === 'ZoneRedundant' ? 'Fair' : 'Poor',
  };
  if (secondary) properties.replicatedRegions = [secondary];
  return {
    location: vault.location,
    tags: vault.tags,
    identity: {
      type: 'SystemAssigned',
      principalId: vault.principalId,
      tenantId: tenant.getSubscription(vault.subscriptionId)?.tenantId ?? '',
    },
    properties,
    id: vault.id,
    name: vault.name,
    type: 'Microsoft.DataProtection/backupVaults',
  };
}

function datasourceJson(
  ref: BackupInstance['datasource'],
  datasourceType: string,
  objectType: string,
): Record<string, unknown> {
  return {
    resourceID: ref.resourceId,
    resourceUri: '',
    datasourceType,
    resourceName: ref.resourceName,
    resourceType: ref.resourceType,
    resourceLocation: ref.location,
    objectType,
  };
}

/** Direct GETs of instances omit absent fields (unlike jobs), as in the recordings. */
export function serializeInstance(bi: BackupInstance): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    friendlyName: bi.friendlyName,
    dataSourceInfo: datasourceJson(bi.datasource, bi.datasourceType, 'Datasource'),
  };
  if (bi.datasourceSet)
    properties.dataSourceSetInfo = datasourceJson(bi.datasourceSet, bi.datasourceType, 'DatasourceSet');
  properties.policyInfo = { policyId: `${bi.vaultId}/backupPolicies/${bi.policyName}` };
  properties.protectionStatus = { status: 'ProtectionConfigured' };
  properties.currentProtectionState = 'ProtectionConfigured';
  properties.provisioningState = 'Succeeded';
  if (bi.secretUri) {
    properties.datasourceAuthCredentials = {
      objectType: 'SecretStoreBasedAuthCredentials',
      secretStoreResource: { secretStoreType: 'AzureKeyVault', uri: bi.secretUri, value: null },
    };
  }
  properties.objectType = 'BackupInstance';
  return {
    properties,
    id: bi.id,
    name: bi.name,
    type: 'Microsoft.DataProtection/backupVaults/backupInstances',
  };
}

export function serializeRecoveryPoint(bi: BackupInstance, rp: RecoveryPoint): Record<string, unknown> {
  return {
    properties: {
      objectType: 'AzureBackupDiscreteRecoveryPoint',
      recoveryPointId: rp.recoveryPointId,
      recoveryPointTime: armTime(rp.time),
      recoveryPointType: 'Full',
      friendlyName: guidFromName(`${rp.recoveryPointId}#friendly`).replace(/-/g, ''),
      recoveryPointDataStoresDetails: [
        {
          id: guidFromName(`${bi.vaultId}#vaultstore`),
          type: 'VaultStore',
          creationTime: armTime(rp.time),
          expiryTime: armTime(rp.expiry),
          metaData: null,
          visible: true,
          state: 'COMMITTED',
          rehydrationExpiryTime: null,
          rehydrationStatus: null,
        },
      ],
      retentionTagName: 'Default',
      retentionTagVersion: '638442750778349393',
      policyName: bi.policyName,
      policyVersion: null,
      expiryTime: armTime(rp.expiry),
      recoveryPointState: 'Completed',
    },
    id: `${bi.id}/recoveryPoints/${rp.recoveryPointId}`,
    name: rp.recoveryPointId,
    type: 'Microsoft.DataProtection/backupVaults/backupInstances/recoveryPoints',
  };
}

function userFacingError(error: JobError): Record<string, unknown> {
  return {
    message: error.message,
    recommendedAction: error.recommendedAction,
    details: null,
    code: error.code,
    target: '',
    innerError: null,
    isRetryable: false,
    isUserError: false,
    properties: null,
  };
}

/**
 * A job as ARM returns it. `detail` = single-job GET (ISO duration, full extendedInfo); lists carry a
 * TimeSpan duration and extendedInfo null (test_dataprotection_job_list_and_show.json).
 */
export function serializeJob(
  tenant: Tenant,
  view: JobView,
  detail: boolean,
  now = tenant.now(),
): Record<string, unknown> {
  const { job, status, endTime, progress } = view;
  const vault = tenant.getVaultById(job.vaultId);
  const bi = tenant.getInstanceById(job.instanceId);
  const isRestore = job.operation === 'Restore';
  const elapsed = Math.max(0, (endTime ?? now) - job.startTime);
  const ds = bi?.datasource;
  const dsSet = bi?.datasourceSet;
  const sourceRg = ds ? (/\/resourceGroups\/([^/]+)/i.exec(ds.resourceId)?.[1] ?? '') : '';
  const sourceSub = ds ? (/\/subscriptions\/([^/]+)/i.exec(ds.resourceId)?.[1] ?? '') : '';
  const running = status === 'InProgress';
  const lastUpdate = endTime ?? now;
  const properties: Record<string, unknown> = {
    activityID: job.activityId,
    subscriptionId: vault?.subscriptionId ?? '',
    backupInstanceId: job.instanceId,
    policyId: bi ? `${bi.vaultId}/backupPolicies/${bi.policyName}` : null,
    dataSourceId: ds?.resourceId ?? '',
    vaultName: vault?.name ?? '',
    backupInstanceFriendlyName: bi?.friendlyName ?? '',
    policyName: bi?.policyName ?? null,
    sourceResourceGroup: sourceRg,
    dataSourceSetName: dsSet?.resourceName ?? null,
    dataSourceName: ds?.resourceName ?? '',
    sourceDataStoreName: null,
    sourceDataStoreType: isRestore ? 'VaultStore' : null,
    destinationDataStoreName: !isRestore && status !== 'Failed' && !running ? 'VaultStore' : null,
    progressEnabled: true,
    etag: `W/"datetime'${encodeURIComponent(armTime(lastUpdate))}'"`,
    sourceSubscriptionID: sourceSub,
    dataSourceLocation: ds?.location ?? '',
    startTime: armTime(job.startTime),
    endTime: endTime === undefined ? null : armTime(endTime),
    dataSourceType: bi?.datasourceType ?? '',
    operationCategory: job.operation,
    operation: job.operation,
    status,
    restoreType: null,
    isUserTriggered: job.isUserTriggered,
    rehydrationPriority: null,
    supportedActions: running && (!isRestore || progress < 0.2) ? ['Cancellable'] : [''],
    duration: detail ? isoDuration(elapsed) : timeSpan(elapsed),
    progressUrl: null,
    isCrossRegionRestore: job.isCrossRegionRestore ? true : null,
    errorDetails: status === 'Failed' && job.error ? [userFacingError(job.error)] : null,
    extendedInfo: detail ? extendedInfo(view) : null,
  };
  return { properties, id: job.id, name: job.name, type: 'Microsoft.DataProtection/backupVaults/backupJobs' };
}

type TaskStatus = 'NotStarted' | 'InProgress' | 'Completed' | 'Failed' | 'CompletedWithWarnings';

function extendedInfo(view: JobView): Record<string, unknown> {
  const { job, status, progress } = view;
  const bytes = Math.round(job.dataBytes * progress);
  const warningDetails =
    status === 'CompletedWithWarnings' && job.warning
      ? [
          {
            resourceName: job.restore?.destination.split('/').pop() ?? null,
            warning: userFacingError(job.warning),
          },
        ]
      : null;
  if (job.operation === 'Backup') {
    const taskStatus: TaskStatus =
      status === 'InProgress'
        ? 'InProgress'
        : status === 'Failed'
          ? 'Failed'
          : status === 'CompletedWithWarnings'
            ? 'CompletedWithWarnings'
            : 'Completed';
    return {
      backupInstanceState: null,
      dataTransferredInBytes: status === 'Failed' ? null : bytes,
      targetRecoverPoint:
        status === 'Completed' || status === 'CompletedWithWarnings'
          ? {
              recoveryPointID: job.name.replace(/-/g, ''),
              recoveryPointTime: armTime(job.startTime + job.durationMs),
            }
          : null,
      sourceRecoverPoint: null,
      recoveryDestination: null,
      subTasks: [
        {
          taskId: 1,
          taskName: 'Trigger Backup',
          taskStatus,
          taskProgress: status === 'InProgress' ? `${Math.floor(progress * 100)}%` : null,
          additionalDetails: {
            DataTransferredInBytes: String(bytes),
            DatasourceType: 'Microsoft.DBforPostgreSQL/servers/databases',
          },
        },
      ],
      additionalDetails: { RetentionTag: 'Default' },
      warningDetails,
    };
  }
  // Restores go through three phases; the job is cancellable only before data transfer starts.
  const phases: [string, number, number][] = [
    ['Trigger Restore', 0, 0.1],
    ['Transfer data', 0.1, 0.85],
    ['Restore database', 0.85, 1],
  ];
  const failedAt = status === 'Failed' ? 1 : undefined;
  const subTasks = phases.map(([taskName, from, to], i) => {
    let taskStatus: TaskStatus;
    let taskProgress: string | null = null;
    if (failedAt !== undefined) {
      taskStatus = i < failedAt ? 'Completed' : i === failedAt ? 'Failed' : 'NotStarted';
    } else if (progress >= to && status !== 'InProgress') {
      taskStatus =
        status === 'CompletedWithWarnings' && i === phases.length - 1 ? 'CompletedWithWarnings' : 'Completed';
    } else if (progress >= to) {
      taskStatus = 'Completed';
    } else if (progress >= from) {
      taskStatus = 'InProgress';
      taskProgress = `${Math.floor(((progress - from) / (to - from)) * 100)}%`;
    } else {
      taskStatus = 'NotStarted';
    }
    return {
      taskId: i + 1,
      taskName: job.restore?.asFiles && i === 2 ? 'Write files' : taskName,
      taskStatus,
      taskProgress,
      additionalDetails: i === 1 ? { DataTransferredInBytes: String(bytes) } : null,
    };
  });
  return {
    backupInstanceState: null,
    dataTransferredInBytes: bytes,
    targetRecoverPoint: null,
    sourceRecoverPoint: job.restore
      ? {
          recoveryPointID: job.restore.recoveryPointId,
          recoveryPointTime: armTime(job.restore.recoveryPointTime),
        }
      : null,
    recoveryDestination: job.restore?.destination ?? null,
    subTasks,
    additionalDetails: job.restore?.asFiles
      ? { 'Restore File Prefix': job.restore.destination.split('/').pop() ?? '' }
      : null,
    warningDetails,
  };
}

/** Operation status as the recordings show it: "Inprogress" and a zero endTime while running. */
export function serializeOperationStatus(
  tenant: Tenant,
  op: Operation,
  requestPath: string,
  now = tenant.now(),
): Record<string, unknown> {
  const status = tenant.operationStatus(op, now);
  const body: Record<string, unknown> = {
    id: requestPath,
    name: op.id,
    status,
    startTime: armTime(op.startTime),
    endTime: status === 'Inprogress' ? '0001-01-01T00:00:00Z' : armTime(op.startTime + op.durationMs),
  };
  if (status === 'Succeeded' && op.jobId)
    body.properties = { jobId: op.jobId, objectType: 'OperationJobExtendedInfo' };
  if (status === 'Failed' && op.error) {
    body.error = {
      additionalInfo: [{ type: 'UserFacingError', info: { ...userFacingError(op.error) } }],
      code: op.error.code,
      message: op.error.message,
      target: null,
      details: null,
    };
  }
  return body;
}

// ---------------------------------------------------------------- restore targets (outside the DataProtection spec)

export function serializePgServer(server: PgServer): Record<string, unknown> {
  if (server.kind === 'flexible') {
    return {
      sku: { name: 'Standard_D2ds_v5', tier: 'GeneralPurpose' },
      properties: {
        administratorLogin: server.administratorLogin,
        version: server.version,
        state: 'Ready',
        fullyQualifiedDomainName: `${server.name}.postgres.database.azure.com`,
      },
      location: server.location,
      tags: {},
      id: server.id,
      name: server.name,
      type: 'Microsoft.DBforPostgreSQL/flexibleServers',
    };
  }
  return {
    sku: { name: 'GP_Gen5_2', tier: 'GeneralPurpose', family: 'Gen5', capacity: 2 },
    properties: {
      administratorLogin: server.administratorLogin,
      version: server.version,
      sslEnforcement: 'Enabled',
      userVisibleState: 'Ready',
      fullyQualifiedDomainName: `${server.name}.postgres.database.azure.com`,
      storageProfile: { backupRetentionDays: 7, geoRedundantBackup: 'Disabled', storageMB: 102400 },
    },
    location: server.location,
    tags: {},
    id: server.id,
    name: server.name,
    type: 'Microsoft.DBforPostgreSQL/servers',
  };
}

export function serializePgDatabase(server: PgServer, name: string): Record<string, unknown> {
  return {
    properties: { charset: 'UTF8', collation: 'English_United States.1252' },
    id: `${server.id}/databases/${name}`,
    name,
    type: 'Microsoft.DBforPostgreSQL/servers/databases',
  };
}

export function serializeKeyVault(kv: KeyVault): Record<string, unknown> {
  return {
    id: kv.id,
    name: kv.name,
    type: 'Microsoft.KeyVault/vaults',
    location: kv.location,
    tags: {},
    properties: {
      sku: { family: 'A', name: 'standard' },
      tenantId: kv.tenantId,
      vaultUri: `https://${kv.name}.vault.azure.net/`,
      enableRbacAuthorization: true,
      enableSoftDelete: true,
      provisioningState: 'Succeeded',
    },
  };
}

export function serializeSecret(kv: KeyVault, secret: KeyVault['secrets'][number]): Record<string, unknown> {
  const seconds = Math.floor(secret.createdAt / 1000);
  const version = guidFromName(`${kv.id}/${secret.name}#v1`).replace(/-/g, '');
  return {
    id: `${kv.id}/secrets/${secret.name}`,
    name: secret.name,
    type: 'Microsoft.KeyVault/vaults/secrets',
    location: kv.location,
    properties: {
      attributes: { enabled: true, created: seconds, updated: seconds },
      contentType: secret.contentType,
      secretUri: `https://${kv.name}.vault.azure.net/secrets/${secret.name}`,
      secretUriWithVersion: `https://${kv.name}.vault.azure.net/secrets/${secret.name}/${version}`,
    },
  };
}

export function serializeStorageAccount(sa: StorageAccount): Record<string, unknown> {
  return {
    sku: { name: sa.sku, tier: 'Standard' },
    kind: 'StorageV2',
    id: sa.id,
    name: sa.name,
    type: 'Microsoft.Storage/storageAccounts',
    location: sa.location,
    tags: {},
    properties: {
      provisioningState: 'Succeeded',
      primaryEndpoints: {
        blob: `https://${sa.name}.blob.core.windows.net/`,
        dfs: `https://${sa.name}.dfs.core.windows.net/`,
      },
      primaryLocation: sa.location,
      statusOfPrimary: 'available',
      allowBlobPublicAccess: false,
      minimumTlsVersion: 'TLS1_2',
    },
  };
}

export function serializeContainer(
  sa: StorageAccount,
  container: StorageAccount['containers'][number],
): Record<string, unknown> {
  return {
    id: `${sa.id}/blobServices/default/containers/${container.name}`,
    name: container.name,
    type: 'Microsoft.Storage/storageAccounts/blobServices/containers',
    etag: `"0x8DC${guidFromName(container.name).replace(/-/g, '').slice(0, 12).toUpperCase()}"`,
    properties: {
      publicAccess: 'None',
      leaseStatus: 'Unlocked',
      leaseState: 'Available',
      lastModifiedTime: new Date(container.createdAt).toISOString(),
      hasImmutabilityPolicy: false,
      hasLegalHold: false,
    },
  };
}
