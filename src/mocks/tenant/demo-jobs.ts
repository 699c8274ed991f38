// What the demo tenant's jobs did: how each ended and, for a restore, which recovery point it used
// and where it went. The tenant builder (demo-tenant.ts) places them in time.

import type { Tenant } from './tenant';
import type { JobInit } from './schedule';
import type { BackupInstance, JobError, Vault } from './types';
import { DEMO_RESTORE_TARGETS } from './demo-names';

/** How a demo job ended (a running job ends this way once its duration has passed). */
export type Outcome = Pick<JobInit, 'finalStatus' | 'dataBytes' | 'error' | 'warning'>;
/** What a demo job did, given the instance it ran for. */
export type JobOf = (
  bi: BackupInstance,
  startTime: number,
) => Omit<JobInit, 'name' | 'startTime' | 'durationMs'>;

const MB = 1024 * 1024;
export const completed = (megabytes: number): Outcome => ({
  finalStatus: 'Completed',
  dataBytes: megabytes * MB,
});
export const warned = (megabytes: number, warning: JobError): Outcome => ({
  finalStatus: 'CompletedWithWarnings',
  dataBytes: megabytes * MB,
  warning,
});
export const failed = (error: JobError): Outcome => ({ finalStatus: 'Failed', dataBytes: 0, error });
/** Cancelled by a user before any data moved. */
export const cancelled = (): Outcome => ({ finalStatus: 'Cancelled', dataBytes: 0 });

/** A backup someone started, or one the vault's schedule started. */
export function backup(outcome: Outcome, trigger: 'user' | 'scheduled' = 'user'): JobOf {
  return () => ({ ...outcome, operation: 'Backup', isUserTriggered: trigger === 'user' });
}

/**
 * A restore to `destination` (a database id, or the demo container for a restore as files) of a
 * recovery point that existed when the restore started: the second-newest in the primary region,
 * or for a cross-region restore (`crossRegionFrom`, the source vault) the newest copy that had
 * reached the secondary region by then.
 */
export function restoreOf(
  tenant: Tenant,
  destination: string,
  outcome: Outcome,
  crossRegionFrom?: Vault,
): JobOf {
  return (bi, startTime) => {
    const points = crossRegionFrom
      ? tenant.secondaryRecoveryPoints(bi, startTime)
      : tenant.primaryRecoveryPoints(bi, startTime).slice(1);
    const rp = points[0];
    return {
      ...outcome,
      operation: 'Restore',
      isUserTriggered: true,
      isCrossRegionRestore: crossRegionFrom !== undefined,
      restore: {
        recoveryPointId: rp?.recoveryPointId ?? '',
        recoveryPointTime: rp?.time ?? startTime,
        destination,
        asFiles: destination === DEMO_RESTORE_TARGETS.containerUrl,
        sourceRegion: crossRegionFrom?.location,
      },
    };
  };
}
