/* Recovery point types, from dataprotection.json 2025-07-01. */
import type { SystemData } from '../common/types';

/** Spec `RecoveryPointDataStoreDetails`. */
export interface RecoveryPointDataStoreDetails {
  creationTime?: string | null;
  expiryTime?: string | null;
  id?: string | null;
  metaData?: string | null;
  state?: string | null;
  /** Data store, e.g. `VaultStore`, `ArchiveStore`. */
  type?: string | null;
  visible?: boolean | null;
  readonly rehydrationExpiryTime?: string | null;
  readonly rehydrationStatus?:
    'CREATE_IN_PROGRESS' | 'COMPLETED' | 'DELETE_IN_PROGRESS' | 'DELETED' | 'FAILED' | null;
}

/** Spec `AzureBackupDiscreteRecoveryPoint` (the only `AzureBackupRecoveryPoint` subtype). */
export interface AzureBackupDiscreteRecoveryPoint {
  objectType: 'AzureBackupDiscreteRecoveryPoint';
  friendlyName?: string | null;
  recoveryPointDataStoresDetails?: RecoveryPointDataStoreDetails[] | null;
  /** When the point was taken (UTC, ISO 8601). Required by the spec. */
  recoveryPointTime: string;
  policyName?: string | null;
  policyVersion?: string | null;
  recoveryPointId?: string | null;
  recoveryPointType?: string | null;
  retentionTagName?: string | null;
  retentionTagVersion?: string | null;
  readonly expiryTime?: string | null;
  recoveryPointState?: 'Completed' | 'Partial' | null;
}

/** Spec `AzureBackupRecoveryPoint` (discriminated by objectType). */
export type AzureBackupRecoveryPoint = AzureBackupDiscreteRecoveryPoint;

/** Spec `AzureBackupRecoveryPointResource`. */
export interface AzureBackupRecoveryPointResource {
  readonly id?: string;
  readonly name?: string;
  readonly type?: string;
  systemData?: SystemData | null;
  properties?: AzureBackupRecoveryPoint | null;
}

/** Spec `AzureBackupRecoveryPointResourceList`. */
export interface AzureBackupRecoveryPointResourceList {
  value?: AzureBackupRecoveryPointResource[] | null;
  nextLink?: string | null;
}

/** Spec `FetchSecondaryRPsRequestParameters`: body of `fetchSecondaryRecoveryPoints`. */
export interface FetchSecondaryRPsRequestParameters {
  /** Primary region of the backup instance. */
  sourceRegion?: string;
  /** Id of the backup instance in the primary region. */
  sourceBackupInstanceId?: string;
}

/** Spec `RecoveryPointsFilters` (x-ms-odata of the recovery point lists). */
export interface RecoveryPointsFilters {
  restorePointDataStoreId?: string;
  isVisible?: boolean;
  startDate?: string;
  endDate?: string;
  extendedInfo?: boolean;
  restorePointState?: string;
}
