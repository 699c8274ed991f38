// What the contract suites share: whether the specs are there (without ../shared/azure-spec
// each suite reports itself skipped) and the spec operations the app calls, each exercised
// against the simulator with its examples replayed.

import { describe } from 'vitest';
import { loadSpec } from './spec-loader';

/** The DataProtection and Authorization specs, or why they are not available. */
export const specAvailability = loadSpec();

/** `describe` where the specs are available, else `describe.skip`. */
export const specSuite = specAvailability.available ? describe : describe.skip;

/** The title of the contract suites: the specs they check against, or why they are skipped. */
export const CONTRACT_TITLE = specAvailability.available
  ? 'contract (DataProtection 2025-07-01, Authorization 2022-04-01)'
  : `contract SKIPPED: ${specAvailability.reason}`;
if (!specAvailability.available) console.warn(`[contract] ${CONTRACT_TITLE}`);

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
