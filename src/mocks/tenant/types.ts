// Plain data of the simulated tenant. Ids are stored as ARM returns them; maps are keyed by the
// lower-cased id because ARM ids are case-insensitive.

export type StorageRedundancy = 'GeoRedundant' | 'LocallyRedundant' | 'ZoneRedundant';
export type CrrState = 'Enabled' | 'Disabled';
export type JobFinalStatus = 'Completed' | 'Failed' | 'CompletedWithWarnings' | 'Cancelled';
export type PgDatasourceType =
  'Microsoft.DBforPostgreSQL/servers/databases' | 'Microsoft.DBforPostgreSQL/flexibleServers';

export interface Subscription {
  subscriptionId: string;
  displayName: string;
  tenantId: string;
  state: 'Enabled' | 'Disabled' | 'Warned';
  quotaId: string;
}

export interface ResourceGroup {
  subscriptionId: string;
  name: string;
  location: string;
}

export interface Vault {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  redundancy: StorageRedundancy;
  /** Absent = never configured (real ARM then omits crossRegionRestoreSettings). */
  crrState: CrrState | undefined;
  /** When CRR became Enabled; only copies replicated after that show in the secondary region. */
  crrEnabledAt: number | undefined;
  softDeleteState: 'On' | 'Off' | 'AlwaysOn';
  immutabilityState: 'Disabled' | 'Unlocked' | 'Locked';
  alertsForAllJobFailures: 'Enabled' | 'Disabled';
  principalId: string;
  tags: Record<string, string>;
  instanceIds: string[];
  /** Jobs in the secondary region (cross-region restores), newest last. */
  crrJobs: Job[];
  /** Primary-region jobs stored explicitly; scheduled backups are derived from the recovery-point schedule. */
  storedJobs: Job[];
  /**
   * The benchmark's generated jobs (`?jobs=`, bulk vaults only), built on first list; a vault with
   * them derives no scheduled backup jobs from its instances.
   */
  generatedJobs?: GeneratedJobs | undefined;
}

/** How many jobs to generate for a bulk vault, in each region, laid out before `builtAt`. */
export interface GeneratedJobs {
  primary: number;
  secondary: number;
  builtAt: number;
}

export interface DatasourceRef {
  resourceId: string;
  resourceName: string;
  resourceType: string;
  location: string;
}

export interface BackupInstance {
  id: string;
  name: string;
  vaultId: string;
  friendlyName: string;
  datasourceType: PgDatasourceType;
  datasource: DatasourceRef;
  datasourceSet: DatasourceRef | undefined;
  policyName: string;
  secretUri: string | undefined;
  /** Time of the first scheduled backup; one recovery point per day after that. */
  firstBackupAt: number;
  retentionDays: number;
  /** Recovery points older than this many days are in the archive tier (undefined: never archived). */
  archiveAfterDays?: number | undefined;
  /** Min/max hours a recovery point takes to reach the secondary region; undefined = not replicating. */
  replicationLagHours: { min: number; max: number } | undefined;
  /** Instances appended later than t0 must not produce recovery points before they existed. */
  seed: number;
}

export interface RecoveryPoint {
  recoveryPointId: string;
  time: number;
  expiry: number;
  /** When the copy reached the secondary region; undefined = never (not replicating). */
  replicatedAt: number | undefined;
  /** Where the data lives now: points older than the instance's `archiveAfterDays` moved to the archive tier. */
  tier: 'vault' | 'archive';
}

/** A role assignment: `principalId` holds role `roleDefinitionId` (a GUID) at `scope` and below. */
export interface RoleAssignment {
  /** GUID chosen by whoever created it. */
  name: string;
  scope: string;
  roleDefinitionId: string;
  principalId: string;
  principalType: string;
  createdAt: number;
  createdBy: string;
}

export interface JobError {
  code: string;
  message: string;
  recommendedAction: string[];
}

export interface Job {
  /** Full ARM id (…/backupVaults/{vault}/backupJobs/{guid}). */
  id: string;
  name: string;
  vaultId: string;
  instanceId: string;
  operation: 'Backup' | 'Restore';
  startTime: number;
  durationMs: number;
  finalStatus: JobFinalStatus;
  error: JobError | undefined;
  warning: JobError | undefined;
  isCrossRegionRestore: boolean;
  isUserTriggered: boolean;
  activityId: string;
  dataBytes: number;
  restore:
    | {
        recoveryPointId: string;
        recoveryPointTime: number;
        destination: string;
        asFiles: boolean;
        sourceRegion: string | undefined;
      }
    | undefined;
}

export type OperationKind = 'vaultPatch' | 'validateCrossRegionRestore' | 'crossRegionRestore';

export interface Operation {
  /** Opaque id as ARM hands out (base64 of two GUIDs). */
  id: string;
  kind: OperationKind;
  subscriptionId: string;
  resourceGroup: string;
  /** Region that answers operationStatus / operationResults. */
  location: string;
  vaultId: string;
  startTime: number;
  durationMs: number;
  outcome: 'Succeeded' | 'Failed';
  error: JobError | undefined;
  jobId: string | undefined;
  /** Applied once the operation has finished (see Operations.settle). */
  pendingVaultChange:
    | Partial<
        Pick<Vault, 'crrState' | 'crrEnabledAt' | 'softDeleteState' | 'alertsForAllJobFailures' | 'tags'>
      >
    | undefined;
  applied: boolean;
}

export interface PgServer {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  kind: 'single' | 'flexible';
  version: string;
  administratorLogin: string;
  databases: string[];
}

export interface KeyVault {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  tenantId: string;
  /** true: secrets are read through Azure RBAC roles (Key Vault Secrets User). */
  rbacAuthorization: boolean;
  secrets: { name: string; contentType: string; createdAt: number }[];
}

export interface StorageAccount {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  sku: string;
  containers: { name: string; createdAt: number }[];
}

export interface PageSizes {
  subscriptions: number;
  vaults: number;
  instances: number;
  recoveryPoints: number;
  jobs: number;
  resources: number;
}

export interface Timings {
  vaultPatchMs: number;
  validateMs: number;
  crrTriggerMs: number;
  crrJobMs: number;
  retryAfterSeconds: number;
}

/** What an outcome-changing scenario forces; recorded in the journal so a reload replays it. */
export interface OutcomeOverrides {
  crrJob?: { code: string; message: string } | undefined;
  lro?: { code: string; message: string } | undefined;
  /** quick-restore: how long cross-region restore jobs run (ms) instead of `Timings.crrJobMs`. */
  crrJobMs?: number | undefined;
}
