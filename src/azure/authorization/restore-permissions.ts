/*
 * What a cross-region restore needs from Azure RBAC, and how to tell whether it is in place, so
 * the wizard finds a missing role before Azure fails the restore an hour later
 * (UserErrorMSIMissingPermissions, the most common real failure):
 * - the caller: the CRR actions on the vault's resource group (where validate and trigger run);
 * - the vault's managed identity: Reader on the target server, Key Vault Secrets User on the key
 *   vault (or a get/list secrets access policy where the vault does not use RBAC), Storage Blob
 *   Data Contributor on the storage account.
 * Where a role is missing, the caller may grant it when their permissions at the target's resource
 * group include `Microsoft.Authorization/roleAssignments/write`.
 */
import type { ArmError } from '../arm-error';
import { parseResourceGroupId, resourceIdKey } from '../resource-id';
import type { KeyVaultAccessPolicy, KeyVaultResource } from '../restore-targets/types';
import { BUILT_IN_ROLES, type BuiltInRole } from './built-in-roles';
import { operationName, permissionsAllow, type Operation } from './permission-match';
import type { Permission, RoleAssignment, RoleDefinition } from './types';

/** The CRR actions the caller needs on the vault's resource group. */
export const CALLER_RESTORE_ACTIONS: readonly Operation[] = [
  { action: 'Microsoft.DataProtection/locations/validateCrossRegionRestore/action' },
  { action: 'Microsoft.DataProtection/locations/crossRegionRestore/action' },
  { action: 'Microsoft.DataProtection/locations/fetchCrossRegionRestoreJob/action' },
];

/** What granting a role needs. */
export const GRANT_ACTION: Operation = { action: 'Microsoft.Authorization/roleAssignments/write' };

/** The targets of a restore, as far as permissions go. */
export type RestorePermissionTargets =
  | {
      kind: 'database';
      serverId: string;
      /** The key vault with the credentials; its RBAC mode decides how access is checked. */
      keyVault: KeyVaultResource & { id: string };
    }
  | {
      kind: 'files';
      storageAccountId: string;
      /** The container id (`.../blobServices/default/containers/{name}`): a role there also counts. */
      containerId: string;
    };

/** One thing the vault's managed identity needs. */
export interface IdentityRequirement {
  key: 'server' | 'keyVault' | 'storage';
  /** The role that grants it. */
  role: BuiltInRole;
  /** Where the role is granted. */
  scope: string;
  /** Where it is checked (the scope itself, or a child a narrower assignment could cover). */
  checkScope: string;
  /** The operation the restore performs. */
  operation: Operation;
  /** A key vault using access policies: the access policy decides, no role assignment helps. */
  accessPolicies?: readonly KeyVaultAccessPolicy[];
}

/** What the vault's managed identity needs for a restore to these targets. */
export function identityRequirements(targets: RestorePermissionTargets): IdentityRequirement[] {
  if (targets.kind === 'files') {
    return [
      {
        key: 'storage',
        role: BUILT_IN_ROLES.storageBlobDataContributor,
        scope: targets.storageAccountId,
        checkScope: targets.containerId,
        operation: { dataAction: 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write' },
      },
    ];
  }
  const kv = targets.keyVault;
  const usesPolicies = kv.properties?.enableRbacAuthorization !== true;
  return [
    {
      key: 'server',
      role: BUILT_IN_ROLES.reader,
      scope: targets.serverId,
      checkScope: targets.serverId,
      operation: { action: 'Microsoft.DBforPostgreSQL/servers/read' },
    },
    {
      key: 'keyVault',
      role: BUILT_IN_ROLES.keyVaultSecretsUser,
      scope: kv.id,
      checkScope: kv.id,
      operation: { dataAction: 'Microsoft.KeyVault/vaults/secrets/getSecret/action' },
      ...(usesPolicies ? { accessPolicies: kv.properties?.accessPolicies ?? [] } : {}),
    },
  ];
}

/**
 * True when a role assignment at `assignmentScope` applies to `scope`: the same scope or one of
 * its ancestors (management groups and the root are above every subscription). The list API also
 * returns assignments *below* the scope, which do not apply.
 */
export function scopeCovers(assignmentScope: string, scope: string): boolean {
  const a = resourceIdKey(assignmentScope);
  if (a === '/' || a.startsWith('/providers/microsoft.management/managementgroups/')) return true;
  const s = resourceIdKey(scope);
  return s === a || s.startsWith(`${a}/`);
}

/** How one requirement stands. */
export type RequirementStatus =
  | { state: 'granted'; grantedBy: string[] }
  | { state: 'missing' }
  /** The check itself failed (typically 403: the caller may not read role assignments). */
  | { state: 'unknown'; error: ArmError };

/** Whether the caller can grant a missing role at a scope. */
export type GrantAbility = { state: 'yes' } | { state: 'no' } | { state: 'unknown'; error: ArmError };

/** The result of the identity half of the check for one requirement. */
export interface IdentityCheck {
  requirement: IdentityRequirement;
  status: RequirementStatus;
  /** Only computed for missing roles that a role assignment can fix. */
  grant: GrantAbility | undefined;
}

/** The result of the caller half of the check. */
export interface CallerCheck {
  /** The vault's resource group, where validate and trigger are authorised. */
  scope: string;
  operations: readonly Operation[];
  /** Missing operations (empty when everything is allowed). */
  missing: string[];
  status: RequirementStatus;
}

/** Everything the permissions step shows. */
export interface RestorePermissionCheck {
  principalId: string;
  caller: CallerCheck;
  identity: IdentityCheck[];
  /** True when nothing is known to be missing (unknowns do not block: the user may go on). */
  nothingMissing: boolean;
}

/** Which of `assignments` (with their role definitions) allow the requirement's operation. */
export function rolesAllowing(
  requirement: IdentityRequirement,
  assignments: readonly RoleAssignment[],
  definitions: ReadonlyMap<string, RoleDefinition>,
): string[] {
  const names: string[] = [];
  for (const assignment of assignments) {
    const scope = assignment.properties?.scope;
    const definitionId = assignment.properties?.roleDefinitionId;
    if (!scope || !definitionId || !scopeCovers(scope, requirement.checkScope)) continue;
    const definition = definitions.get(roleDefinitionKey(definitionId));
    if (definition && permissionsAllow(definition.properties?.permissions ?? [], requirement.operation)) {
      names.push(definition.properties?.roleName ?? definition.name ?? definitionId);
    }
  }
  return [...new Set(names)];
}

/** Role definitions are keyed by GUID: assignments name them at subscription or tenant level. */
export function roleDefinitionKey(roleDefinitionId: string): string {
  return (roleDefinitionId.split('/').pop() ?? roleDefinitionId).toLowerCase();
}

/** Whether a key vault access policy gives the principal `get` on secrets (what the restore reads). */
export function accessPolicyAllows(policies: readonly KeyVaultAccessPolicy[], principalId: string): boolean {
  return policies.some(
    (p) =>
      p.objectId?.toLowerCase() === principalId.toLowerCase() &&
      (p.permissions?.secrets ?? []).some((s) => s.toLowerCase() === 'get' || s.toLowerCase() === 'all'),
  );
}

/** The caller's missing operations at a scope, from the permissions API's answer. */
export function missingOperations(
  permissions: readonly Permission[],
  operations: readonly Operation[],
): string[] {
  return operations.filter((op) => !permissionsAllow(permissions, op)).map(operationName);
}

/** The resource group id of any id below one. */
export function resourceGroupIdOf(id: string): string {
  const p = parseResourceGroupId(id);
  return `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroupName}`;
}
