/* Backup vault types, from dataprotection.json 2025-07-01 (BackupVaultResource and friends). */
import type { SystemData } from '../common/types';

/** Spec `StorageSetting`: CRR needs `type: 'GeoRedundant'`. */
export interface StorageSetting {
  datastoreType?: 'ArchiveStore' | 'OperationalStore' | 'VaultStore' | null;
  type?: 'GeoRedundant' | 'LocallyRedundant' | 'ZoneRedundant' | null;
}

/** Spec `CrossRegionRestoreSettings`. Enabled cannot go back to Disabled (ARM answers 400). */
export interface CrossRegionRestoreSettings {
  state?: 'Disabled' | 'Enabled' | null;
}

/** Spec `CrossSubscriptionRestoreSettings`. */
export interface CrossSubscriptionRestoreSettings {
  state?: 'Disabled' | 'PermanentlyDisabled' | 'Enabled' | null;
}

/** Spec `FeatureSettings`. */
export interface FeatureSettings {
  crossSubscriptionRestoreSettings?: CrossSubscriptionRestoreSettings | null;
  crossRegionRestoreSettings?: CrossRegionRestoreSettings | null;
}

/** Spec `AzureMonitorAlertSettings`. */
export interface AzureMonitorAlertSettings {
  alertsForAllJobFailures?: 'Enabled' | 'Disabled' | null;
}

/** Spec `MonitoringSettings`. */
export interface MonitoringSettings {
  azureMonitorAlertSettings?: AzureMonitorAlertSettings | null;
}

/** Spec `SoftDeleteSettings`. */
export interface SoftDeleteSettings {
  state?: 'Off' | 'On' | 'AlwaysOn' | null;
  retentionDurationInDays?: number | null;
}

/** Spec `ImmutabilitySettings`. */
export interface ImmutabilitySettings {
  state?: 'Disabled' | 'Unlocked' | 'Locked' | null;
}

/** Spec `CmkKeyVaultProperties`. */
export interface CmkKeyVaultProperties {
  keyUri?: string | null;
}

/** Spec `CmkKekIdentity`. */
export interface CmkKekIdentity {
  identityType?: 'SystemAssigned' | 'UserAssigned' | null;
  identityId?: string | null;
}

/** Spec `encryptionSettings`. */
export interface EncryptionSettings {
  state?: 'Enabled' | 'Disabled' | 'Inconsistent' | null;
  keyVaultProperties?: CmkKeyVaultProperties | null;
  kekIdentity?: CmkKekIdentity | null;
  infrastructureEncryption?: 'Enabled' | 'Disabled' | null;
}

/** Spec `SecuritySettings`. */
export interface SecuritySettings {
  softDeleteSettings?: SoftDeleteSettings | null;
  immutabilitySettings?: ImmutabilitySettings | null;
  encryptionSettings?: EncryptionSettings | null;
}

/** Spec `ResourceMoveDetails`. */
export interface ResourceMoveDetails {
  operationId?: string | null;
  startTimeUtc?: string | null;
  completionTimeUtc?: string | null;
  sourceResourcePath?: string | null;
  targetResourcePath?: string | null;
}

/** Spec `BackupVault` (the `properties` of a vault). */
export interface BackupVault {
  monitoringSettings?: MonitoringSettings | null;
  readonly provisioningState?: 'Failed' | 'Provisioning' | 'Succeeded' | 'Unknown' | 'Updating' | null;
  readonly resourceMoveState?: string | null;
  readonly resourceMoveDetails?: ResourceMoveDetails | null;
  securitySettings?: SecuritySettings | null;
  /** Required by the spec. */
  storageSettings: StorageSetting[];
  readonly isVaultProtectedByResourceGuard?: boolean | null;
  featureSettings?: FeatureSettings | null;
  readonly secureScore?: 'None' | 'Minimum' | 'Adequate' | 'Maximum' | 'NotSupported' | null;
  readonly bcdrSecurityLevel?: 'Poor' | 'Fair' | 'Good' | 'Excellent' | 'NotSupported' | null;
  resourceGuardOperationRequests?: string[] | null;
  /** Secondary region(s) the vault replicates to; `[0]` is the CRR target region. */
  replicatedRegions?: string[] | null;
}

/** Spec `UserAssignedIdentity`. */
export interface UserAssignedIdentity {
  readonly principalId?: string | null;
  readonly clientId?: string | null;
}

/** Spec `DppIdentityDetails`: the vault's managed identity. */
export interface DppIdentityDetails {
  readonly principalId?: string | null;
  readonly tenantId?: string | null;
  type?: string | null;
  userAssignedIdentities?: Record<string, UserAssignedIdentity> | null;
}

/** Spec `BackupVaultResource` (a tracked resource). */
export interface BackupVaultResource {
  readonly id?: string;
  readonly name?: string;
  readonly type?: string;
  location: string;
  tags?: Record<string, string> | null;
  eTag?: string | null;
  identity?: DppIdentityDetails | null;
  systemData?: SystemData | null;
  properties: BackupVault;
}

/** Spec `BackupVaultResourceList`. */
export interface BackupVaultResourceList {
  value?: BackupVaultResource[] | null;
  nextLink?: string | null;
}

/** Spec `PatchBackupVaultInput`. */
export interface PatchBackupVaultInput {
  monitoringSettings?: MonitoringSettings;
  securitySettings?: SecuritySettings;
  featureSettings?: FeatureSettings;
  resourceGuardOperationRequests?: string[];
}

/** Spec `PatchResourceRequestInput`: body of `PATCH backupVaults/{vault}`. */
export interface PatchResourceRequestInput {
  identity?: { type?: string; userAssignedIdentities?: Record<string, Record<string, never>> };
  properties?: PatchBackupVaultInput;
  tags?: Record<string, string>;
}
