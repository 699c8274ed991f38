// The spec operations the app calls: the contract suite exercises each against the simulator and
// replays the spec's examples of each.

/** The operations the app uses; each must be exercised against the simulator and have its examples replayed. */
export const APP_OPERATIONS = [
  'BackupVaults_GetInSubscription',
  'BackupVaults_GetInResourceGroup',
  'BackupVaults_Get',
  'BackupVaults_Update',
  'BackupVaultOperationResults_Get',
  'BackupInstances_List',
  'BackupInstances_Get',
  'RecoveryPoints_List',
  'RecoveryPoints_Get',
  'FetchSecondaryRecoveryPoints_List',
  'BackupInstances_ValidateCrossRegionRestore',
  'BackupInstances_TriggerCrossRegionRestore',
  'FetchCrossRegionRestoreJobs_List',
  'FetchCrossRegionRestoreJob_Get',
  'Jobs_List',
  'Jobs_Get',
  'OperationStatus_Get',
  'OperationStatusResourceGroupContext_Get',
  'OperationStatusBackupVaultContext_Get',
  'OperationResult_Get',
  // Microsoft.Authorization: the restore wizard's permission check and grant. The client lists
  // `{scope}/providers/Microsoft.Authorization/roleAssignments`; for the scopes it uses the spec
  // names that URL with its more specific templates (resource, subscription).
  'Permissions_ListForResourceGroup',
  'RoleAssignments_ListForResource',
  'RoleAssignments_ListForSubscription',
  'RoleAssignments_Create',
  'RoleDefinitions_Get',
  'RoleDefinitions_GetById',
] as const;
