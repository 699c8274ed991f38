// Section 2: time from navigation start to the first data a page shows, opened from a pasted link
// by a signed-in user, with ARM answering at once and 150 ms later. Real mode: the production
// build, MSAL with a warm token cache, ARM played in this process (FakeArm over the simulator) so
// the delay is exact. The sequential ARM round trips on the critical path come from the page's
// Resource Timing entries, beside the minimum the page's data dependencies allow.
import type { Page } from '@playwright/test';
import { expect, test } from '../../e2e/azure/fixtures';
import { recordFigures, type Figure } from '../lib/figures';
import {
  addArmLatency,
  ARM_ENDPOINT,
  FIRST_DATA,
  INSTANCE_PATH,
  median,
  REAL_MODE_URL,
  resourceTimings,
  signInAsReturningUser,
  waitForFirstData,
  WIZARD_PATH,
  type Timed,
} from '../lib/real-mode';

test.use({ baseURL: REAL_MODE_URL });

const RUNS = 5;
const LATENCY = 150;
/** The issue's allowance beyond the round trips: time ≤ 1.3 × minimum × 150 ms + 300 ms. */
const ALLOWANCE_MS = 300;

interface PageCase {
  name: string;
  /** Filled in for the job once the jobs list has named one. */
  path: string;
  firstData: string;
  /** What a person sees, checked by role once the timed probe has fired. */
  check: (page: Page) => Promise<void>;
  minimum: number;
  why: string;
}

const dataRows = (page: Page, grid: string) =>
  page
    .getByRole('grid', { name: grid })
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell') });

const PAGES: PageCase[] = [
  {
    name: 'Backup vaults',
    path: '/vaults',
    firstData: FIRST_DATA.vaults,
    check: (page) => expect(dataRows(page, 'Backup vaults').first()).toBeVisible(),
    minimum: 2,
    why: 'the subscriptions (the picker selects them all and the rows show their names), then the vaults of those subscriptions (a list per subscription in parallel, or one Resource Graph query)',
  },
  {
    name: 'Backup instances',
    path: '/instances',
    firstData: FIRST_DATA.instances,
    check: (page) => expect(dataRows(page, 'Backup instances').first()).toBeVisible(),
    minimum: 2,
    why: 'the subscriptions, then one Resource Graph query for the instances in them',
  },
  {
    name: 'An instance',
    path: INSTANCE_PATH,
    firstData: FIRST_DATA.instance,
    check: (page) =>
      expect(
        page.getByRole('region', { name: 'Primary Region' }).getByRole('definition').first(),
      ).not.toBeEmpty(),
    minimum: 1,
    why: 'the URL names the instance: one Resource Graph query by its id (or one GET of it)',
  },
  {
    name: 'Backup jobs',
    path: '/jobs',
    firstData: FIRST_DATA.jobs,
    check: (page) => expect(dataRows(page, 'Backup jobs').first()).toBeVisible(),
    minimum: 2,
    why: 'the subscriptions, then one Resource Graph query for the jobs in them (Secondary Region jobs need each vault first, but the first row need not wait for them)',
  },
  {
    name: 'A job',
    path: '', // a Primary Region job, taken from the jobs list below
    firstData: FIRST_DATA.job,
    check: (page) => expect(page.getByRole('heading', { level: 1 })).toHaveText(/^(Backup|Restore) of /),
    minimum: 1,
    why: 'the URL names the vault and the job: one GET of the job',
  },
  {
    name: "Restore wizard's first step",
    path: WIZARD_PATH,
    firstData: FIRST_DATA.wizard,
    check: (page) => expect(page.getByRole('radiogroup').getByRole('radio').first()).toBeVisible(),
    minimum: 2,
    why: "the Secondary Region's recovery points are asked at the region paired with the vault's location, which the URL does not carry: the vault (or the instance's Resource Graph row), then fetchSecondaryRecoveryPoints",
  },
];

/** A short name for an ARM request: the collection or action, or `type/{name}` for one resource. */
function armName(url: string): string {
  const segments = new URL(url).pathname.split('/').filter(Boolean);
  if (segments.join('/').toLowerCase() === 'providers/microsoft.resourcegraph/resources')
    return 'Resource Graph';
  return segments.length % 2 === 1 ? (segments.at(-1) ?? url) : `${segments.at(-2) ?? ''}/{name}`;
}

/**
 * Round trips on the critical path: a request's depth is 1 + the deepest ARM request that had
 * finished before it started (the app could not, or chose not to, send it earlier: either way the
 * user waited); the critical path is the deepest request finished before the first data showed.
 * `levels` names the requests finished by then at each depth.
 */
function criticalPath(requests: Timed[], firstData: number): { depth: number; levels: string } {
  const sorted = [...requests].sort((a, b) => a.startTime - b.startTime);
  const depth = new Map<Timed, number>();
  for (const request of sorted) {
    const before = sorted.filter((o) => o !== request && o.responseEnd <= request.startTime);
    depth.set(request, 1 + Math.max(0, ...before.map((o) => depth.get(o) ?? 0)));
  }
  const done = sorted.filter((r) => r.responseEnd <= firstData);
  const max = Math.max(0, ...done.map((r) => depth.get(r) ?? 0));
  const levels: string[] = [];
  for (let d = 1; d <= max; d++) {
    const counts = new Map<string, number>();
    for (const r of done.filter((r) => depth.get(r) === d)) {
      counts.set(armName(r.url), (counts.get(armName(r.url)) ?? 0) + 1);
    }
    levels.push(`${d}: ${[...counts].map(([name, n]) => (n > 1 ? `${name} ×${n}` : name)).join(', ')}`);
  }
  return { depth: max, levels: levels.join(' · ') };
}

interface Run {
  time: number;
  depth: number;
  levels: string;
}

async function open(page: Page, path: string, firstData: string): Promise<Run> {
  await page.goto(path, { waitUntil: 'commit' });
  const time = await waitForFirstData(page, firstData);
  const arm = (await resourceTimings(page)).filter((t) => t.url.startsWith(ARM_ENDPOINT));
  return { time, ...criticalPath(arm, time) };
}

test('first-row', async ({ page, context, arm }) => {
  void arm; // installs the fake ARM
  let latency = 0;
  await addArmLatency(context, () => latency);
  await signInAsReturningUser(page);

  await page.goto('/jobs?region=primary');
  const jobLink = dataRows(page, 'Backup jobs').first().getByRole('link').first();
  const jobHref = await jobLink.getAttribute('href');
  if (!jobHref) throw new Error('The first Backup job has no link');
  const job = PAGES.find((p) => p.name === 'A job');
  if (job) job.path = jobHref;

  const figures: Figure[] = [];
  for (const target of PAGES) {
    const runs: Record<number, Run[]> = { 0: [], [LATENCY]: [] };
    for (const ms of [0, LATENCY]) {
      latency = ms;
      for (let i = 0; i < RUNS; i++) runs[ms]?.push(await open(page, target.path, target.firstData));
      await target.check(page);
    }
    const slow = runs[LATENCY] ?? [];
    const time0 = Math.round(median((runs[0] ?? []).map((r) => r.time)));
    const time150 = Math.round(median(slow.map((r) => r.time)));
    const depth = median(slow.map((r) => r.depth));
    const levels = slow.find((r) => r.depth === depth)?.levels ?? '';
    const budget = target.minimum * LATENCY + ALLOWANCE_MS;
    figures.push(
      {
        name: `${target.name}: ARM round trips on the critical path`,
        value: depth,
        unit: 'round trips',
        target: { max: target.minimum, text: `= minimum ${target.minimum}` },
        detail: `ARM requests done before the first data, by depth: ${levels} (median of ${RUNS} at ${LATENCY} ms; per run ${slow.map((r) => r.depth).join(', ')}). Minimum ${target.minimum}: ${target.why}`,
      },
      {
        name: `${target.name}: time to first data, ARM 0 ms`,
        value: time0,
        unit: 'ms',
        detail: `navigation start → first data visible, median of ${RUNS}: ${(runs[0] ?? []).map((r) => Math.round(r.time)).join(', ')}`,
      },
      {
        name: `${target.name}: time to first data, ARM ${LATENCY} ms`,
        value: time150,
        unit: 'ms',
        detail: `median of ${RUNS}: ${slow.map((r) => Math.round(r.time)).join(', ')}`,
      },
      {
        // The issue's target, time ≤ 1.3 × minimum × 150 ms + 300 ms, as a ratio that passes at ≤ 1.3.
        name: `${target.name}: (time at ${LATENCY} ms − ${ALLOWANCE_MS} ms) ÷ (minimum × ${LATENCY} ms)`,
        value: Math.round(((time150 - ALLOWANCE_MS) / (target.minimum * LATENCY)) * 100) / 100,
        unit: '×',
        target: { max: 1.3, text: '≤ 1.3' },
        detail: `(${time150} − ${ALLOWANCE_MS}) ÷ (${target.minimum} × ${LATENCY}); target: time ≤ 1.3 × ${target.minimum} × ${LATENCY} + ${ALLOWANCE_MS} = ${Math.round(1.3 * target.minimum * LATENCY + ALLOWANCE_MS)} ms; time ÷ (minimum × ${LATENCY} + ${ALLOWANCE_MS}) = ${Math.round((time150 / budget) * 100) / 100}; the latency added ${time150 - time0} ms for ${target.minimum * LATENCY} ms of round trips, the rest is the time at 0 ms`,
      },
    );
  }

  recordFigures('first-row', {
    order: 2,
    title: 'Time to first data row (real mode, signed in, pasted link)',
    figures,
  });
});
