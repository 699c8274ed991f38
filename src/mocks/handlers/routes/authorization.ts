// Microsoft.Authorization (2022-04-01): the caller's permissions at a resource group, role
// assignments at any scope (list with the spec's filters, get, create) and role definitions by id,
// all answered from the tenant's role assignments. The caller is always the demo user.

import { ok, pageOf, type ArmContext } from '../arm-response';
import {
  serializePermission,
  serializeRoleAssignment,
  serializeRoleDefinition,
} from '../serializers/authorization';
import {
  effectiveAssignments,
  findRoleDefinition,
  isAtOrAbove,
  permissionsAt,
} from '../../tenant/authorization';
import { ModelError, resourceNotFound } from '../../tenant/errors';
import { isRecord, nonEmptyString } from '../../tenant/json';
import { DEMO_USER } from '../../tenant/tenant';
import type { RoleAssignment } from '../../tenant/types';
import { param, route, type Params, type Route } from './route';

const API_VERSIONS = ['2022-04-01'];
const AUTH = 'providers/Microsoft.Authorization';

export function authorizationRoutes(): Route[] {
  const scoped = (method: string, template: string, action: string, handle: Route['handle']) =>
    route(method, template, API_VERSIONS, action, handle, ['scope']);
  return [
    route(
      'GET',
      `/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}/${AUTH}/permissions`,
      API_VERSIONS,
      'Microsoft.Authorization/permissions/read',
      (ctx, params) => {
        const sub = param(params, 'subscriptionId');
        const rg = ctx.tenant.requireResourceGroup(sub, param(params, 'resourceGroupName'));
        const scope = `/subscriptions/${sub}/resourceGroups/${rg.name}`;
        const permissions = permissionsAt(ctx.tenant.roleAssignments, DEMO_USER.objectId, scope);
        return ok(pageOf(ctx, permissions, ctx.tenant.pageSizes.resources, serializePermission));
      },
    ),
    scoped(
      'GET',
      `/{scope}/${AUTH}/roleAssignments`,
      'Microsoft.Authorization/roleAssignments/read',
      (ctx, params) => {
        const scope = requireScope(ctx, params);
        const assignments = filterAssignments(
          ctx.tenant.roleAssignments,
          scope,
          ctx.url.searchParams.get('$filter'),
        );
        return ok(pageOf(ctx, assignments, ctx.tenant.pageSizes.resources, serializeRoleAssignment));
      },
    ),
    scoped(
      'GET',
      `/{scope}/${AUTH}/roleAssignments/{roleAssignmentName}`,
      'Microsoft.Authorization/roleAssignments/read',
      (ctx, params) => {
        const scope = requireScope(ctx, params);
        const name = param(params, 'roleAssignmentName').toLowerCase();
        const found = ctx.tenant.roleAssignments.find(
          (a) => a.name === name && a.scope.toLowerCase() === scope.toLowerCase(),
        );
        if (!found)
          throw new ModelError({
            status: 404,
            code: 'RoleAssignmentNotFound',
            message: 'The role assignment does not exist.',
          });
        return ok(serializeRoleAssignment(found));
      },
    ),
    scoped(
      'PUT',
      `/{scope}/${AUTH}/roleAssignments/{roleAssignmentName}`,
      'Microsoft.Authorization/roleAssignments/write',
      (ctx, params) => {
        const scope = requireScope(ctx, params);
        const properties =
          isRecord(ctx.body) && isRecord(ctx.body.properties) ? ctx.body.properties : undefined;
        const roleDefinitionId = nonEmptyString(properties?.roleDefinitionId);
        const principalId = nonEmptyString(properties?.principalId);
        if (!roleDefinitionId || !principalId)
          throw new ModelError({
            status: 400,
            code: 'InvalidRequestContent',
            message:
              "The request content is invalid: 'properties.roleDefinitionId' and 'properties.principalId' are required.",
          });
        const { assignment, created } = ctx.tenant.createRoleAssignment({
          scope,
          name: param(params, 'roleAssignmentName'),
          roleDefinitionId,
          principalId,
          principalType: nonEmptyString(properties?.principalType) ?? 'User',
          createdBy: DEMO_USER.objectId,
        });
        return { status: created ? 201 : 200, body: serializeRoleAssignment(assignment) };
      },
    ),
    scoped(
      'GET',
      `/{scope}/${AUTH}/roleDefinitions/{roleDefinitionId}`,
      'Microsoft.Authorization/roleDefinitions/read',
      (ctx, params) => {
        const scope = requireScope(ctx, params);
        return ok(
          serializeRoleDefinition(requireRole(param(params, 'roleDefinitionId')), subscriptionOf(scope)),
        );
      },
    ),
    route(
      'GET',
      `/${AUTH}/roleDefinitions/{roleDefinitionId}`,
      API_VERSIONS,
      'Microsoft.Authorization/roleDefinitions/read',
      (_ctx, params) => ok(serializeRoleDefinition(requireRole(param(params, 'roleDefinitionId')))),
    ),
  ];
}

function subscriptionOf(scope: string): string | undefined {
  return /^\/subscriptions\/([^/]+)/i.exec(scope)?.[1];
}

function requireRole(roleId: string) {
  const role = findRoleDefinition(roleId);
  if (!role)
    throw new ModelError({
      status: 404,
      code: 'RoleDefinitionDoesNotExist',
      message: `The role definition '${roleId}' could not be found.`,
    });
  return role;
}

/** The scope in the URL, once its subscription, resource group and (for a resource) the resource exist. */
function requireScope(ctx: ArmContext, params: Params): string {
  const scope = `/${param(params, 'scope').replace(/^\/+|\/+$/g, '')}`;
  const m = /^\/subscriptions\/([^/]+)(?:\/resourceGroups\/([^/]+)(\/providers\/.+)?)?$/i.exec(scope);
  if (!m?.[1])
    throw new ModelError({
      status: 400,
      code: 'InvalidScope',
      message: `The scope '${scope}' is not valid.`,
    });
  if (!m[2]) {
    ctx.tenant.requireSubscription(m[1]);
    return scope;
  }
  ctx.tenant.requireResourceGroup(m[1], m[2]);
  if (m[3] && !resourceExists(ctx, scope)) {
    const type = /\/providers\/(.+)\/[^/]+$/.exec(m[3])?.[1] ?? '';
    throw resourceNotFound(
      type
        .split('/')
        .filter((_, i) => i % 2 === 0)
        .join('/'),
      scope.split('/').pop() ?? '',
      m[2],
    );
  }
  return scope;
}

/** Resources role assignments can name here: the tenant's restore targets, vaults and their children. */
function resourceExists(ctx: ArmContext, scope: string): boolean {
  const t = ctx.tenant;
  const key = scope.toLowerCase();
  const ids = [
    ...[...t.pgServers.values()].map((s) => s.id),
    ...[...t.keyVaults.values()].map((k) => k.id),
    ...[...t.storageAccounts.values()].flatMap((a) => [
      a.id,
      ...a.containers.map((c) => `${a.id}/blobServices/default/containers/${c.name}`),
    ]),
    ...[...t.vaults.values()].map((v) => v.id),
  ];
  return ids.some((id) => key === id.toLowerCase());
}

/**
 * The spec's filters: none (at, above and below the scope), `atScope()` (at or above), and
 * `principalId eq '{id}'` (that principal's, at, above and below). Quotes are optional, as in the spec's text.
 */
function filterAssignments(
  all: readonly RoleAssignment[],
  scope: string,
  filter: string | null,
): RoleAssignment[] {
  const related = (a: RoleAssignment) => isAtOrAbove(a.scope, scope) || isAtOrAbove(scope, a.scope);
  const text = filter?.trim() ?? '';
  if (text === '') return all.filter(related);
  if (/^atScope\(\)$/i.test(text)) return all.filter((a) => isAtOrAbove(a.scope, scope));
  const principal = /^principalId\s+eq\s+'?([0-9a-f-]+)'?$/i.exec(text)?.[1];
  if (principal) {
    const mine = all.filter((a) => a.principalId.toLowerCase() === principal.toLowerCase());
    return [
      ...effectiveAssignments(mine, principal, scope),
      ...mine.filter((a) => !isAtOrAbove(a.scope, scope) && isAtOrAbove(scope, a.scope)),
    ];
  }
  throw new ModelError({
    status: 400,
    code: 'UnsupportedQuery',
    message: `The filter '${text}' is not supported. Supported filters are 'atScope()' and "principalId eq '{value}'".`,
  });
}
