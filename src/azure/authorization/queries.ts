import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { ArmError, isArmError } from '../arm-error';
import type { ArmQueryContext } from '../query-context';
import { armKeys, armMutationKeys } from '../query-keys';
import { parseResourceId, parseBackupVaultId, resourceIdKey } from '../resource-id';
import { roleDefinitionResourceId, type BuiltInRole } from './built-in-roles';
import {
  accessPolicyAllows,
  CALLER_RESTORE_ACTIONS,
  GRANT_ACTION,
  identityRequirements,
  missingOperations,
  resourceGroupIdOf,
  roleDefinitionKey,
  rolesAllowing,
  type CallerCheck,
  type GrantAbility,
  type IdentityCheck,
  type RestorePermissionCheck,
  type RestorePermissionTargets,
} from './restore-permissions';
import type { Permission, RoleAssignment, RoleAssignmentCreateParameters, RoleDefinition } from './types';

/** api-version of Microsoft.Authorization used here. */
export const AUTHORIZATION_API_VERSION = '2022-04-01';

/** Role definitions change about never; keep them a day. */
const ROLE_DEFINITION_STALE_MS = 24 * 60 * 60 * 1000;

/** What the permission check of a restore looks at. */
export interface RestorePermissionCheckArgs {
  /** The source vault: its resource group is where the caller needs the CRR actions. */
  vaultId: string;
  /** The vault's managed identity (`identity.principalId`). */
  principalId: string;
  targets: RestorePermissionTargets;
}

/** Variables of {@link createAuthorizationQueries}' `grantRole`. */
export interface GrantRoleVariables {
  /** Where the role is granted (a resource id). */
  scope: string;
  role: BuiltInRole;
  /** The vault's managed identity. */
  principalId: string;
}

const asArmError = (error: unknown): ArmError =>
  isArmError(error)
    ? error
    : new ArmError({
        status: 0,
        code: 'CheckFailed',
        message: error instanceof Error ? error.message : String(error),
      });

/** Query and mutation factories for Microsoft.Authorization (permissions, role assignments, role definitions). */
export function createAuthorizationQueries(ctx: ArmQueryContext) {
  const queries = {
    /** The caller's permissions at a resource group (all pages). */
    permissions: (resourceGroupId: string) =>
      queryOptions({
        queryKey: armKeys.permissions(resourceGroupId),
        queryFn: ({ signal }) =>
          ctx.client.listAll<Permission>({
            path: `${resourceGroupIdOf(resourceGroupId)}/providers/Microsoft.Authorization/permissions`,
            apiVersion: AUTHORIZATION_API_VERSION,
            signal,
          }),
      }),
    /**
     * A principal's role assignments at, above or below a scope (what the `principalId` filter
     * returns); {@link scopeCovers} tells which apply to the scope.
     */
    roleAssignments: (scope: string, principalId: string) =>
      queryOptions({
        queryKey: armKeys.roleAssignments(scope, principalId),
        queryFn: ({ signal }) =>
          ctx.client.listAll<RoleAssignment>({
            path: `${scope}/providers/Microsoft.Authorization/roleAssignments`,
            apiVersion: AUTHORIZATION_API_VERSION,
            query: { $filter: `principalId eq '${principalId.replace(/'/g, "''")}'` },
            signal,
          }),
      }),
    /** One role definition by its full id (subscription- or tenant-level). */
    roleDefinition: (roleDefinitionId: string) =>
      queryOptions({
        queryKey: armKeys.roleDefinition(roleDefinitionId),
        queryFn: ({ signal }) =>
          ctx.client.request<RoleDefinition>({
            path: roleDefinitionId,
            apiVersion: AUTHORIZATION_API_VERSION,
            signal,
          }),
        staleTime: ROLE_DEFINITION_STALE_MS,
      }),
    /**
     * Whether what a cross-region restore needs is in place; see `restore-permissions.ts`. A part
     * that cannot be checked (403 on the check itself) is reported as unknown, not as a failure.
     */
    restoreCheck: (args: RestorePermissionCheckArgs) =>
      queryOptions({
        queryKey: [
          ...armKeys.authorization(parseBackupVaultId(args.vaultId).subscriptionId),
          'restoreCheck',
          {
            vaultId: resourceIdKey(args.vaultId),
            principalId: args.principalId.toLowerCase(),
            targets: targetKey(args.targets),
          },
        ],
        queryFn: ({ client }) => runRestoreCheck(client, args),
      }),
  };

  async function grantAbility(client: QueryClient, scope: string): Promise<GrantAbility> {
    try {
      const permissions = await client.fetchQuery(queries.permissions(resourceGroupIdOf(scope)));
      return missingOperations(permissions, [GRANT_ACTION]).length === 0 ? { state: 'yes' } : { state: 'no' };
    } catch (error) {
      return { state: 'unknown', error: asArmError(error) };
    }
  }

  async function callerCheck(client: QueryClient, vaultId: string): Promise<CallerCheck> {
    const scope = resourceGroupIdOf(vaultId);
    const base = { scope, operations: CALLER_RESTORE_ACTIONS };
    try {
      const permissions = await client.fetchQuery(queries.permissions(scope));
      return {
        ...base,
        missing: missingOperations(permissions, CALLER_RESTORE_ACTIONS),
        status: statusOfCaller(permissions),
      };
    } catch (error) {
      return { ...base, missing: [], status: { state: 'unknown', error: asArmError(error) } };
    }
  }

  function statusOfCaller(permissions: readonly Permission[]): CallerCheck['status'] {
    return missingOperations(permissions, CALLER_RESTORE_ACTIONS).length === 0
      ? { state: 'granted', grantedBy: [] }
      : { state: 'missing' };
  }

  async function runRestoreCheck(
    client: QueryClient,
    args: RestorePermissionCheckArgs,
  ): Promise<RestorePermissionCheck> {
    const requirements = identityRequirements(args.targets);
    const [caller, ...identity] = await Promise.all([
      callerCheck(client, args.vaultId),
      ...requirements.map(async (requirement): Promise<IdentityCheck> => {
        if (requirement.accessPolicies) {
          const allowed = accessPolicyAllows(requirement.accessPolicies, args.principalId);
          return {
            requirement,
            status: allowed ? { state: 'granted', grantedBy: ['Access policy'] } : { state: 'missing' },
            grant: undefined,
          };
        }
        try {
          const assignments = await client.fetchQuery(
            queries.roleAssignments(requirement.checkScope, args.principalId),
          );
          const definitionIds = [
            ...new Set(
              assignments.map((a) => a.properties?.roleDefinitionId).filter((id): id is string => !!id),
            ),
          ];
          const definitions = new Map<string, RoleDefinition>();
          await Promise.all(
            definitionIds.map(async (id) => {
              definitions.set(roleDefinitionKey(id), await client.fetchQuery(queries.roleDefinition(id)));
            }),
          );
          const grantedBy = rolesAllowing(requirement, assignments, definitions);
          if (grantedBy.length > 0)
            return { requirement, status: { state: 'granted', grantedBy }, grant: undefined };
          return {
            requirement,
            status: { state: 'missing' },
            grant: await grantAbility(client, requirement.scope),
          };
        } catch (error) {
          return { requirement, status: { state: 'unknown', error: asArmError(error) }, grant: undefined };
        }
      }),
    ]);
    const callerResult: CallerCheck = caller;
    const identityResults: IdentityCheck[] = identity;
    return {
      principalId: args.principalId,
      caller: callerResult,
      identity: identityResults,
      nothingMissing:
        callerResult.status.state !== 'missing' && identityResults.every((c) => c.status.state !== 'missing'),
    };
  }

  return {
    queries,
    mutations: {
      /**
       * Grants a built-in role to a principal (the vault's managed identity) at a scope: a role
       * assignment PUT with a new GUID. A 409 RoleAssignmentExists means the role is already
       * there, which is what was wanted. Afterwards every authorization query of the
       * subscription is stale, so the permission check runs again.
       */
      grantRole: () =>
        mutationOptions<RoleAssignment | undefined, Error, GrantRoleVariables>({
          mutationKey: armMutationKeys.createRoleAssignment(),
          retry: false,
          mutationFn: async (v) => {
            const subscriptionId = parseResourceId(v.scope).subscriptionId ?? '';
            const body: RoleAssignmentCreateParameters = {
              properties: {
                roleDefinitionId: roleDefinitionResourceId(subscriptionId, v.role.id),
                principalId: v.principalId,
                principalType: 'ServicePrincipal',
              },
            };
            try {
              return await ctx.client.request<RoleAssignment>({
                method: 'PUT',
                path: `${v.scope}/providers/Microsoft.Authorization/roleAssignments/${crypto.randomUUID()}`,
                apiVersion: AUTHORIZATION_API_VERSION,
                body,
              });
            } catch (error) {
              if (isArmError(error) && error.code === 'RoleAssignmentExists') return undefined;
              throw error;
            }
          },
          onSuccess: (_result, v, _onMutateResult, context) =>
            context.client.invalidateQueries({
              queryKey: armKeys.authorization(parseResourceId(v.scope).subscriptionId ?? ''),
            }),
        }),
    },
  };
}

function targetKey(targets: RestorePermissionTargets) {
  return targets.kind === 'files'
    ? {
        kind: 'files',
        storage: resourceIdKey(targets.storageAccountId),
        container: resourceIdKey(targets.containerId),
      }
    : {
        kind: 'database',
        server: resourceIdKey(targets.serverId),
        keyVault: resourceIdKey(targets.keyVault.id),
        rbac: targets.keyVault.properties?.enableRbacAuthorization === true,
      };
}
