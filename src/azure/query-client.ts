/**
 * QueryClient defaults, in one place. Where retries happen:
 * 1. Pipeline (`policies/retry-policy.ts`): reads (GET and read-only POST actions) on
 *    408/429/5xx/network, up to 3 times, honouring Retry-After. Mutating calls never.
 * 2. Bearer policy: one forced token refresh + retry on 401, for every method.
 * 3. Query layer ({@link shouldRetryQuery}, the `queryLayer` column of `RETRY_RULES`): almost never, so retries do not multiply
 *    (3 pipeline x 3 query = 16 requests per failure otherwise). Only a network failure or an
 *    unreadable response gets one more attempt, because TanStack pauses that retry while the
 *    browser is offline and resumes when it reconnects, which the pipeline cannot do.
 * 4. Mutations: never (`retry: false`); the user decides.
 */
import { QueryClient, type QueryClientConfig } from '@tanstack/react-query';
import { isArmError } from './arm-error';

/** Data is fresh for 30 s: lists and jobs change slowly, and ARM throttles reads per principal. */
export const DEFAULT_STALE_TIME_MS = 30_000;
/** Unused data is kept 10 minutes so going back to a grid is instant. */
export const DEFAULT_GC_TIME_MS = 10 * 60_000;

/** Query-layer retry rule; see the module comment. */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (!isArmError(error)) return false;
  return error.retryRule.queryLayer && failureCount < 1;
}

/** Creates the app's QueryClient with the defaults above (overridable for tests). */
export function createQueryClient(config: QueryClientConfig = {}): QueryClient {
  return new QueryClient({
    ...config,
    defaultOptions: {
      ...config.defaultOptions,
      queries: {
        staleTime: DEFAULT_STALE_TIME_MS,
        gcTime: DEFAULT_GC_TIME_MS,
        retry: shouldRetryQuery,
        retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 8000),
        // Only stale queries refetch on focus (staleTime above), so this stays cheap.
        refetchOnWindowFocus: true,
        ...config.defaultOptions?.queries,
      },
      mutations: {
        retry: false,
        ...config.defaultOptions?.mutations,
      },
    },
  });
}
