// Section 4 of issue 13: ARM requests per user task, each beside the least the task's data needs.
//
// Counted on the production build in real mode with FakeArm (e2e/azure/fake-arm.ts) playing ARM
// through page.route: it records every request that reaches ARM's origin (preflights apart), in
// order, with its status, whatever the page's caches or a service worker do. In the demo build the
// msw service worker answers ARM's URLs inside the browser, where a count from Playwright's
// request events would depend on how Chromium reports service-worker fetches; FakeArm is exact and
// runs the same simulator, so the figures are the app's traffic, not the harness's.
import type { BrowserContext, Page } from '@playwright/test';
import { createTestServer, Tenant, type TestServer } from '../../src/mocks/node';
import { DAY, HOUR } from '../../src/mocks/tenant/clock';
import { addPgInstance, pgServer } from '../../src/mocks/tenant/pg-instances';
import { makeJob } from '../../src/mocks/tenant/schedule';
import { DEMO_SUBSCRIPTIONS } from '../../src/mocks/tenant/demo-tenant';
import { CONTOSO, expect, signIn, test } from '../../e2e/azure/fixtures';
import { FakeArm, type ArmExchange } from '../../e2e/azure/fake-arm';
import { recordFigures, type Figure } from '../lib/figures';

test.use({ baseURL: `http://localhost:${Number(process.env.BENCH_PORT ?? 4280) + 1}` });

const ARM = 'https://management.azure.com';
const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const figures: Figure[] = [];

/** ARM in Node for this page: the given simulator behind fake Entra ID's tokens. */
async function armFor(
  context: BrowserContext,
  entra: ConstructorParameters<typeof FakeArm>[1],
  sim: TestServer,
) {
  const arm = new FakeArm(ARM, entra).addDirectory(CONTOSO.tenantId, sim);
  await arm.install(context);
  return arm;
}

type Entra = ConstructorParameters<typeof FakeArm>[1];

/**
 * Waits until the count of ARM requests has not moved for `quietMs` (the task is over). FakeArm
 * records a request when it answers it, so a request in flight is counted once it lands.
 */
async function armIdle(arm: FakeArm, quietMs = 500): Promise<void> {
  let seen = -1;
  await expect
    .poll(
      () => {
        const now = arm.exchanges.length;
        const stable = now === seen;
        seen = now;
        return stable;
      },
      { intervals: [quietMs], timeout: 60_000 },
    )
    .toBe(true);
}

/** "GET …/backupVaults/{name}" with ids shortened, for the detail column. */
function kinds(exchanges: readonly ArmExchange[]): string {
  const counts = new Map<string, number>();
  for (const e of exchanges) {
    const path = new URL(e.url).pathname
      .replace(/\/subscriptions\/[^/]+/i, '')
      .replace(/\/resourceGroups\/[^/]+/i, '')
      .replace(/\/(backupVaults|backupInstances|servers|vaults|flexibleServers)\/[^/]+/gi, '/$1/…')
      .replace(
        /\/(operationStatus|operationResults|backupJobs|roleAssignments|secrets|locations)\/[^/]+/gi,
        '/$1/…',
      )
      .replace(/\/providers\/Microsoft\.[A-Za-z]+/gi, '');
    const key = `${e.method} ${path}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${n}× ${k}`).join('; ');
}

async function measure(arm: FakeArm, task: () => Promise<void>): Promise<ArmExchange[]> {
  await armIdle(arm);
  const from = arm.exchanges.length;
  await task();
  await armIdle(arm);
  return arm.exchanges.slice(from);
}

test('enable Cross Region Restore on a vault', async ({ page, context, entra }) => {
  const sim = createTestServer({ startAt: Date.now() });
  const arm = await armFor(context, entra, sim);
  await signIn(page, '/vaults', 'Backup vaults');
  await expect(page.getByRole('link', { name: 'contoso-grs-vault' })).toBeVisible();
  const sent = await measure(arm, async () => {
    await page.getByRole('link', { name: 'contoso-grs-vault' }).click();
    await page
      .getByRole('navigation', { name: 'Backup vault' })
      .getByRole('link', { name: 'Properties' })
      .click();
    const group = page.getByRole('group', { name: 'Cross Region Restore', exact: true });
    await group.getByRole('button', { name: 'Update Cross Region Restore' }).click();
    const panel = page.getByRole('dialog', { name: 'Cross Region Restore' });
    await panel.getByRole('radio', { name: 'Enable' }).check();
    await panel.getByRole('button', { name: 'Save' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Enable Cross Region Restore?' });
    await confirm.getByRole('checkbox', { name: /I understand/ }).check();
    await confirm.getByRole('button', { name: 'Enable Cross Region Restore' }).click();
    await expect(page.getByText('Cross Region Restore is enabled', { exact: true })).toBeVisible({
      timeout: 30_000,
    });
  });
  // The vault came with the list (0 reads); then the PATCH, the status polls the update's duration
  // needs (each poll is answered 2 s later in simulated time), and one GET of the updated vault.
  const polls = Math.ceil(sim.tenant.timings.vaultPatchMs / 2000);
  const minimum = 1 + polls + 1;
  figures.push({
    name: 'Enable Cross Region Restore (Backup vaults → vault → Properties)',
    value: sent.length,
    unit: 'requests',
    target: { text: `minimum ${minimum}` },
    detail: `minimum: PATCH + ${polls} status polls (a ${sim.tenant.timings.vaultPatchMs / 1000} s update) + GET of the updated vault; the vault itself came with the list. Sent: ${kinds(sent)}`,
  });
});

test('list Secondary Region instances', async ({ page, context, entra }) => {
  const sim = createTestServer({ startAt: Date.now() });
  const arm = await armFor(context, entra, sim);
  await signIn(page, '/instances', 'Backup instances');
  await expect(page.getByRole('grid', { name: 'Backup instances' })).toBeVisible();
  const sent = await measure(arm, async () => {
    await page.getByRole('combobox', { name: 'Instance Region' }).click();
    await page.getByRole('option', { name: 'Secondary Region', exact: true }).click();
    await expect(page.getByRole('link', { name: 'pg-contoso-prod/orders-db', exact: true })).toBeVisible();
  });
  figures.push({
    name: 'List Secondary Region instances (Instance Region = Secondary Region)',
    value: sent.length,
    unit: 'requests',
    target: { text: 'minimum 1' },
    detail: `minimum: one Resource Graph query (the secondary-region filter is server-side; under 1,000 rows is one page). Sent: ${kinds(sent)}`,
  });
});

test('restore as a database through the wizard, and the job appearing', async ({ page, context, entra }) => {
  const sim = createTestServer({
    startAt: Date.now(),
    scenarios: { names: ['quick-restore'], restoreJobSeconds: 60 },
  });
  const arm = await armFor(context, entra, sim);
  await signIn(page, '/instances?region=secondary', 'Backup instances');
  await page.getByRole('link', { name: 'pg-contoso-prod/orders-db', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'pg-contoso-prod/orders-db' })).toBeVisible();
  const sent = await measure(arm, async () => {
    await page.getByRole('link', { name: 'Restore to secondary region', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Basics' })).toBeVisible();
    await expect(page.getByRole('radiogroup').getByRole('radio').first()).toBeChecked();
    const next = async (to: string) => {
      await page.getByRole('button', { name: `Next: ${to}` }).click();
      await expect(page.getByRole('heading', { level: 2, name: to })).toBeVisible();
    };
    await next('Restore parameters');
    await page.getByLabel('Target server').selectOption({ label: 'pg-restore-westus' });
    await page.getByLabel('Database name').fill('orders-db-bench');
    await page.getByLabel('Key vault').selectOption({ label: 'kv-restore-westus (West US)' });
    await page.getByLabel('Secret').selectOption({ label: 'pg-admin-credentials' });
    await next('Permissions');
    await expect(page.getByText('Permissions OK')).toBeVisible();
    await next('Review + restore');
    await page.getByRole('button', { name: 'Validate' }).click();
    await expect(page.getByText('Validation succeeded')).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Restore submitted' })).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByLabel('Restore job')).toContainText('In progress');
  });
  const validatePolls = Math.ceil(sim.tenant.timings.validateMs / 2000);
  const triggerPolls = Math.ceil(sim.tenant.timings.crrTriggerMs / 2000);
  // What the data needs, each once: the secondary recovery points; the restore targets in the
  // secondary region (servers, key vaults: one Resource Graph query could hold both, so 1); the
  // chosen key vault's secrets; the vault identity's role assignments at the server and at the
  // key vault (2; built-in role definitions are known ids); validate + its polls; trigger + its
  // polls; the job (1).
  const minimum = 1 + 1 + 1 + 2 + (1 + validatePolls) + (1 + triggerPolls) + 1;
  figures.push({
    name: 'Restore to secondary region as a database (wizard to the job)',
    value: sent.length,
    unit: 'requests',
    target: { text: `minimum ${minimum}` },
    detail: `minimum: recovery points 1, targets 1, secrets 1, role assignments 2, validate 1 + ${validatePolls} polls, restore 1 + ${triggerPolls} polls, job 1. Sent: ${kinds(sent)}`,
  });
});

/** A tenant with one Cross Region Restore vault and `running` backup jobs in progress for hours. */
function runningJobsTenant(running: number): TestServer {
  return createTestServer({
    startAt: Date.now(),
    tenant: (clock) => {
      const t0 = clock.startedAt;
      const tenant = new Tenant({ seed: 99, clock, timings: { retryAfterSeconds: 0 } });
      tenant.addSubscription({
        subscriptionId: PROD,
        displayName: 'Contoso Production',
        tenantId: CONTOSO.tenantId,
        state: 'Enabled',
        quotaId: 'EnterpriseAgreement_2014-09-01',
      });
      tenant.addResourceGroup({ subscriptionId: PROD, name: 'rg-watch', location: 'eastus' });
      const vault = tenant.addVault({
        subscriptionId: PROD,
        resourceGroup: 'rg-watch',
        name: 'watch-vault',
        location: 'eastus',
        redundancy: 'GeoRedundant',
        crrState: 'Enabled',
        crrEnabledAt: t0 - 30 * DAY,
      });
      const server = pgServer(PROD, 'rg-watch', 'pg-watch', 'eastus', 'single', ['db']);
      // Daily backups 12 hours off the clock: none of them runs during the 5 minutes watched.
      const bi = addPgInstance(tenant, vault, server, 'db', t0 - 20 * DAY + 12 * HOUR, { min: 6, max: 30 });
      for (let i = 0; i < running; i++)
        vault.storedJobs.push(
          makeJob(bi, {
            name: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
            operation: 'Backup',
            startTime: t0 - (i + 1) * 60_000,
            durationMs: 6 * HOUR,
            finalStatus: 'Completed',
            isUserTriggered: true,
            dataBytes: 1e9,
          }),
        );
      return tenant;
    },
  });
}

const WATCH_MS = 5 * 60_000;
const STEP_MS = 5_000;

/** Opens Backup jobs with `running` jobs in progress and lets 5 simulated minutes pass. */
async function watchJobs(page: Page, context: BrowserContext, entra: Entra, running: number) {
  const sim = runningJobsTenant(running);
  const vault = [...sim.tenant.vaults.values()][0];
  if (!vault) throw new Error('no vault');
  expect(sim.tenant.listJobs(vault).filter((v) => v.status === 'InProgress')).toHaveLength(running);
  const arm = await armFor(context, entra, sim);
  // The page's timers run on Playwright's clock, so 5 simulated minutes pass in seconds; the
  // simulator's clock moves with it.
  await page.clock.install();
  await signIn(page, '/jobs', 'Backup jobs');
  await expect(page.getByText(/Refreshing every 10 s while jobs are in progress/)).toBeVisible();
  await armIdle(arm);
  await page.clock.pauseAt(Date.now() + 1000);
  const from = arm.exchanges.length;
  // Steps of half an interval: each round's timer is set when the previous round has answered.
  for (let t = 0; t < WATCH_MS; t += STEP_MS) {
    await page.clock.runFor(STEP_MS);
    sim.advance(STEP_MS);
    // A round's requests answer before the next simulated second (its next timer is set then).
    await armIdle(arm, 100);
  }
  await expect(page.getByRole('status').filter({ hasText: /Backup jobs?$/ })).toBeVisible();
  return arm.exchanges.slice(from);
}

const INTERVALS = WATCH_MS / 10_000;
let atOne: number | undefined;

for (const running of [1, 20]) {
  test(`watch ${running} running job${running === 1 ? '' : 's'} on Backup jobs for 5 simulated minutes`, async ({
    page,
    context,
    entra,
  }) => {
    const sent = await watchJobs(page, context, entra, running);
    const perInterval = sent.length / INTERVALS;
    if (running === 1) atOne = perInterval;
    figures.push({
      name: `Watch ${running} running job${running === 1 ? '' : 's'} for 5 simulated minutes: requests per 10 s refresh`,
      value: Math.round(perInterval * 100) / 100,
      unit: 'requests',
      target:
        running === 1
          ? { text: 'minimum 2' }
          : {
              max: atOne ?? 0,
              text: `≤ ${atOne === undefined ? '?' : atOne.toFixed(2)} (the figure at N = 1)`,
            },
      detail: `${sent.length} requests in ${INTERVALS} intervals; minimum per round: one Resource Graph query for the primary region + one fetchCrossRegionRestoreJobs per Cross Region Restore vault (1 here). Sent: ${kinds(sent)}`,
    });
  });
}

test('retries caused by injected 429s', async ({ page, context, entra }) => {
  const injected = 3;
  const sim = createTestServer({
    startAt: Date.now(),
    scenarios: { names: ['throttle'], throttleCount: injected, retryAfterSeconds: 1 },
  });
  const arm = await armFor(context, entra, sim);
  await signIn(page, '/vaults', 'Backup vaults');
  await expect(page.getByRole('link', { name: 'contoso-grs-vault' })).toBeVisible({ timeout: 30_000 });
  await armIdle(arm);
  const throttled = arm.exchanges.filter((e) => e.status === 429);
  // A retry is a request repeating (method and URL) one that was answered 429.
  const retries = arm.exchanges.filter((e, i) =>
    arm.exchanges.slice(0, i).some((p) => p.status === 429 && p.method === e.method && p.url === e.url),
  );
  expect(throttled).toHaveLength(injected);
  figures.push({
    name: 'Retried requests per injected 429 (Backup vaults, ?scenario=throttle&throttleCount=3&retryAfter=1)',
    value: retries.length,
    unit: 'requests',
    target: { text: `minimum ${throttled.length} (one per 429)` },
    detail: `${throttled.length} answered 429 with Retry-After 1 s: ${kinds(throttled)}; retried: ${kinds(retries)}; ${arm.exchanges.length} requests in all`,
  });
});

test.afterAll(() => {
  recordFigures('economy', { order: 4, title: 'ARM economy', figures });
});
