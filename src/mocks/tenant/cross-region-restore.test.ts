// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MINUTE } from './clock';
import { DEMO_INSTANCE_IDS, DEMO_VAULT_IDS } from './demo-tenant';
import { demoCrossRegionRestoreInput } from './demo-requests';
import type { ModelError } from './errors';
import { demo, instance, vault } from './test-tenant';

describe('cross-region restore job lifecycle', () => {
  it('runs In progress -> Completed with progress, in the secondary region only', () => {
    const t = demo();
    const pg = vault(t, DEMO_VAULT_IDS.contosoPg);
    const op = t.triggerCrossRegionRestore(demoCrossRegionRestoreInput(t, 'orders-db-drill-42'));
    expect(op.jobId).toContain('/backupJobs/');
    t.clock.advance(t.timings.crrTriggerMs + MINUTE);
    const running = t.listCrossRegionRestoreJobs(pg).find((j) => j.job.id === op.jobId);
    expect(running?.status).toBe('InProgress');
    expect(running?.progress).toBeGreaterThan(0);
    expect(t.listJobs(pg).some((j) => j.job.id === op.jobId)).toBe(false);
    t.clock.advance(t.timings.crrJobMs);
    expect(t.listCrossRegionRestoreJobs(pg).find((j) => j.job.id === op.jobId)?.status).toBe('Completed');
  });

  it('fails with UserErrorDatabaseNameAlreadyInUse when the target database exists', () => {
    const t = demo();
    const op = t.triggerCrossRegionRestore(demoCrossRegionRestoreInput(t, 'orders-db'));
    t.clock.advance(t.timings.crrTriggerMs + t.timings.crrJobMs);
    const job = t
      .listCrossRegionRestoreJobs(vault(t, DEMO_VAULT_IDS.contosoPg))
      .find((j) => j.job.id === op.jobId);
    expect(job?.status).toBe('Failed');
    expect(job?.job.error?.code).toBe('UserErrorDatabaseNameAlreadyInUse');
  });

  it('refuses recovery points not yet in the secondary region and CRR on vaults without it', () => {
    const t = demo();
    const req = demoCrossRegionRestoreInput(t, 'x');
    const newestPrimary = t.primaryRecoveryPoints(instance(t, DEMO_INSTANCE_IDS.ordersDb))[0];
    expect(() =>
      t.triggerCrossRegionRestore({ ...req, recoveryPointId: newestPrimary?.recoveryPointId ?? '' }),
    ).toThrow(expect.objectContaining({ code: 'UserErrorRecoveryPointNotFound' }) as ModelError);
    expect(() => t.triggerCrossRegionRestore({ ...req, location: 'eastus2' })).toThrow(
      expect.objectContaining({ code: 'UserErrorInvalidSecondaryRegion' }) as ModelError,
    );
  });
});
