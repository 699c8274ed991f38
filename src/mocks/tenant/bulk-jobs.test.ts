// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rgQuery } from '@/testing/resource-graph-fetch';
import { createTestServer } from '../node';
import { DAY } from './clock';
import { createDemoTenant } from './demo-tenant';
import { JOB_HISTORY_MS, type JobView } from './schedule';
import type { Tenant } from './tenant';
import { START } from './test-tenant';

const JOBS = 100_000;

function bulkTenant(jobs = JOBS, scale = 6_000) {
  return createTestServer({
    startAt: START,
    tenant: (clock) => createDemoTenant({ clock, scale, jobs, timings: { retryAfterSeconds: 0 } }),
  });
}

const bulkVaults = (tenant: Tenant) => [...tenant.vaults.values()].filter((v) => v.generatedJobs);

describe('bulk jobs (?jobs=)', () => {
  const sim = bulkTenant();
  const { tenant } = sim;
  const vaults = bulkVaults(tenant);
  const primary = vaults.flatMap((v) => tenant.listJobs(v));
  const secondary = vaults.flatMap((v) => tenant.listCrossRegionRestoreJobs(v));
  beforeAll(() => sim.listen());
  afterAll(() => sim.close());

  it('lists exactly the requested number of jobs over the bulk vaults, in both regions', () => {
    expect(vaults).toHaveLength(30);
    expect(primary.length + secondary.length).toBe(JOBS);
    expect(secondary.length).toBeGreaterThan(0);
    expect(new Set([...primary, ...secondary].map((v) => v.job.id)).size).toBe(JOBS);
    // Secondary-region jobs only where Cross Region Restore is on, and they are restores.
    for (const vault of vaults)
      if (vault.crrState !== 'Enabled') expect(tenant.listCrossRegionRestoreJobs(vault)).toEqual([]);
    expect(new Set(secondary.map((v) => [v.job.operation, v.job.isCrossRegionRestore].join()))).toEqual(
      new Set(['Restore,true']),
    );
  });

  it('has every status in both regions, all started inside the 14-day window', () => {
    const statuses = (views: JobView[]) => new Set(views.map((v) => v.status));
    const all = ['InProgress', 'Completed', 'CompletedWithWarnings', 'Failed', 'Cancelled'];
    expect(statuses(primary)).toEqual(new Set(all));
    expect(statuses(secondary)).toEqual(new Set(all));
    const starts = [...primary, ...secondary].map((v) => v.job.startTime);
    expect(Math.min(...starts)).toBeGreaterThan(START - JOB_HISTORY_MS + DAY);
    expect(Math.max(...starts)).toBeLessThan(START);
  });

  it('replaces the bulk instances’ scheduled backup jobs and leaves the named vaults as they were', () => {
    const plain = createDemoTenant({ clock: sim.clock, scale: 6_000 });
    const named = [...plain.vaults.values()].filter((v) => !v.name.startsWith('bv-scale-'));
    expect(named.map((v) => tenant.listJobs(v).length)).toEqual(named.map((v) => plain.listJobs(v).length));
    // Without ?jobs the same bulk vaults derive scheduled backups; with it they list only the
    // generated jobs (the exact count above).
    const scheduled = [...plain.vaults.values()]
      .filter((v) => v.name.startsWith('bv-scale-'))
      .reduce((n, v) => n + plain.listJobs(v).length, 0);
    expect(scheduled).toBeGreaterThan(60_000);
    expect(primary.every((v) => v.job.name === v.job.id.split('/').pop())).toBe(true);
  });

  it('is deterministic', () => {
    const other = bulkTenant().tenant;
    const names = (t: Tenant) =>
      bulkVaults(t)
        .slice(0, 3)
        .flatMap((v) => [...t.listJobs(v), ...t.listCrossRegionRestoreJobs(v)])
        .map((j) => `${j.job.name} ${j.status} ${j.job.startTime}`);
    expect(names(other)).toEqual(names(tenant));
  });

  it('gives Resource Graph the same primary-region count', async () => {
    const subscriptions = [...new Set(vaults.map((v) => v.subscriptionId))];
    const reply = await rgQuery<{ data: { count_: number }[] }>(
      "RecoveryServicesResources | where type =~ 'microsoft.dataprotection/backupvaults/backupjobs' | summarize count() by type",
      subscriptions,
    );
    expect(reply.status).toBe(200);
    expect(reply.body.data[0]?.count_).toBe(primary.length);
  });

  it('adds 1,000 bulk instances to hold the jobs when no scale is given, and splits an odd count exactly', () => {
    const small = bulkTenant(1_003, 0).tenant;
    const smallVaults = bulkVaults(small);
    expect(smallVaults).toHaveLength(5);
    const count = smallVaults.reduce(
      (n, v) => n + small.listJobs(v).length + small.listCrossRegionRestoreJobs(v).length,
      0,
    );
    expect(count).toBe(1_003);
  });
});
