// Resource Graph's view of the simulated tenant: the `RecoveryServicesResources` rows of backup
// instances and of their vaults' backup jobs (14 days, as Resource Graph keeps), shaped like the
// recorded real rows (test_dataprotection_cross_region_restore.json,
// test_dataprotection_backup_instance_list_from_resource_graph.json,
// test_dataprotection_job_list_and_show.json) and derived from the same tenant state the
// DataProtection routes serve, so recovery point times and jobs match those lists exactly.

import { armTime, timeSpan } from '../arm-response';
import type { Row } from '../kql';
import type { JobView, Tenant } from '../../tenant/tenant';
import type { BackupInstance, Vault } from '../../tenant/types';
import { serializeInstance } from './data-protection';
import { serializeJob } from './jobs';

/** Top-level columns of a `RecoveryServicesResources` row (as recorded). */
export const RECOVERY_SERVICES_COLUMNS = [
  'id',
  'name',
  'type',
  'tenantId',
  'kind',
  'location',
  'resourceGroup',
  'subscriptionId',
  'managedBy',
  'sku',
  'plan',
  'properties',
  'tags',
  'identity',
  'zones',
  'extendedLocation',
] as const;

/** What real rows write for a timestamp or duration that does not apply (DateTime/TimeSpan.MinValue). */
const NO_TIME = '0001-01-01T00:00:00Z';
const NO_DURATION = '-10675199.02:48:05.4775808';
const HOUR = 3_600_000;

/** The simulated policies back up daily; in the recordings the secondary frequency is 6 h longer. */
const BACKUP_INTERVAL_MS = 24 * HOUR;
const SECONDARY_EXTRA_MS = 6 * HOUR;

const BASE_OPERATIONS = [
  'BackupNow',
  'Restore',
  'ChangePolicy',
  'EditBackupInstance',
  'StopBackup',
  'Delete',
];

function extendedProperties(tenant: Tenant, bi: BackupInstance, vault: Vault, now: number): Row {
  const secondary = vault.crrState === 'Enabled' ? tenant.secondaryRegionOf(vault) : undefined;
  const time = (ms: number | undefined) => (ms === undefined ? NO_TIME : armTime(ms));
  let points: Row | undefined;
  // Recovery points are the expensive part: computed when a query reads them (a page's rows).
  const recoveryPointInfo = (): Row => {
    const primaryPoints = tenant.primaryRecoveryPoints(bi, now);
    const secondaryPoints = secondary ? tenant.secondaryRecoveryPoints(bi, now) : [];
    return {
      oldestRecoveryPointInSecondaryRegion: time(secondaryPoints.at(-1)?.time),
      latestRecoveryPointInSecondaryRegion: time(secondaryPoints[0]?.time),
      latestRecoveryPointInPrimaryRegion: time(primaryPoints[0]?.time),
      oldestRecoveryPointInPrimaryRegion: time(primaryPoints.at(-1)?.time),
    };
  };
  // Real policies' thresholds are 1.5 x the backup interval (recorded: 7.00:00:00 -> 10.12:00:00,
  // 7.06:00:00 -> 10.21:00:00).
  const secondaryInterval = BACKUP_INTERVAL_MS + SECONDARY_EXTRA_MS;
  const retention = timeSpan(bi.retentionDays * 24 * HOUR);
  return {
    allowedOperations: secondary
      ? [...BASE_OPERATIONS, 'ViewSecondaryRecoveryPoint', 'RestoreToSecondaryRegion']
      : BASE_OPERATIONS,
    protectionStateInSecondaryRegion: secondary ? 'ProtectionConfigured' : 'NotProtected',
    protectedPrimaryRegion: vault.location,
    vaultId: vault.id,
    protectedSecondaryRegion: secondary ?? '',
    dataSourceExtendedInfo: { dataSourceId: bi.friendlyName.replace('/', '\\') },
    policyExtendedInfo: {
      configuredRPGenerationFrequencyInSecondaryRegion: secondary ? timeSpan(secondaryInterval) : NO_DURATION,
      configuredMaximumRetentionInSecondaryRegion: secondary ? retention : NO_DURATION,
      rpoWarningThresholdInSecondaryRegion: secondary ? timeSpan(secondaryInterval * 1.5) : NO_DURATION,
      rpoWarningThresholdInPrimaryRegion: timeSpan(BACKUP_INTERVAL_MS * 1.5),
      configuredRPGenerationFrequency: timeSpan(BACKUP_INTERVAL_MS),
      configuredMaximumRetention: retention,
    },
    get recoveryPointInfo(): Row {
      return (points ??= recoveryPointInfo());
    },
  };
}

function instanceProperties(tenant: Tenant, bi: BackupInstance, vault: Vault, now: number): Row {
  const direct = serializeInstance(bi);
  const base = (direct['properties'] ?? {}) as Row;
  const withNulls = (ds: unknown) =>
    ds ? { ...(ds as Row), resourceProperties: null, baseUri: null } : null;
  return {
    protectionStatus: { errorDetails: null, status: 'ProtectionConfigured' },
    friendlyName: base['friendlyName'],
    currentProtectionState: base['currentProtectionState'],
    resourceGuardOperationRequests: null,
    dataSourceInfo: withNulls(base['dataSourceInfo']),
    objectType: 'BackupInstance',
    dataSourceSetInfo: withNulls(base['dataSourceSetInfo']),
    policyInfo: { ...(base['policyInfo'] as Row), policyParameters: null, policyVersion: '' },
    backupInstanceExtendedProperties: extendedProperties(tenant, bi, vault, now),
    datasourceAuthCredentials: base['datasourceAuthCredentials'] ?? null,
    protectionErrorDetails: null,
    dataSourceProperties: null,
    provisioningState: base['provisioningState'],
    identityDetails: null,
    validationType: null,
  };
}

function instanceRow(tenant: Tenant, bi: BackupInstance, vault: Vault, tenantId: string, now: number): Row {
  return {
    id: bi.id,
    name: bi.name,
    type: 'microsoft.dataprotection/backupvaults/backupinstances',
    tenantId,
    kind: '',
    location: vault.location,
    resourceGroup: vault.resourceGroup,
    subscriptionId: vault.subscriptionId,
    managedBy: '',
    sku: null,
    plan: null,
    // Built on each read and not kept: the evaluator reads a row once per pass, and 50,000 rows
    // with their properties would weigh far more than the tenant itself.
    get properties(): Row {
      return instanceProperties(tenant, bi, vault, now);
    },
    tags: null,
    identity: null,
    zones: null,
    extendedLocation: null,
  };
}

let lastJob: { view: JobView; properties: Row } | undefined;

function jobProperties(tenant: Tenant, view: JobView): Row {
  const listed = serializeJob(tenant, view, false)['properties'] as Row;
  return Object.defineProperty(listed, 'extendedInfo', {
    enumerable: true,
    get: () => (serializeJob(tenant, view, true)['properties'] as Row)['extendedInfo'],
  });
}

/**
 * A job's row (type `microsoft.dataprotection/backupvaults/backupjobs`): its properties are the
 * job's as its vault's `backupJobs` list returns them (TimeSpan duration), with the single-job
 * `extendedInfo` (sub-tasks, recovery points) as in the recorded rows
 * (test_dataprotection_job_list_and_show.json). Built on each read, like an instance's.
 */
function jobRow(tenant: Tenant, view: JobView, vault: Vault, tenantId: string): Row {
  return {
    id: view.job.id,
    name: view.job.name,
    type: 'microsoft.dataprotection/backupvaults/backupjobs',
    tenantId,
    kind: '',
    location: '',
    resourceGroup: vault.resourceGroup,
    subscriptionId: vault.subscriptionId,
    managedBy: '',
    sku: null,
    plan: null,
    get properties(): Row {
      // A projection reads `properties` once per column: build it once per row in a row (one
      // slot, so 100,000 rows never hold 100,000 built property objects).
      if (lastJob?.view !== view) lastJob = { view, properties: jobProperties(tenant, view) };
      return lastJob.properties;
    },
    tags: null,
    identity: null,
    zones: null,
    extendedLocation: null,
  };
}

/**
 * The `RecoveryServicesResources` rows of the given subscriptions (every subscription of the
 * tenant when the request names none), computed at `now`.
 */
export function* recoveryServicesRows(
  tenant: Tenant,
  subscriptions: readonly string[] | undefined,
  now = tenant.now(),
): Generator<Row, void, undefined> {
  const wanted = subscriptions ? new Set(subscriptions.map((s) => s.toLowerCase())) : undefined;
  for (const sub of tenant.listSubscriptions()) {
    if (wanted && !wanted.has(sub.subscriptionId.toLowerCase())) continue;
    for (const vault of tenant.listVaultsInSubscription(sub.subscriptionId)) {
      for (const bi of tenant.listInstances(vault)) yield instanceRow(tenant, bi, vault, sub.tenantId, now);
      // Primary-region jobs only: whether cross-region restore jobs reach Resource Graph is not
      // documented, so the app lists those with fetchCrossRegionRestoreJobs.
      for (const view of tenant.listJobs(vault, now)) yield jobRow(tenant, view, vault, sub.tenantId);
    }
  }
}
