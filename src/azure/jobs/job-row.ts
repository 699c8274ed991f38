/**
 * One job as the Backup jobs grid, its filters, tiles, chart and CSV export see it: a flat row
 * built once per job from whatever source listed it (a vault's `backupJobs`, the secondary
 * region's `fetchCrossRegionRestoreJobs`, or a Resource Graph row, whose `properties` are the
 * same job properties). ARM's `null`s become `undefined`; times are epoch milliseconds.
 */
import { parseDurationMs } from '../common/durations';
import { backupVaultResourceId, parseBackupJobId } from '../resource-id';
import type { AzureBackupJob, AzureBackupJobResource } from './types';

/** Where a job ran: its vault's own region, or the secondary region (cross-region restores). */
export type JobRegion = 'primary' | 'secondary';

/** Job statuses as Backup center groups them (ARM's values, with unknown ones kept apart). */
export type JobStatus =
  | 'InProgress'
  | 'Completed'
  | 'CompletedWithWarnings'
  | 'CompletedWithInformation'
  | 'Failed'
  | 'Cancelled'
  | 'Other';

/** Every status in the order tiles and filters show them. */
export const JOB_STATUSES: readonly JobStatus[] = [
  'InProgress',
  'Completed',
  'CompletedWithWarnings',
  'CompletedWithInformation',
  'Failed',
  'Cancelled',
  'Other',
];

/** Status in Backup center's words. */
export const JOB_STATUS_LABEL: Readonly<Record<JobStatus, string>> = {
  InProgress: 'In progress',
  Completed: 'Completed',
  CompletedWithWarnings: 'Completed with warnings',
  CompletedWithInformation: 'Completed with information',
  Failed: 'Failed',
  Cancelled: 'Cancelled',
  Other: 'Other',
};

// ARM spells running jobs several ways (`InProgress`, `Started` in the spec's example, `Cancelling`
// while a cancel is under way): all of them are still running.
const RUNNING = new Set(['inprogress', 'started', 'cancelling', 'queued', 'notstarted']);

/** ARM's status string as a {@link JobStatus}. */
export function normaliseJobStatus(status: string | null | undefined): JobStatus {
  const s = (status ?? '').replace(/\s+/g, '').toLowerCase();
  if (RUNNING.has(s)) return 'InProgress';
  if (s === 'completed' || s === 'succeeded') return 'Completed';
  if (s === 'completedwithwarnings') return 'CompletedWithWarnings';
  if (s === 'completedwithinformation') return 'CompletedWithInformation';
  if (s === 'failed') return 'Failed';
  if (s === 'cancelled' || s === 'canceled') return 'Cancelled';
  return 'Other';
}

/** What a job did, as the grid names it. */
export type JobOperation = 'Backup' | 'Restore' | 'CrossRegionRestore' | 'Other';

/** Every operation in filter order. */
export const JOB_OPERATIONS: readonly JobOperation[] = ['Backup', 'Restore', 'CrossRegionRestore', 'Other'];

/** Operation in the tutorial's words. */
export const JOB_OPERATION_LABEL: Readonly<Record<JobOperation, string>> = {
  Backup: 'Backup',
  Restore: 'Restore',
  CrossRegionRestore: 'Cross Region Restore',
  Other: 'Other',
};

/**
 * A restore is cross-region when real ARM says so (`isCrossRegionRestore`, absent from the spec) or
 * when it was listed from the secondary region, where only cross-region restores run.
 */
export function jobOperation(job: AzureBackupJob, region: JobRegion): JobOperation {
  const op = (job.operationCategory || job.operation || '').toLowerCase();
  if (job.isCrossRegionRestore === true || (region === 'secondary' && op.startsWith('restore')))
    return 'CrossRegionRestore';
  if (op.includes('backup')) return 'Backup';
  if (op.startsWith('restore')) return 'Restore';
  return 'Other';
}

/** One grid row; see the module comment. */
export interface JobRow {
  /** Unique among both regions: region and lower-cased job id. */
  key: string;
  /** Full job resource id, as ARM gave it. */
  id: string;
  /** The job's name (a GUID), as in its details URL. */
  jobId: string;
  vaultId: string;
  vaultName: string;
  /** The vault's subscription. */
  subscriptionId: string;
  region: JobRegion;
  /** The backup instance's friendly name (the datasource's name when ARM gives none). */
  instanceName: string;
  instanceId: string | undefined;
  /** ARM datasource type, e.g. `Microsoft.DBforPostgreSQL/servers/databases`. */
  datasourceType: string;
  operation: JobOperation;
  status: JobStatus;
  /** ARM's status as sent (for the details and the CSV when it is not a known one). */
  rawStatus: string;
  startTime: number | undefined;
  endTime: number | undefined;
  /** From ARM's `duration`, else end minus start; undefined while unknown. */
  durationMs: number | undefined;
  /** First error code of a failed job. */
  errorCode: string | undefined;
}

function time(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const t = Date.parse(value);
  // .NET writes DateTime.MinValue (0001-01-01) for "no time".
  return Number.isNaN(t) || t < Date.UTC(1971, 0, 1) ? undefined : t;
}

/** Job times as epoch milliseconds (ARM's `0001-01-01` "no time" reads as undefined). */
export const jobTime = time;

/**
 * The row of a job resource listed in the region `listedIn`; undefined for a body without an id or properties
 * (never shown as a half-empty row). `now` gives running jobs their elapsed duration.
 */
export function jobRowFromResource(
  resource: AzureBackupJobResource,
  listedIn: JobRegion,
  now: number,
): JobRow | undefined {
  const job = resource.properties;
  if (!resource.id || !job) return undefined;
  const parsed = tryParseJobId(resource.id);
  if (!parsed) return undefined;
  const status = normaliseJobStatus(job.status);
  const startTime = time(job.startTime);
  const endTime = time(job.endTime);
  const operation = jobOperation(job, listedIn);
  // A cross-region restore belongs to the Secondary Region view wherever it was listed (and is
  // then one row, keyed the same from either list).
  const region: JobRegion = operation === 'CrossRegionRestore' ? 'secondary' : listedIn;
  return {
    key: `${region}:${resource.id.toLowerCase()}`,
    id: resource.id,
    jobId: resource.name ?? parsed.jobId,
    vaultId: parsed.vaultId,
    vaultName: job.vaultName || parsed.vaultName,
    subscriptionId: parsed.subscriptionId,
    region,
    instanceName: job.backupInstanceFriendlyName || job.dataSourceName || '',
    instanceId: job.backupInstanceId ?? undefined,
    datasourceType: job.dataSourceType ?? '',
    operation,
    status,
    rawStatus: job.status ?? '',
    startTime,
    endTime,
    durationMs: jobDurationMs(job, now),
    errorCode: job.errorDetails?.find((e) => e.code)?.code ?? undefined,
  };
}

/**
 * How long a job ran: end minus start when both are known (exact), else ARM's `duration` in
 * either format, else for a running job the time since it started.
 */
export function jobDurationMs(job: AzureBackupJob, now: number): number | undefined {
  const start = time(job.startTime);
  const end = time(job.endTime);
  if (start !== undefined && end !== undefined) return Math.max(0, end - start);
  const parsed = parseDurationMs(job.duration);
  if (parsed !== undefined && parsed > 0) return parsed;
  if (start !== undefined && normaliseJobStatus(job.status) === 'InProgress') return Math.max(0, now - start);
  return parsed;
}

function tryParseJobId(
  id: string,
): { jobId: string; vaultId: string; vaultName: string; subscriptionId: string } | undefined {
  try {
    const p = parseBackupJobId(id);
    return {
      jobId: p.jobId,
      vaultId: backupVaultResourceId(p),
      vaultName: p.vaultName,
      subscriptionId: p.subscriptionId,
    };
  } catch {
    return undefined;
  }
}
