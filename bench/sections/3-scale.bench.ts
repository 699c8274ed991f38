// Section 3 of issue 13: the production build in real mode at 50,000 backup instances and 100,000
// jobs, as a returning user sees it: ARM is played in this process (FakeArm over the simulator,
// built at that size), so the page's heap and main thread are the app's alone. Every time is read
// in the page (performance.now() of the frame where the state shows), so Playwright's own round
// trips do not count; heap through CDP after a full GC.
import type { Page } from '@playwright/test';
import { test as azureTest, CONTOSO, expect } from '../../e2e/azure/fixtures';
import { FakeArm } from '../../e2e/azure/fake-arm';
import { createTestServer } from '../../src/mocks/node';
import { recordFigures, type Figure } from '../lib/figures';
import {
  frameWhen,
  heapAfterGc,
  keystrokeLatencies,
  loadFloorPage,
  pageNow,
  percentile,
  scrollDroppedFrames,
  type ScrollResult,
} from '../lib/page-metrics';
import { ARM_ENDPOINT, REAL_MODE_URL, signInAsReturningUser } from '../lib/real-mode';

const INSTANCES = 50_000;
const JOBS = 100_000;
const ROW_HEIGHT = 44;
const SCROLL_ROWS = 10_000;
const SCROLL_SECONDS = 10;
/** Scrolls of the grid, each followed by one of the floor page; the figure is their median. */
const SCROLL_ROUNDS = 3;
/** Resource Graph's per-user quota the simulator reports and the client honours: 15 queries / 5 s. */
const QUOTA = { queries: 15, seconds: 5 };
const PAGE_ROWS = 1000;
/** From "bv-scale-0": add a digit, erase it (each key changes the result, see below). */
const KEYS = Array.from({ length: 10 }, (_, i) => [String(i % 3), 'Backspace']).flat();

const GRID_ROW = '[role="grid"] [role="row"][aria-rowindex="2"]';
const STATUS = 'main [role="status"]';
const ms = (value: number) => Math.round(value);
const mb = (value: number) => Math.round(value * 10) / 10;
const number = (n: number) => n.toLocaleString('en-US');

/**
 * The least time paging can take: Resource Graph answers `PAGE_ROWS` rows a query and its quota
 * allows 15 queries per 5 s, so `pages` queries need (pages - 15) / 15 × 5 s of waiting at least.
 */
function quotaFloorSeconds(rows: number): number {
  const pages = Math.ceil(rows / PAGE_ROWS);
  return Math.max(0, Math.ceil((pages - QUOTA.queries) / QUOTA.queries) * QUOTA.seconds);
}

// The simulated tenant at the issue's size, instead of the e2e fixtures' small one; built once per
// run (about a second) in this process, where FakeArm answers the page from it.
/**
 * Resource Graph queries the page sent since `since` (its performance.now()): how many, and the
 * time from each request's start to its last byte (Resource Timing: the simulator answering in
 * this process, Playwright's route and the transfer; ARM sends no Timing-Allow-Origin, so the
 * parts are not split).
 */
async function resourceGraphQueries(
  page: Page,
  since: number,
): Promise<{ count: number; totalMs: number; maxMs: number }> {
  const durations = await page.evaluate(
    ({ since, url }) =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.startsWith(url) && e.startTime >= since)
        .map((e) => e.duration),
    { since, url: `${ARM_ENDPOINT}/providers/Microsoft.ResourceGraph/resources` },
  );
  return {
    count: durations.length,
    totalMs: durations.reduce((a, b) => a + b, 0),
    maxMs: Math.max(0, ...durations),
  };
}

/** The scroll with the median share of dropped frames. */
function medianScroll(results: readonly ScrollResult[]): ScrollResult {
  const sorted = [...results].sort((a, b) => a.droppedPercent - b.droppedPercent);
  const median = sorted[Math.floor(sorted.length / 2)];
  if (!median) throw new Error('No scroll measured');
  return median;
}

const test = azureTest.extend({
  arm: async ({ context, entra }, use) => {
    const arm = new FakeArm(ARM_ENDPOINT, entra).addDirectory(
      CONTOSO.tenantId,
      createTestServer({ startAt: Date.now(), scale: INSTANCES, jobs: JOBS }),
    );
    await arm.install(context);
    await use(arm);
  },
});
test.use({ baseURL: REAL_MODE_URL });

test('scale: 50,000 backup instances and 100,000 jobs (real mode)', async ({ page, context, arm }) => {
  const figures: Figure[] = [];
  // Room for every Resource Graph page in Resource Timing (the default keeps 250 entries).
  await context.addInitScript(() => performance.setResourceTimingBufferSize(10_000));
  await signInAsReturningUser(page);

  // The floor, in a page of its own: the same keystrokes and scroll on static rows. Its scrolls
  // alternate with the app's (below), so both see the same load on this shared machine.
  const floorPage = await context.newPage();
  await loadFloorPage(floorPage, SCROLL_ROWS + 20, ROW_HEIGHT);
  const floorKeys = await keystrokeLatencies(
    floorPage,
    floorPage.getByRole('textbox', { name: 'Search' }),
    KEYS,
    '#m',
    'label',
  );

  // Only the page in front gets animation frames at full rate: each measurement brings its own.
  await page.bringToFront();

  // ---------------------------------------------------------------- Backup instances at 50,000
  await page.goto('/instances');
  const firstRows = await frameWhen(page, GRID_ROW);
  const loading = await page.getByRole('status').filter({ hasText: 'loaded…' }).textContent();
  const total = Number(/of ([\d,]+) backup instances/.exec(loading ?? '')?.[1]?.replace(/,/g, ''));
  expect(total).toBeGreaterThanOrEqual(INSTANCES);
  const allIn = await frameWhen(page, STATUS, new RegExp(`^${number(total)} backup instances$`));
  await expect(page.getByRole('grid', { name: 'Backup instances' })).toHaveAttribute(
    'aria-rowcount',
    String(total + 1),
  );
  const instanceFloor = quotaFloorSeconds(total);
  const instanceQueries = await resourceGraphQueries(page, 0);
  expect(instanceQueries.count).toBeGreaterThanOrEqual(Math.ceil(total / PAGE_ROWS));
  figures.push(
    {
      name: 'Backup instances at 50,000: first rows on screen',
      value: ms(firstRows),
      unit: 'ms',
      detail:
        "from navigation start (a returning user: signed in earlier in the tab, MSAL's token cache warm)",
    },
    {
      name: 'Backup instances at 50,000: every page in (count = total)',
      value: ms(allIn),
      unit: 'ms',
      detail: `from navigation start; ${number(total)} rows in ${instanceQueries.count} Resource Graph queries (${PAGE_ROWS} rows a page); its quota (15 queries / 5 s, reported by the simulator, honoured by the app) alone needs ≥ ${instanceFloor} s: ${(allIn / 1000 / Math.max(1, instanceFloor)).toFixed(2)} × that floor. Includes the fake ARM answering in Node: request to last byte ${ms(instanceQueries.totalMs)} ms over all queries, longest ${ms(instanceQueries.maxMs)} ms (Resource Timing)`,
    },
  );

  // Keystrokes: from "bv-scale-0" (the 50,000 bulk rows) add a digit, then erase it: every key
  // changes the result (18,000, 20,000 or 12,000 rows against 50,000), each a filter of all rows.
  const search = page.getByRole('textbox', { name: 'Search' });
  await search.fill('bv-scale-0');
  await frameWhen(page, STATUS, new RegExp(`^${number(INSTANCES)} of ${number(total)} backup instances$`));
  const latencies = await keystrokeLatencies(page, search, KEYS, 'main', '[role="search"]');
  await frameWhen(page, STATUS, new RegExp(`^${number(INSTANCES)} of ${number(total)} backup instances$`));
  figures.push(
    {
      name: 'Backup instances at 50,000: filter keystroke → updated grid, p50',
      value: ms(percentile(latencies, 50)),
      unit: 'ms',
      detail: `${latencies.length} keystrokes in the Search box; keydown to the frame after the grid's DOM changed`,
    },
    {
      name: 'Backup instances at 50,000: filter keystroke → updated grid, p95',
      value: ms(percentile(latencies, 95)),
      unit: 'ms',
      target: { max: 50, text: '≤ 50 ms' },
      detail: `nearest rank of ${latencies.length}; all: ${latencies.map(ms).join(', ')}. Floor (static rows, no app: a keystroke rewrites 20 rows' text) p50 ${ms(percentile(floorKeys, 50))} ms, p95 ${ms(percentile(floorKeys, 95))} ms: ${(percentile(latencies, 95) / Math.max(1, percentile(floorKeys, 95))).toFixed(1)} × the floor's p95`,
    },
  );

  await search.fill('');
  await frameWhen(page, STATUS, new RegExp(`^${number(total)} backup instances$`));
  const grid = page.getByRole('grid', { name: 'Backup instances' });
  const scroller = grid.locator('xpath=..');
  const scrolls: ScrollResult[] = [];
  const floorScrolls: ScrollResult[] = [];
  for (let round = 0; round < SCROLL_ROUNDS; round++) {
    await page.bringToFront();
    await scroller.evaluate((el) => (el.scrollTop = 0));
    await expect(grid.locator('[aria-rowindex="2"]')).toBeVisible();
    const scroll = await scrollDroppedFrames(scroller, SCROLL_ROWS * ROW_HEIGHT, SCROLL_SECONDS);
    expect(scroll.reachedPx).toBeGreaterThanOrEqual(SCROLL_ROWS * ROW_HEIGHT - 1);
    scrolls.push(scroll);
    await floorPage.bringToFront();
    await floorPage.locator('#s').evaluate((el) => (el.scrollTop = 0));
    floorScrolls.push(
      await scrollDroppedFrames(floorPage.locator('#s'), SCROLL_ROWS * ROW_HEIGHT, SCROLL_SECONDS),
    );
  }
  await floorPage.close();
  await page.bringToFront();
  const scroll = medianScroll(scrolls);
  const floorScroll = medianScroll(floorScrolls);
  const percent = (r: ScrollResult) => Math.round(r.droppedPercent * 10) / 10;
  figures.push({
    name: `Backup instances at 50,000: dropped frames scrolling ${number(SCROLL_ROWS)} rows`,
    value: percent(scroll),
    unit: '%',
    target: { max: 5, text: '≤ 5 %' },
    detail: `median of ${SCROLL_ROUNDS} scrolls from the top (${scrolls.map(percent).join(', ')} %); ${scroll.dropped} of ${scroll.frames + scroll.dropped} frames (16.7 ms each) missed in the median one; scrollTop moved per animation frame, ${SCROLL_SECONDS} s at a constant speed (${number(SCROLL_ROWS / SCROLL_SECONDS)} rows a second). Floor (the same scroll over ${number(SCROLL_ROWS)} static rows, no script, right after each of the app's): median ${percent(floorScroll)} % dropped (${floorScrolls.map(percent).join(', ')} %)`,
  });

  const heapInstances = await heapAfterGc(page);
  figures.push({
    name: 'JS heap after loading 50,000 instances',
    value: mb(heapInstances),
    unit: 'MB',
    target: { max: 300, text: '≤ 300 MB' },
    detail: "after a full GC (CDP); the app's alone (the simulator answers from Node)",
  });

  // ---------------------------------------------------------------- Backup jobs at 100,000
  // Same page session: the instances stay in the query cache while the jobs load.
  await page.getByRole('link', { name: 'Backup jobs' }).click();
  await page.getByRole('combobox', { name: 'Time range' }).click();
  const asked = await pageNow(page);
  await page.getByRole('option', { name: 'Last 14 days', exact: true }).click();
  const jobsFirst = await frameWhen(page, `[role="grid"][aria-label="Backup jobs"] [aria-rowindex="2"]`);
  // At least 100,000 (a six-digit count). The page once showed a smaller count as final for a frame
  // (99,007, then 100,153: the deferred rows lagged the last page; fixed in the jobs page), so a
  // final count that is too small must not end the wait, and the check below fails on it.
  const jobsAll = await frameWhen(page, STATUS, /^[1-9]\d{2},\d{3} Backup jobs$/);
  const jobsShown = Number(
    /^([\d,]+) Backup jobs?$/.exec((await page.locator(STATUS).textContent()) ?? '')?.[1]?.replace(/,/g, ''),
  );
  expect(jobsShown).toBeGreaterThanOrEqual(JOBS);
  const jobsFloor = quotaFloorSeconds(jobsShown);
  const jobQueries = await resourceGraphQueries(page, asked);
  figures.push(
    {
      name: 'Backup jobs at 100,000: first rows on screen',
      value: ms(jobsFirst - asked),
      unit: 'ms',
      detail: 'from choosing Last 14 days (the page was already open on the 7-day default)',
    },
    {
      name: 'Backup jobs at 100,000: every page in (count = total)',
      value: ms(jobsAll - asked),
      unit: 'ms',
      detail: `${number(jobsShown)} jobs (100,000 generated + the named vaults') in ${jobQueries.count} Resource Graph queries; its quota alone needs ≥ ${jobsFloor} s for the primary region's pages: ${((jobsAll - asked) / 1000 / Math.max(1, jobsFloor)).toFixed(2)} × that floor. Includes the fake ARM answering in Node: request to last byte ${ms(jobQueries.totalMs)} ms over all queries, longest ${ms(jobQueries.maxMs)} ms (Resource Timing); the Secondary Region's jobs come from each vault's fetchCrossRegionRestoreJobs`,
    },
  );
  const heapBoth = await heapAfterGc(page);
  figures.push({
    name: 'JS heap with 50,000 instances and 100,000 jobs loaded',
    value: mb(heapBoth),
    unit: 'MB',
    target: { max: 300, text: '≤ 300 MB' },
    detail: `same tab, after a full GC (CDP); the app's alone. ${arm.exchanges.length} ARM requests answered in all, ${arm.exchanges.filter((e) => e.status >= 400).length} of them errors. Backup jobs has no text filter (keystroke figures are for Backup instances only)`,
  });

  recordFigures('scale', { order: 3, title: 'Scale: 50,000 backup instances, 100,000 jobs', figures });
});
