import type { ArmClient, ArmResponse } from '../arm-client';
import { ArmError, errorContextOf } from '../arm-error';
import { parseTimeSpanMs } from '../common/durations';
import { isRecord } from '../common/is-record';

/**
 * api-version of `POST /providers/Microsoft.ResourceGraph/resources`. The recordings were made with
 * 2021-03-01; both answer the same `QueryResponse` shape (the replay test reads both).
 */
export const RESOURCE_GRAPH_API_VERSION = '2024-04-01';
/** The one Resource Graph operation we use. */
export const RESOURCE_GRAPH_PATH = '/providers/Microsoft.ResourceGraph/resources';
/** Largest page Resource Graph serves (`options.$top` maximum in the spec). */
export const RESOURCE_GRAPH_MAX_PAGE_SIZE = 1000;
/**
 * Subscriptions per query. Resource Graph refuses larger scopes and peers silently forward only the
 * first 1,000; we split the scope into batches and query each.
 */
export const RESOURCE_GRAPH_MAX_SUBSCRIPTIONS = 1000;

/** A query to run with {@link ResourceGraphClient}. */
export interface ResourceGraphQuery {
  /** KQL text, built by a query builder (never by concatenating user input). */
  query: string;
  /** Scope. Empty means nothing is queried (never the whole tenant by accident). */
  subscriptions: readonly string[];
  /** Rows per page, at most 1,000 (the default). */
  pageSize?: number;
  /** Cancels the current request and any quota wait. */
  signal?: AbortSignal | undefined;
}

/** Resource Graph's per-user quota as reported on a response. */
export interface ResourceGraphQuota {
  /** `x-ms-user-quota-remaining`: queries left in the current window. */
  remaining: number | undefined;
  /** `x-ms-user-quota-resets-after` in milliseconds. */
  resetsAfterMs: number | undefined;
}

/** One page of a query, as {@link ResourceGraphClient.queryPages} yields it. */
export interface ResourceGraphPage<T> {
  /** Rows of this page (`data` in `objectArray` format). */
  rows: T[];
  /** `totalRecords` of this page's subscription batch. */
  totalRecords: number;
  /** `count`: rows in this page. */
  count: number;
  /**
   * `resultTruncated === "true"` with no `$skipToken`: Resource Graph stopped early and there is no
   * way to get the rest (e.g. a result that cannot be paged). Callers must say so.
   */
  truncated: boolean;
  /** 0-based index of the subscription batch this page belongs to. */
  batch: number;
  /** Number of subscription batches of the query. */
  batches: number;
  /** True on the first page of each batch (its `totalRecords` is then new information). */
  firstOfBatch: boolean;
  /** True when this is the last page of the whole query. */
  last: boolean;
  /** The quota after this page. */
  quota: ResourceGraphQuota;
  /** `x-ms-request-id` of this page's response. */
  requestId: string | undefined;
}

/** The raw `QueryRequest` body we send (spec 2024-04-01). */
interface QueryRequestBody {
  subscriptions: string[];
  query: string;
  options: {
    resultFormat: 'objectArray';
    $top: number;
    $skipToken?: string;
  };
}

/**
 * Azure Resource Graph on the shared {@link ArmClient}: the same pipeline, so the same token,
 * retry (429/5xx: the POST counts as a read, see `isReadRequest`) and error rules apply. Pages
 * are fetched by re-POSTing the query with `options.$skipToken` (Resource Graph has no
 * `nextLink`), to the end; the per-user quota is honoured by waiting before the next request when
 * a response says none is left.
 */
export class ResourceGraphClient {
  /** Creates a client on the shared transport. */
  constructor(private readonly client: ArmClient) {}

  /**
   * Yields every page of `query`, one request at a time, so a grid can show page one while later
   * pages load. Subscriptions are de-duplicated (case-insensitively) and split into batches of
   * {@link RESOURCE_GRAPH_MAX_SUBSCRIPTIONS}.
   */
  async *queryPages<T = Record<string, unknown>>(
    query: ResourceGraphQuery,
  ): AsyncGenerator<ResourceGraphPage<T>, void, undefined> {
    const batches = subscriptionBatches(query.subscriptions);
    const pageSize = Math.min(
      RESOURCE_GRAPH_MAX_PAGE_SIZE,
      Math.max(1, query.pageSize ?? RESOURCE_GRAPH_MAX_PAGE_SIZE),
    );
    let waitBeforeNext = 0;
    for (let batch = 0; batch < batches.length; batch++) {
      const subscriptions = batches[batch] ?? [];
      let skipToken: string | undefined;
      const seenTokens = new Set<string>();
      let firstOfBatch = true;
      do {
        if (waitBeforeNext > 0) await this.client.sleep(waitBeforeNext, query.signal);
        const body: QueryRequestBody = {
          subscriptions,
          query: query.query,
          options: {
            resultFormat: 'objectArray',
            $top: pageSize,
            ...(skipToken ? { $skipToken: skipToken } : {}),
          },
        };
        const response = await this.client.send<unknown>({
          method: 'POST',
          path: RESOURCE_GRAPH_PATH,
          apiVersion: RESOURCE_GRAPH_API_VERSION,
          body,
          signal: query.signal,
        });
        const page = parseQueryResponse<T>(response);
        if (page.skipToken !== undefined) {
          if (seenTokens.has(page.skipToken))
            throw ArmError.invalidResponse(
              errorContextOf(response),
              'Resource Graph returned the same $skipToken twice.',
            );
          seenTokens.add(page.skipToken);
        }
        skipToken = page.skipToken;
        const quota = readQuota(response.headers);
        waitBeforeNext = quota.remaining === 0 ? (quota.resetsAfterMs ?? 0) : 0;
        yield {
          rows: page.rows,
          totalRecords: page.totalRecords,
          count: page.count,
          truncated: page.resultTruncated && skipToken === undefined,
          batch,
          batches: batches.length,
          firstOfBatch,
          last: skipToken === undefined && batch === batches.length - 1,
          quota,
          requestId: response.requestId,
        };
        firstOfBatch = false;
      } while (skipToken !== undefined);
    }
  }

  /** Every row of `query` (all batches, all pages), with the totals Resource Graph reported. */
  async queryAll<T = Record<string, unknown>>(
    query: ResourceGraphQuery,
  ): Promise<{ rows: T[]; totalRecords: number; truncated: boolean }> {
    const rows: T[] = [];
    let totalRecords = 0;
    let truncated = false;
    for await (const page of this.queryPages<T>(query)) {
      rows.push(...page.rows);
      if (page.firstOfBatch) totalRecords += page.totalRecords;
      truncated ||= page.truncated;
    }
    return { rows, totalRecords, truncated };
  }
}

/** Splits a scope into batches Resource Graph accepts; duplicates (any casing) are dropped. */
export function subscriptionBatches(
  subscriptions: readonly string[],
  size = RESOURCE_GRAPH_MAX_SUBSCRIPTIONS,
): string[][] {
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const id of subscriptions) {
    const key = id.trim().toLowerCase();
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    unique.push(id.trim());
  }
  const out: string[][] = [];
  for (let i = 0; i < unique.length; i += size) out.push(unique.slice(i, i + size));
  return out;
}

/** Reads Resource Graph's per-user quota headers (absent or unreadable values stay undefined). */
export function readQuota(headers: Record<string, string>): ResourceGraphQuota {
  const raw = headers['x-ms-user-quota-remaining'];
  const remaining = raw !== undefined && /^\d+$/.test(raw.trim()) ? Number(raw) : undefined;
  return { remaining, resetsAfterMs: parseTimeSpanMs(headers['x-ms-user-quota-resets-after']) };
}

interface ParsedQueryResponse<T> {
  rows: T[];
  totalRecords: number;
  count: number;
  resultTruncated: boolean;
  skipToken: string | undefined;
}

function parseQueryResponse<T>(response: ArmResponse<unknown>): ParsedQueryResponse<T> {
  const body = response.body;
  const fail = (problem: string) => ArmError.invalidResponse(errorContextOf(response), problem);
  if (!isRecord(body)) throw fail('a Resource Graph answer must be a JSON object.');
  const data = body['data'];
  // `table` format would be {columns, rows}; we always ask for objectArray.
  if (!Array.isArray(data)) throw fail('`data` of a Resource Graph answer must be an array (objectArray).');
  const count = typeof body['count'] === 'number' ? body['count'] : data.length;
  const totalRecords = typeof body['totalRecords'] === 'number' ? body['totalRecords'] : count;
  const truncatedRaw = body['resultTruncated'];
  const token = body['$skipToken'];
  return {
    rows: data as T[],
    totalRecords,
    count,
    // The spec says the string "true"/"false"; accept a boolean too rather than misread it.
    resultTruncated: truncatedRaw === 'true' || truncatedRaw === true,
    skipToken: typeof token === 'string' && token !== '' ? token : undefined,
  };
}
