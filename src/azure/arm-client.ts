import type { TokenCredential } from '@azure/core-auth';
import {
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineRequest,
  type HttpClient,
  type HttpMethods,
  type Pipeline,
  type PipelineResponse,
} from '@azure/core-rest-pipeline';
import { ArmError, errorContextOf, isArmError } from './arm-error';
import { isRecord } from './common/is-record';
import { AzurePublicCloud, type AzureCloud } from './clouds';
import type { ArmPoller, BeginOperationOptions, LroTransport } from './lro';
import { createPagedIterator, type PagedAsyncIterableIterator } from './paging';
import { createArmPipeline } from './pipeline';
import type { ArmRetryPolicyOptions } from './policies/retry-policy';
import { sleep as defaultSleep, type SleepFn } from './sleep';

/** Query string values; `undefined` entries are left out. */
export type ArmQuery = Record<string, string | number | boolean | undefined>;

/** One ARM request. Give either `path` (relative to the ARM origin) or `url` (absolute). */
export interface ArmRequestOptions {
  /** HTTP method (default GET). */
  method?: HttpMethods;
  /** Path below the ARM origin, starting with `/`; `apiVersion` and `query` are appended. */
  path?: string;
  /** Absolute URL used exactly as given (nextLink, operation URL); nothing is appended. */
  url?: string;
  /** `api-version` for `path` requests. */
  apiVersion?: string;
  /** Extra query parameters for `path` requests (e.g. `$filter`). */
  query?: ArmQuery;
  /** JSON body. */
  body?: unknown;
  /** Cancels the request (and any waiting between retries). */
  signal?: AbortSignal | undefined;
  /** Extra request headers. */
  headers?: Record<string, string>;
}

/** A successful ARM response with its parsed JSON body. */
export interface ArmResponse<T> {
  /** HTTP status (2xx). */
  status: number;
  /** Response headers, names lower-cased. */
  headers: Record<string, string>;
  /** Parsed JSON body; undefined when the body was empty. */
  body: T | undefined;
  /** `x-ms-request-id`. */
  requestId: string | undefined;
  /** `x-ms-correlation-request-id`. */
  correlationRequestId: string | undefined;
  /** The URL that was requested. */
  url: string;
  /** The HTTP method that was used. */
  method: HttpMethods;
}

/** Options of {@link ArmClient}. */
export interface ArmClientOptions {
  /** Source of ARM tokens (MSAL in the browser, {@link DemoCredential} in demo and tests). */
  credential: TokenCredential;
  /** Cloud to talk to (default public cloud). */
  cloud?: AzureCloud;
  /** HTTP client; tests may inject one (default core-rest-pipeline's fetch/Node client). */
  httpClient?: HttpClient;
  /** Retry policy tuning. */
  retry?: ArmRetryPolicyOptions;
  /** Default wait between LRO polls when ARM sends no Retry-After (default 5000 ms). */
  pollIntervalMs?: number;
  /** Injectable sleep for retries and polling (tests record delays instead of waiting). */
  sleep?: SleepFn;
  /** Clock, injectable for tests. */
  now?: () => number;
}

/**
 * The long-running-operation poller, fetched the first time an operation starts or resumes: pages
 * that only read (most first loads) do not download it.
 */
const loadLro = () => import('./lro');

/**
 * Low-level ARM client: one pipeline (auth + retry), JSON in and out, `ArmError` for every
 * failure, `nextLink` paging and long-running operations. Typed operation groups are built on it
 * (`DataProtectionClient`, `ResourcesClient`).
 */
export class ArmClient implements LroTransport {
  /** The configured cloud. */
  readonly cloud: AzureCloud;
  /** The ARM origin requests are resolved against and tokens are restricted to. */
  readonly armOrigin: string;
  /** Default LRO poll interval. */
  readonly pollIntervalMs: number;
  /** Sleep used between polls. */
  readonly sleep: SleepFn;
  private readonly pipeline: Pipeline;
  private readonly httpClient: HttpClient;
  private readonly now: () => number;

  /** Creates a client; see {@link ArmClientOptions}. */
  constructor(options: ArmClientOptions) {
    this.cloud = options.cloud ?? AzurePublicCloud;
    this.armOrigin = new URL(this.cloud.armEndpoint).origin;
    this.pollIntervalMs = options.pollIntervalMs ?? 5000;
    this.sleep = options.sleep ?? defaultSleep;
    this.now = options.now ?? Date.now;
    this.httpClient = options.httpClient ?? createDefaultHttpClient();
    this.pipeline = createArmPipeline({
      credential: options.credential,
      cloud: this.cloud,
      retry: { sleep: this.sleep, ...options.retry },
      now: this.now,
    });
  }

  /** Resolves the URL a request goes to (`url` verbatim, or origin + path + api-version + query). */
  buildUrl(options: Pick<ArmRequestOptions, 'path' | 'url' | 'apiVersion' | 'query'>): string {
    if (options.url) return new URL(options.url, this.armOrigin).toString();
    if (!options.path?.startsWith('/'))
      throw new Error('ArmClient: give an absolute `url` or a `path` starting with "/".');
    const params: string[] = [];
    if (options.apiVersion) params.push(`api-version=${encodeURIComponent(options.apiVersion)}`);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value === undefined) continue;
      // `$filter`/`$skipToken` keep their literal `$`; values are percent-encoded (space -> %20,
      // never `+`, which some ARM providers do not decode).
      const k = /^[\w$.-]+$/.test(key) ? key : encodeURIComponent(key);
      params.push(`${k}=${encodeURIComponent(String(value))}`);
    }
    return `${this.armOrigin}${options.path}${params.length ? `?${params.join('&')}` : ''}`;
  }

  /** Sends a request; resolves with the parsed response on 2xx, throws {@link ArmError} otherwise. */
  async send<T>(options: ArmRequestOptions): Promise<ArmResponse<T>> {
    const method: HttpMethods = options.method ?? 'GET';
    const url = this.buildUrl(options);
    const headers = createHttpHeaders({ accept: 'application/json', ...options.headers });
    let body: string | undefined;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers.set('content-type', 'application/json');
    }
    const request = createPipelineRequest({
      url,
      method,
      headers,
      body,
      abortSignal: options.signal,
      // Tests and the demo answer on https URLs; plain http is only for a local simulator.
      allowInsecureConnection: url.startsWith('http://localhost') || url.startsWith('http://127.0.0.1'),
    });

    let response: PipelineResponse;
    try {
      response = await this.pipeline.sendRequest(this.httpClient, request);
    } catch (error) {
      if (isArmError(error)) throw error;
      if (options.signal?.aborted || (error instanceof Error && error.name === 'AbortError')) {
        throw ArmError.aborted({ method, url }, error);
      }
      throw ArmError.network({ method, url }, error);
    }

    const headersRecord = response.headers.toJSON();
    const ctx = errorContextOf({ status: response.status, headers: headersRecord, method, url }, this.now);
    if (response.status < 200 || response.status >= 300) {
      throw ArmError.fromResponse(ctx, response.bodyAsText);
    }
    const text = response.bodyAsText ?? '';
    let parsed: T | undefined;
    if (text.trim() !== '') {
      try {
        parsed = JSON.parse(text) as T;
      } catch (error) {
        throw ArmError.invalidResponse(ctx, 'the body is not valid JSON.', error);
      }
    }
    return {
      status: response.status,
      headers: headersRecord,
      body: parsed,
      requestId: ctx.requestId,
      correlationRequestId: ctx.correlationRequestId,
      url,
      method,
    };
  }

  /**
   * Sends a request and returns the JSON body. A GET must answer with a JSON object; anything
   * else (empty body, array, string) is an `InvalidResponse` error rather than an undefined row.
   */
  async request<T>(options: ArmRequestOptions): Promise<T> {
    const response = await this.send<T>(options);
    if ((options.method ?? 'GET') === 'GET' && !isRecord(response.body)) {
      throw ArmError.invalidResponse(errorContextOf(response, this.now), 'expected a JSON object.');
    }
    return response.body as T;
  }

  /**
   * Yields the `value` of each page, fetching the next page only when the consumer asks for it,
   * so a grid can render page one while later pages load. `nextLink` is requested exactly as
   * given (it already carries api-version and skip tokens) with GET. Give `continuationToken` to
   * start from a saved `nextLink`.
   */
  async *listPages<T>(
    first: ArmRequestOptions,
    continuationToken?: string,
  ): AsyncGenerator<T[], void, undefined> {
    let next: ArmRequestOptions | undefined = continuationToken
      ? { method: 'GET', url: continuationToken, signal: first.signal }
      : first;
    const seen = new Set<string>();
    while (next) {
      const response: ArmResponse<unknown> = await this.send<unknown>(next);
      const page = response.body;
      const errCtx = errorContextOf(response, this.now);
      if (!isRecord(page)) throw ArmError.invalidResponse(errCtx, 'a list page must be a JSON object.');
      const value = page['value'];
      if (value !== undefined && value !== null && !Array.isArray(value)) {
        throw ArmError.invalidResponse(errCtx, 'the `value` of a list page must be an array.');
      }
      yield (value ?? []) as T[];
      const nextLink = page['nextLink'];
      if (typeof nextLink === 'string' && nextLink !== '') {
        if (seen.has(nextLink))
          throw ArmError.invalidResponse(errCtx, 'the service returned the same nextLink twice.');
        seen.add(nextLink);
        next = { method: 'GET', url: nextLink, signal: first.signal };
      } else {
        next = undefined;
      }
    }
  }

  /** Items of every page of a list, as a {@link PagedAsyncIterableIterator} (SDK-compatible). */
  list<T>(first: ArmRequestOptions): PagedAsyncIterableIterator<T> {
    return createPagedIterator<T>((token) => this.listPages<T>(first, token));
  }

  /** Every item of every page; never stops at the first page. */
  async listAll<T>(first: ArmRequestOptions): Promise<T[]> {
    const out: T[] = [];
    for await (const page of this.listPages<T>(first)) out.push(...page);
    return out;
  }

  /**
   * Starts a long-running operation and returns its poller (already done for a plain 200/201
   * with a body, or 204). See {@link ArmPoller} for the polling rules.
   */
  async beginOperation<T>(
    request: ArmRequestOptions,
    options: BeginOperationOptions<T> = {},
  ): Promise<ArmPoller<T>> {
    // The poller is loaded before the request is sent: once ARM has accepted an operation, nothing
    // may fail before its poller (and so its resume token) exists.
    const { ArmPoller } = await loadLro();
    const signal = options.signal ?? request.signal;
    const initial = await this.send<unknown>({ ...request, signal });
    return ArmPoller.fromInitialResponse<T>(this, initial, { ...options, signal });
  }

  /**
   * Continues polling an operation after a page reload, from what {@link ArmPoller.operationUrl}
   * or {@link ArmPoller.resumeToken} gave. The URL is polled exactly as saved.
   */
  async resumeOperation<T>(
    operationUrlOrToken: string,
    options: BeginOperationOptions<T> = {},
  ): Promise<ArmPoller<T>> {
    const { ArmPoller } = await loadLro();
    return ArmPoller.resume<T>(this, operationUrlOrToken, options);
  }
}
