/** Public surface of the ARM data layer. */
export { ArmError, isArmError } from './arm-error';
export type { ArmErrorAdditionalInfo, ArmErrorDetail, ArmErrorKind } from './arm-error';
export { AZURE_CLOUDS, AzureChinaCloud, AzurePublicCloud, AzureUSGovernment, getCloud } from './clouds';
export type { AzureCloud, AzureCloudName } from './clouds';
export { DemoCredential } from './credentials';
export type { ArmGetTokenOptions, DemoCredentialOptions } from './credentials';
export { ArmClient } from './arm-client';
export type { ArmClientOptions, ArmQuery, ArmRequestOptions, ArmResponse } from './arm-client';
export { ArmPoller, classifyOperationStatus } from './lro';
export type { BeginOperationOptions, FinalStateVia, LroProgress, LroState } from './lro';
export { collectAll } from './paging';
export type { ArmPage, PagedAsyncIterableIterator, PageSettings } from './paging';
export { isReadRequest } from './policies/retry-policy';
export { DATA_PROTECTION_API_VERSION, DataProtectionClient } from './data-protection-client';
export type {
  DataProtectionClientOptions,
  ListWithFilterOptions,
  OperationOptions,
} from './data-protection-client';
export { RESOURCES_API_VERSION, ResourcesClient, normaliseRegion, pairedRegion } from './resources-client';
export * from './resource-id';
export { createArm } from './arm';
export type { Arm, CreateArmOptions } from './arm';
export { ArmContext, useArm } from './arm-context';
export { armKeys, armMutationKeys } from './query-keys';
export type { RecoveryPointRange } from './query-keys';
export type { OperationStartedInfo } from './query-context';
export {
  createQueryClient,
  shouldRetryQuery,
  DEFAULT_GC_TIME_MS,
  DEFAULT_STALE_TIME_MS,
} from './query-client';
export type { UpdateBackupVaultVariables } from './backup-vaults/queries';
export type { CrossRegionRestoreResult, CrossRegionRestoreVariables } from './backup-instances/queries';
export { recoveryPointTimeFilter } from './recovery-points/queries';
export type { RecoveryPointWindow } from './recovery-points/queries';
export type { CrossRegionJobsArgs } from './jobs/queries';
export type { SleepFn } from './sleep';
export type * from './models';
