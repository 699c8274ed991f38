// Microsoft.DataProtection in the primary region: backup vaults (read, PATCH), backup instances,
// their recovery points and the vault's backup jobs. Cross-region actions are in
// cross-region-restore.ts, operation polling in operations.ts.

import { ok, pageOf, type ArmContext } from '../arm-response';
import { DATA_PROTECTION_API_VERSIONS, accepted, vaultStatusUrl } from '../async-operation';
import { parseFilter, recoveryPointMatches } from '../filters';
import { serializeInstance, serializeRecoveryPoint, serializeVault } from '../serializers/data-protection';
import { serializeJob } from '../serializers/jobs';
import type { Vault } from '../../tenant/types';
import { param, required, route, type Params, type Route } from './route';

/** Resource-group scope of the provider. */
export const DP =
  '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DataProtection';
export const VAULT = `${DP}/backupVaults/{vaultName}`;
const INSTANCE = `${VAULT}/backupInstances/{backupInstanceName}`;

/** A GET of the provider; RBAC reads `Microsoft.DataProtection/{type}/read`. */
const get = (template: string, type: string, handle: Route['handle']) =>
  route('GET', template, DATA_PROTECTION_API_VERSIONS, `Microsoft.DataProtection/${type}/read`, handle);

/** The vault a route under VAULT names (404 for it or its scopes). */
export function vaultOf(ctx: ArmContext, params: Params): Vault {
  return ctx.tenant.requireVault(
    param(params, 'subscriptionId'),
    param(params, 'resourceGroupName'),
    param(params, 'vaultName'),
  );
}

function instanceOf(ctx: ArmContext, params: Params) {
  return ctx.tenant.requireInstance(vaultOf(ctx, params), param(params, 'backupInstanceName'));
}

export function dataProtectionRoutes(): Route[] {
  return [...vaultRoutes(), ...instanceRoutes(), ...jobRoutes()];
}

function vaultRoutes(): Route[] {
  return [
    get(
      '/subscriptions/{subscriptionId}/providers/Microsoft.DataProtection/backupVaults',
      'backupVaults',
      (ctx, params) => {
        const subscriptionId = param(params, 'subscriptionId');
        ctx.tenant.requireSubscription(subscriptionId);
        const vaults = ctx.tenant.listVaultsInSubscription(subscriptionId);
        return ok(pageOf(ctx, vaults, ctx.tenant.pageSizes.vaults, (v) => serializeVault(ctx.tenant, v)));
      },
    ),
    get(`${DP}/backupVaults`, 'backupVaults', (ctx, params) => {
      const [subscriptionId, resourceGroup] = [
        param(params, 'subscriptionId'),
        param(params, 'resourceGroupName'),
      ];
      ctx.tenant.requireResourceGroup(subscriptionId, resourceGroup);
      const vaults = ctx.tenant.listVaultsInResourceGroup(subscriptionId, resourceGroup);
      return ok(pageOf(ctx, vaults, ctx.tenant.pageSizes.vaults, (v) => serializeVault(ctx.tenant, v)));
    }),
    get(VAULT, 'backupVaults', (ctx, params) => ok(serializeVault(ctx.tenant, vaultOf(ctx, params)))),
    route(
      'PATCH',
      VAULT,
      DATA_PROTECTION_API_VERSIONS,
      'Microsoft.DataProtection/backupVaults/write',
      (ctx, params) => {
        const vault = vaultOf(ctx, params);
        const op = ctx.tenant.patchVault(vault, ctx.body);
        return accepted(ctx.tenant, op, vaultStatusUrl(ctx.tenant, vault, op));
      },
    ),
  ];
}

function instanceRoutes(): Route[] {
  const RP = 'backupVaults/backupInstances/recoveryPoints';
  return [
    get(`${VAULT}/backupInstances`, 'backupVaults/backupInstances', (ctx, params) => {
      const instances = ctx.tenant.listInstances(vaultOf(ctx, params));
      return ok(pageOf(ctx, instances, ctx.tenant.pageSizes.instances, serializeInstance));
    }),
    get(INSTANCE, 'backupVaults/backupInstances', (ctx, params) =>
      ok(serializeInstance(instanceOf(ctx, params))),
    ),
    get(`${INSTANCE}/recoveryPoints`, RP, (ctx, params) => {
      const bi = instanceOf(ctx, params);
      const clauses = parseFilter(ctx.url.searchParams.get('$filter'), ['startDate', 'endDate']);
      const rps = ctx.tenant.primaryRecoveryPoints(bi).filter((rp) => recoveryPointMatches(rp.time, clauses));
      return ok(
        pageOf(ctx, rps, ctx.tenant.pageSizes.recoveryPoints, (rp) => serializeRecoveryPoint(bi, rp)),
      );
    }),
    get(`${INSTANCE}/recoveryPoints/{recoveryPointId}`, RP, (ctx, params) => {
      const vault = vaultOf(ctx, params);
      const bi = ctx.tenant.requireInstance(vault, param(params, 'backupInstanceName'));
      const rp = required(
        ctx.tenant.findRecoveryPoint(bi, param(params, 'recoveryPointId')),
        'Microsoft.DataProtection/backupVaults/backupInstances/recoveryPoints',
        param(params, 'recoveryPointId'),
        vault.resourceGroup,
      );
      return ok(serializeRecoveryPoint(bi, rp));
    }),
  ];
}

/** Jobs of the primary region (the secondary region's are fetched through CRR actions). */
function jobRoutes(): Route[] {
  return [
    get(`${VAULT}/backupJobs`, 'backupVaults/backupJobs', (ctx, params) => {
      const jobs = ctx.tenant.listJobs(vaultOf(ctx, params));
      return ok(
        pageOf(ctx, jobs, ctx.tenant.pageSizes.jobs, (v) => serializeJob(ctx.tenant, v, false), {
          nextLinkNullWhenDone: true,
        }),
      );
    }),
    get(`${VAULT}/backupJobs/{jobId}`, 'backupVaults/backupJobs', (ctx, params) => {
      const vault = vaultOf(ctx, params);
      const view = required(
        ctx.tenant.findJob(vault, param(params, 'jobId')),
        'Microsoft.DataProtection/backupVaults/backupJobs',
        `${vault.name}/${param(params, 'jobId')}`,
        vault.resourceGroup,
      );
      return ok(serializeJob(ctx.tenant, view, true));
    }),
  ];
}
