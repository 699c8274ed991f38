// The route table of the simulated ARM: path template + method + accepted api-versions -> model call.

import { ARM_ORIGIN, effectiveBody, ok, pageOf, type ArmContext, type ArmResult } from './arm-response';
import { compare, filterTime, parseFilter, recoveryPointMatches } from './filters';
import {
  allLocations,
  serializeContainer,
  serializeInstance,
  serializeJob,
  serializeKeyVault,
  serializeOperationStatus,
  serializePgDatabase,
  serializePgServer,
  serializeRecoveryPoint,
  serializeResourceGroup,
  serializeSecret,
  serializeStorageAccount,
  serializeSubscription,
  serializeVault,
} from './serializers';
import { ModelError, resourceNotFound, userError } from '../tenant/errors';
import { idKey, parseVaultChildId, providerResourceId, vaultResourceId } from '../tenant/ids';
import { hexFromName } from '../tenant/prng';
import { compilePathTemplate } from './path-template';
import { resourceGraphRoutes } from '../resource-graph/route';
import { isRecord, type CrossRegionRestoreInput, type JobView, type Tenant } from '../tenant/tenant';
import type { KeyVault, Operation, PgServer, StorageAccount, Vault } from '../tenant/types';

export const DATA_PROTECTION_API_VERSIONS = ['2025-07-01'] as const;
const RESOURCES_API_VERSIONS = ['2022-12-01', '2021-01-01', '2020-01-01'];
const RESOURCE_GROUPS_API_VERSIONS = ['2021-04-01', '2022-09-01', '2024-03-01'];
const PG_SINGLE_API_VERSIONS = ['2017-12-01'];
const PG_FLEX_API_VERSIONS = ['2022-12-01', '2023-06-01-preview', '2024-08-01'];
const KEYVAULT_API_VERSIONS = ['2023-07-01', '2022-07-01', '2024-11-01'];
const STORAGE_API_VERSIONS = ['2023-05-01', '2023-01-01', '2024-01-01'];

export type Params = Record<string, string>;

export interface Route {
  method: string;
  template: string;
  apiVersions: readonly string[];
  /** Resource provider namespace, for error messages. */
  namespace: string;
  /** RBAC action a 403 names (the `forbidden` scenario). */
  action: string;
  handle: (ctx: ArmContext, params: Params) => ArmResult;
  regex: RegExp;
  paramNames: string[];
}

const DP =
  '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DataProtection';
const VAULT = `${DP}/backupVaults/{vaultName}`;
const LOC = `${DP}/locations/{location}`;

function route(
  method: string,
  template: string,
  apiVersions: readonly string[],
  action: string,
  handle: Route['handle'],
): Route {
  const { regex, paramNames } = compilePathTemplate(template);
  const ns = /\/providers\/([^/]+)/.exec(template)?.[1] ?? 'Microsoft.Resources';
  return {
    method,
    template,
    apiVersions,
    namespace: ns,
    action,
    handle,
    regex,
    paramNames,
  };
}

function p(params: Params, name: string): string {
  const value = params[name];
  if (value === undefined) throw new Error(`Route parameter ${name} missing`);
  return value;
}

function vaultOf(ctx: ArmContext, params: Params): Vault {
  return ctx.tenant.requireVault(
    p(params, 'subscriptionId'),
    p(params, 'resourceGroupName'),
    p(params, 'vaultName'),
  );
}

// ---------------------------------------------------------------- async-operation URLs

function signed(url: string, opId: string, tenant: Tenant): string {
  // Real ARM signs these URLs (t, c, s, h); clients must poll them as given, never rebuild them.
  const ticks = BigInt(tenant.now()) * 10_000n + 621_355_968_000_000_000n;
  const sig = hexFromName(`sig:${opId}`, 43);
  return `${url}?api-version=${DATA_PROTECTION_API_VERSIONS[0]}&t=${ticks.toString()}&c=MIIHpDCCBoyg${sig.slice(0, 20)}&s=${sig}&h=${sig.slice(0, 43)}`;
}

function vaultStatusUrl(tenant: Tenant, vault: Vault, op: Operation): string {
  return signed(`${ARM_ORIGIN}${vault.id}/operationStatus/${op.id}`, op.id, tenant);
}

function rgLocationStatusUrl(tenant: Tenant, op: Operation): string {
  return signed(
    `${ARM_ORIGIN}/subscriptions/${op.subscriptionId}/resourceGroups/${op.resourceGroup}/providers/Microsoft.DataProtection/locations/${op.location}/operationStatus/${op.id}`,
    op.id,
    tenant,
  );
}

function subscriptionStatusUrl(tenant: Tenant, op: Operation): string {
  return signed(
    `${ARM_ORIGIN}/subscriptions/${op.subscriptionId}/providers/Microsoft.DataProtection/locations/${op.location}/operationStatus/${op.id}`,
    op.id,
    tenant,
  );
}

function operationResultsUrl(tenant: Tenant, op: Operation): string {
  return signed(
    `${ARM_ORIGIN}/subscriptions/${op.subscriptionId}/providers/Microsoft.DataProtection/locations/${op.location}/operationResults/${op.id}`,
    op.id,
    tenant,
  );
}

function accepted(tenant: Tenant, op: Operation, asyncUrl: string): ArmResult {
  return {
    status: 202,
    headers: {
      'azure-asyncoperation': asyncUrl,
      location: operationResultsUrl(tenant, op),
      'retry-after': String(tenant.timings.retryAfterSeconds),
    },
  };
}

function findOperation(ctx: ArmContext, params: Params): Operation {
  const op = ctx.tenant.getOperation(p(params, 'operationId'));
  if (!op || idKey(op.subscriptionId) !== idKey(p(params, 'subscriptionId'))) {
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

function operationStatus(ctx: ArmContext, params: Params): ArmResult {
  const op = findOperation(ctx, params);
  return ok(serializeOperationStatus(ctx.tenant, op, ctx.url.pathname));
}

function operationResult(ctx: ArmContext, params: Params): ArmResult {
  const op = findOperation(ctx, params);
  const status = ctx.tenant.operationStatus(op);
  if (status === 'Inprogress') {
    return {
      status: 202,
      headers: {
        location: signed(`${ARM_ORIGIN}${ctx.url.pathname}`, op.id, ctx.tenant),
        'retry-after': String(ctx.tenant.timings.retryAfterSeconds),
      },
    };
  }
  if (status === 'Failed' && op.error) {
    throw userError(400, op.error.code, op.error.message, op.error.recommendedAction);
  }
  const headers = { 'azure-asyncoperation': subscriptionStatusUrl(ctx.tenant, op) };
  return ok(
    op.jobId
      ? { jobId: op.jobId, objectType: 'OperationJobExtendedInfo' }
      : { objectType: 'OperationJobExtendedInfo' },
    headers,
  );
}

// ---------------------------------------------------------------- CRR request parsing

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function badInput(message: string): ModelError {
  return userError(400, 'UserErrorInvalidInput', message, ['Correct the request body and retry.']);
}

function parseCrrBody(ctx: ArmContext, params: Params): CrossRegionRestoreInput {
  const body = ctx.body;
  if (!isRecord(body)) throw badInput('The request body must be a CrossRegionRestoreRequestObject.');
  const rro = body.restoreRequestObject;
  const details = body.crossRegionRestoreDetails;
  if (!isRecord(rro)) throw badInput("'restoreRequestObject' is required.");
  if (!isRecord(details)) throw badInput("'crossRegionRestoreDetails' is required.");
  const sourceBackupInstanceId = str(details.sourceBackupInstanceId);
  const sourceRegion = str(details.sourceRegion);
  if (!sourceBackupInstanceId || !sourceRegion)
    throw badInput("'crossRegionRestoreDetails.sourceBackupInstanceId' and 'sourceRegion' are required.");
  const recoveryPointId = str(rro.recoveryPointId);
  if (rro.objectType !== 'AzureBackupRecoveryPointBasedRestoreRequest' || !recoveryPointId) {
    throw badInput(
      "Cross Region Restore needs an 'AzureBackupRecoveryPointBasedRestoreRequest' with a 'recoveryPointId'.",
    );
  }
  const target = rro.restoreTargetInfo;
  if (!isRecord(target)) throw badInput("'restoreRequestObject.restoreTargetInfo' is required.");
  let parsedTarget: CrossRegionRestoreInput['target'];
  if (target.objectType === 'RestoreFilesTargetInfo') {
    const td = isRecord(target.targetDetails) ? target.targetDetails : {};
    const url = str(td.url);
    const filePrefix = str(td.filePrefix);
    if (!url || !filePrefix)
      throw badInput("'targetDetails.url' and 'targetDetails.filePrefix' are required to restore as files.");
    parsedTarget = { kind: 'files', containerUrl: url, filePrefix };
  } else if (target.objectType === 'RestoreTargetInfo') {
    const ds = isRecord(target.datasourceInfo) ? target.datasourceInfo : {};
    // .NET deserialises case-insensitively: the CLI sends `resourceId`, the spec says `resourceID`.
    const databaseId = str(ds.resourceID) ?? str(ds.resourceId);
    if (!databaseId) throw badInput("'restoreTargetInfo.datasourceInfo.resourceID' is required.");
    const creds = isRecord(target.datasourceAuthCredentials) ? target.datasourceAuthCredentials : {};
    const store = isRecord(creds.secretStoreResource) ? creds.secretStoreResource : {};
    parsedTarget = { kind: 'database', databaseId, secretUri: str(store.uri) };
  } else {
    throw badInput(`Unsupported restoreTargetInfo objectType '${String(target.objectType)}'.`);
  }
  return {
    subscriptionId: p(params, 'subscriptionId'),
    resourceGroup: p(params, 'resourceGroupName'),
    location: p(params, 'location'),
    sourceBackupInstanceId,
    sourceRegion,
    recoveryPointId,
    target: parsedTarget,
  };
}

/** Resolves the vault named in a CRR jobs request and checks the URL names its secondary region. */
function crrVault(ctx: ArmContext, params: Params, body: unknown): Vault {
  if (!isRecord(body)) throw badInput('The request body is required.');
  const vaultId = str(body.sourceBackupVaultId);
  const sourceRegion = str(body.sourceRegion);
  if (!vaultId || !sourceRegion) throw badInput("'sourceBackupVaultId' and 'sourceRegion' are required.");
  ctx.tenant.requireResourceGroup(p(params, 'subscriptionId'), p(params, 'resourceGroupName'));
  const parsed = parseVaultChildId(vaultId);
  const vault = parsed
    ? ctx.tenant.getVaultById(vaultResourceId(parsed.subscriptionId, parsed.resourceGroup, parsed.vaultName))
    : undefined;
  if (!vault)
    throw resourceNotFound(
      'Microsoft.DataProtection/backupVaults',
      parsed?.vaultName ?? vaultId,
      parsed?.resourceGroup ?? '',
    );
  ctx.tenant.assertCrossRegionRequest(vault, p(params, 'location'), sourceRegion);
  return vault;
}

function filterJobs(tenant: Tenant, views: JobView[], filter: string | null): JobView[] {
  const clauses = parseFilter(filter, ['startTime', 'endTime', 'status', 'operation', 'dataSourceType']);
  return views.filter((v) =>
    clauses.every((c) => {
      switch (c.field) {
        case 'startTime':
          return compare(v.job.startTime, { ...c, op: c.op === 'eq' ? 'ge' : c.op }, filterTime(c));
        case 'endTime':
          return compare(v.job.startTime, { ...c, op: c.op === 'eq' ? 'le' : c.op }, filterTime(c));
        case 'status':
          return compare(v.status, c, c.value);
        case 'operation':
          return compare(v.job.operation, c, c.value);
        default:
          return compare(tenant.getInstanceById(v.job.instanceId)?.datasourceType ?? '', c, c.value);
      }
    }),
  );
}

// ---------------------------------------------------------------- restore targets

function inScope<T extends { subscriptionId: string; resourceGroup: string }>(
  items: Iterable<T>,
  params: Params,
): T[] {
  const sub = idKey(p(params, 'subscriptionId'));
  const rg = params.resourceGroupName ? idKey(params.resourceGroupName) : undefined;
  return [...items].filter(
    (i) => idKey(i.subscriptionId) === sub && (rg === undefined || idKey(i.resourceGroup) === rg),
  );
}

function requireTarget<T>(
  map: Map<string, T>,
  params: Params,
  provider: string,
  type: string,
  nameParam: string,
): T {
  const sub = p(params, 'subscriptionId');
  const rg = p(params, 'resourceGroupName');
  const name = p(params, nameParam);
  return required(
    map.get(idKey(providerResourceId(sub, rg, provider, type, name))),
    `${provider}/${type}`,
    name,
    rg,
  );
}

function required<T>(value: T | undefined, type: string, name: string, rg: string): T {
  if (value === undefined) throw resourceNotFound(type, name, rg);
  return value;
}

function pgServers(ctx: ArmContext, params: Params, kind: PgServer['kind']): PgServer[] {
  ctx.tenant.requireSubscription(p(params, 'subscriptionId'));
  return inScope(ctx.tenant.pgServers.values(), params).filter((s) => s.kind === kind);
}

// ---------------------------------------------------------------- the table

export function buildRoutes(): Route[] {
  const dpRead = (type: string) => `Microsoft.DataProtection/${type}/read`;
  return [
    // Microsoft.Resources
    route(
      'GET',
      '/subscriptions',
      RESOURCES_API_VERSIONS,
      'Microsoft.Resources/subscriptions/read',
      (ctx) => {
        const subs = ctx.tenant.listSubscriptions();
        return ok({
          ...pageOf(ctx, subs, ctx.tenant.pageSizes.subscriptions, serializeSubscription),
          count: { type: 'Total', value: subs.length },
        });
      },
    ),
    route(
      'GET',
      '/subscriptions/{subscriptionId}',
      RESOURCES_API_VERSIONS,
      'Microsoft.Resources/subscriptions/read',
      (ctx, params) => ok(serializeSubscription(ctx.tenant.requireSubscription(p(params, 'subscriptionId')))),
    ),
    route(
      'GET',
      '/subscriptions/{subscriptionId}/locations',
      RESOURCES_API_VERSIONS,
      'Microsoft.Resources/subscriptions/locations/read',
      (ctx, params) => {
        const sub = ctx.tenant.requireSubscription(p(params, 'subscriptionId'));
        return ok({ value: allLocations(sub.subscriptionId) });
      },
    ),
    route(
      'GET',
      '/subscriptions/{subscriptionId}/resourcegroups',
      RESOURCE_GROUPS_API_VERSIONS,
      'Microsoft.Resources/subscriptions/resourceGroups/read',
      (ctx, params) => {
        ctx.tenant.requireSubscription(p(params, 'subscriptionId'));
        return ok(
          pageOf(
            ctx,
            ctx.tenant.listResourceGroups(p(params, 'subscriptionId')),
            ctx.tenant.pageSizes.resources,
            serializeResourceGroup,
          ),
        );
      },
    ),
    route(
      'GET',
      '/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}',
      RESOURCE_GROUPS_API_VERSIONS,
      'Microsoft.Resources/subscriptions/resourceGroups/read',
      (ctx, params) =>
        ok(
          serializeResourceGroup(
            ctx.tenant.requireResourceGroup(p(params, 'subscriptionId'), p(params, 'resourceGroupName')),
          ),
        ),
    ),

    // Microsoft.DataProtection: vaults
    route(
      'GET',
      '/subscriptions/{subscriptionId}/providers/Microsoft.DataProtection/backupVaults',
      DATA_PROTECTION_API_VERSIONS,
      dpRead('backupVaults'),
      (ctx, params) => {
        ctx.tenant.requireSubscription(p(params, 'subscriptionId'));
        return ok(
          pageOf(
            ctx,
            ctx.tenant.listVaultsInSubscription(p(params, 'subscriptionId')),
            ctx.tenant.pageSizes.vaults,
            (v) => serializeVault(ctx.tenant, v),
          ),
        );
      },
    ),
    route(
      'GET',
      `${DP}/backupVaults`,
      DATA_PROTECTION_API_VERSIONS,
      dpRead('backupVaults'),
      (ctx, params) => {
        ctx.tenant.requireResourceGroup(p(params, 'subscriptionId'), p(params, 'resourceGroupName'));
        const vaults = ctx.tenant.listVaultsInResourceGroup(
          p(params, 'subscriptionId'),
          p(params, 'resourceGroupName'),
        );
        return ok(pageOf(ctx, vaults, ctx.tenant.pageSizes.vaults, (v) => serializeVault(ctx.tenant, v)));
      },
    ),
    route('GET', VAULT, DATA_PROTECTION_API_VERSIONS, dpRead('backupVaults'), (ctx, params) =>
      ok(serializeVault(ctx.tenant, vaultOf(ctx, params))),
    ),
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

    // instances and recovery points
    route(
      'GET',
      `${VAULT}/backupInstances`,
      DATA_PROTECTION_API_VERSIONS,
      dpRead('backupVaults/backupInstances'),
      (ctx, params) => {
        const vault = vaultOf(ctx, params);
        return ok(
          pageOf(ctx, ctx.tenant.listInstances(vault), ctx.tenant.pageSizes.instances, serializeInstance),
        );
      },
    ),
    route(
      'GET',
      `${VAULT}/backupInstances/{backupInstanceName}`,
      DATA_PROTECTION_API_VERSIONS,
      dpRead('backupVaults/backupInstances'),
      (ctx, params) =>
        ok(
          serializeInstance(
            ctx.tenant.requireInstance(vaultOf(ctx, params), p(params, 'backupInstanceName')),
          ),
        ),
    ),
    route(
      'GET',
      `${VAULT}/backupInstances/{backupInstanceName}/recoveryPoints`,
      DATA_PROTECTION_API_VERSIONS,
      dpRead('backupVaults/backupInstances/recoveryPoints'),
      (ctx, params) => {
        const bi = ctx.tenant.requireInstance(vaultOf(ctx, params), p(params, 'backupInstanceName'));
        const clauses = parseFilter(ctx.url.searchParams.get('$filter'), ['startDate', 'endDate']);
        const rps = ctx.tenant
          .primaryRecoveryPoints(bi)
          .filter((rp) => recoveryPointMatches(rp.time, clauses));
        return ok(
          pageOf(ctx, rps, ctx.tenant.pageSizes.recoveryPoints, (rp) => serializeRecoveryPoint(bi, rp)),
        );
      },
    ),
    route(
      'GET',
      `${VAULT}/backupInstances/{backupInstanceName}/recoveryPoints/{recoveryPointId}`,
      DATA_PROTECTION_API_VERSIONS,
      dpRead('backupVaults/backupInstances/recoveryPoints'),
      (ctx, params) => {
        const vault = vaultOf(ctx, params);
        const bi = ctx.tenant.requireInstance(vault, p(params, 'backupInstanceName'));
        const rp = required(
          ctx.tenant.findRecoveryPoint(bi, p(params, 'recoveryPointId'), false),
          'Microsoft.DataProtection/backupVaults/backupInstances/recoveryPoints',
          p(params, 'recoveryPointId'),
          vault.resourceGroup,
        );
        return ok(serializeRecoveryPoint(bi, rp));
      },
    ),

    // jobs (primary region)
    route(
      'GET',
      `${VAULT}/backupJobs`,
      DATA_PROTECTION_API_VERSIONS,
      dpRead('backupVaults/backupJobs'),
      (ctx, params) => {
        const vault = vaultOf(ctx, params);
        return ok(
          pageOf(
            ctx,
            ctx.tenant.listJobs(vault),
            ctx.tenant.pageSizes.jobs,
            (v) => serializeJob(ctx.tenant, v, false),
            { nextLinkNullWhenDone: true },
          ),
        );
      },
    ),
    route(
      'GET',
      `${VAULT}/backupJobs/{jobId}`,
      DATA_PROTECTION_API_VERSIONS,
      dpRead('backupVaults/backupJobs'),
      (ctx, params) => {
        const vault = vaultOf(ctx, params);
        const view = required(
          ctx.tenant.findJob(vault, p(params, 'jobId')),
          'Microsoft.DataProtection/backupVaults/backupJobs',
          `${vault.name}/${p(params, 'jobId')}`,
          vault.resourceGroup,
        );
        return ok(serializeJob(ctx.tenant, view, true));
      },
    ),

    // cross-region restore (resource-group scoped, secondary region in the URL)
    ...['POST', 'GET'].map((method) =>
      route(
        method,
        `${LOC}/fetchSecondaryRecoveryPoints`,
        DATA_PROTECTION_API_VERSIONS,
        'Microsoft.DataProtection/locations/fetchSecondaryRecoveryPoints/action',
        (ctx, params) => {
          const body = effectiveBody(ctx);
          if (!isRecord(body))
            throw badInput('The request body must be a FetchSecondaryRPsRequestParameters.');
          const biId = str(body.sourceBackupInstanceId);
          const sourceRegion = str(body.sourceRegion);
          if (!biId || !sourceRegion)
            throw badInput("'sourceBackupInstanceId' and 'sourceRegion' are required.");
          ctx.tenant.requireResourceGroup(p(params, 'subscriptionId'), p(params, 'resourceGroupName'));
          const parsed = parseVaultChildId(biId);
          const bi = ctx.tenant.getInstanceById(biId);
          const vault = bi ? ctx.tenant.getVaultById(bi.vaultId) : undefined;
          if (!bi || !vault)
            throw resourceNotFound(
              'Microsoft.DataProtection/backupVaults/backupInstances',
              `${parsed?.vaultName ?? ''}/${parsed?.childName ?? biId}`,
              parsed?.resourceGroup ?? '',
            );
          ctx.tenant.assertCrossRegionRequest(vault, p(params, 'location'), sourceRegion);
          const clauses = parseFilter(ctx.url.searchParams.get('$filter'), ['startDate', 'endDate']);
          const rps = ctx.tenant
            .secondaryRecoveryPoints(bi)
            .filter((rp) => recoveryPointMatches(rp.time, clauses));
          return ok(
            pageOf(ctx, rps, ctx.tenant.pageSizes.recoveryPoints, (rp) => serializeRecoveryPoint(bi, rp), {
              keepBodyInToken: true,
            }),
          );
        },
      ),
    ),
    route(
      'POST',
      `${LOC}/validateCrossRegionRestore`,
      DATA_PROTECTION_API_VERSIONS,
      'Microsoft.DataProtection/locations/validateCrossRegionRestore/action',
      (ctx, params) => {
        const op = ctx.tenant.validateCrossRegionRestore(parseCrrBody(ctx, params));
        return accepted(ctx.tenant, op, rgLocationStatusUrl(ctx.tenant, op));
      },
    ),
    route(
      'POST',
      `${LOC}/crossRegionRestore`,
      DATA_PROTECTION_API_VERSIONS,
      'Microsoft.DataProtection/locations/crossRegionRestore/action',
      (ctx, params) => {
        const op = ctx.tenant.triggerCrossRegionRestore(parseCrrBody(ctx, params));
        return accepted(ctx.tenant, op, rgLocationStatusUrl(ctx.tenant, op));
      },
    ),
    ...['POST', 'GET'].map((method) =>
      route(
        method,
        `${LOC}/fetchCrossRegionRestoreJobs`,
        DATA_PROTECTION_API_VERSIONS,
        'Microsoft.DataProtection/locations/fetchCrossRegionRestoreJobs/action',
        (ctx, params) => {
          const vault = crrVault(ctx, params, effectiveBody(ctx));
          const jobs = filterJobs(
            ctx.tenant,
            ctx.tenant.listCrossRegionRestoreJobs(vault),
            ctx.url.searchParams.get('$filter'),
          );
          return ok(
            pageOf(ctx, jobs, ctx.tenant.pageSizes.jobs, (v) => serializeJob(ctx.tenant, v, false), {
              keepBodyInToken: true,
              nextLinkNullWhenDone: true,
            }),
          );
        },
      ),
    ),
    route(
      'POST',
      `${LOC}/fetchCrossRegionRestoreJob`,
      DATA_PROTECTION_API_VERSIONS,
      'Microsoft.DataProtection/locations/fetchCrossRegionRestoreJob/action',
      (ctx, params) => {
        const vault = crrVault(ctx, params, ctx.body);
        const jobId = isRecord(ctx.body) ? str(ctx.body.jobId) : undefined;
        if (!jobId) throw badInput("'jobId' is required.");
        const name = jobId.split('/').pop()?.toLowerCase() ?? '';
        const view = required(
          ctx.tenant.listCrossRegionRestoreJobs(vault).find((v) => v.job.name.toLowerCase() === name),
          'Microsoft.DataProtection/backupVaults/backupJobs',
          `${vault.name}/${name}`,
          vault.resourceGroup,
        );
        return ok(serializeJob(ctx.tenant, view, true));
      },
    ),

    // operation status / results, at every scope ARM hands out
    route(
      'GET',
      '/subscriptions/{subscriptionId}/providers/Microsoft.DataProtection/locations/{location}/operationStatus/{operationId}',
      DATA_PROTECTION_API_VERSIONS,
      'Microsoft.DataProtection/locations/operationStatus/read',
      operationStatus,
    ),
    route(
      'GET',
      `${DP}/operationStatus/{operationId}`,
      DATA_PROTECTION_API_VERSIONS,
      'Microsoft.DataProtection/operationStatus/read',
      operationStatus,
    ),
    route(
      'GET',
      `${LOC}/operationStatus/{operationId}`,
      DATA_PROTECTION_API_VERSIONS,
      'Microsoft.DataProtection/locations/operationStatus/read',
      operationStatus,
    ),
    route(
      'GET',
      `${VAULT}/operationStatus/{operationId}`,
      DATA_PROTECTION_API_VERSIONS,
      'Microsoft.DataProtection/backupVaults/operationStatus/read',
      operationStatus,
    ),
    route(
      'GET',
      '/subscriptions/{subscriptionId}/providers/Microsoft.DataProtection/locations/{location}/operationResults/{operationId}',
      DATA_PROTECTION_API_VERSIONS,
      'Microsoft.DataProtection/locations/operationResults/read',
      operationResult,
    ),
    route(
      'GET',
      `${VAULT}/operationResults/{operationId}`,
      DATA_PROTECTION_API_VERSIONS,
      'Microsoft.DataProtection/backupVaults/operationResults/read',
      (ctx, params) => {
        const vault = vaultOf(ctx, params);
        const op = findOperation(ctx, params);
        if (ctx.tenant.operationStatus(op) === 'Inprogress') {
          return {
            status: 202,
            headers: {
              location: signed(`${ARM_ORIGIN}${ctx.url.pathname}`, op.id, ctx.tenant),
              'retry-after': String(ctx.tenant.timings.retryAfterSeconds),
            },
          };
        }
        if (op.outcome === 'Failed' && op.error)
          throw userError(400, op.error.code, op.error.message, op.error.recommendedAction);
        return ok(serializeVault(ctx.tenant, vault));
      },
    ),

    // restore targets (outside the DataProtection spec; minimal shapes)
    ...targetRoutes(),

    // Resource Graph (cross-subscription instance lists and counts)
    ...resourceGraphRoutes(),
  ];
}

function targetRoutes(): Route[] {
  const SUB = '/subscriptions/{subscriptionId}';
  const RG = `${SUB}/resourceGroups/{resourceGroupName}`;
  const routes: Route[] = [];
  const lists = <T>(
    provider: string,
    type: string,
    versions: string[],
    items: (ctx: ArmContext, params: Params) => T[],
    serialize: (t: T) => unknown,
  ) => {
    for (const scope of [SUB, RG]) {
      routes.push(
        route(
          'GET',
          `${scope}/providers/${provider}/${type}`,
          versions,
          `${provider}/${type}/read`,
          (ctx, params) => {
            if (params.resourceGroupName)
              ctx.tenant.requireResourceGroup(p(params, 'subscriptionId'), params.resourceGroupName);
            else ctx.tenant.requireSubscription(p(params, 'subscriptionId'));
            return ok(pageOf(ctx, items(ctx, params), ctx.tenant.pageSizes.resources, serialize));
          },
        ),
      );
    }
  };
  lists(
    'Microsoft.DBforPostgreSQL',
    'servers',
    PG_SINGLE_API_VERSIONS,
    (ctx, params) => pgServers(ctx, params, 'single'),
    serializePgServer,
  );
  lists(
    'Microsoft.DBforPostgreSQL',
    'flexibleServers',
    PG_FLEX_API_VERSIONS,
    (ctx, params) => pgServers(ctx, params, 'flexible'),
    serializePgServer,
  );
  lists(
    'Microsoft.KeyVault',
    'vaults',
    KEYVAULT_API_VERSIONS,
    (ctx, params) => inScope(ctx.tenant.keyVaults.values(), params),
    serializeKeyVault,
  );
  lists(
    'Microsoft.Storage',
    'storageAccounts',
    STORAGE_API_VERSIONS,
    (ctx, params) => inScope(ctx.tenant.storageAccounts.values(), params),
    serializeStorageAccount,
  );

  const pg = (ctx: ArmContext, params: Params, type: 'servers' | 'flexibleServers'): PgServer => {
    ctx.tenant.requireResourceGroup(p(params, 'subscriptionId'), p(params, 'resourceGroupName'));
    const server = requireTarget(
      ctx.tenant.pgServers,
      params,
      'Microsoft.DBforPostgreSQL',
      type,
      'serverName',
    );
    if ((type === 'servers') !== (server.kind === 'single'))
      throw resourceNotFound(`Microsoft.DBforPostgreSQL/${type}`, server.name, server.resourceGroup);
    return server;
  };
  const kv = (ctx: ArmContext, params: Params): KeyVault => {
    ctx.tenant.requireResourceGroup(p(params, 'subscriptionId'), p(params, 'resourceGroupName'));
    return requireTarget(ctx.tenant.keyVaults, params, 'Microsoft.KeyVault', 'vaults', 'vaultName');
  };
  const sa = (ctx: ArmContext, params: Params): StorageAccount => {
    ctx.tenant.requireResourceGroup(p(params, 'subscriptionId'), p(params, 'resourceGroupName'));
    return requireTarget(
      ctx.tenant.storageAccounts,
      params,
      'Microsoft.Storage',
      'storageAccounts',
      'accountName',
    );
  };
  const PGS = `${RG}/providers/Microsoft.DBforPostgreSQL/servers/{serverName}`;
  const KV = `${RG}/providers/Microsoft.KeyVault/vaults/{vaultName}`;
  const SA = `${RG}/providers/Microsoft.Storage/storageAccounts/{accountName}`;
  routes.push(
    route('GET', PGS, PG_SINGLE_API_VERSIONS, 'Microsoft.DBforPostgreSQL/servers/read', (ctx, params) =>
      ok(serializePgServer(pg(ctx, params, 'servers'))),
    ),
    route(
      'GET',
      `${PGS}/databases`,
      PG_SINGLE_API_VERSIONS,
      'Microsoft.DBforPostgreSQL/servers/databases/read',
      (ctx, params) => {
        const server = pg(ctx, params, 'servers');
        return ok({ value: server.databases.map((d) => serializePgDatabase(server, d)) });
      },
    ),
    route(
      'GET',
      `${PGS}/databases/{databaseName}`,
      PG_SINGLE_API_VERSIONS,
      'Microsoft.DBforPostgreSQL/servers/databases/read',
      (ctx, params) => {
        const server = pg(ctx, params, 'servers');
        const name = server.databases.find(
          (d) => d.toLowerCase() === p(params, 'databaseName').toLowerCase(),
        );
        return ok(
          serializePgDatabase(
            server,
            required(
              name,
              'Microsoft.DBforPostgreSQL/servers/databases',
              `${server.name}/${p(params, 'databaseName')}`,
              server.resourceGroup,
            ),
          ),
        );
      },
    ),
    route(
      'GET',
      `${RG}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}`,
      PG_FLEX_API_VERSIONS,
      'Microsoft.DBforPostgreSQL/flexibleServers/read',
      (ctx, params) => ok(serializePgServer(pg(ctx, params, 'flexibleServers'))),
    ),
    route('GET', KV, KEYVAULT_API_VERSIONS, 'Microsoft.KeyVault/vaults/read', (ctx, params) =>
      ok(serializeKeyVault(kv(ctx, params))),
    ),
    route(
      'GET',
      `${KV}/secrets`,
      KEYVAULT_API_VERSIONS,
      'Microsoft.KeyVault/vaults/secrets/read',
      (ctx, params) => {
        const vault = kv(ctx, params);
        return ok(
          pageOf(ctx, vault.secrets, ctx.tenant.pageSizes.resources, (s) => serializeSecret(vault, s)),
        );
      },
    ),
    route(
      'GET',
      `${KV}/secrets/{secretName}`,
      KEYVAULT_API_VERSIONS,
      'Microsoft.KeyVault/vaults/secrets/read',
      (ctx, params) => {
        const vault = kv(ctx, params);
        const secret = vault.secrets.find(
          (s) => s.name.toLowerCase() === p(params, 'secretName').toLowerCase(),
        );
        return ok(
          serializeSecret(
            vault,
            required(
              secret,
              'Microsoft.KeyVault/vaults/secrets',
              `${vault.name}/${p(params, 'secretName')}`,
              vault.resourceGroup,
            ),
          ),
        );
      },
    ),
    route('GET', SA, STORAGE_API_VERSIONS, 'Microsoft.Storage/storageAccounts/read', (ctx, params) =>
      ok(serializeStorageAccount(sa(ctx, params))),
    ),
    route(
      'GET',
      `${SA}/blobServices/default/containers`,
      STORAGE_API_VERSIONS,
      'Microsoft.Storage/storageAccounts/blobServices/containers/read',
      (ctx, params) => {
        const account = sa(ctx, params);
        return ok(
          pageOf(ctx, account.containers, ctx.tenant.pageSizes.resources, (c) =>
            serializeContainer(account, c),
          ),
        );
      },
    ),
    route(
      'GET',
      `${SA}/blobServices/default/containers/{containerName}`,
      STORAGE_API_VERSIONS,
      'Microsoft.Storage/storageAccounts/blobServices/containers/read',
      (ctx, params) => {
        const account = sa(ctx, params);
        const c = account.containers.find(
          (x) => x.name.toLowerCase() === p(params, 'containerName').toLowerCase(),
        );
        return ok(
          serializeContainer(
            account,
            required(
              c,
              'Microsoft.Storage/storageAccounts/blobServices/containers',
              `${account.name}/default/${p(params, 'containerName')}`,
              account.resourceGroup,
            ),
          ),
        );
      },
    ),
  );
  return routes;
}

export interface RouteMatch {
  route: Route;
  params: Params;
}

/** Finds routes matching the path; the caller picks by method (405 when none fits). */
export function matchRoutes(routes: readonly Route[], pathname: string): RouteMatch[] {
  const out: RouteMatch[] = [];
  for (const r of routes) {
    const m = r.regex.exec(pathname);
    if (!m) continue;
    const params: Params = {};
    r.paramNames.forEach((name, i) => {
      params[name] = decodeURIComponent(m[i + 1] ?? '');
    });
    out.push({ route: r, params });
  }
  return out;
}
