// Microsoft.ResourceGraph: POST /providers/Microsoft.ResourceGraph/resources for the simulated
// tenant, the KQL subset of ../kql.ts over the rows of ../serializers/resource-graph.ts, paged by `options.$skipToken` (re-POSTed in the body; a
// token remembers its evaluated result, as Resource Graph's continuation context does), with the
// per-user quota headers and Resource Graph's own 400 shape for anything it does not evaluate.

import { decodeSkipToken, encodeSkipToken, ok, type ArmContext, type ArmResult } from '../arm-response';
import { KqlError, execute, parseQuery, type ResultSet } from '../kql';
import { RECOVERY_SERVICES_COLUMNS, recoveryServicesRows } from '../serializers/resource-graph';
import { isRecord } from '../../tenant/json';
import { route, type Route } from './route';

export const RESOURCE_GRAPH_API_VERSIONS = ['2024-04-01', '2022-10-01', '2021-03-01'] as const;
const TEMPLATE = '/providers/Microsoft.ResourceGraph/resources';
const TABLES = { RecoveryServicesResources: RECOVERY_SERVICES_COLUMNS };
/** Resource Graph answers 100 rows unless `$top` says otherwise (at most 1,000). */
const DEFAULT_TOP = 100;
const MAX_TOP = 1000;
/** Evaluated results kept for continuation tokens. */
const CACHE_SIZE = 8;

/** Resource Graph's per-user quota: 15 queries per 5-second window. */
export const QUOTA = { limit: 15, windowMs: 5000 } as const;

/** The window counter behind `x-ms-user-quota-*` (reported, never enforced: like ARM's read bucket). */
export class ResourceGraphQuota {
  private windowStart = Number.NEGATIVE_INFINITY;
  private used = 0;
  constructor(private readonly now: () => number = Date.now) {}

  /** Counts one query and returns the headers for its answer. */
  take(): Record<string, string> {
    const t = this.now();
    if (t - this.windowStart >= QUOTA.windowMs) {
      this.windowStart = t;
      this.used = 0;
    }
    this.used++;
    const resetsInMs = Math.max(0, this.windowStart + QUOTA.windowMs - t);
    const seconds = Math.ceil(resetsInMs / 1000);
    return {
      'x-ms-user-quota-remaining': String(Math.max(0, QUOTA.limit - this.used)),
      'x-ms-user-quota-resets-after': `00:00:${String(seconds).padStart(2, '0')}`,
    };
  }
}

interface Evaluated {
  result: ResultSet;
  /** Results without an `id` column cannot be paged (Resource Graph truncates them instead). */
  pageable: boolean;
  fingerprint: string;
}

/** Resource Graph's error body: BadRequest with the query problem in `details` (spec ErrorResponse). */
export function resourceGraphError(
  ctx: Pick<ArmContext, 'correlationId'>,
  details: { code: string; message: string; [key: string]: unknown }[],
  status = 400,
): ArmResult {
  return {
    status,
    body: {
      error: {
        code: 'BadRequest',
        message: `Please provide below info when asking for support: timestamp = ${new Date().toISOString()}, correlationId = ${ctx.correlationId}.`,
        details,
      },
    },
  };
}

function invalidQuery(ctx: ArmContext, error: KqlError): ArmResult {
  return resourceGraphError(ctx, [
    {
      code: 'InvalidQuery',
      message:
        'Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix the error before retrying.',
    },
    error.kind === 'NotSupportedBySimulator'
      ? { code: 'NotSupportedBySimulator', message: error.message }
      : {
          code: error.kind,
          message: error.message,
          line: 1,
          characterPositionInLine: error.position,
          token: error.token,
        },
  ]);
}

/** A continuation token: the offset plus which evaluated result (c) of which query and scope (f). */
function encodeToken(token: { c: number; o: number; f: string }): string {
  return encodeSkipToken({ o: token.o, b: { c: token.c, f: token.f } });
}

function decodeToken(value: string): { c: number; o: number; f: string } | undefined {
  const token = decodeSkipToken(value);
  const b = token?.b;
  if (!token || !isRecord(b) || typeof b.c !== 'number' || typeof b.f !== 'string') return undefined;
  return { c: b.c, o: token.o, f: b.f };
}

/** The Resource Graph route(s); state (quota window, continuation cache) lives per handler set. */
export function resourceGraphRoutes(now: () => number = Date.now): Route[] {
  const quota = new ResourceGraphQuota(now);
  const cache = new Map<number, Evaluated>();
  let nextCacheId = 1;

  const handle = (ctx: ArmContext): ArmResult => {
    const headers = quota.take();
    const withQuota = (result: ArmResult): ArmResult => ({
      ...result,
      headers: { ...result.headers, ...headers },
    });
    const body = ctx.body;
    if (!isRecord(body) || typeof body.query !== 'string' || body.query.trim() === '')
      return withQuota(
        resourceGraphError(ctx, [{ code: 'InvalidRequestContent', message: "The request needs a 'query'." }]),
      );
    const options = isRecord(body.options) ? body.options : {};
    const subscriptions = Array.isArray(body.subscriptions)
      ? body.subscriptions.filter((s): s is string => typeof s === 'string')
      : undefined;
    if (options.resultFormat !== undefined && options.resultFormat !== 'objectArray')
      return withQuota(
        resourceGraphError(ctx, [
          {
            code: 'NotSupportedBySimulator',
            message: "The simulated Resource Graph answers only resultFormat 'objectArray'.",
          },
        ]),
      );
    const top = options.$top === undefined ? DEFAULT_TOP : Number(options.$top);
    const skip = options.$skip === undefined ? undefined : Number(options.$skip);
    if (
      !Number.isInteger(top) ||
      top < 1 ||
      top > MAX_TOP ||
      (skip !== undefined && (!Number.isInteger(skip) || skip < 0))
    )
      return withQuota(
        resourceGraphError(ctx, [
          { code: 'InvalidRequestContent', message: '$top must be 1 to 1000 and $skip 0 or more.' },
        ]),
      );
    const fingerprint = JSON.stringify([
      body.query,
      [...(subscriptions ?? [])].map((s) => s.toLowerCase()).sort(),
    ]);

    let evaluated: Evaluated | undefined;
    let cacheId: number;
    let offset = skip ?? 0;
    if (typeof options.$skipToken === 'string') {
      const token = decodeToken(options.$skipToken);
      // A token only continues the query and scope it was issued for.
      if (!token || token.f !== fingerprint)
        return withQuota(
          resourceGraphError(ctx, [
            { code: 'InvalidSkipToken', message: 'The $skipToken is invalid for this query and scope.' },
          ]),
        );
      cacheId = token.c;
      offset = skip ?? token.o;
      evaluated = cache.get(cacheId);
    } else {
      cacheId = nextCacheId++;
    }
    if (!evaluated) {
      try {
        const plan = parseQuery(body.query, TABLES);
        const result = execute(plan, recoveryServicesRows(ctx.tenant, subscriptions));
        evaluated = { result, pageable: result.total === 0 || result.columns.includes('id'), fingerprint };
      } catch (error) {
        if (error instanceof KqlError) return withQuota(invalidQuery(ctx, error));
        throw error;
      }
      cache.set(cacheId, evaluated);
      while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as number);
    }

    const page = evaluated.result.page(offset, top);
    const more = offset + top < evaluated.result.total;
    const result: Record<string, unknown> = {
      totalRecords: evaluated.result.total,
      count: page.length,
      data: page,
      facets: [],
      resultTruncated: more && !evaluated.pageable ? 'true' : 'false',
    };
    if (more && evaluated.pageable)
      result.$skipToken = encodeToken({ c: cacheId, o: offset + top, f: fingerprint });
    return withQuota(ok(result));
  };

  return [
    route('POST', TEMPLATE, RESOURCE_GRAPH_API_VERSIONS, 'Microsoft.ResourceGraph/resources/read', handle),
  ];
}
