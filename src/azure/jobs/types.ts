/* Backup job types, from dataprotection.json 2025-07-01 plus fields real ARM sends (marked). */
import type { SystemData, UserFacingError } from '../common/types';

/** Spec `RestoreJobRecoveryPointDetails`. */
export interface RestoreJobRecoveryPointDetails {
  recoveryPointID?: string | null;
  recoveryPointTime?: string | null;
}

/** Spec `JobSubTask`. */
export interface JobSubTask {
  additionalDetails?: Record<string, string> | null;
  taskId: number;
  taskName: string;
  readonly taskProgress?: string | null;
  taskStatus: string;
}

/** Spec `UserFacingWarningDetail`. */
export interface UserFacingWarningDetail {
  resourceName?: string | null;
  warning: UserFacingError;
}

/** Spec `JobExtendedInfo`. */
export interface JobExtendedInfo {
  additionalDetails?: Record<string, string> | null;
  readonly backupInstanceState?: string | null;
  readonly dataTransferredInBytes?: number | null;
  readonly recoveryDestination?: string | null;
  readonly sourceRecoverPoint?: RestoreJobRecoveryPointDetails | null;
  readonly subTasks?: JobSubTask[] | null;
  readonly targetRecoverPoint?: RestoreJobRecoveryPointDetails | null;
  readonly warningDetails?: UserFacingWarningDetail[] | null;
}

/** Spec `AzureBackupJob` (the `properties` of a job). */
export interface AzureBackupJob {
  activityID: string;
  backupInstanceFriendlyName: string;
  readonly backupInstanceId?: string | null;
  dataSourceId: string;
  dataSourceLocation: string;
  dataSourceName: string;
  dataSourceSetName?: string | null;
  dataSourceType: string;
  /** ISO 8601 (`PT1M46S`) or .NET `hh:mm:ss.fffffff`; ARM sends both. */
  duration?: string | null;
  readonly endTime?: string | null;
  readonly errorDetails?: UserFacingError[] | null;
  readonly extendedInfo?: JobExtendedInfo | null;
  isUserTriggered: boolean;
  /** e.g. `Backup`, `Restore`. */
  operation: string;
  operationCategory: string;
  readonly policyId?: string | null;
  readonly policyName?: string | null;
  progressEnabled: boolean;
  readonly progressUrl?: string | null;
  readonly rehydrationPriority?: string | null;
  readonly restoreType?: string | null;
  sourceResourceGroup: string;
  sourceSubscriptionID: string;
  startTime: string;
  /** e.g. `InProgress`, `Completed`, `Failed`, `Cancelled`, `CompletedWithWarnings`. */
  status: string;
  subscriptionId: string;
  supportedActions: string[];
  vaultName: string;
  etag?: string | null;
  sourceDataStoreName?: string | null;
  destinationDataStoreName?: string | null;
  /**
   * Not in the 2025-07-01 spec; real ARM sends it (`null` for ordinary jobs). True marks a
   * cross-region restore job.
   */
  isCrossRegionRestore?: boolean | null;
  /** Not in the 2025-07-01 spec; real ARM sends it, e.g. `VaultStore` for a restore. */
  sourceDataStoreType?: string | null;
}

/** Spec `AzureBackupJobResource`. */
export interface AzureBackupJobResource {
  readonly id?: string;
  readonly name?: string;
  readonly type?: string;
  systemData?: SystemData | null;
  properties?: AzureBackupJob | null;
}

/** Spec `AzureBackupJobResourceList`. */
export interface AzureBackupJobResourceList {
  value?: AzureBackupJobResource[] | null;
  nextLink?: string | null;
}

/** Spec `CrossRegionRestoreJobsRequest`: body of `fetchCrossRegionRestoreJobs`. */
export interface CrossRegionRestoreJobsRequest {
  /** Primary region of the vault. */
  sourceRegion: string;
  /** Id of the vault in the primary region. */
  sourceBackupVaultId: string;
}

/** Spec `CrossRegionRestoreJobRequest`: body of `fetchCrossRegionRestoreJob`. */
export interface CrossRegionRestoreJobRequest extends CrossRegionRestoreJobsRequest {
  /** Job GUID. */
  jobId: string;
}
