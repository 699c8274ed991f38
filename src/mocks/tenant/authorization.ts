// Azure RBAC in the simulated tenant: the built-in role definitions it knows (as Azure publishes
// them), role assignments as stored state, what a principal may do at a scope (the permissions API
// and the restore's own checks), and creating an assignment (the wizard's grant). Written without
// src/azure on purpose: the client's permission check is tested against this, not with it.

import { ModelError } from './errors';
import { idKey } from './ids';
import type { RoleAssignment } from './types';

export interface RolePermission {
  actions: string[];
  notActions: string[];
  dataActions: string[];
  notDataActions: string[];
}

export interface RoleDefinition {
  /** GUID, the same in every tenant for built-in roles. */
  id: string;
  roleName: string;
  description: string;
  permissions: RolePermission[];
}

const perm = (p: Partial<RolePermission>): RolePermission => ({
  actions: p.actions ?? [],
  notActions: p.notActions ?? [],
  dataActions: p.dataActions ?? [],
  notDataActions: p.notDataActions ?? [],
});

/** Built-in roles the demo uses, with the permissions Azure's built-in roles reference lists. */
export const BUILT_IN_ROLES: Record<string, RoleDefinition> = {
  owner: {
    id: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
    roleName: 'Owner',
    description:
      'Grants full access to manage all resources, including the ability to assign roles in Azure RBAC.',
    permissions: [perm({ actions: ['*'] })],
  },
  contributor: {
    id: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
    roleName: 'Contributor',
    description:
      'Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC.',
    permissions: [
      perm({
        actions: ['*'],
        notActions: [
          'Microsoft.Authorization/*/Delete',
          'Microsoft.Authorization/*/Write',
          'Microsoft.Authorization/elevateAccess/Action',
        ],
      }),
    ],
  },
  reader: {
    id: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
    roleName: 'Reader',
    description: 'View all resources, but does not allow you to make any changes.',
    permissions: [perm({ actions: ['*/read'] })],
  },
  keyVaultSecretsUser: {
    id: '4633458b-17de-408a-b874-0445c86b69e6',
    roleName: 'Key Vault Secrets User',
    description:
      'Read secret contents. Only works for key vaults that use the Azure role-based access control permission model.',
    permissions: [
      perm({
        dataActions: [
          'Microsoft.KeyVault/vaults/secrets/getSecret/action',
          'Microsoft.KeyVault/vaults/secrets/readMetadata/action',
        ],
      }),
    ],
  },
  storageBlobDataContributor: {
    id: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
    roleName: 'Storage Blob Data Contributor',
    description: 'Read, write, and delete Azure Storage containers and blobs.',
    permissions: [
      perm({
        actions: [
          'Microsoft.Storage/storageAccounts/blobServices/containers/delete',
          'Microsoft.Storage/storageAccounts/blobServices/containers/read',
          'Microsoft.Storage/storageAccounts/blobServices/containers/write',
          'Microsoft.Storage/storageAccounts/blobServices/generateUserDelegationKey/action',
        ],
        dataActions: [
          'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete',
          'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read',
          'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write',
          'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/move/action',
          'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action',
        ],
      }),
    ],
  },
  backupOperator: {
    id: '00c29273-979b-4161-815c-10b084fb9324',
    roleName: 'Backup Operator',
    description:
      'Lets you manage backup services, except removal of backup, vault creation and giving access to others',
    permissions: [
      perm({
        actions: [
          'Microsoft.Authorization/*/read',
          'Microsoft.DataProtection/backupVaults/*/read',
          'Microsoft.DataProtection/locations/*/action',
          'Microsoft.DataProtection/backupVaults/backupInstances/*/action',
          'Microsoft.Resources/subscriptions/resourceGroups/read',
        ],
      }),
    ],
  },
};

export function findRoleDefinition(roleId: string): RoleDefinition | undefined {
  const key = roleId.toLowerCase();
  return Object.values(BUILT_IN_ROLES).find((r) => r.id === key);
}

/** `*` matches any run of characters; comparison is case-insensitive (as RBAC does it). */
export function matchesOperation(pattern: string, operation: string): boolean {
  const escaped = pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`, 'i').test(operation);
}

export type Operation = { action: string } | { dataAction: string };

function permissionAllows(p: RolePermission, op: Operation): boolean {
  const [allowed, denied, name] =
    'action' in op ? [p.actions, p.notActions, op.action] : [p.dataActions, p.notDataActions, op.dataAction];
  return allowed.some((a) => matchesOperation(a, name)) && !denied.some((d) => matchesOperation(d, name));
}

/** True when `ancestor` is `scope` or above it (ids compared case-insensitively). */
export function isAtOrAbove(ancestor: string, scope: string): boolean {
  const a = idKey(ancestor);
  const s = idKey(scope);
  return a === '' || s === a || s.startsWith(`${a}/`);
}

/** The assignments of a principal that apply at `scope` (at it or above). */
export function effectiveAssignments(
  assignments: readonly RoleAssignment[],
  principalId: string,
  scope: string,
): RoleAssignment[] {
  return assignments.filter(
    (a) => a.principalId.toLowerCase() === principalId.toLowerCase() && isAtOrAbove(a.scope, scope),
  );
}

/** The permissions a principal holds at `scope`: one entry per permission of each applicable role. */
export function permissionsAt(
  assignments: readonly RoleAssignment[],
  principalId: string,
  scope: string,
): RolePermission[] {
  return effectiveAssignments(assignments, principalId, scope).flatMap(
    (a) => findRoleDefinition(a.roleDefinitionId)?.permissions ?? [],
  );
}

/** Whether the principal may perform `op` at `scope`. */
export function allows(
  assignments: readonly RoleAssignment[],
  principalId: string,
  scope: string,
  op: Operation,
): boolean {
  return permissionsAt(assignments, principalId, scope).some((p) => permissionAllows(p, op));
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface RoleAssignmentInput {
  scope: string;
  name: string;
  /** Full role definition id as sent (subscription- or tenant-level). */
  roleDefinitionId: string;
  principalId: string;
  principalType: string;
  createdBy: string;
}

function badRequest(code: string, message: string): ModelError {
  return new ModelError({ status: 400, code, message });
}

/**
 * PUT roleAssignments/{name}: what Azure checks before it stores an assignment (a GUID name, a
 * role definition that exists, a GUID principal), and its 409s for an assignment that already
 * exists (same principal, role and scope) or an existing name with other content.
 */
export function createRoleAssignment(
  assignments: RoleAssignment[],
  input: RoleAssignmentInput,
  at: number,
): { assignment: RoleAssignment; created: boolean } {
  if (!GUID.test(input.name))
    throw badRequest(
      'InvalidRoleAssignmentId',
      `The role assignment ID '${input.name}' is not valid. The role assignment ID must be a GUID.`,
    );
  const roleGuid = input.roleDefinitionId.split('/').pop() ?? '';
  const role = /\/providers\/Microsoft\.Authorization\/roleDefinitions\/[^/]+$/i.test(input.roleDefinitionId)
    ? findRoleDefinition(roleGuid)
    : undefined;
  if (!role)
    throw badRequest(
      'RoleDefinitionDoesNotExist',
      `The specified role definition with ID '${roleGuid}' does not exist.`,
    );
  if (!GUID.test(input.principalId))
    throw badRequest('InvalidPrincipalId', 'A valid principal ID must be provided for role assignment.');
  const sameName = assignments.find(
    (a) => a.name.toLowerCase() === input.name.toLowerCase() && idKey(a.scope) === idKey(input.scope),
  );
  const sameContent = (a: RoleAssignment) =>
    a.principalId.toLowerCase() === input.principalId.toLowerCase() &&
    a.roleDefinitionId === role.id &&
    idKey(a.scope) === idKey(input.scope);
  if (sameName) {
    if (sameContent(sameName)) return { assignment: sameName, created: false };
    throw new ModelError({
      status: 409,
      code: 'RoleAssignmentUpdateNotPermitted',
      message: 'Tenant ID, application ID, principal ID, and scope are not allowed to be updated.',
    });
  }
  if (assignments.some(sameContent))
    throw new ModelError({
      status: 409,
      code: 'RoleAssignmentExists',
      message: 'The role assignment already exists.',
    });
  const assignment: RoleAssignment = {
    name: input.name.toLowerCase(),
    scope: input.scope,
    roleDefinitionId: role.id,
    principalId: input.principalId,
    principalType: input.principalType,
    createdAt: at,
    createdBy: input.createdBy,
  };
  assignments.push(assignment);
  return { assignment, created: true };
}
