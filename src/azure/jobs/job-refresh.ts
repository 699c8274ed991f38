/**
 * One live-refresh round of the Backup jobs page: each job search (primary, secondary) is
 * refetched once, and what came back decides the next round (see `live-refresh.ts`).
 */
import type { QueryClient, QueryKey, QueryState } from '@tanstack/react-query';
import { isArmError } from '../arm-error';
import type { JobSearchResult } from './job-search';
import type { RefreshOutcome } from './live-refresh';

/** Whether jobs are running and whether ARM throttled, from the searches' cache entries. */
export function jobSearchOutcome(
  states: readonly (QueryState<JobSearchResult> | undefined)[],
): RefreshOutcome {
  let inProgress = false;
  let throttled = false;
  let retryAfterMs: number | undefined;
  const sawError = (error: unknown) => {
    if (!isArmError(error) || !error.isThrottled) return;
    throttled = true;
    if (error.retryAfterMs !== undefined) retryAfterMs = Math.max(retryAfterMs ?? 0, error.retryAfterMs);
  };
  for (const state of states) {
    if (!state) continue;
    if (state.data?.rows.some((row) => row.status === 'InProgress')) inProgress = true;
    // A refetch that failed keeps the previous rows; its error is the round's.
    if (state.status === 'error' || state.fetchFailureCount > 0) sawError(state.error);
    for (const warning of state.data?.warnings ?? []) sawError(warning.error);
  }
  return { inProgress, throttled, retryAfterMs };
}

/** Refetches each search once (one list per source) and reports the outcome. */
export async function refreshJobSearches(
  client: QueryClient,
  keys: readonly QueryKey[],
): Promise<RefreshOutcome> {
  await Promise.all(keys.map((queryKey) => client.refetchQueries({ queryKey, exact: true })));
  return jobSearchOutcome(keys.map((key) => client.getQueryState<JobSearchResult>(key)));
}
