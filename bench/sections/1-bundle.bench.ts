// Section 1: what the production build makes the browser download, against a floor page built in
// the same run (React, Fluent, MSAL, a static grid). Sizes are the gzip (node:zlib, level 9) of the
// JS and CSS bodies Chromium received, attributed to moments by the Resource Timing and Paint
// Timing APIs; nothing is read from the build manifest.
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { expect, test } from '../../e2e/azure/fixtures';
import { recordFigures, type Figure } from '../lib/figures';
import {
  BENCH_PORT,
  FIRST_DATA,
  REAL_MODE_URL,
  ScriptSizes,
  fileName,
  kB,
  median,
  resourceTimings,
  signInAsReturningUser,
  waitForFirstData,
  type Timed,
} from '../lib/real-mode';
import { demoOnlyCode } from '../lib/source-map-bytes';
import { serveFolder } from '../lib/static-server';

test.use({ baseURL: REAL_MODE_URL });

const FLOOR_DIST = resolve('dist-bench/floor');
const FLOOR_URL = `http://localhost:${BENCH_PORT + 2}`;
const LOADS = 3;
const GZIP = 'gzip = node:zlib level 9 of the bodies Chromium received';

const isScript = (url: string) => /\.(m?js|css)$/.test(new URL(url).pathname);

interface Load {
  fcp: number;
  /** When the app's shell had rendered (its `crr:shell-rendered` mark); what it needed was in. */
  shellRendered: number;
  firstRow: number;
  scripts: Timed[];
}

/** Opens `url`, waits for its first data row and returns the JS/CSS it fetched, with timings. */
async function load(page: Page, url: string, firstData: string): Promise<Load> {
  await page.goto(url, { waitUntil: 'commit' });
  const firstRow = await waitForFirstData(page, firstData);
  const fcp = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
  );
  const shellRendered = await page.evaluate(
    () => performance.getEntriesByName('crr:shell-rendered')[0]?.startTime ?? NaN,
  );
  const scripts = (await resourceTimings(page)).filter((t) => isScript(t.url));
  return { fcp, shellRendered, firstRow, scripts };
}

/** The gzip total of `files` and a readable list of them. */
function total(sizes: ScriptSizes, files: Timed[]): { bytes: number; list: string } {
  const missing = files.filter((f) => !sizes.gzip.has(f.url));
  if (missing.length) throw new Error(`No body seen for ${missing.map((f) => f.url).join(', ')}`);
  const sized = files.map((f) => ({ name: fileName(f.url), bytes: sizes.gzip.get(f.url) ?? 0 }));
  sized.sort((a, b) => b.bytes - a.bytes);
  return {
    bytes: sized.reduce((sum, f) => sum + f.bytes, 0),
    list: sized.map((f) => `${f.name} ${kB(f.bytes)}`).join(', '),
  };
}

/** Median over loads of the files started before `cutoff(load)`; the list is the median load's. */
function medianBefore(sizes: ScriptSizes, loads: Load[], cutoff: (l: Load) => number) {
  const totals = loads.map((l) =>
    total(
      sizes,
      l.scripts.filter((s) => s.startTime < cutoff(l)),
    ),
  );
  const value = median(totals.map((t) => t.bytes));
  return { bytes: value, list: totals.find((t) => t.bytes === value)?.list ?? totals[0]?.list ?? '' };
}

/** The in-app routes after the first page, each with what to click and the data to wait for. */
const ROUTES: { name: string; go: (page: Page) => Promise<void>; ready: (page: Page) => Promise<void> }[] = [
  {
    name: 'Backup vaults',
    go: (page) => page.getByRole('navigation').getByRole('link', { name: 'Backup vaults' }).click(),
    ready: async (page) => void (await waitForFirstData(page, FIRST_DATA.vaults)),
  },
  {
    name: 'a vault',
    go: (page) => page.getByRole('link', { name: 'contoso-pg-vault', exact: true }).click(),
    ready: (page) => expect(page.getByRole('heading', { level: 1, name: 'contoso-pg-vault' })).toBeVisible(),
  },
  {
    name: 'Backup instances',
    go: (page) => page.getByRole('navigation').getByRole('link', { name: 'Backup instances' }).click(),
    ready: async (page) => void (await waitForFirstData(page, FIRST_DATA.instances)),
  },
  {
    name: 'an instance',
    go: (page) => page.getByRole('link', { name: 'pg-contoso-prod/orders-db', exact: true }).click(),
    ready: async (page) => void (await waitForFirstData(page, FIRST_DATA.instance)),
  },
  {
    name: 'the restore wizard',
    go: (page) => page.getByRole('link', { name: 'Restore to secondary region', exact: true }).click(),
    ready: async (page) => void (await waitForFirstData(page, FIRST_DATA.wizard)),
  },
  {
    name: 'Backup jobs',
    go: (page) => page.getByRole('navigation').getByRole('link', { name: 'Backup jobs' }).click(),
    ready: async (page) => void (await waitForFirstData(page, FIRST_DATA.jobs)),
  },
  {
    name: 'a job',
    go: (page) =>
      page
        .getByRole('grid', { name: 'Backup jobs' })
        .getByRole('row')
        .filter({ has: page.getByRole('gridcell') })
        .first()
        .getByRole('link')
        .first()
        .click(),
    ready: async (page) => void (await waitForFirstData(page, FIRST_DATA.job)),
  },
];

test('bundle', async ({ page, browser, context, arm }) => {
  void arm; // installs the fake ARM
  // --- The floor, built now with the app's Vite defaults and served as plain files.
  await build({
    root: resolve('bench/floor'),
    configFile: false,
    logLevel: 'error',
    plugins: [react()],
    build: { outDir: FLOOR_DIST, emptyOutDir: true },
  });
  const server = await serveFolder(FLOOR_DIST, BENCH_PORT + 2);
  const floorContext = await browser.newContext();
  const floorPage = await floorContext.newPage();
  const floorSizes = new ScriptSizes(floorPage);
  const floorLoads: Load[] = [];
  for (let i = 0; i < LOADS; i++) floorLoads.push(await load(floorPage, FLOOR_URL, FIRST_DATA.vaults));
  await floorSizes.settled();
  const floor = medianBefore(floorSizes, floorLoads, (l) => l.firstRow);
  await floorContext.close();
  server.close();

  // --- The app at /vaults, as a returning user (signed in, MSAL's token cache warm), cache off so
  // every load fetches every file.
  const sizes = new ScriptSizes(page);
  await signInAsReturningUser(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const loads: Load[] = [];
  for (let i = 0; i < LOADS; i++) loads.push(await load(page, '/vaults', FIRST_DATA.vaults));
  await expect(
    page
      .getByRole('grid', { name: 'Backup vaults' })
      .getByRole('row')
      .filter({ has: page.getByRole('gridcell') }),
  ).not.toHaveCount(0);
  await sizes.settled();
  // What the first paint waited for: files requested before the shell had rendered (and before
  // first-contentful-paint). What the app requests after that (MSAL, the data layer, the page's
  // code) loads in parallel with the paint, not before it.
  if (loads.some((l) => Number.isNaN(l.shellRendered))) {
    throw new Error('The app set no crr:shell-rendered mark (src/main.tsx)');
  }
  const beforePaint = medianBefore(sizes, loads, (l) => Math.min(l.fcp, l.shellRendered));
  const shellRendered = Math.round(median(loads.map((l) => l.shellRendered)));
  const toFirstRow = medianBefore(sizes, loads, (l) => l.firstRow);
  const fcp = Math.round(median(loads.map((l) => l.fcp)));
  const firstRow = Math.round(median(loads.map((l) => l.firstRow)));

  // --- Per route: from the Overview, navigate in-app and count the JS/CSS first fetched for each.
  await page.goto('/', { waitUntil: 'commit' });
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  const seen = new Set((await resourceTimings(page)).filter((t) => isScript(t.url)).map((t) => t.url));
  const routeFigures: Figure[] = [];
  for (const route of ROUTES) {
    const clickedAt = await page.evaluate(() => performance.now());
    await route.go(page);
    await route.ready(page);
    const fresh = (await resourceTimings(page)).filter(
      (t) => isScript(t.url) && t.startTime >= clickedAt && !seen.has(t.url),
    );
    fresh.forEach((t) => seen.add(t.url));
    await sizes.settled();
    const chunks = total(sizes, fresh);
    routeFigures.push({
      name: `Route chunks: ${route.name}`,
      value: kB(chunks.bytes),
      unit: 'kB gzip',
      detail: chunks.list ? `first fetched on the way: ${chunks.list}` : 'nothing new to fetch',
    });
  }

  // --- Demo-only code in the production build, from its source maps; the demo build is measured
  // the same way to show the measure finds the simulator where it is.
  const production = demoOnlyCode('dist-e2e/public');
  const demo = demoOnlyCode('dist-demo');
  const top = production.sources
    .slice(0, 5)
    .map(([source, bytes]) => `${source.replace(/^(\.\.\/)+/, '')} ${bytes} B`)
    .join(', ');

  recordFigures('bundle', {
    order: 1,
    title: 'Bundle (production build, real mode)',
    figures: [
      {
        name: 'JS+CSS before first paint (/vaults, signed in)',
        value: kB(beforePaint.bytes),
        unit: 'kB gzip',
        target: { max: 150, text: '≤ 150 kB gzip' },
        detail: `files whose request started before the shell's first render committed (${shellRendered} ms; first-contentful-paint ${fcp} ms; MSAL, the data layer and the page's code are requested right after, in parallel with the paint), median of ${LOADS} loads of a returning user (token cache warm: the shell paints the same before sign-in); ${GZIP}: ${beforePaint.list}`,
      },
      {
        name: 'JS+CSS up to the first vault row (MSAL included)',
        value: kB(toFirstRow.bytes),
        unit: 'kB gzip',
        detail: `files started before the first Backup vaults row showed (${firstRow} ms), median of ${LOADS}: ${toFirstRow.list}`,
      },
      {
        name: 'Floor: JS+CSS up to its first grid row',
        value: kB(floor.bytes),
        unit: 'kB gzip',
        detail: `bench/floor: react, react-dom, the Fluent components of the first page (list in bench/floor/floor-page.tsx), @azure/msal-browser, a static grid; built in this run: ${floor.list}`,
      },
      {
        name: 'Up to the first vault row ÷ floor',
        value: Math.round((toFirstRow.bytes / floor.bytes) * 100) / 100,
        unit: '×',
        target: { max: 1.15, text: '≤ 1.15 × floor' },
        detail: `${kB(toFirstRow.bytes)} kB ÷ ${kB(floor.bytes)} kB`,
      },
      ...routeFigures,
      {
        name: 'Demo-only code in the production build',
        value: production.bytes,
        unit: 'bytes',
        target: { max: 0, text: '0' },
        detail: `minified bytes of src/mocks/, msw and its packages in dist-e2e/public/assets, from the source maps, plus mockServiceWorker.js (${production.worker} B)${top ? `: ${top}` : ''}; the same measure finds ${kB(demo.bytes)} kB in the demo build; scripts without a map: ${production.unmapped.map(([f, b]) => `${f} ${b} B`).join(', ') || 'none'}`,
      },
    ],
  });
});
