// How the simulated ARM hands out and answers long-running operations: the 202 with signed
// Azure-AsyncOperation and Location URLs, the 202 "still running" of a result URL, and the error a
// failed operation's result answers with.

import { ARM_ORIGIN, type ArmContext, type ArmResult } from './arm-response';
import { userError } from '../tenant/errors';
import { hexFromName } from '../tenant/prng';
import type { Tenant } from '../tenant/tenant';
import type { Operation, Vault } from '../tenant/types';

/** The one api-version of Microsoft.DataProtection the simulator (and the app) speaks. */
export const DATA_PROTECTION_API_VERSIONS = ['2025-07-01'] as const;

/** Real ARM signs these URLs (t, c, s, h); clients must poll them as given, never rebuild them. */
function signed(url: string, op: Operation, tenant: Tenant): string {
  const ticks = BigInt(tenant.now()) * 10_000n + 621_355_968_000_000_000n;
  const sig = hexFromName(`sig:${op.id}`, 43);
  return `${url}?api-version=${DATA_PROTECTION_API_VERSIONS[0]}&t=${ticks.toString()}&c=MIIHpDCCBoyg${sig.slice(0, 20)}&s=${sig}&h=${sig.slice(0, 43)}`;
}

/** operationStatus / operationResults at the subscription's location scope. */
function subscriptionOperationUrl(
  tenant: Tenant,
  op: Operation,
  kind: 'operationStatus' | 'operationResults',
) {
  const path = `/subscriptions/${op.subscriptionId}/providers/Microsoft.DataProtection/locations/${op.location}/${kind}/${op.id}`;
  return signed(`${ARM_ORIGIN}${path}`, op, tenant);
}

/** Where the status of a vault update is polled: under the vault. */
export function vaultStatusUrl(tenant: Tenant, vault: Vault, op: Operation): string {
  return signed(`${ARM_ORIGIN}${vault.id}/operationStatus/${op.id}`, op, tenant);
}

/** Where the status of a cross-region action is polled: the resource group's secondary location. */
export function resourceGroupLocationStatusUrl(tenant: Tenant, op: Operation): string {
  const path = `/subscriptions/${op.subscriptionId}/resourceGroups/${op.resourceGroup}/providers/Microsoft.DataProtection/locations/${op.location}/operationStatus/${op.id}`;
  return signed(`${ARM_ORIGIN}${path}`, op, tenant);
}

/** 202 Accepted for a started operation: Azure-AsyncOperation `statusUrl`, Location its result. */
export function accepted(tenant: Tenant, op: Operation, statusUrl: string): ArmResult {
  return {
    status: 202,
    headers: {
      'azure-asyncoperation': statusUrl,
      location: subscriptionOperationUrl(tenant, op, 'operationResults'),
      'retry-after': String(tenant.timings.retryAfterSeconds),
    },
  };
}

/**
 * What a poll of an operation's result URL answers while the operation runs (202 and the same URL
 * again), or throws once it failed; undefined once it succeeded, for the caller to answer.
 */
export function pendingResult(ctx: ArmContext, op: Operation): ArmResult | undefined {
  const status = ctx.tenant.operationStatus(op);
  if (status === 'Inprogress') {
    return {
      status: 202,
      headers: {
        location: signed(`${ARM_ORIGIN}${ctx.url.pathname}`, op, ctx.tenant),
        'retry-after': String(ctx.tenant.timings.retryAfterSeconds),
      },
    };
  }
  if (status === 'Failed' && op.error)
    throw userError(400, op.error.code, op.error.message, op.error.recommendedAction);
  return undefined;
}

/** The status URL the result of a finished operation points back to. */
export function subscriptionStatusUrl(tenant: Tenant, op: Operation): string {
  return subscriptionOperationUrl(tenant, op, 'operationStatus');
}
