// Polling of long-running operations: operationStatus and operationResults at every scope ARM hands
// out in Azure-AsyncOperation and Location headers (subscription location, resource group,
// resource group location, vault).

import { ok, type ArmContext, type ArmResult } from '../arm-response';
import { DATA_PROTECTION_API_VERSIONS, pendingResult, subscriptionStatusUrl } from '../async-operation';
import { serializeOperationStatus, serializeVault } from '../serializers/data-protection';
import { ModelError } from '../../tenant/errors';
import { idKey } from '../../tenant/ids';
import type { Operation } from '../../tenant/types';
import { DP, VAULT, vaultOf } from './data-protection';
import { param, route, type Params, type Route } from './route';

const SUBSCRIPTION_LOCATION =
  '/subscriptions/{subscriptionId}/providers/Microsoft.DataProtection/locations/{location}';
const LOC = `${DP}/locations/{location}`;

export function operationRoutes(): Route[] {
  const read = (scope: string, kind: 'operationStatus' | 'operationResults') =>
    `Microsoft.DataProtection/${scope}${kind}/read`;
  const status = (template: string, scope: string) =>
    route(
      'GET',
      `${template}/operationStatus/{operationId}`,
      DATA_PROTECTION_API_VERSIONS,
      read(scope, 'operationStatus'),
      operationStatus,
    );
  return [
    status(SUBSCRIPTION_LOCATION, 'locations/'),
    status(DP, ''),
    status(LOC, 'locations/'),
    status(VAULT, 'backupVaults/'),
    route(
      'GET',
      `${SUBSCRIPTION_LOCATION}/operationResults/{operationId}`,
      DATA_PROTECTION_API_VERSIONS,
      read('locations/', 'operationResults'),
      operationResult,
    ),
    // A vault update's result is the updated vault.
    route(
      'GET',
      `${VAULT}/operationResults/{operationId}`,
      DATA_PROTECTION_API_VERSIONS,
      read('backupVaults/', 'operationResults'),
      (ctx, params) => {
        const vault = vaultOf(ctx, params);
        return pendingResult(ctx, findOperation(ctx, params)) ?? ok(serializeVault(ctx.tenant, vault));
      },
    ),
  ];
}

function operationStatus(ctx: ArmContext, params: Params): ArmResult {
  const op = findOperation(ctx, params);
  return ok(serializeOperationStatus(ctx.tenant, op, ctx.url.pathname));
}

function operationResult(ctx: ArmContext, params: Params): ArmResult {
  const op = findOperation(ctx, params);
  const body = op.jobId
    ? { jobId: op.jobId, objectType: 'OperationJobExtendedInfo' }
    : { objectType: 'OperationJobExtendedInfo' };
  return (
    pendingResult(ctx, op) ?? ok(body, { 'azure-asyncoperation': subscriptionStatusUrl(ctx.tenant, op) })
  );
}

function findOperation(ctx: ArmContext, params: Params): Operation {
  const op = ctx.tenant.getOperation(param(params, 'operationId'));
  if (!op || idKey(op.subscriptionId) !== idKey(param(params, 'subscriptionId'))) {
    throw new ModelError({
      status: 404,
      code: 'OperationNotFound',
      message: `The operation '${params.operationId ?? ''}' was not found.`,
    });
  }
  // Tests may let simulated time pass per poll, as if the client had waited Retry-After.
  if (ctx.options.pollAdvanceMs > 0 && ctx.tenant.operationStatus(op) === 'Inprogress') {
    ctx.tenant.clock.advance(ctx.options.pollAdvanceMs);
    ctx.tenant.settle();
  }
  return op;
}
