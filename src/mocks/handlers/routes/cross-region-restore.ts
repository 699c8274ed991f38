// Microsoft.DataProtection's cross-region actions, made in the secondary region (resource-group
// scope, secondary region in the URL): fetch the replicated recovery points, validate and trigger
// a restore, and fetch the secondary region's restore jobs.

import { effectiveBody, ok, pageOf, type ArmContext } from '../arm-response';
import { DATA_PROTECTION_API_VERSIONS, accepted, resourceGroupLocationStatusUrl } from '../async-operation';
import { compare, filterTime, parseFilter, recoveryPointMatches } from '../filters';
import { serializeRecoveryPoint } from '../serializers/data-protection';
import { serializeJob } from '../serializers/jobs';
import type { CrossRegionRestoreInput, CrossRegionScope } from '../../tenant/cross-region-restore';
import { userError, type ModelError } from '../../tenant/errors';
import { isRecord, nonEmptyString } from '../../tenant/json';
import { findJobView } from '../../tenant/schedule';
import type { JobView, Tenant } from '../../tenant/tenant';
import type { Operation, Vault } from '../../tenant/types';
import { DP } from './data-protection';
import { param, required, route, type Params, type Route } from './route';

const LOC = `${DP}/locations/{location}`;

/** A cross-region action on the secondary location; RBAC checks `…/locations/{name}/action`. */
function action(name: string, handle: Route['handle'], method = 'POST'): Route {
  const rbac = `Microsoft.DataProtection/locations/${name}/action`;
  return route(method, `${LOC}/${name}`, DATA_PROTECTION_API_VERSIONS, rbac, handle);
}

/** A POST list, which also answers GET on its nextLink (the body travels in the $skipToken). */
function listAction(name: string, handle: Route['handle']): Route[] {
  return [action(name, handle), action(name, handle, 'GET')];
}

export function crossRegionRestoreRoutes(): Route[] {
  const started = (ctx: ArmContext, op: Operation) =>
    accepted(ctx.tenant, op, resourceGroupLocationStatusUrl(ctx.tenant, op));
  return [
    ...listAction('fetchSecondaryRecoveryPoints', (ctx, params) => {
      const body = effectiveBody(ctx);
      if (!isRecord(body)) throw badInput('The request body must be a FetchSecondaryRPsRequestParameters.');
      const biId = nonEmptyString(body.sourceBackupInstanceId);
      const sourceRegion = nonEmptyString(body.sourceRegion);
      if (!biId || !sourceRegion) throw badInput("'sourceBackupInstanceId' and 'sourceRegion' are required.");
      const bi = ctx.tenant.crossRegionInstance(crrScope(params), biId, sourceRegion);
      const clauses = parseFilter(ctx.url.searchParams.get('$filter'), ['startDate', 'endDate']);
      const rps = ctx.tenant
        .secondaryRecoveryPoints(bi)
        .filter((rp) => recoveryPointMatches(rp.time, clauses));
      return ok(
        pageOf(ctx, rps, ctx.tenant.pageSizes.recoveryPoints, (rp) => serializeRecoveryPoint(bi, rp), {
          keepBodyInToken: true,
        }),
      );
    }),
    action('validateCrossRegionRestore', (ctx, params) =>
      started(ctx, ctx.tenant.validateCrossRegionRestore(parseCrrBody(ctx, params))),
    ),
    action('crossRegionRestore', (ctx, params) =>
      started(ctx, ctx.tenant.triggerCrossRegionRestore(parseCrrBody(ctx, params))),
    ),
    ...listAction('fetchCrossRegionRestoreJobs', (ctx, params) => {
      const vault = crrVault(ctx, params, effectiveBody(ctx));
      const filter = ctx.url.searchParams.get('$filter');
      const jobs = filterJobs(ctx.tenant, ctx.tenant.listCrossRegionRestoreJobs(vault), filter);
      return ok(
        pageOf(ctx, jobs, ctx.tenant.pageSizes.jobs, (v) => serializeJob(ctx.tenant, v, false), {
          keepBodyInToken: true,
          nextLinkNullWhenDone: true,
        }),
      );
    }),
    action('fetchCrossRegionRestoreJob', (ctx, params) => {
      const vault = crrVault(ctx, params, ctx.body);
      const jobId = isRecord(ctx.body) ? nonEmptyString(ctx.body.jobId) : undefined;
      if (!jobId) throw badInput("'jobId' is required.");
      const name = jobId.split('/').pop()?.toLowerCase() ?? '';
      const view = required(
        findJobView(ctx.tenant.listCrossRegionRestoreJobs(vault), name),
        'Microsoft.DataProtection/backupVaults/backupJobs',
        `${vault.name}/${name}`,
        vault.resourceGroup,
      );
      return ok(serializeJob(ctx.tenant, view, true));
    }),
  ];
}

function badInput(message: string): ModelError {
  return userError(400, 'UserErrorInvalidInput', message, ['Correct the request body and retry.']);
}

function crrScope(params: Params): CrossRegionScope {
  return {
    subscriptionId: param(params, 'subscriptionId'),
    resourceGroup: param(params, 'resourceGroupName'),
    location: param(params, 'location'),
  };
}

/** The vault named in a CRR jobs request, checked against the secondary region in the URL. */
function crrVault(ctx: ArmContext, params: Params, body: unknown): Vault {
  if (!isRecord(body)) throw badInput('The request body is required.');
  const vaultId = nonEmptyString(body.sourceBackupVaultId);
  const sourceRegion = nonEmptyString(body.sourceRegion);
  if (!vaultId || !sourceRegion) throw badInput("'sourceBackupVaultId' and 'sourceRegion' are required.");
  return ctx.tenant.crossRegionVault(crrScope(params), vaultId, sourceRegion);
}

/** A CrossRegionRestoreRequestObject as the model's input, or the 400 the service answers. */
function parseCrrBody(ctx: ArmContext, params: Params): CrossRegionRestoreInput {
  const body = ctx.body;
  if (!isRecord(body)) throw badInput('The request body must be a CrossRegionRestoreRequestObject.');
  const rro = body.restoreRequestObject;
  const details = body.crossRegionRestoreDetails;
  if (!isRecord(rro)) throw badInput("'restoreRequestObject' is required.");
  if (!isRecord(details)) throw badInput("'crossRegionRestoreDetails' is required.");
  const sourceBackupInstanceId = nonEmptyString(details.sourceBackupInstanceId);
  const sourceRegion = nonEmptyString(details.sourceRegion);
  if (!sourceBackupInstanceId || !sourceRegion)
    throw badInput("'crossRegionRestoreDetails.sourceBackupInstanceId' and 'sourceRegion' are required.");
  const recoveryPointId = nonEmptyString(rro.recoveryPointId);
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
    const url = nonEmptyString(td.url);
    const filePrefix = nonEmptyString(td.filePrefix);
    if (!url || !filePrefix)
      throw badInput("'targetDetails.url' and 'targetDetails.filePrefix' are required to restore as files.");
    parsedTarget = { kind: 'files', containerUrl: url, filePrefix };
  } else if (target.objectType === 'RestoreTargetInfo') {
    const ds = isRecord(target.datasourceInfo) ? target.datasourceInfo : {};
    // .NET deserialises case-insensitively: the CLI sends `resourceId`, the spec says `resourceID`.
    const databaseId = nonEmptyString(ds.resourceID) ?? nonEmptyString(ds.resourceId);
    if (!databaseId) throw badInput("'restoreTargetInfo.datasourceInfo.resourceID' is required.");
    const creds = isRecord(target.datasourceAuthCredentials) ? target.datasourceAuthCredentials : {};
    const store = isRecord(creds.secretStoreResource) ? creds.secretStoreResource : {};
    parsedTarget = { kind: 'database', databaseId, secretUri: nonEmptyString(store.uri) };
  } else {
    throw badInput(`Unsupported restoreTargetInfo objectType '${String(target.objectType)}'.`);
  }
  return {
    ...crrScope(params),
    sourceBackupInstanceId,
    sourceRegion,
    recoveryPointId,
    target: parsedTarget,
  };
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
