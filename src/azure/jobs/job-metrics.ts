/**
 * What a restore achieved, measured from the job itself. The Backup jobs details and the regional
 * drill reports compute these the same way, from these functions.
 */
import { jobDurationMs, jobTime, normaliseJobStatus } from './job-row';
import type { AzureBackupJob } from './types';

/**
 * Achieved RPO of a restore: how old the recovery point it restored was when the restore started
 * (`startTime` minus `extendedInfo.sourceRecoverPoint.recoveryPointTime`). It is the data a real
 * disaster at that moment would have lost. Undefined when either time is unknown (job lists carry
 * no `extendedInfo`; ARM writes `0001-01-01` for "no time").
 */
export function achievedRpoMs(job: AzureBackupJob): number | undefined {
  const start = jobTime(job.startTime);
  const point = jobTime(job.extendedInfo?.sourceRecoverPoint?.recoveryPointTime);
  if (start === undefined || point === undefined) return undefined;
  return Math.max(0, start - point);
}

/**
 * Achieved restore time (RTO as measured): how long the restore job took from start to end.
 * Undefined until the job has ended: a running job has not achieved anything yet.
 */
export function achievedRestoreTimeMs(job: AzureBackupJob): number | undefined {
  if (normaliseJobStatus(job.status) === 'InProgress') return undefined;
  if (jobTime(job.endTime) === undefined) return undefined;
  return jobDurationMs(job, Number.NaN);
}

/**
 * A duration in words for people: `2 h 05 min`, `4 min 10 s`, `45 s`, `3 d 4 h`. Rounds down to
 * the second.
 */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '';
  const total = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return `${m} min ${String(s).padStart(2, '0')} s`;
  return `${s} s`;
}
