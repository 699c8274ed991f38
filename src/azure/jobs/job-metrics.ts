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
