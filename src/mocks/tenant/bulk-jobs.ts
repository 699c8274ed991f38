// Bulk jobs for the benchmark (`?jobs=100000`): exactly N jobs over the bulk vaults, in both regions
// (vault backupJobs and, for vaults with Cross Region Restore, fetchCrossRegionRestoreJobs) and
// every status, all started in the 14 days before the tenant was built. They replace the bulk
// instances' scheduled backup jobs (50,000 instances would otherwise derive ~700,000), so the count
// on the Backup jobs page is exact. Each vault's jobs are built on its first list, not up front:
// opening the demo on another page never pays for them.

import { DAY, HOUR, MINUTE } from './clock';
import { BACKUP_FAILURES, BACKUP_WARNING, RESTORE_ERRORS } from './job-errors';
import { Prng, guidFromName, hash32, hexFromName } from './prng';
import { makeJob, type JobInit } from './schedule';
import type { BackupInstance, GeneratedJobs, Job, Vault } from './types';

/** Share of a Cross Region Restore vault's jobs that are restores in the secondary region. */
const SECONDARY_SHARE = 0.2;
/** Generated jobs start at least this long before the tenant was built... */
const NEWEST_MS = MINUTE;
/** ...and at most this long: inside the 14-day window for a day after the demo opens. */
const OLDEST_MS = 13 * DAY;

/**
 * Spreads `total` jobs over `vaults` (the first `total % vaults.length` get one more) and marks each
 * vault's instances as having no scheduled backup jobs of their own.
 */
export function assignBulkJobs(vaults: readonly Vault[], total: number, builtAt: number): void {
  if (vaults.length === 0) throw new Error('Bulk jobs need bulk vaults: add instances first (?scale=).');
  const base = Math.floor(total / vaults.length);
  vaults.forEach((vault, i) => {
    const count = base + (i < total % vaults.length ? 1 : 0);
    const secondary = vault.crrState === 'Enabled' ? Math.round(count * SECONDARY_SHARE) : 0;
    vault.generatedJobs = { primary: count - secondary, secondary, builtAt };
  });
}

const built = new WeakMap<GeneratedJobs, { primary: Job[]; secondary: Job[] }>();

/** A vault's generated jobs, built on first use (deterministic: the same vault gives the same jobs). */
export function generatedJobs(
  vault: Vault,
  instances: () => readonly BackupInstance[],
): { primary: Job[]; secondary: Job[] } {
  const spec = vault.generatedJobs;
  if (!spec) return { primary: [], secondary: [] };
  let jobs = built.get(spec);
  if (!jobs) {
    const list = instances();
    const of = (i: number) => list[i % list.length];
    jobs = {
      primary: Array.from({ length: spec.primary }, (_, i) => primaryJob(vault, of(i), i, spec.builtAt)),
      secondary: Array.from({ length: spec.secondary }, (_, i) =>
        secondaryJob(vault, of(i), i, spec.builtAt),
      ),
    };
    built.set(spec, jobs);
  }
  return jobs;
}

type Outcome = Pick<JobInit, 'finalStatus' | 'dataBytes' | 'error' | 'warning'> & {
  start: number;
  durationMs: number;
};

/**
 * Start, duration and final status: 1 % still running (for one to six more hours), 4 % cancelled,
 * 10 % failed, 5 % completed with warnings, the rest completed.
 */
function outcome(rng: Prng, builtAt: number, kind: 'backup' | 'restore'): Outcome {
  const roll = rng.next();
  const mb = rng.int(200, 9000) * 1024 * 1024;
  if (roll < 0.01) {
    const start = builtAt - rng.int(1, 120) * MINUTE;
    return {
      start,
      durationMs: builtAt - start + rng.int(1, 6) * HOUR,
      finalStatus: 'Completed',
      dataBytes: mb,
    };
  }
  const start = builtAt - rng.int(NEWEST_MS, OLDEST_MS);
  const durationMs = rng.int(2 * 60, 25 * 60) * 1000;
  if (roll < 0.05) return { start, durationMs, finalStatus: 'Cancelled', dataBytes: 0 };
  if (roll < 0.15) {
    const error =
      kind === 'backup'
        ? rng.pick(Object.values(BACKUP_FAILURES))
        : RESTORE_ERRORS.targetMsiMissingPermissions;
    return { start, durationMs, finalStatus: 'Failed', dataBytes: 0, error };
  }
  if (roll < 0.2) {
    const warning = kind === 'backup' ? BACKUP_WARNING : RESTORE_ERRORS.completedWithWarnings;
    return { start, durationMs, finalStatus: 'CompletedWithWarnings', dataBytes: mb, warning };
  }
  return { start, durationMs, finalStatus: 'Completed', dataBytes: mb };
}

function primaryJob(vault: Vault, bi: BackupInstance | undefined, i: number, builtAt: number): Job {
  if (!bi) throw new Error(`Bulk vault ${vault.name} has no instances`);
  const rng = new Prng(hash32(`bulk-job:${vault.id}:${i}`));
  const { start, durationMs, ...result } = outcome(rng, builtAt, 'backup');
  return makeJob(bi, {
    name: guidFromName(`bulk-job:${vault.id}:${i}`),
    operation: 'Backup',
    startTime: start,
    durationMs,
    isUserTriggered: rng.chance(0.1),
    ...result,
  });
}

/** A restore into a database of the same name with a `-drill` suffix, in the secondary region. */
function secondaryJob(vault: Vault, bi: BackupInstance | undefined, i: number, builtAt: number): Job {
  if (!bi) throw new Error(`Bulk vault ${vault.name} has no instances`);
  const rng = new Prng(hash32(`bulk-crr-job:${vault.id}:${i}`));
  const { start, durationMs, ...result } = outcome(rng, builtAt, 'restore');
  const asFiles = rng.chance(0.2);
  return makeJob(bi, {
    name: guidFromName(`bulk-crr-job:${vault.id}:${i}`),
    operation: 'Restore',
    startTime: start,
    durationMs,
    isUserTriggered: true,
    isCrossRegionRestore: true,
    restore: {
      recoveryPointId: hexFromName(`${bi.id}#bulk-rp${i}`, 32),
      recoveryPointTime: start - rng.int(6, 30) * HOUR,
      destination: asFiles
        ? `https://st${vault.name.replace(/-/g, '')}.blob.core.windows.net/restores`
        : `${bi.datasource.resourceId}-drill`,
      asFiles,
      sourceRegion: vault.location,
    },
    ...result,
  });
}
