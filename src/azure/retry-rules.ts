/**
 * The one table of what is retried, by whom. Every layer reads it: the pipeline's retry policy
 * (automatic retries of reads), the query layer (one extra attempt that TanStack pauses while
 * offline) and the UI (whether a Retry button can help). Keeping it in one place is what keeps a
 * failing read at 4 requests instead of 16, and a 403 from being "retried" by anyone.
 */

/**
 * Coarse classification of a failure, so callers switch on one value instead of testing status
 * ranges.
 */
export type ArmErrorKind =
  | 'badRequest'
  | 'auth'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'timeout'
  | 'throttled'
  | 'server'
  | 'network'
  | 'aborted'
  | 'invalidResponse'
  | 'operationFailed'
  | 'other';

/** Who may try a failed request again. */
export interface RetryRule {
  /** The pipeline repeats reads (GET and read-only POSTs) by itself, honouring Retry-After. */
  readonly pipeline: boolean;
  /** The query layer tries once more (paused while the browser is offline). */
  readonly queryLayer: boolean;
  /** Trying again later can succeed, so the UI offers Retry. */
  readonly user: boolean;
}

/**
 * 400/401/403/404 never succeed by repeating; 409 may once the other operation ends, but only the
 * user decides; 408/429/5xx are transient and repeated for reads only (writes never: a second
 * PATCH or restore is the user's decision).
 */
export const RETRY_RULES: Readonly<Record<ArmErrorKind, RetryRule>> = {
  badRequest: { pipeline: false, queryLayer: false, user: false },
  // The bearer policy refreshes the token once on 401; after that only signing in again helps.
  auth: { pipeline: false, queryLayer: false, user: false },
  forbidden: { pipeline: false, queryLayer: false, user: false },
  notFound: { pipeline: false, queryLayer: false, user: false },
  conflict: { pipeline: false, queryLayer: false, user: true },
  timeout: { pipeline: true, queryLayer: false, user: true },
  throttled: { pipeline: true, queryLayer: false, user: true },
  server: { pipeline: true, queryLayer: false, user: true },
  // The pipeline retries transient socket errors; the query layer adds one attempt that waits
  // for the browser to come back online, which the pipeline cannot do.
  network: { pipeline: true, queryLayer: true, user: true },
  aborted: { pipeline: false, queryLayer: false, user: false },
  invalidResponse: { pipeline: false, queryLayer: true, user: true },
  // A failed long-running operation ran to its end in Azure: repeating it is a new operation.
  operationFailed: { pipeline: false, queryLayer: false, user: false },
  other: { pipeline: false, queryLayer: false, user: true },
};

/** The kind of an HTTP status (0 = no response). */
export function kindOfStatus(status: number): ArmErrorKind {
  if (status === 0) return 'network';
  if (status === 400) return 'badRequest';
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 408) return 'timeout';
  if (status === 409) return 'conflict';
  if (status === 429) return 'throttled';
  if (status >= 500 && status < 600) return 'server';
  return 'other';
}

/** True when the pipeline repeats a read that got this HTTP status. */
export function isPipelineRetriableStatus(status: number): boolean {
  return status !== 0 && RETRY_RULES[kindOfStatus(status)].pipeline;
}
