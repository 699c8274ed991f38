import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useArm } from '@/azure/arm-context';
import { jobSearchOutcome, refreshJobSearches } from '@/azure/jobs/job-refresh';
import type { JobRow } from '@/azure/jobs/job-row';
import type { JobSearchResult } from '@/azure/jobs/job-search';
import { useSubscriptionSelection } from '@/components/subscription-picker';
import { queryWindow, type JobFilters } from './job-filters';
import { useLiveRefresh } from './use-live-refresh';
import { createJobQueries } from '@/azure/jobs/queries';

/**
 * The jobs of the selected subscriptions in the Instance Regions the filters ask for, kept current
 * by one {@link LiveRefresh}: the primary and the secondary search are each one query, refetched
 * once per round while any job runs.
 */
export function useJobMonitor(filters: JobFilters) {
  const arm = useArm();
  const queryClient = useQueryClient();
  const selection = useSubscriptionSelection();
  // Relative windows are computed from when the page opened, so the query stays the same while
  // the page is open; rows are cut to the exact window at display time.
  const [openedAt] = useState(() => Date.now());
  const window = useMemo(
    () => queryWindow(filters, openedAt),
    // Only the fields that change the window.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [filters.range, filters.from, filters.to, openedAt],
  );
  // The workload type is filtered at the source (Resource Graph's query); the others on loaded rows.
  const scope = useMemo(
    () => ({ subscriptions: selection.selected, window, workload: filters.workload }),
    [selection.selected, window, filters.workload],
  );
  const hasScope = scope.subscriptions.length > 0;
  const jobs = arm.group(createJobQueries).queries;
  const primaryOptions = jobs.primarySearch(scope);
  const secondaryOptions = jobs.secondarySearch(scope);
  const primary = useQuery({ ...primaryOptions, enabled: hasScope && filters.region !== 'secondary' });
  const secondary = useQuery({ ...secondaryOptions, enabled: hasScope && filters.region !== 'primary' });

  const active = [
    ...(filters.region !== 'secondary' ? [{ query: primary, key: primaryOptions.queryKey }] : []),
    ...(filters.region !== 'primary' ? [{ query: secondary, key: secondaryOptions.queryKey }] : []),
  ];
  const activeKeys = active.map((a) => a.key);
  const keysRef = useRef(activeKeys);
  useEffect(() => {
    keysRef.current = activeKeys;
  });

  const live = useLiveRefresh(() => refreshJobSearches(queryClient, keysRef.current), 'jobs');

  const settled = hasScope && active.every((a) => a.query.data?.complete && !a.query.isFetching);
  const updatedAt = Math.max(0, ...active.map((a) => a.query.dataUpdatedAt));
  const { observe } = live;
  useEffect(() => {
    if (!settled) return;
    observe(jobSearchOutcome(keysRef.current.map((key) => queryClient.getQueryState<JobSearchResult>(key))));
  }, [observe, settled, updatedAt, queryClient]);

  const primaryData = filters.region !== 'secondary' ? primary.data : undefined;
  const secondaryData = filters.region !== 'primary' ? secondary.data : undefined;
  const rows = useMemo(() => mergeRows(primaryData, secondaryData), [primaryData, secondaryData]);

  return {
    selection,
    rows,
    /** The searches shown, with their query state (errors, progress, warnings). */
    sources: active.map((a) => ({ key: a.key, query: a.query })),
    /** First load still running (nothing to show yet). */
    loading: hasScope && active.some((a) => a.query.isPending && a.query.fetchStatus !== 'idle'),
    /** Every list has answered. */
    complete: settled,
    /** When the data on screen arrived. */
    updatedAt: updatedAt > 0 ? updatedAt : undefined,
    /** Clock for the exact window and running jobs' durations. */
    now: Math.max(updatedAt, openedAt),
    liveState: live.state,
    refresh: live.refreshNow,
  };
}

/** Both regions' rows, each job once (a cross-region restore may be listed in both). */
function mergeRows(...results: (JobSearchResult | undefined)[]): JobRow[] {
  const byKey = new Map<string, JobRow>();
  for (const result of results) for (const row of result?.rows ?? []) byKey.set(row.key, row);
  return [...byKey.values()];
}
