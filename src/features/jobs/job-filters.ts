/*
 * The Backup jobs page's filters, all in the URL (a pasted link shows what its sender saw), with
 * Backup center's words: Workload type, Instance Region, status, operation, vault, time range. The
 * parameter names are the Backup instances page's where they mean the same (`type`, `region`).
 * Values read from the URL are allow-listed; anything else is ignored, never passed on.
 */
import { KNOWN_DATASOURCE_TYPES, type KnownDatasourceType } from '@/azure/backup-instances/datasource-types';
import {
  JOB_OPERATIONS,
  JOB_STATUSES,
  type JobOperation,
  type JobRegion,
  type JobRow,
  type JobStatus,
} from '@/azure/jobs/job-row';
import type { JobWindow } from '@/azure/jobs/job-search';
import { sameResourceId } from '@/azure/resource-id';

/** Time ranges of the filter; `custom` reads `from`/`to`. */
export type TimeRange = '24h' | '7d' | '14d' | 'custom';

export const TIME_RANGES: readonly TimeRange[] = ['24h', '7d', '14d', 'custom'];

export const TIME_RANGE_LABEL: Readonly<Record<TimeRange, string>> = {
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '14d': 'Last 14 days',
  custom: 'Custom range',
};

const HOUR = 3_600_000;
const RANGE_MS: Readonly<Record<Exclude<TimeRange, 'custom'>, number>> = {
  '24h': 24 * HOUR,
  '7d': 7 * 24 * HOUR,
  '14d': 14 * 24 * HOUR,
};

/** Instance Region in the tutorial's words. */
export const REGION_LABEL: Readonly<Record<JobRegion, string>> = {
  primary: 'Primary Region',
  secondary: 'Secondary Region',
};

/** Sortable columns. */
export type JobColumn =
  | 'instance'
  | 'datasourceType'
  | 'operation'
  | 'status'
  | 'startTime'
  | 'duration'
  | 'vault'
  | 'subscription'
  | 'region';

export const JOB_COLUMNS: readonly JobColumn[] = [
  'instance',
  'datasourceType',
  'operation',
  'status',
  'startTime',
  'duration',
  'vault',
  'subscription',
  'region',
];

/** What the URL says the page shows. */
export interface JobFilters {
  workload: KnownDatasourceType | undefined;
  region: JobRegion | undefined;
  status: JobStatus | undefined;
  operation: JobOperation | undefined;
  /** Vault id. */
  vault: string | undefined;
  range: TimeRange;
  /** Custom range bounds, epoch ms. */
  from: number | undefined;
  to: number | undefined;
  sort: JobColumn;
  descending: boolean;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}

function time(value: string | null): number | undefined {
  if (!value) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}

/** Reads the filters from the URL's search parameters. */
export function readJobFilters(params: URLSearchParams): JobFilters {
  const workloadParam = params.get('type')?.toLowerCase();
  const sort = oneOf(params.get('sort'), JOB_COLUMNS) ?? 'startTime';
  const dir = params.get('dir');
  return {
    workload: KNOWN_DATASOURCE_TYPES.find((t) => t.toLowerCase() === workloadParam),
    region: oneOf(params.get('region'), ['primary', 'secondary'] as const),
    status: oneOf(params.get('status'), JOB_STATUSES),
    operation: oneOf(params.get('operation'), JOB_OPERATIONS),
    vault: params.get('vault') || undefined,
    range: oneOf(params.get('range'), TIME_RANGES) ?? '7d',
    from: time(params.get('from')),
    to: time(params.get('to')),
    sort,
    // Newest first unless the URL says otherwise; other columns ascending by default.
    descending: dir ? dir === 'descending' : sort === 'startTime',
  };
}

/** The window the user asked for, at `now`. A custom range without `from` starts 14 days back. */
export function exactWindow(filters: JobFilters, now: number): JobWindow {
  if (filters.range === 'custom') {
    return { from: filters.from ?? now - RANGE_MS['14d'], to: filters.to };
  }
  return { from: now - RANGE_MS[filters.range] };
}

/**
 * The window the sources are asked for: a relative range starts on the hour before, so the query
 * (and its cache entry) stays the same for an hour instead of changing every second; the page
 * then cuts rows to {@link exactWindow}.
 */
export function queryWindow(filters: JobFilters, now: number): JobWindow {
  const exact = exactWindow(filters, now);
  if (filters.range === 'custom') return exact;
  return { from: Math.floor(exact.from / HOUR) * HOUR };
}

/** True when `row` passes every filter (but the status filter when `ignoreStatus`). */
export function rowMatches(
  row: JobRow,
  filters: JobFilters,
  window: JobWindow,
  ignoreStatus = false,
): boolean {
  if (filters.region && row.region !== filters.region) return false;
  if (filters.workload && row.datasourceType.toLowerCase() !== filters.workload.toLowerCase()) return false;
  if (filters.operation && row.operation !== filters.operation) return false;
  if (!ignoreStatus && filters.status && row.status !== filters.status) return false;
  if (filters.vault && !sameResourceId(row.vaultId, filters.vault)) return false;
  if (row.startTime !== undefined) {
    if (row.startTime < window.from) return false;
    if (window.to !== undefined && row.startTime > window.to) return false;
  }
  return true;
}
