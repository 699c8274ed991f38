import { afterEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '@/azure/query-client';
import { DEMO_SUBSCRIPTIONS, DEMO_VAULT_IDS } from '@/testing/demo-ids';
import { addBackupJobs } from '@/testing/job-fixtures';
import { setupSimulatedArm, type SimulatedArm } from '@/testing/simulated-arm';
import type { Arm } from '../arm';
import { refreshJobSearches } from './job-refresh';
import { crossRegionJobsFilter, type JobSearchResult, type JobSearchScope } from './job-search';
import { LiveRefresh } from './live-refresh';
import { createJobQueries } from './queries';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const SUBSCRIPTIONS = Object.values(DEMO_SUBSCRIPTIONS).map((s) => s.subscriptionId);

function scope(now: number, days = 7): JobSearchScope {
  return { subscriptions: SUBSCRIPTIONS, window: { from: now - days * DAY } };
}

/** Every request the simulator receives, as `METHOD path?query`. */
function recordRequests(sim: SimulatedArm): string[] {
  const seen: string[] = [];
  sim.server.server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    seen.push(`${request.method} ${url.pathname}${url.search}`);
  });
  return seen;
}

async function search(arm: Arm, s: JobSearchScope) {
  const client = createQueryClient();
  const [primary, secondary] = await Promise.all([
    client.fetchQuery(arm.group(createJobQueries).queries.primarySearch(s)),
    client.fetchQuery(arm.group(createJobQueries).queries.secondarySearch(s)),
  ]);
  return { client, primary, secondary };
}

describe('job search across subscriptions', () => {
  const sim = setupSimulatedArm();

  it('lists each vault of every subscription in the primary region and each CRR vault in its secondary region', async () => {
    const { arm, server } = sim();
    const now = server.clock.now();
    const seen = recordRequests(sim());
    const { primary, secondary } = await search(arm, scope(now));
    expect(primary.complete).toBe(true);
    expect(primary.source).toBe('resourceGraph');
    expect(primary.totalRecords).toBe(primary.rows.length);
    expect(primary.warnings).toEqual([]);
    // One Resource Graph query for every vault of the three subscriptions, no list per vault.
    expect(seen.filter((r) => r.includes('/providers/Microsoft.ResourceGraph/resources'))).toHaveLength(1);
    expect(seen.filter((r) => r.includes('/backupJobs'))).toEqual([]);
    expect(new Set(primary.rows.map((r) => r.vaultName))).toEqual(
      new Set(['contoso-pg-vault', 'contoso-grs-vault', 'contoso-lrs-vault', 'fabrikam-zrs-vault']),
    );
    expect(primary.rows.every((r) => r.region === 'primary' && r.startTime! >= now - 7 * DAY)).toBe(true);
    // Only contoso-pg-vault has Cross Region Restore enabled; its failed restores 9 and 12 days ago
    // are outside 7 days (the $filter leaves them out).
    expect(secondary.lists).toEqual({ done: 1, total: 1 });
    expect(secondary.rows.length).toBeGreaterThan(0);
    expect(
      secondary.rows.every((r) => r.operation === 'CrossRegionRestore' && r.region === 'secondary'),
    ).toBe(true);
    expect(secondary.rows.map((r) => r.status)).not.toContain('Failed');
    const crr = seen.filter((r) => r.includes('/fetchCrossRegionRestoreJobs'));
    expect(crr).toHaveLength(1);
    expect(crr[0]).toContain('/locations/westus/fetchCrossRegionRestoreJobs');
    expect(decodeURIComponent(crr[0] ?? '')).toContain(
      `$filter=${crossRegionJobsFilter({ from: now - 7 * DAY })}`,
    );
  });

  it('a 14-day window includes the older cross-region restore that 7 days leave out', async () => {
    const { arm, server } = sim();
    const { secondary } = await search(arm, scope(server.clock.now(), 14));
    expect(secondary.rows.filter((r) => r.status === 'Failed')).toHaveLength(2);
  });
});

describe('without Resource Graph', () => {
  const sim = setupSimulatedArm({ scenarios: ['resource-graph-forbidden'] });

  it('lists each vault instead, says why, and finds the same jobs as Resource Graph', async () => {
    const { arm, server } = sim();
    const seen = recordRequests(sim());
    const { primary } = await search(arm, scope(server.clock.now(), 14));
    expect(primary.source).toBe('perVault');
    expect(primary.fallbackReason?.status).toBe(403);
    expect(primary.lists).toEqual({ done: 4, total: 4 });
    expect(seen.filter((r) => /\/backupVaults\/[^/]+\/backupJobs\?/.test(r))).toHaveLength(4);
    expect(primary.rows.length).toBeGreaterThan(100);
  });
});

describe('Resource Graph and the per-vault lists agree', () => {
  const graph = setupSimulatedArm();

  it('the same jobs, statuses and operations', async () => {
    const { arm, server } = graph();
    const s = scope(server.clock.now(), 14);
    const viaGraph = (await search(arm, s)).primary;
    expect(viaGraph.source).toBe('resourceGraph');
    server.scenarios.options.names.push('resource-graph-forbidden');
    const client = createQueryClient();
    const perVault = await client.fetchQuery(arm.group(createJobQueries).queries.primarySearch(s));
    expect(perVault.source).toBe('perVault');
    const describe = (rows: typeof viaGraph.rows) =>
      rows
        .map((r) => `${r.key} ${r.status} ${r.operation} ${r.instanceName} ${r.startTime} ${r.errorCode}`)
        .sort();
    expect(describe(viaGraph.rows)).toEqual(describe(perVault.rows));
  });
});

describe('a failing vault', () => {
  const gone = setupSimulatedArm({
    scenarios: { names: ['resource-graph-forbidden', 'vault-gone'], goneVault: 'contoso-grs-vault' },
  });

  it('a vault that fails to list becomes a warning while the others list', async () => {
    const { arm, server } = gone();
    const { primary } = await search(arm, scope(server.clock.now()));
    expect(primary.complete).toBe(true);
    expect(primary.warnings.map((w) => [w.kind, w.name, w.error.status])).toEqual([
      ['vault', 'contoso-grs-vault', 404],
    ]);
    expect(primary.rows.some((r) => r.vaultName === 'contoso-pg-vault')).toBe(true);
    expect(primary.rows.some((r) => r.vaultName === 'contoso-grs-vault')).toBe(false);
  });
});

describe('paging', () => {
  // contoso-pg-vault's primary list cut into three pages of the simulator.
  const sim = setupSimulatedArm({ pageSizes: { jobs: 30 }, scenarios: ['resource-graph-forbidden'] });

  it('reads every page of every list (a 3-page vault)', async () => {
    const { arm, server } = sim();
    const pg = server.tenant.getVaultById(DEMO_VAULT_IDS.contosoPg);
    const all = server.tenant.listJobs(pg!);
    expect(all.length).toBeGreaterThan(60);
    expect(all.length).toBeLessThanOrEqual(90);
    const seen = recordRequests(sim());
    const { primary } = await search(arm, scope(server.clock.now(), 30));
    const pgJobs = seen.filter((r) => r.includes('/contoso-pg-vault/backupJobs'));
    expect(pgJobs).toHaveLength(3);
    expect(pgJobs.slice(1).every((r) => r.includes('%24skipToken=') || r.includes('$skipToken='))).toBe(true);
    const rows = primary.rows.filter((r) => r.vaultName === 'contoso-pg-vault');
    expect(new Set(rows.map((r) => r.jobId))).toEqual(new Set(all.map((v) => v.job.name)));
  });
});

describe('paging the secondary region', () => {
  // Seven cross-region restores in 14 days, three to a page.
  const sim = setupSimulatedArm({ pageSizes: { jobs: 3 } });

  it('reads every page of fetchCrossRegionRestoreJobs (a 3-page list)', async () => {
    const { arm, server } = sim();
    const seen = recordRequests(sim());
    const { secondary } = await search(arm, scope(server.clock.now(), 14));
    const pages = seen.filter((r) => r.includes('/fetchCrossRegionRestoreJobs'));
    expect(pages).toHaveLength(3);
    expect(pages[0]).toMatch(/^POST /);
    // nextLink is followed as given (GET, $filter and $skipToken already in it).
    expect(pages.slice(1).every((r) => r.startsWith('GET ') && r.includes('skipToken'))).toBe(true);
    expect(secondary.warnings.map((w) => w.error.message)).toEqual([]);
    expect(secondary.rows).toHaveLength(7);
    expect(new Set(secondary.rows.map((r) => r.jobId)).size).toBe(7);
  });
});

describe('live refresh of the job searches', () => {
  const sim = setupSimulatedArm();

  let seenPerJob: string[] = [];
  afterEach(() => {
    if (seenPerJob.length === 0) return;
    // Never one request per job: no single-job GET or fetchCrossRegionRestoreJob in a round.
    expect(seenPerJob.filter((r) => /\/backupJobs\/|fetchCrossRegionRestoreJob\?/.test(r))).toEqual([]);
  });

  /** Requests of `rounds` refresh rounds after the first load, with `running` of 50 added jobs in progress. */
  async function requestsPerRound(running: number, rounds = 3): Promise<number[]> {
    const { arm, server } = sim();
    // Past the demo's own running jobs, so only the fixture's jobs run.
    server.advance(3 * HOUR);
    addBackupJobs(server.tenant, DEMO_VAULT_IDS.contosoPg, 50, running);
    const s = scope(server.clock.now());
    const client = createQueryClient();
    const keys = [
      arm.group(createJobQueries).queries.primarySearch(s),
      arm.group(createJobQueries).queries.secondarySearch(s),
    ];
    await Promise.all(keys.map((q) => client.fetchQuery(q)));
    const inProgress = client
      .getQueryData<JobSearchResult>(keys[0]!.queryKey)!
      .rows.filter((r) => r.status === 'InProgress').length;
    expect(inProgress).toBe(running);

    const seen = recordRequests(sim());
    seenPerJob = seen;
    const perRound: number[] = [];
    let pending: (() => void) | undefined;
    const live = new LiveRefresh({
      refresh: () =>
        refreshJobSearches(
          client,
          keys.map((q) => q.queryKey),
        ),
      timers: { setTimeout: (cb) => (pending = cb), clearTimeout: () => (pending = undefined) },
      visibility: { isHidden: () => false, subscribe: () => () => undefined },
    });
    live.observe({ inProgress: true });
    for (let i = 0; i < rounds; i++) {
      const before = seen.length;
      const due = pending;
      expect(due, 'a round is scheduled while jobs run').toBeDefined();
      pending = undefined;
      due!();
      await expect.poll(() => live.current.phase, { timeout: 5000 }).not.toBe('refreshing');
      perRound.push(seen.length - before);
    }
    live.dispose();
    return perRound;
  }

  // Each count runs on a fresh tenant (tests in a file run in order).
  let withOne: number[] = [];
  it('refreshes with 1 running job', async () => {
    withOne = await requestsPerRound(1);
    // Every round alike: one Resource Graph query (one page) and the one CRR vault's secondary list.
    expect(withOne).toEqual([2, 2, 2]);
  });

  it('sends the same requests per round with 50 running jobs: one list per source, none per job', async () => {
    expect(await requestsPerRound(50)).toEqual(withOne);
  });
});
