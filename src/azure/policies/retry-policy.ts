import { isRestError } from '@azure/core-rest-pipeline';
import type {
  PipelinePolicy,
  PipelineRequest,
  PipelineResponse,
  SendRequest,
} from '@azure/core-rest-pipeline';
import { parseRetryAfterMs } from '../retry-after';
import { isPipelineRetriableStatus } from '../retry-rules';
import { sleep as defaultSleep, type SleepFn } from '../sleep';

/** Name of {@link armRetryPolicy} in the pipeline. */
export const armRetryPolicyName = 'armRetryPolicy';

/**
 * POST actions that only read: ARM models these list/get calls as actions, but they change
 * nothing, so retrying them is as safe as retrying a GET. Work-starting actions
 * (`crossRegionRestore`, `validateCrossRegionRestore`, `restore`...) are deliberately absent.
 */
export const READ_ONLY_POST_ACTIONS: ReadonlySet<string> = new Set(
  [
    'fetchSecondaryRecoveryPoints',
    'fetchCrossRegionRestoreJobs',
    'fetchCrossRegionRestoreJob',
    'findRestorableTimeRanges',
  ].map((a) => a.toLowerCase()),
);

/**
 * True for requests that may be repeated automatically: GET/HEAD, the read-only POST actions
 * above, and Resource Graph queries. PUT/PATCH/DELETE and every other POST are never retried.
 */
export function isReadRequest(method: string, url: string): boolean {
  const m = method.toUpperCase();
  if (m === 'GET' || m === 'HEAD') return true;
  if (m !== 'POST') return false;
  let path: string;
  try {
    path = new URL(url).pathname.replace(/\/+$/, '').toLowerCase();
  } catch {
    return false;
  }
  if (path.endsWith('/providers/microsoft.resourcegraph/resources')) return true;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return READ_ONLY_POST_ACTIONS.has(last);
}

/** Options of {@link armRetryPolicy}. */
export interface ArmRetryPolicyOptions {
  /** Retries after the first attempt (default 3). */
  maxRetries?: number;
  /** First backoff delay when ARM gives no Retry-After (default 800 ms, doubled each retry). */
  baseDelayMs?: number;
  /** Upper bound of the exponential backoff (default 30 s). */
  maxDelayMs?: number;
  /**
   * A Retry-After longer than this is not waited for: the response goes back to the caller, so
   * the UI can say "try again in N minutes" instead of hanging (default 60 s).
   */
  maxRetryAfterMs?: number;
  /** Injectable sleep (tests record the delays instead of waiting). */
  sleep?: SleepFn;
  /** Adds up to this fraction of random jitter to backoff delays (default 0.2; 0 in tests). */
  jitter?: number;
  /** Clock for HTTP-date Retry-After values, injectable for tests. */
  now?: () => number;
}

/**
 * Our own retry rules (core-rest-pipeline's default policies retry every method and treat
 * Retry-After differently); which statuses are transient comes from `RETRY_RULES`:
 * - reads ({@link isReadRequest}) are retried on 408/429/5xx and on network errors, at most
 *   `maxRetries` times, waiting Retry-After when given, else exponential backoff;
 * - everything else (PATCH vault, POST crossRegionRestore / validateCrossRegionRestore...) is
 *   never retried here: repeating work-starting calls must be the user's decision;
 * - 400/401/403/404/409 are never retried (401 is handled once by the bearer policy).
 */
export function armRetryPolicy(options: ArmRetryPolicyOptions = {}): PipelinePolicy {
  const maxRetries = options.maxRetries ?? 3;
  const baseDelayMs = options.baseDelayMs ?? 800;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const wait = options.sleep ?? defaultSleep;
  const jitter = options.jitter ?? 0.2;

  const backoff = (attempt: number): number => {
    const exp = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
    return Math.round(exp * (1 + Math.random() * jitter));
  };

  return {
    name: armRetryPolicyName,
    async sendRequest(request: PipelineRequest, next: SendRequest): Promise<PipelineResponse> {
      const retriable = isReadRequest(request.method, request.url);
      for (let attempt = 0; ; attempt++) {
        let response: PipelineResponse;
        try {
          response = await next(request);
        } catch (error) {
          if (
            !retriable ||
            attempt >= maxRetries ||
            !isTransientNetworkError(error) ||
            request.abortSignal?.aborted
          ) {
            throw error;
          }
          await wait(backoff(attempt), signalOf(request));
          continue;
        }
        if (!retriable || attempt >= maxRetries || !isPipelineRetriableStatus(response.status))
          return response;
        const retryAfter = parseRetryAfterMs(response.headers, options.now);
        if (retryAfter !== undefined && retryAfter > maxRetryAfterMs) return response;
        await wait(retryAfter ?? backoff(attempt), signalOf(request));
      }
    },
  };
}

function isTransientNetworkError(error: unknown): boolean {
  if (error instanceof Error && error.name === 'AbortError') return false;
  return isRestError(error) && error.statusCode === undefined;
}

function signalOf(request: PipelineRequest): AbortSignal | undefined {
  const s = request.abortSignal;
  return s instanceof AbortSignal ? s : undefined;
}
