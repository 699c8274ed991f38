// Microsoft.Authorization resources as JSON, shaped as the 2022-04-01 spec and its examples: role
// assignments, role definitions and permissions. Absent optional values are left out (no recording
// shows what real ARM sends for them).

import { armTime } from '../arm-response';
import type { RoleDefinition, RolePermission } from '../../tenant/authorization';
import type { RoleAssignment } from '../../tenant/types';

const ROLE_DEFINITIONS = '/providers/Microsoft.Authorization/roleDefinitions';

/** A role definition's id as ARM names it in a subscription (or at tenant level without one). */
export function roleDefinitionId(roleId: string, subscriptionId?: string): string {
  return subscriptionId
    ? `/subscriptions/${subscriptionId}${ROLE_DEFINITIONS}/${roleId}`
    : `${ROLE_DEFINITIONS}/${roleId}`;
}

function subscriptionOf(scope: string): string | undefined {
  return /^\/subscriptions\/([^/]+)/i.exec(scope)?.[1];
}

export function serializeRoleAssignment(a: RoleAssignment): Record<string, unknown> {
  return {
    properties: {
      roleDefinitionId: roleDefinitionId(a.roleDefinitionId, subscriptionOf(a.scope)),
      principalId: a.principalId,
      principalType: a.principalType,
      scope: a.scope,
      createdOn: armTime(a.createdAt),
      updatedOn: armTime(a.createdAt),
      createdBy: a.createdBy,
      updatedBy: a.createdBy,
    },
    id: `${a.scope.replace(/\/+$/, '')}/providers/Microsoft.Authorization/roleAssignments/${a.name}`,
    type: 'Microsoft.Authorization/roleAssignments',
    name: a.name,
  };
}

export function serializePermission(p: RolePermission): Record<string, unknown> {
  return {
    actions: p.actions,
    notActions: p.notActions,
    dataActions: p.dataActions,
    notDataActions: p.notDataActions,
  };
}

export function serializeRoleDefinition(
  role: RoleDefinition,
  subscriptionId?: string,
): Record<string, unknown> {
  return {
    properties: {
      roleName: role.roleName,
      type: 'BuiltInRole',
      description: role.description,
      assignableScopes: ['/'],
      permissions: role.permissions.map(serializePermission),
      createdOn: '2015-02-02T21:55:09.8806423Z',
      updatedOn: '2024-06-12T18:03:26.8810000Z',
    },
    id: roleDefinitionId(role.id, subscriptionId),
    type: 'Microsoft.Authorization/roleDefinitions',
    name: role.id,
  };
}
