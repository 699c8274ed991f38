import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, ArrowDownloadRegular, ChartMultipleRegular } from '@fluentui/react-icons';
import { useQueries } from '@tanstack/react-query';
import { lazy, Suspense, useDeferredValue, useMemo, useState } from 'react';
import { useSearchParams } from '@/lib/router';
import { useArm } from '@/azure/arm-context';
import type { JobRow } from '@/azure/jobs/job-row';
import type { LiveRefreshState } from '@/azure/jobs/live-refresh';
import { ArmErrorMessage } from '@/components/arm-error-message';
import { PageHeader } from '@/components/page-header';
import { NoSubscriptionSelected, SubscriptionsError } from '@/components/subscription-picker';
import { formatTimeOfDay } from '@/lib/format';
import { useSetSearchParams } from '@/lib/url-state';
import { exactWindow, readJobFilters, REGION_LABEL, rowMatches, type JobColumn } from './job-filters';
import { JobFilterBar } from './job-filter-bar';
import { JobsGrid } from './jobs-grid';
import { JobsPerDayTable } from './jobs-per-day-table';
import { jobsPerDay } from './jobs-per-day';
import { sortJobRows } from './sort-jobs';
import { countByStatus, StatusTiles } from './status-tiles';
import { useJobMonitor } from './use-job-monitor';
import { createBackupVaultQueries } from '@/azure/backup-vaults/queries';

const JobsChart = lazy(() => import('./jobs-chart'));

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalM,
  },
  live: { color: tokens.colorNeutralForeground2, marginRight: 'auto' },
  messages: { display: 'grid', gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalM },
  count: { display: 'block', color: tokens.colorNeutralForeground2, marginBottom: tokens.spacingVerticalS },
  chart: { marginBottom: tokens.spacingVerticalL },
});

function liveText(state: LiveRefreshState | undefined): string {
  if (!state) return '';
  if (state.phase === 'refreshing') return 'Refreshing…';
  if (state.phase === 'stopped') return 'Auto-refresh is off: no job is in progress.';
  const seconds = Math.round((state.delayMs ?? 0) / 1000);
  const every = seconds >= 60 && seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
  return state.throttled
    ? `Azure is throttling requests: the next refresh waits ${every}.`
    : `Refreshing every ${every} while jobs are in progress.`;
}

export function JobsPage() {
  const styles = useStyles();
  const arm = useArm();
  const [params] = useSearchParams();
  const setParams = useSetSearchParams();
  const filters = useMemo(() => readJobFilters(params), [params]);
  const monitor = useJobMonitor(filters);
  const { selection } = monitor;
  const showChart = params.get('chart') === '1';

  const vaultQueries = useQueries({
    queries: selection.selected.map((id) => arm.group(createBackupVaultQueries).queries.list(id)),
  });
  const vaults = vaultQueries
    .flatMap((q) => q.data ?? [])
    .flatMap((v) => (v.id ? [{ id: v.id, name: v.name ?? v.id }] : []))
    .sort((a, b) => a.name.localeCompare(b.name));

  const window = exactWindow(filters, monitor.now);
  // While pages stream in, filtering and sorting 100,000 rows per page would queue up: React
  // renders the latest rows when it has time and skips the ones in between.
  const allRows = useDeferredValue(monitor.rows);
  // Done only when every list has answered and the rows on screen are those lists (the deferred
  // copy has caught up): until then the count says "so far" and the export waits, so neither is
  // ever a page short.
  const complete = monitor.complete && allRows === monitor.rows;
  const { withoutStatus, counts } = useMemo(() => {
    const rows = allRows.filter((row) => rowMatches(row, filters, window, true));
    return { withoutStatus: rows, counts: countByStatus(rows.map((r) => r.status)) };
    // `window` follows `monitor.now` and the filters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [allRows, filters, monitor.now]);
  const filtered = useMemo(() => {
    const rows = filters.status ? withoutStatus.filter((r) => r.status === filters.status) : withoutStatus;
    return sortJobRows(rows, filters.sort, filters.descending, selection.nameOf);
    // nameOf changes identity every render; subscriptions change with the selection query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [withoutStatus, filters.status, filters.sort, filters.descending, selection.subscriptions]);
  const perDay = useMemo(
    () => (showChart ? jobsPerDay(filtered, window.from, window.to ?? monitor.now) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [showChart, filtered, window.from, window.to],
  );

  const [exporting, setExporting] = useState(false);
  const exportCsv = async () => {
    setExporting(true);
    try {
      const { jobsToCsv, downloadText } = await import('./export-csv');
      const csv = await jobsToCsv(filtered, selection.nameOf);
      const stamp = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');
      downloadText(`backup-jobs-${stamp}.csv`, csv);
    } finally {
      setExporting(false);
    }
  };

  const onSort = (column: JobColumn, descending: boolean) =>
    setParams({ sort: column, dir: descending ? 'descending' : 'ascending' });

  const loadingText = `Loading Backup jobs… ${monitor.sources
    .flatMap(({ query }) => {
      const d = query.data;
      if (!d || d.complete) return [];
      if (d.source === 'resourceGraph' && d.totalRecords !== undefined)
        return [`${d.rows.length.toLocaleString()} of ${d.totalRecords.toLocaleString()} jobs loaded`];
      return d.lists.total === undefined ? [] : [`${d.lists.done} of ${d.lists.total} vault lists answered`];
    })
    .join('; ')}`.trim();
  const total = withoutStatus.length;

  return (
    <>
      <PageHeader
        title="Backup jobs"
        description="Backup and restore jobs of every vault in the selected subscriptions, in the Primary and the Secondary Region, kept current while jobs run."
      />
      {selection.query.error ? (
        <SubscriptionsError query={selection.query} />
      ) : (
        <>
          <JobFilterBar
            filters={filters}
            selection={selection}
            vaults={vaults}
            onChange={(changes) => setParams(changes, { replace: false })}
          />
          <div className={styles.toolbar}>
            <Text className={styles.live}>
              {monitor.updatedAt !== undefined && `Last refreshed ${formatTimeOfDay(monitor.updatedAt)}. `}
              {liveText(monitor.liveState)}
            </Text>
            <Button
              icon={<ArrowClockwiseRegular />}
              disabled={monitor.liveState?.phase === 'refreshing' || !complete}
              onClick={() => void monitor.refresh()}
            >
              Refresh
            </Button>
            <Button
              icon={<ChartMultipleRegular />}
              aria-expanded={showChart}
              onClick={() => setParams({ chart: showChart ? null : '1' }, { replace: false })}
            >
              {showChart ? 'Hide chart' : 'Show chart'}
            </Button>
            <Button
              icon={<ArrowDownloadRegular />}
              disabled={exporting || !complete || filtered.length === 0}
              onClick={() => void exportCsv()}
            >
              Export to CSV
            </Button>
          </div>
          <SourceMessages sources={monitor.sources} />
          {monitor.loading ? (
            <Spinner label={loadingText} />
          ) : selection.selected.length === 0 ? (
            <NoSubscriptionSelected what="Backup jobs" />
          ) : (
            <>
              <StatusTiles
                counts={counts}
                selected={filters.status}
                onSelect={(status) => setParams({ status: status ?? null }, { replace: false })}
              />
              {showChart && perDay && (
                <section className={styles.chart} aria-label="Jobs per day">
                  <Suspense fallback={<Spinner size="small" label="Loading the chart…" />}>
                    <JobsChart
                      data={perDay}
                      label="Chart of jobs per day by status. The table Jobs per day by status has the same numbers."
                    />
                  </Suspense>
                  <JobsPerDayTable data={perDay} />
                </section>
              )}
              <Text className={styles.count} role="status">
                {countText(filtered, total, complete, loadingText)}
              </Text>
              {filtered.length === 0 ? (
                <MessageBar intent="info">
                  <MessageBarBody>
                    {total === 0
                      ? `There are no Backup jobs in ${filters.region ? `the ${REGION_LABEL[filters.region]}` : 'the selected subscriptions'} in this time range.`
                      : 'No Backup job matches the filters.'}
                  </MessageBarBody>
                </MessageBar>
              ) : (
                <JobsGrid
                  rows={filtered}
                  sort={filters.sort}
                  descending={filters.descending}
                  onSort={onSort}
                  subscriptionName={selection.nameOf}
                />
              )}
            </>
          )}
        </>
      )}
    </>
  );
}

function countText(filtered: readonly JobRow[], total: number, complete: boolean, loading: string): string {
  const jobs = (n: number) => `${n.toLocaleString()} Backup job${n === 1 ? '' : 's'}`;
  const shown =
    filtered.length === total ? jobs(total) : `${filtered.length.toLocaleString()} of ${jobs(total)}`;
  return complete ? shown : `${shown} so far. ${loading}`;
}

/** A failed search (first load) or a failed part of one (a vault, a subscription) while the rest lists. */
function SourceMessages({ sources }: { sources: ReturnType<typeof useJobMonitor>['sources'] }) {
  const styles = useStyles();
  const items = sources.flatMap(({ key, query }) => {
    const region = key[2] === 'secondary' ? 'secondary' : 'primary';
    const out = [];
    if (query.error && query.data === undefined) {
      out.push(
        <ArmErrorMessage
          key={`${region}-error`}
          error={query.error}
          title={`Backup jobs of the ${REGION_LABEL[region]} could not be loaded`}
          onRetry={() => void query.refetch()}
        />,
      );
    }
    for (const warning of query.data?.warnings ?? []) {
      out.push(
        <ArmErrorMessage
          key={`${region}-${warning.id}`}
          intent="warning"
          error={warning.error}
          title={
            warning.kind === 'vault'
              ? `Jobs of ${warning.name} in the ${REGION_LABEL[warning.region]} could not be loaded`
              : `Backup vaults of subscription ${warning.name} could not be loaded`
          }
          onRetry={() => void query.refetch()}
        >
          {warning.kind === 'vault' ? 'The other vaults are listed.' : 'The other subscriptions are listed.'}
        </ArmErrorMessage>,
      );
    }
    if (query.data?.fallbackReason) {
      out.push(
        <ArmErrorMessage
          key={`${region}-fallback`}
          intent="warning"
          error={query.data.fallbackReason}
          title="Azure Resource Graph is not available: Backup jobs are listed vault by vault"
        >
          Each vault&apos;s jobs are listed directly, which takes longer with many vaults. Azure&apos;s answer
          below says why Resource Graph was refused.
        </ArmErrorMessage>,
      );
    }
    if (query.data?.truncated) {
      out.push(
        <MessageBar key={`${region}-truncated`} intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Azure Resource Graph returned part of the jobs</MessageBarTitle>
            It cut the result short without a way to page on. Narrow the subscriptions or the time range to
            see the rest.
          </MessageBarBody>
        </MessageBar>,
      );
    }
    return out;
  });
  return items.length > 0 ? <div className={styles.messages}>{items}</div> : null;
}
