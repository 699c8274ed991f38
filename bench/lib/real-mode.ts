// What the real-mode sections share: where the production build is served, how to sign in as a
// returning user, ARM latency, and the pages with the first data a user waits for on each.
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page, Response } from '@playwright/test';
import { DEMO_INSTANCE_IDS, DEMO_SUBSCRIPTIONS } from '../../src/mocks/tenant/demo-tenant';
import { signIn } from '../../e2e/azure/fixtures';

export const BENCH_PORT = Number(process.env.BENCH_PORT ?? 4280);
/** The production build in real mode (scripts/e2e-azure-server.mjs, public cloud at `/`). */
export const REAL_MODE_URL = `http://localhost:${BENCH_PORT + 1}`;
export const ARM_ENDPOINT = 'https://management.azure.com';

const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const ORDERS = DEMO_INSTANCE_IDS.ordersDb.split('/').pop() ?? '';
export const INSTANCE_PATH = `/instances/${PROD}/rg-contoso-backup/contoso-pg-vault/${ORDERS}`;
export const WIZARD_PATH = `${INSTANCE_PATH}/restore`;

/**
 * The first data a user waits for, as a CSS selector over ARIA roles and labels (checked in the
 * page every animation frame, so the time is exact to a frame; Playwright's own polling backs off
 * to 500 ms). Sections check the same element by role afterwards.
 */
export const FIRST_DATA = {
  vaults: '[role="grid"][aria-label="Backup vaults"] [role="row"]:has([role="gridcell"])',
  instances: '[role="grid"][aria-label="Backup instances"] [role="row"]:has([role="gridcell"])',
  jobs: '[role="grid"][aria-label="Backup jobs"] [role="row"]:has([role="gridcell"])',
  /** The instance's Primary Region fact list (its values come with the instance). */
  instance: 'dl[aria-label="Primary Region"] dd',
  /** The job's Summary facts. */
  job: 'dl[aria-label="Summary"] dd',
  /** The wizard's first step: a recovery point in the Secondary Region to choose. */
  wizard: '[role="radiogroup"] input[type="radio"]',
} as const;

/**
 * Waits until `selector` matches a visible element with text (or a radio), checking every
 * animation frame, and returns when it was first seen (ms since navigation start, the page's
 * `performance.now()`).
 */
export async function waitForFirstData(page: Page, selector: string, timeout = 30_000): Promise<number> {
  const handle = await page.waitForFunction(
    (css) => {
      const match = [...document.querySelectorAll(css)].find(
        (el) =>
          el.checkVisibility() &&
          (el instanceof HTMLInputElement || (el.textContent ?? '').trim().length > 0),
      );
      return match ? performance.now() : undefined;
    },
    selector,
    { polling: 'raf', timeout },
  );
  return (await handle.jsonValue()) as number;
}

/** ARM answers each call (not CORS preflights) `ms` later, like a far-away region would. */
export async function addArmLatency(context: BrowserContext, ms: () => number): Promise<void> {
  // Registered after FakeArm's route, so it runs first (Playwright tries the newest route first)
  // and hands the request on to FakeArm after the delay.
  await context.route(`${ARM_ENDPOINT}/**`, async (route) => {
    const delay = ms();
    if (route.request().method() !== 'OPTIONS' && delay > 0) {
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
    await route.fallback();
  });
}

/**
 * Signs in once through the fake Entra ID; later `page.goto`s in this tab are a returning user's
 * visits: MSAL's token cache (sessionStorage, per tab) is warm, so no Entra ID round trip.
 */
export async function signInAsReturningUser(page: Page): Promise<void> {
  await signIn(page, '/vaults', 'Backup vaults');
  await waitForFirstData(page, FIRST_DATA.vaults);
}

/** A resource the page fetched, from the Resource Timing API (same clock as Paint Timing). */
export interface Timed {
  url: string;
  startTime: number;
  responseEnd: number;
}

export async function resourceTimings(page: Page): Promise<Timed[]> {
  return page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => ({
      url: e.name,
      startTime: e.startTime,
      responseEnd: (e as PerformanceResourceTiming).responseEnd,
    })),
  );
}

/** Keeps the gzip size (node:zlib, level 9) of every JS and CSS body the page receives. */
export class ScriptSizes {
  /** URL → gzip bytes of what the browser received. */
  readonly gzip = new Map<string, number>();
  private readonly pending: Promise<void>[] = [];

  constructor(page: Page) {
    page.on('response', (response) => this.pending.push(this.record(response)));
  }

  private async record(response: Response): Promise<void> {
    const path = new URL(response.url()).pathname;
    if (!/\.(m?js|css)$/.test(path) || response.status() !== 200) return;
    const body = await response.body().catch(() => undefined);
    if (body) this.gzip.set(response.url(), gzipSync(body, { level: 9 }).length);
  }

  /** Waits for every body seen so far to be read. */
  async settled(): Promise<void> {
    await Promise.all(this.pending);
  }
}

export const kB = (bytes: number) => Math.round(bytes / 100) / 10;
export const fileName = (url: string) => new URL(url).pathname.split('/').pop() ?? url;
export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
};
