// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from './clock';
import { DEMO_INSTANCE_IDS, DEMO_SUBSCRIPTIONS, DEMO_VAULT_IDS } from './demo-tenant';
import type { Tenant } from './tenant';
import { START, demo, instance, vault } from './test-tenant';

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
      new Set(['Completed', 'Failed', 'InProgress', 'CompletedWithWarnings', 'Cancelled']),
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
      new Set(['Completed', 'Failed', 'InProgress', 'CompletedWithWarnings', 'Cancelled']),
    );
    expect(secondary.every((j) => j.job.isCrossRegionRestore)).toBe(true);
    // One cross-region restore finishes 15 s after the demo opens, another runs for two hours.
    expect(secondary.filter((j) => j.status === 'InProgress')).toHaveLength(2);
    t.clock.advance(16_000);
    expect(t.listCrossRegionRestoreJobs(pg).filter((j) => j.status === 'InProgress')).toHaveLength(1);
  });

  it('every restore used a recovery point that existed, in its region, when it started', () => {
    const t = demo();
    const pg = vault(t, DEMO_VAULT_IDS.contosoPg);
    const restores = [...t.listJobs(pg), ...t.listCrossRegionRestoreJobs(pg)].filter(
      (v) => v.job.operation === 'Restore',
    );
    expect(restores.length).toBeGreaterThan(5);
    for (const { job } of restores) {
      const rp = job.restore;
      expect(rp?.recoveryPointTime).toBeLessThan(job.startTime);
      const bi = instance(t, job.instanceId);
      const points = job.isCrossRegionRestore
        ? t.secondaryRecoveryPoints(bi, job.startTime)
        : t.primaryRecoveryPoints(bi, job.startTime);
      expect(points.map((p) => p.recoveryPointId)).toContain(rp?.recoveryPointId);
    }
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
