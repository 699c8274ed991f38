// Recovery points and jobs derived from the clock: pure functions of an instance (its seed and
// schedule) and `now`, never stored, so new ones appear and running jobs progress as time passes,
// and 50,000 instances cost nothing until someone lists them.

import { DAY, HOUR, MINUTE } from './clock';
import { BACKUP_FAILURES, BACKUP_WARNING } from './job-errors';
import { Prng, guidFromName, hash32, hexFromName } from './prng';
import type { BackupInstance, Job, RecoveryPoint } from './types';

/** Scheduled backups and their jobs are shown for this long (Resource Graph keeps 14 days). */
export const JOB_HISTORY_MS = 14 * DAY;

export interface JobView {
  job: Job;
  status: 'InProgress' | Job['finalStatus'];
  endTime: number | undefined;
  /** 0..1 */
  progress: number;
}

export type JobInit = Pick<
  Job,
  'name' | 'operation' | 'startTime' | 'durationMs' | 'finalStatus' | 'isUserTriggered' | 'dataBytes'
> &
  Partial<Pick<Job, 'error' | 'warning' | 'restore' | 'isCrossRegionRestore'>>;

// ---------------------------------------------------------------- recovery points

/** The k-th daily recovery point after `firstBackupAt` (whether or not it exists yet). */
function recoveryPointAt(bi: BackupInstance, k: number): RecoveryPoint {
  const rng = new Prng(hash32(`${bi.seed}:${k}`));
  const time = bi.firstBackupAt + k * DAY + rng.int(0, 20 * 60) * 1000;
  const lag = bi.replicationLagHours;
  const replicatedAt = lag ? time + rng.int(lag.min * 60, lag.max * 60) * MINUTE : undefined;
  return {
    recoveryPointId: hexFromName(`${bi.id}#rp${k}`, 32),
    time,
    expiry: time + bi.retentionDays * DAY,
    replicatedAt,
    tier: 'vault',
  };
}

/** Indexes of the daily schedule from the newest possible one down to the first backup. */
function scheduleDays(bi: BackupInstance, now: number): number[] {
  const last = Math.floor((now - bi.firstBackupAt) / DAY) + 1;
  return Array.from({ length: Math.max(0, last + 1) }, (_, i) => last - i);
}

/**
 * Recovery points in the primary region, newest first: one per day since `firstBackupAt`, kept
 * for `retentionDays`; those older than `archiveAfterDays` have moved to the archive tier.
 */
export function primaryRecoveryPoints(bi: BackupInstance, now: number): RecoveryPoint[] {
  const out: RecoveryPoint[] = [];
  const retention = bi.retentionDays * DAY;
  const archiveBefore = bi.archiveAfterDays === undefined ? -Infinity : now - bi.archiveAfterDays * DAY;
  for (const k of scheduleDays(bi, now)) {
    const rp = recoveryPointAt(bi, k);
    if (rp.time > now) continue;
    if (rp.time <= now - retention) break;
    out.push(rp.time < archiveBefore ? { ...rp, tier: 'archive' } : rp);
  }
  return out;
}

/**
 * Recovery points whose copy has reached the secondary region by `now`, newest first. Only copies
 * made after Cross Region Restore was enabled (`crrEnabledAt`) count; none while it is off.
 */
export function secondaryRecoveryPoints(
  bi: BackupInstance,
  crrEnabledAt: number | undefined,
  now: number,
): RecoveryPoint[] {
  if (crrEnabledAt === undefined) return [];
  return primaryRecoveryPoints(bi, now).filter(
    (rp) => rp.replicatedAt !== undefined && rp.replicatedAt <= now && rp.replicatedAt >= crrEnabledAt,
  );
}

export function findRecoveryPoint(
  points: readonly RecoveryPoint[],
  recoveryPointId: string,
): RecoveryPoint | undefined {
  return points.find((rp) => rp.recoveryPointId.toLowerCase() === recoveryPointId.toLowerCase());
}

// ---------------------------------------------------------------- jobs

export function makeJob(bi: BackupInstance, init: JobInit): Job {
  return {
    id: `${bi.vaultId}/backupJobs/${init.name}`,
    vaultId: bi.vaultId,
    instanceId: bi.id,
    error: undefined,
    warning: undefined,
    restore: undefined,
    isCrossRegionRestore: false,
    activityId: guidFromName(`${init.name}#activity`),
    ...init,
  };
}

/** A job as seen at `now`: in progress until its duration has passed, then its final status. */
export function viewJob(job: Job, now: number): JobView {
  const end = job.startTime + job.durationMs;
  if (now < end) {
    return {
      job,
      status: 'InProgress',
      endTime: undefined,
      progress: Math.max(0, (now - job.startTime) / job.durationMs),
    };
  }
  return { job, status: job.finalStatus, endTime: end, progress: 1 };
}

/** Jobs that have started by `now`, newest first. */
export function startedJobs(jobs: readonly Job[], now: number): JobView[] {
  return jobs
    .filter((j) => j.startTime <= now)
    .sort((a, b) => b.startTime - a.startTime)
    .map((j) => viewJob(j, now));
}

/** Primary-region jobs: the scheduled backups of `instances` plus the vault's stored jobs. */
export function primaryJobs(
  instances: readonly BackupInstance[],
  storedJobs: readonly Job[],
  now: number,
): JobView[] {
  return startedJobs([...instances.flatMap((bi) => scheduledJobs(bi, now)), ...storedJobs], now);
}

export function findJobView(views: readonly JobView[], jobName: string): JobView | undefined {
  const key = jobName.toLowerCase();
  return views.find((v) => v.job.name.toLowerCase() === key);
}

/** One backup job per recovery point in the last 14 days, plus the odd failed attempt before it. */
function scheduledJobs(bi: BackupInstance, now: number): Job[] {
  const jobs: Job[] = [];
  const from = now - JOB_HISTORY_MS;
  const failures = Object.values(BACKUP_FAILURES);
  const backup = (name: string, startTime: number, durationMs: number, result: BackupResult) =>
    jobs.push(
      makeJob(bi, { name, operation: 'Backup', startTime, durationMs, isUserTriggered: false, ...result }),
    );
  for (const k of scheduleDays(bi, now)) {
    const rp = recoveryPointAt(bi, k);
    const rng = new Prng(hash32(`${bi.seed}:job:${k}`));
    const durationMs = rng.int(4 * 60, 25 * 60) * 1000;
    const start = rp.time - durationMs;
    if (start > now) continue;
    if (start < from) break;
    const warn = rng.chance(0.05);
    backup(guidFromName(`${bi.id}#backup${k}`), start, durationMs, {
      finalStatus: warn ? 'CompletedWithWarnings' : 'Completed',
      warning: warn ? BACKUP_WARNING : undefined,
      dataBytes: rng.int(200, 9000) * 1024 * 1024,
    });
    if (!rng.chance(0.06)) continue;
    // A failed attempt earlier that day (no recovery point came of it).
    const error = rng.pick(failures);
    const failStart = start - rng.int(1, 4) * HOUR;
    if (failStart < from || failStart > now) continue;
    backup(guidFromName(`${bi.id}#backupfail${k}`), failStart, rng.int(30, 300) * 1000, {
      finalStatus: 'Failed',
      error,
      dataBytes: 0,
    });
  }
  return jobs;
}

type BackupResult = Pick<JobInit, 'finalStatus' | 'dataBytes' | 'warning' | 'error'>;
