/* Backup instance and restore-request types, from dataprotection.json 2025-07-01. */
import type {
  AuthCredentials,
  Datasource,
  DatasourceSet,
  IdentityDetails,
  SystemData,
  UserFacingError,
} from '../common/types';

/** Spec `ProtectionStatusDetails`. */
export interface ProtectionStatusDetails {
  errorDetails?: UserFacingError | null;
  status?:
    | 'ConfiguringProtection'
    | 'ConfiguringProtectionFailed'
    | 'ProtectionConfigured'
    | 'ProtectionStopped'
    | 'SoftDeleted'
    | 'SoftDeleting'
    | null;
}

/** Spec `DataStoreParameters` (objectType e.g. `AzureOperationalStoreParameters`). */
export interface DataStoreParameters {
  objectType: string;
  dataStoreType: 'OperationalStore' | 'VaultStore' | 'ArchiveStore';
  resourceGroupId?: string | null;
}

/** Spec `BackupDatasourceParameters` (discriminated; PostgreSQL uses none). */
export interface BackupDatasourceParameters {
  objectType: string;
  [key: string]: unknown;
}

/** Spec `PolicyParameters`. */
export interface PolicyParameters {
  dataStoreParametersList?: DataStoreParameters[] | null;
  backupDatasourceParametersList?: BackupDatasourceParameters[] | null;
}

/** Spec `PolicyInfo`. */
export interface PolicyInfo {
  policyId: string;
  readonly policyVersion?: string | null;
  policyParameters?: PolicyParameters | null;
}

/** Current protection states of a backup instance (spec enum). */
export type CurrentProtectionState =
  | 'Invalid'
  | 'NotProtected'
  | 'ConfiguringProtection'
  | 'ProtectionConfigured'
  | 'BackupSchedulesSuspended'
  | 'RetentionSchedulesSuspended'
  | 'ProtectionStopped'
  | 'ProtectionError'
  | 'ConfiguringProtectionFailed'
  | 'SoftDeleting'
  | 'SoftDeleted'
  | 'UpdatingProtection';

/** Spec `BackupInstance` (the `properties` of an instance). */
export interface BackupInstance {
  friendlyName?: string | null;
  dataSourceInfo: Datasource;
  dataSourceSetInfo?: DatasourceSet | null;
  policyInfo: PolicyInfo;
  resourceGuardOperationRequests?: string[] | null;
  readonly protectionStatus?: ProtectionStatusDetails | null;
  readonly currentProtectionState?: CurrentProtectionState | null;
  readonly protectionErrorDetails?: UserFacingError | null;
  readonly provisioningState?: string | null;
  datasourceAuthCredentials?: AuthCredentials | null;
  validationType?: 'ShallowValidation' | 'DeepValidation' | null;
  identityDetails?: IdentityDetails | null;
  objectType: string;
}

/** Spec `BackupInstanceResource`. */
export interface BackupInstanceResource {
  readonly id?: string;
  readonly name?: string;
  readonly type?: string;
  tags?: Record<string, string> | null;
  systemData?: SystemData | null;
  properties?: BackupInstance | null;
}

/** Spec `BackupInstanceResourceList`. */
export interface BackupInstanceResourceList {
  value?: BackupInstanceResource[] | null;
  nextLink?: string | null;
}

/** Spec `TargetDetails` (restore as files). */
export interface TargetDetails {
  filePrefix: string;
  restoreTargetLocationType: 'Invalid' | 'AzureBlobs' | 'AzureFiles';
  /** Container URL, e.g. `https://acct.blob.core.windows.net/container`. */
  url: string;
  targetResourceArmId?: string;
}

/** Spec `RestoreTargetInfo`: restore as a database (alternate location). */
export interface RestoreTargetInfo {
  objectType: 'RestoreTargetInfo';
  recoveryOption: 'FailIfExists';
  restoreLocation?: string;
  datasourceInfo: Datasource;
  datasourceSetInfo?: DatasourceSet;
  datasourceAuthCredentials?: AuthCredentials;
}

/** Spec `RestoreFilesTargetInfo`: restore as files. */
export interface RestoreFilesTargetInfo {
  objectType: 'RestoreFilesTargetInfo';
  recoveryOption: 'FailIfExists';
  restoreLocation?: string;
  targetDetails: TargetDetails;
}

/** Restore targets used for PostgreSQL (spec `RestoreTargetInfoBase` subtypes). */
export type RestoreTargetInfoBase = RestoreTargetInfo | RestoreFilesTargetInfo;

/** Data store a restore reads from. */
export type SourceDataStoreType = 'ArchiveStore' | 'SnapshotStore' | 'OperationalStore' | 'VaultStore';

interface AzureBackupRestoreRequestBase {
  restoreTargetInfo: RestoreTargetInfoBase;
  sourceDataStoreType: SourceDataStoreType;
  sourceResourceId?: string;
  resourceGuardOperationRequests?: string[];
  identityDetails?: IdentityDetails;
}

/** Spec `AzureBackupRecoveryPointBasedRestoreRequest`. */
export interface AzureBackupRecoveryPointBasedRestoreRequest extends AzureBackupRestoreRequestBase {
  objectType: 'AzureBackupRecoveryPointBasedRestoreRequest';
  recoveryPointId: string;
}

/** Spec `AzureBackupRecoveryTimeBasedRestoreRequest`. */
export interface AzureBackupRecoveryTimeBasedRestoreRequest extends AzureBackupRestoreRequestBase {
  objectType: 'AzureBackupRecoveryTimeBasedRestoreRequest';
  recoveryPointTime: string;
}

/** Spec `AzureBackupRestoreWithRehydrationRequest` (archive-tier points). */
export interface AzureBackupRestoreWithRehydrationRequest extends AzureBackupRestoreRequestBase {
  objectType: 'AzureBackupRestoreWithRehydrationRequest';
  recoveryPointId: string;
  rehydrationPriority: 'Invalid' | 'High' | 'Standard';
  /** ISO 8601 duration, e.g. `P15D`. */
  rehydrationRetentionDuration: string;
}

/** Spec `AzureBackupRestoreRequest` (discriminated by objectType). */
export type AzureBackupRestoreRequest =
  | AzureBackupRecoveryPointBasedRestoreRequest
  | AzureBackupRecoveryTimeBasedRestoreRequest
  | AzureBackupRestoreWithRehydrationRequest;

/** Spec `CrossRegionRestoreDetails`. */
export interface CrossRegionRestoreDetails {
  /** Primary region of the source (the vault's location). */
  sourceRegion: string;
  /** Id of the backup instance in the primary region. */
  sourceBackupInstanceId: string;
}

/** Spec `CrossRegionRestoreRequestObject`: body of `POST locations/{secondary}/crossRegionRestore`. */
export interface CrossRegionRestoreRequestObject {
  restoreRequestObject: AzureBackupRestoreRequest;
  crossRegionRestoreDetails: CrossRegionRestoreDetails;
}

/** Spec `ValidateCrossRegionRestoreRequestObject`: body of `validateCrossRegionRestore`. */
export interface ValidateCrossRegionRestoreRequestObject {
  restoreRequestObject: AzureBackupRestoreRequest;
  crossRegionRestoreDetails: CrossRegionRestoreDetails;
}
