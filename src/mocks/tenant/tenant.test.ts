// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE, createManualClock } from './clock';
import { DEMO_INSTANCE_IDS, DEMO_SUBSCRIPTIONS, DEMO_VAULT_IDS, createDemoTenant } from './demo-tenant';
import { demoCrossRegionRestoreInput } from './demo-requests';
import { ModelError } from './errors';
import type { Tenant } from './tenant';

const START = Date.UTC(2025, 10, 4, 9, 0, 0);

function demo(seed?: number): Tenant {
  return createDemoTenant({ seed, clock: createManualClock(START) });
}

function vault(t: Tenant, id: string) {
  const v = t.getVaultById(id);
  if (!v) throw new Error(`no vault ${id}`);
  return v;
}

function instance(t: Tenant, id: string) {
  const bi = t.getInstanceById(id);
  if (!bi) throw new Error(`no instance ${id}`);
  return bi;
}

describe('demo tenant', () => {
  it('has the named subscriptions, vaults and instances', () => {
    const t = demo();
    expect(t.listSubscriptions().map((s) => s.displayName)).toEqual([
      'Contoso Production',
      'Contoso Dev/Test',
      'Fabrikam Shared',
    ]);
    const pg = vault(t, DEMO_VAULT_IDS.contosoPg);
    expect([pg.location, pg.redundancy, pg.crrState, t.secondaryRegionOf(pg)]).toEqual([
      'eastus',
      'GeoRedundant',
      'Enabled',
      'westus',
    ]);
    expect(t.listInstances(pg).map((b) => b.friendlyName)).toEqual([
      'pg-contoso-prod/orders-db',
      'pg-contoso-prod/inventory-db',
      'pg-contoso-prod/billing-db',
      'analytics-flex',
      'pg-contoso-prod/reporting-db',
    ]);
    expect(instance(t, DEMO_INSTANCE_IDS.analyticsFlex).datasourceType).toBe(
      'Microsoft.DBforPostgreSQL/flexibleServers',
    );
    const grs = vault(t, DEMO_VAULT_IDS.contosoGrs);
    expect([grs.location, grs.redundancy, grs.crrState, t.listInstances(grs).length]).toEqual([
      'westeurope',
      'GeoRedundant',
      'Disabled',
      2,
    ]);
    expect(vault(t, DEMO_VAULT_IDS.contosoLrs).redundancy).toBe('LocallyRedundant');
    expect(vault(t, DEMO_VAULT_IDS.fabrikamZrs)).toMatchObject({
      redundancy: 'ZoneRedundant',
      location: 'southeastasia',
      subscriptionId: DEMO_SUBSCRIPTIONS.fabrikamShared.subscriptionId,
    });
  });

  it('keeps 30 daily primary recovery points; secondary copies lag 6-30 hours', () => {
    const t = demo();
    for (const id of [
      DEMO_INSTANCE_IDS.ordersDb,
      DEMO_INSTANCE_IDS.inventoryDb,
      DEMO_INSTANCE_IDS.billingDb,
      DEMO_INSTANCE_IDS.analyticsFlex,
    ]) {
      const bi = instance(t, id);
      const primary = t.primaryRecoveryPoints(bi);
      expect(primary).toHaveLength(30);
      for (const rp of primary) {
        const lag = (rp.replicatedAt ?? 0) - rp.time;
        expect(lag).toBeGreaterThanOrEqual(6 * HOUR);
        expect(lag).toBeLessThanOrEqual(30 * HOUR);
      }
      const newestSecondary = t.secondaryRecoveryPoints(bi)[0];
      expect(newestSecondary).toBeDefined();
      expect((primary[0]?.time ?? 0) - (newestSecondary?.time ?? 0)).toBeGreaterThan(0);
    }
  });

  it('reporting-db has no recovery point in the secondary region yet', () => {
    const t = demo();
    const bi = instance(t, DEMO_INSTANCE_IDS.reportingDb);
    expect(t.primaryRecoveryPoints(bi)).toHaveLength(1);
    expect(t.secondaryRecoveryPoints(bi)).toHaveLength(0);
    t.clock.advance(12 * HOUR);
    expect(t.secondaryRecoveryPoints(bi)).toHaveLength(1);
  });

  it('has 14 days of jobs in both regions with every status', () => {
    const t = demo();
    const pg = vault(t, DEMO_VAULT_IDS.contosoPg);
    const primary = t.listJobs(pg);
    expect(new Set(primary.map((j) => j.status))).toEqual(
      new Set(['Completed', 'Failed', 'InProgress', 'CompletedWithWarnings']),
    );
    expect(new Set(primary.map((j) => j.job.operation))).toEqual(new Set(['Backup', 'Restore']));
    expect(primary.every((j) => j.job.startTime >= START - 14 * DAY)).toBe(true);
    const codes = primary.flatMap((j) => (j.status === 'Failed' && j.job.error ? [j.job.error.code] : []));
    expect(codes).toEqual(
      expect.arrayContaining([
        'UserErrorMSIMissingPermissions',
        'UserErrorDBUserAuthFailed',
        'UserErrorDatabaseNameAlreadyInUse',
      ]),
    );
    const secondary = t.listCrossRegionRestoreJobs(pg);
    expect(new Set(secondary.map((j) => j.status))).toEqual(
      new Set(['Completed', 'Failed', 'InProgress', 'CompletedWithWarnings']),
    );
    expect(secondary.every((j) => j.job.isCrossRegionRestore)).toBe(true);
  });

  it('is deterministic: same seed, same tenant and the same operation ids', () => {
    const a = demo(7);
    const b = demo(7);
    const snapshot = (t: Tenant) => {
      const pg = vault(t, DEMO_VAULT_IDS.contosoPg);
      const op = t.patchVault(vault(t, DEMO_VAULT_IDS.contosoGrs), {
        properties: { featureSettings: { crossRegionRestoreSettings: { state: 'Enabled' } } },
      });
      return JSON.stringify({
        jobs: t.listJobs(pg),
        crr: t.listCrossRegionRestoreJobs(pg),
        rps: t.secondaryRecoveryPoints(instance(t, DEMO_INSTANCE_IDS.billingDb)),
        op: op.id,
      });
    };
    expect(snapshot(a)).toBe(snapshot(b));
    expect(snapshot(demo(8))).not.toBe(snapshot(demo(7)));
  });
});

describe('vault rules', () => {
  it('enabling CRR is a long-running change that shows once the operation finishes', () => {
    const t = demo();
    const grs = vault(t, DEMO_VAULT_IDS.contosoGrs);
    const op = t.patchVault(grs, {
      properties: { featureSettings: { crossRegionRestoreSettings: { state: 'Enabled' } } },
    });
    expect(t.operationStatus(op)).toBe('Inprogress');
    t.settle();
    expect(grs.crrState).toBe('Disabled');
    t.clock.advance(t.timings.vaultPatchMs);
    t.settle();
    expect(t.operationStatus(op)).toBe('Succeeded');
    expect(grs.crrState).toBe('Enabled');
    // Items show in the secondary region only once copies made after enabling arrive.
    const bi = t.listInstances(grs)[0];
    if (!bi) throw new Error('no instance');
    expect(t.secondaryRecoveryPoints(bi)).toHaveLength(0);
    t.clock.advance(2 * DAY);
    expect(t.secondaryRecoveryPoints(bi).length).toBeGreaterThan(0);
  });

  it('refuses Enabled -> Disabled and CRR on non-geo-redundant vaults', () => {
    const t = demo();
    const off = { properties: { featureSettings: { crossRegionRestoreSettings: { state: 'Disabled' } } } };
    const on = { properties: { featureSettings: { crossRegionRestoreSettings: { state: 'Enabled' } } } };
    expect(() => t.patchVault(vault(t, DEMO_VAULT_IDS.contosoPg), off)).toThrow(
      expect.objectContaining({
        status: 400,
        code: 'UserErrorCrossRegionRestoreStateChangeNotAllowed',
      }) as ModelError,
    );
    expect(() => t.patchVault(vault(t, DEMO_VAULT_IDS.contosoLrs), on)).toThrow(
      expect.objectContaining({
        status: 400,
        code: 'UserErrorCrossRegionRestoreNotSupportedForVaultRedundancy',
      }) as ModelError,
    );
    expect(() => t.patchVault(vault(t, DEMO_VAULT_IDS.fabrikamZrs), on)).toThrow(ModelError);
  });

  it('refuses a second change while one is running (409)', () => {
    const t = demo();
    const grs = vault(t, DEMO_VAULT_IDS.contosoGrs);
    t.patchVault(grs, { tags: { a: 'b' } });
    expect(() => t.patchVault(grs, { tags: { c: 'd' } })).toThrow(
      expect.objectContaining({ status: 409, code: 'UserErrorAnotherOperationInProgress' }) as ModelError,
    );
  });
});

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
