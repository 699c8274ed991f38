// Microsoft.DataProtection resources as JSON: vaults, backup instances, recovery points and
// operation status. Shapes follow the 2025-07-01 spec plus real ARM's habits from the recordings
// (explicit nulls on recovery points, "Inprogress" operation status).

import { armTime } from '../arm-response';
import { userFacingError } from '../arm-errors';
import { guidFromName } from '../../tenant/prng';
import type { Tenant } from '../../tenant/tenant';
import type { BackupInstance, Operation, RecoveryPoint, Vault } from '../../tenant/types';

export function serializeVault(tenant: Tenant, vault: Vault): Record<string, unknown> {
  const updating = tenant.pendingVaultOperation(vault) !== undefined;
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
          id: guidFromName(`${bi.vaultId}#${rp.tier === 'archive' ? 'archivestore' : 'vaultstore'}`),
          type: rp.tier === 'archive' ? 'ArchiveStore' : 'VaultStore',
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

/** Operation status as the recordings show it: "Inprogress" and a zero endTime while running. */
export function serializeOperationStatus(tenant: Tenant, op: Operation, requestPath: string) {
  const status = tenant.operationStatus(op);
  const body: Record<string, unknown> = {
    id: requestPath,
    name: op.id,
    status,
    startTime: armTime(op.startTime),
    endTime: status === 'Inprogress' ? '0001-01-01T00:00:00Z' : armTime(op.startTime + op.durationMs),
  };
  if (status === 'Succeeded' && op.jobId)
    body.properties = { jobId: op.jobId, objectType: 'OperationJobExtendedInfo' };
  if (status === 'Failed' && op.error) body.error = userFacingError(op.error, null);
  return body;
}
