/*
 * Long-running operations (LRO), written against our ArmClient instead of @azure/core-lro 3.x.
 * Why our own: core-lro's poller resumes only from its own serialized state (not from a bare
 * operation URL the UI saved), owns the wait between polls (we need an injectable sleep to
 * assert Retry-After in tests and an AbortSignal per wait), and would need a second HTTP
 * abstraction on top of our pipeline. The ARM rules we need fit in this file:
 * - 200/201 with a body and no operation header, or 204: done at once;
 * - 201/202 with Azure-AsyncOperation (preferred) or Location: poll exactly that URL;
 * - Azure-AsyncOperation bodies carry `status`; Succeeded/Failed/Canceled are terminal
 *   (case-insensitive; ARM also sends "Inprogress"); Failed/Canceled -> ArmError from `error`;
 * - Location polls: 202 = still running, 200/201/204 = done (body is the result);
 * - Retry-After of the last response decides the next wait, else `pollIntervalMs`;
 * - after Succeeded: final-state-via `original-uri` (PUT/PATCH) GETs the resource,
 *   `location` (POST, as the spec says for crossRegionRestore/validateCrossRegionRestore) GETs the
 *   Location URL, which yields OperationJobExtendedInfo with the jobId.
 */
import type { HttpMethods } from '@azure/core-rest-pipeline';
import { ArmError, errorContextOf, isArmError } from './arm-error';
import { isRecord } from './common/is-record';
import type { ArmRequestOptions, ArmResponse } from './arm-client';
import { parseRetryAfterMs } from './retry-after';
import type { SleepFn } from './sleep';

/** What the poller needs from the client. */
export interface LroTransport {
  send<T>(options: ArmRequestOptions): Promise<ArmResponse<T>>;
  readonly sleep: SleepFn;
  readonly pollIntervalMs: number;
}

/** Where the final result of a succeeded operation comes from. */
export type FinalStateVia = 'azure-async-operation' | 'location' | 'original-uri' | 'none';

/** Coarse state of an operation. */
export type LroState = 'running' | 'succeeded' | 'failed' | 'canceled';

/** Progress report passed to `onProgress`. */
export interface LroProgress {
  /** Coarse state. */
  state: LroState;
  /** Status string as ARM sent it (e.g. `Inprogress`), or `Accepted` for Location polls. */
  status: string;
  /** URL being polled (save it to resume after a reload). */
  operationUrl: string | undefined;
  /** `percentComplete` when the operation reports one. */
  percentComplete?: number;
}

/** Options of `beginOperation` / `resumeOperation`. */
export interface BeginOperationOptions<T> {
  /** Final-state rule; default by method: PUT/PATCH original-uri, POST location, DELETE none. */
  finalStateVia?: FinalStateVia;
  /** Resource URL for `original-uri` when resuming (the original request URL otherwise). */
  resourceUrl?: string;
  /** Wait between polls when ARM sends no Retry-After (default: the client's). */
  pollIntervalMs?: number;
  /** Called after every poll. */
  onProgress?: (progress: LroProgress) => void;
  /** Cancels polling (the operation itself keeps running in Azure). */
  signal?: AbortSignal | undefined;
  /** Turns the final body into the result type (validate/shape it here). */
  mapResult?: (body: unknown) => T;
}

type PollMode = 'azure-async-operation' | 'location';

interface PollerState {
  mode: PollMode | 'done';
  /** URL handed out by ARM and being polled now. */
  pollUrl: string | undefined;
  /** The first operation URL handed out (what the UI persists). */
  operationUrl: string | undefined;
  /** Location header of the initial response (final result for POST). */
  locationUrl: string | undefined;
  /** Resource URL for original-uri. */
  resourceUrl: string | undefined;
  finalStateVia: FinalStateVia;
  /** Set while fetching the final result from the Location URL. */
  fetchingFinal: boolean;
}

/** Serialized poller state, for `resumeOperation`. */
interface ResumeTokenV1 {
  v: 1;
  mode: PollMode;
  pollUrl: string;
  operationUrl: string;
  locationUrl?: string | undefined;
  resourceUrl?: string | undefined;
  finalStateVia: FinalStateVia;
}

/** Maps an ARM operation status string to a coarse state (case-insensitive). */
export function classifyOperationStatus(status: string): LroState {
  switch (status.trim().toLowerCase()) {
    case 'succeeded':
      return 'succeeded';
    case 'failed':
      return 'failed';
    case 'canceled':
    case 'cancelled':
      return 'canceled';
    default:
      return 'running';
  }
}

function defaultFinalStateVia(method: HttpMethods): FinalStateVia {
  if (method === 'PUT' || method === 'PATCH') return 'original-uri';
  if (method === 'POST') return 'location';
  return 'none';
}

/**
 * Poller for one ARM long-running operation. Persist {@link ArmPoller.operationUrl} (or the
 * richer {@link ArmPoller.resumeToken}) to continue after a reload with `resumeOperation`.
 */
export class ArmPoller<T> {
  private readonly transport: LroTransport;
  private readonly options: BeginOperationOptions<T>;
  private readonly state: PollerState;
  private done = false;
  private result: T | undefined;
  private nextDelayMs: number;
  private lastStatus = 'NotStarted';
  private fallbackResult: unknown;

  private constructor(
    transport: LroTransport,
    state: PollerState,
    options: BeginOperationOptions<T>,
    firstDelayMs: number,
  ) {
    this.transport = transport;
    this.state = state;
    this.options = options;
    this.nextDelayMs = firstDelayMs;
  }

  /** Builds a poller from the response that started the operation. */
  static fromInitialResponse<T>(
    transport: LroTransport,
    initial: ArmResponse<unknown>,
    options: BeginOperationOptions<T>,
  ): ArmPoller<T> {
    const asyncUrl = initial.headers['azure-asyncoperation'];
    const location = initial.headers['location'];
    const finalStateVia = options.finalStateVia ?? defaultFinalStateVia(initial.method);
    const pollUrl = asyncUrl ?? location;
    const needsPolling = (initial.status === 201 || initial.status === 202) && pollUrl !== undefined;
    const state: PollerState = {
      mode: needsPolling ? (asyncUrl ? 'azure-async-operation' : 'location') : 'done',
      pollUrl: needsPolling ? pollUrl : undefined,
      operationUrl: needsPolling ? pollUrl : undefined,
      locationUrl: location,
      resourceUrl: options.resourceUrl ?? initial.url,
      finalStateVia,
      fetchingFinal: false,
    };
    const retryAfter = retryAfterOf(initial.headers);
    const poller = new ArmPoller<T>(
      transport,
      state,
      options,
      retryAfter ?? options.pollIntervalMs ?? transport.pollIntervalMs,
    );
    if (!needsPolling) {
      if (initial.status === 202) {
        throw ArmError.invalidResponse(
          errorContextOf(initial),
          'HTTP 202 without an Azure-AsyncOperation or Location header to poll.',
        );
      }
      poller.finish(initial.body);
      poller.lastStatus = 'Succeeded';
    } else {
      poller.lastStatus = 'Accepted';
    }
    return poller;
  }

  /** Rebuilds a poller from a saved operation URL or resume token. */
  static resume<T>(transport: LroTransport, saved: string, options: BeginOperationOptions<T>): ArmPoller<T> {
    let state: PollerState;
    const trimmed = saved.trim();
    if (trimmed.startsWith('{')) {
      let token: ResumeTokenV1;
      try {
        token = JSON.parse(trimmed) as ResumeTokenV1;
      } catch (error) {
        throw new Error('resumeOperation: the saved resume token is not valid JSON.', { cause: error });
      }
      if (token.v !== 1 || typeof token.pollUrl !== 'string')
        throw new Error('resumeOperation: unknown resume token.');
      state = {
        mode: token.mode,
        pollUrl: token.pollUrl,
        operationUrl: token.operationUrl,
        locationUrl: token.locationUrl,
        resourceUrl: options.resourceUrl ?? token.resourceUrl,
        finalStateVia: options.finalStateVia ?? token.finalStateVia,
        fetchingFinal: false,
      };
    } else {
      // A bare URL: its responses tell which protocol it speaks (a `status` field means
      // Azure-AsyncOperation, a 202 without it means Location), see `pollOnce`.
      state = {
        mode: 'azure-async-operation',
        pollUrl: trimmed,
        operationUrl: trimmed,
        locationUrl: undefined,
        resourceUrl: options.resourceUrl,
        finalStateVia:
          options.finalStateVia ?? (options.resourceUrl ? 'original-uri' : 'azure-async-operation'),
        fetchingFinal: false,
      };
    }
    // Resuming polls at once: the wait already happened while the page was reloading.
    return new ArmPoller<T>(transport, state, options, 0);
  }

  /** The operation URL ARM handed out; undefined when the operation finished synchronously. */
  get operationUrl(): string | undefined {
    return this.state.operationUrl;
  }

  /** Serialized state for `resumeOperation` (keeps the Location and resource URLs too). */
  get resumeToken(): string | undefined {
    if (this.state.mode === 'done' || !this.state.pollUrl || !this.state.operationUrl) return undefined;
    const token: ResumeTokenV1 = {
      v: 1,
      mode: this.state.mode,
      pollUrl: this.state.pollUrl,
      operationUrl: this.state.operationUrl,
      locationUrl: this.state.locationUrl,
      resourceUrl: this.state.resourceUrl,
      finalStateVia: this.state.finalStateVia,
    };
    return JSON.stringify(token);
  }

  /** Last status string seen. */
  get status(): string {
    return this.lastStatus;
  }

  /** True once a result (or error) is known. */
  isDone(): boolean {
    return this.done;
  }

  /** The result once done. */
  getResult(): T | undefined {
    return this.result;
  }

  /** Polls until a terminal state, waiting Retry-After (or the poll interval) between polls. */
  async pollUntilDone(
    options: { signal?: AbortSignal; onProgress?: (p: LroProgress) => void } = {},
  ): Promise<T> {
    const signal = options.signal ?? this.options.signal;
    while (!this.done) {
      if (this.nextDelayMs > 0) await this.transport.sleep(this.nextDelayMs, signal);
      await this.poll({ signal, onProgress: options.onProgress });
    }
    return this.result as T;
  }

  /** Performs one poll request (no waiting). */
  async poll(
    options: { signal?: AbortSignal | undefined; onProgress?: ((p: LroProgress) => void) | undefined } = {},
  ): Promise<void> {
    if (this.done || !this.state.pollUrl) return;
    const signal = options.signal ?? this.options.signal;
    let response: ArmResponse<unknown>;
    try {
      response = await this.transport.send<unknown>({ method: 'GET', url: this.state.pollUrl, signal });
    } catch (error) {
      // The status already said Succeeded and carried the result; a vanished Location result
      // (404 after expiry) must not turn a finished restore into an error.
      if (
        this.state.fetchingFinal &&
        this.fallbackResult !== undefined &&
        isArmError(error) &&
        error.isNotFound
      ) {
        this.finish(this.fallbackResult);
        return;
      }
      throw error;
    }
    this.nextDelayMs =
      retryAfterOf(response.headers) ?? this.options.pollIntervalMs ?? this.transport.pollIntervalMs;
    const body = response.body;
    const statusValue = isRecord(body) && typeof body['status'] === 'string' ? body['status'] : undefined;

    if (
      this.state.mode === 'azure-async-operation' &&
      !this.state.fetchingFinal &&
      statusValue !== undefined
    ) {
      await this.handleStatusBody(
        response,
        body as Record<string, unknown>,
        statusValue,
        signal,
        options.onProgress,
      );
      return;
    }
    // Location semantics (also a resumed bare URL that turns out to be a Location URL).
    if (response.status === 202) {
      this.report({ state: 'running', status: 'Accepted' }, options.onProgress);
      return;
    }
    this.lastStatus = 'Succeeded';
    this.finish(body);
    this.report({ state: 'succeeded', status: 'Succeeded' }, options.onProgress);
  }

  private async handleStatusBody(
    response: ArmResponse<unknown>,
    body: Record<string, unknown>,
    status: string,
    signal: AbortSignal | undefined,
    onProgress: ((p: LroProgress) => void) | undefined,
  ): Promise<void> {
    this.lastStatus = status;
    const state = classifyOperationStatus(status);
    const percent = body['percentComplete'];
    this.report(
      { state, status, ...(typeof percent === 'number' ? { percentComplete: percent } : {}) },
      onProgress,
    );
    if (state === 'running') return;
    if (state === 'failed' || state === 'canceled') {
      this.done = true;
      throw ArmError.fromOperation(
        state === 'failed' ? 'Failed' : 'Canceled',
        body['error'],
        errorContextOf(response),
      );
    }
    const properties = body['properties'];
    switch (this.state.finalStateVia) {
      case 'original-uri': {
        if (!this.state.resourceUrl) {
          this.finish(properties ?? body);
          return;
        }
        const final = await this.transport.send<unknown>({
          method: 'GET',
          url: this.state.resourceUrl,
          signal,
        });
        this.finish(final.body);
        return;
      }
      case 'location': {
        if (!this.state.locationUrl) {
          this.finish(properties);
          return;
        }
        this.fallbackResult = properties;
        this.state.fetchingFinal = true;
        this.state.mode = 'location';
        this.state.pollUrl = this.state.locationUrl;
        this.nextDelayMs = 0;
        return;
      }
      case 'azure-async-operation':
        this.finish(properties ?? body);
        return;
      case 'none':
        this.finish(undefined);
        return;
    }
  }

  private finish(body: unknown): void {
    this.done = true;
    this.result = this.options.mapResult ? this.options.mapResult(body) : (body as T);
  }

  private report(p: Omit<LroProgress, 'operationUrl'>, extra: ((p: LroProgress) => void) | undefined): void {
    const progress: LroProgress = { ...p, operationUrl: this.state.operationUrl };
    this.options.onProgress?.(progress);
    extra?.(progress);
  }
}

function retryAfterOf(headers: Record<string, string>): number | undefined {
  return parseRetryAfterMs({ get: (name) => headers[name] });
}
