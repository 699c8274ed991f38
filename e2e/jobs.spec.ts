import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import Papa from 'papaparse';
import { DEMO_INSTANCE_IDS, DEMO_SUBSCRIPTIONS } from '../src/mocks/tenant/demo-tenant';
import { expect, expectAccessible, test } from './fixtures';

const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;

function grid(page: Page): Locator {
  return page.getByRole('grid', { name: 'Backup jobs' });
}

/** Body rows of the grid (the header row has no gridcell). */
function jobRows(page: Page): Locator {
  return grid(page)
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell') });
}

function jobRow(page: Page, ...texts: string[]): Locator {
  let rows = jobRows(page);
  for (const text of texts) rows = rows.filter({ hasText: text });
  return rows;
}

/** Waits until every list has answered (the count no longer says "so far"). */
async function loaded(page: Page) {
  await expect(page.getByText(/^[\d,]+ (of [\d,]+ )?Backup jobs?$/)).toBeVisible({ timeout: 15_000 });
}

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(page.getByRole('combobox', { name: label })).toHaveText(option);
}

/** The grid's rows as [instance, operation, status, region] (all rendered when they fit). */
async function gridRows(page: Page): Promise<string[][]> {
  return jobRows(page).evaluateAll((rows) =>
    rows.map((row) => {
      const cells = [...row.querySelectorAll('[role="gridcell"]')].map((c) => c.textContent?.trim() ?? '');
      return [cells[0] ?? '', cells[2] ?? '', cells[3] ?? '', cells[8] ?? ''];
    }),
  );
}

test('support staff follow the tutorial: PostgreSQL jobs in the Secondary Region, then one restore in detail', async ({
  page,
}) => {
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Backup center' })
    .getByRole('link', { name: 'Backup jobs' })
    .click();
  await expect(grid(page)).toBeVisible();
  await choose(page, 'Workload type', 'Azure Database for PostgreSQL servers');
  await choose(page, 'Instance Region', 'Secondary Region');
  await expect(page).toHaveURL(/type=Microsoft\.DBforPostgreSQL%2Fservers%2Fdatabases/);
  await expect(page).toHaveURL(/region=secondary/);

  // The cross-region restores of single-server databases in the last 7 days (the flexible server's
  // restore as files is another workload type).
  await expect(page.getByText('4 Backup jobs', { exact: true })).toBeVisible();
  // Grid semantics survive virtualisation: every row is counted, each rendered row says where it is.
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '5');
  await expect(jobRows(page).first()).toHaveAttribute('aria-rowindex', '2');
  await expect(grid(page).getByRole('columnheader', { name: 'Start time' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  // Up and Down move between rows; Enter opens the job.
  await jobRows(page).first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(jobRows(page).nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(jobRows(page).first()).toBeFocused();
  const rows = await gridRows(page);
  expect(rows).toHaveLength(4);
  expect(
    rows.every(
      ([, operation, , region]) => operation === 'Cross Region Restore' && region === 'Secondary Region',
    ),
  ).toBe(true);
  expect(rows.map(([instance]) => instance).sort()).toEqual([
    'pg-contoso-prod/billing-db',
    'pg-contoso-prod/inventory-db',
    'pg-contoso-prod/orders-db',
    'pg-contoso-prod/orders-db',
  ]);

  const done = jobRow(page, 'pg-contoso-prod/orders-db', 'Completed');
  await done.getByRole('link').click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Cross Region Restore of pg-contoso-prod/orders-db' }),
  ).toBeVisible();
  await expect(page).toHaveURL(
    new RegExp(`/jobs/secondary/${PROD}/rg-contoso-backup/contoso-pg-vault/[0-9a-f-]{36}$`),
  );
  const summary = page.getByRole('definition').filter({ hasText: 'Secondary Region' });
  await expect(summary).toHaveText('Secondary Region (West US)');
  const target = page.getByRole('region', { name: 'Source and target' });
  await expect(target).toContainText(/Target server\s*pg-restore-westus/);
  await expect(target).toContainText(/Target database\s*orders-db-drill/);
  // The restored point was hours old when the restore started (replication lags 6 to 30 hours).
  await expect(page.getByRole('region', { name: 'Achieved recovery' })).toContainText(
    /Achieved RPO\s*(\d+ h( \d+ min)?|1 d( \d+ h)?) \(age of the recovery point when the restore started\)/,
  );
  await expect(page.getByRole('region', { name: 'Achieved recovery' })).toContainText('14 min 0 s');

  const tasks = page.getByRole('table', { name: 'Sub-tasks' });
  await expect(tasks.getByRole('row')).toHaveCount(4);
  for (const task of ['Trigger Restore', 'Transfer data', 'Restore database']) {
    await expect(tasks.getByRole('row', { name: new RegExp(`^${task} Completed`) })).toBeVisible();
  }

  const ids = page.getByRole('region', { name: 'Ids for support' });
  for (const label of ['Job id', 'Activity id', 'Request id', 'Correlation id']) {
    await expect(ids.getByRole('button', { name: `Copy ${label}` })).toBeVisible();
  }
  await expect(ids).toContainText(/Request id\s*[0-9a-f-]{36}/);
  await expect(ids).toContainText(/Activity id\s*[0-9a-f-]{36}/);
  await expectAccessible(page);
});

test('an in-progress cross-region restore reaches Completed without a reload', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/jobs?region=secondary');
  const restore = jobRow(page, 'pg-contoso-prod/inventory-db', 'Cross Region Restore');
  await expect(restore).toContainText('In progress');
  await expect(page.getByText(/Refreshing every 10 s while jobs are in progress\./)).toBeVisible();
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
  // The simulated restore ends 15 s after the demo opened; the page polls every 10 s.
  await expect(restore).toContainText('Completed', { timeout: 60_000 });
  await expect(page.getByRole('button', { name: /^Completed: / })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
});

test('a failed restore shows its code, what it means and the next step', async ({ page }) => {
  await page.goto('/jobs?region=secondary&range=14d&status=Failed');
  await expect(page.getByRole('combobox', { name: 'Time range' })).toHaveText('Last 14 days');
  await expect(jobRows(page)).toHaveCount(2);
  await jobRow(page, 'pg-contoso-prod/inventory-db').getByRole('link').click();
  const errors = page.getByRole('region', { name: 'Errors' });
  await expect(errors).toContainText("The vault's managed identity is missing permissions");
  await expect(errors.getByRole('definition').first()).toHaveText('UserErrorMSIMissingPermissions');
  await expect(errors).toContainText(
    "Give the Backup vault's managed identity Reader on the PostgreSQL server, Key Vault Secrets User on the key vault and Storage Blob Data Contributor on the target storage account, then try again.",
  );
  await expect(errors).toContainText('Azure recommends');
  const tasks = page.getByRole('table', { name: 'Sub-tasks' });
  await expect(tasks.getByRole('row', { name: /^Transfer data Failed/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Achieved recovery' })).toContainText(
    'Achieved restore time',
  );
});

test('the URL reproduces the filters, the sort and the details page', async ({ page, context }) => {
  await page.goto('/jobs');
  await loaded(page);
  await choose(page, 'Instance Region', 'Primary Region');
  await choose(page, 'Vault', 'contoso-pg-vault');
  await choose(page, 'Time range', 'Last 14 days');
  await page.getByRole('button', { name: /^Failed: / }).click();
  await grid(page).getByRole('columnheader', { name: 'Backup instance' }).click();
  await expect(grid(page).getByRole('columnheader', { name: 'Backup instance' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await loaded(page);
  const rows = await gridRows(page);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every(([, , status]) => status === 'Failed')).toBe(true);

  const other = await context.newPage();
  await other.goto(page.url());
  await loaded(other);
  await expect(other.getByRole('combobox', { name: 'Instance Region' })).toHaveText('Primary Region');
  await expect(other.getByRole('combobox', { name: 'Vault' })).toHaveText('contoso-pg-vault');
  await expect(other.getByRole('combobox', { name: 'Time range' })).toHaveText('Last 14 days');
  await expect(other.getByRole('button', { name: /^Failed: / })).toHaveAttribute('aria-pressed', 'true');
  await expect(grid(other).getByRole('columnheader', { name: 'Backup instance' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await expect.poll(() => gridRows(other)).toEqual(rows);

  await jobRows(page).first().getByRole('link').click();
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(/^(Backup|Restore) of /);
  const title = await heading.textContent();
  await other.goto(page.url());
  await expect(other.getByRole('heading', { level: 1 })).toHaveText(title ?? '');
  await expect(other.getByRole('region', { name: 'Errors' })).toBeVisible();
});

test('Export to CSV holds exactly the filtered rows', async ({ page }) => {
  await page.goto('/jobs?range=14d&status=Failed');
  await loaded(page);
  const shown = await gridRows(page);
  const tile = await page.getByRole('button', { name: /^Failed: / }).getAttribute('aria-label');
  expect(shown.length).toBe(Number(tile?.replace('Failed: ', '')));
  expect(shown.length).toBeGreaterThan(2);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export to CSV' }).click();
  const file = await (await download).path();
  const parsed = Papa.parse<string[]>(readFileSync(file, 'utf8').trim());
  const [header, ...data] = parsed.data;
  expect(header?.slice(0, 4)).toEqual(['Backup instance', 'Datasource type', 'Operation', 'Status']);
  expect(header).toContain('Instance Region');
  expect(data.map((r) => [r[0], r[2], r[3], r[9]])).toEqual(shown);
  expect(data.every((r) => r[10]?.startsWith('UserError'))).toBe(true);
});

test('status tiles count the jobs and filter the grid', async ({ page }) => {
  await page.goto('/jobs');
  await loaded(page);
  const failed = page.getByRole('button', { name: /^Failed: \d+$/ });
  await expect(failed).toHaveAttribute('aria-pressed', 'false');
  const count = Number((await failed.getAttribute('aria-label'))?.split(': ')[1]);
  await failed.click();
  await expect(page).toHaveURL(/status=Failed/);
  await expect(failed).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveText('Failed');
  await expect(jobRows(page)).toHaveCount(count);
  expect((await gridRows(page)).every(([, , status]) => status === 'Failed')).toBe(true);
  await failed.click();
  await expect(page).not.toHaveURL(/status=/);
});

test('the jobs-per-day chart loads on demand, with a table for screen readers', async ({ page }) => {
  await page.goto('/jobs?region=secondary&range=14d');
  await expect(grid(page)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Jobs per day by status' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Show chart' }).click();
  await expect(page).toHaveURL(/chart=1/);
  await expect(page.getByRole('img', { name: /Chart of jobs per day by status/ })).toBeVisible();
  const table = page.getByRole('table', { name: 'Jobs per day by status' });
  await expect(table.getByRole('columnheader', { name: 'Failed' })).toHaveCount(1);
  // 15 days (today and the 14 before), each a row, plus the header.
  await expect(table.getByRole('row')).toHaveCount(16);
  await expectAccessible(page);
});

test('a restore started in the wizard appears in Backup jobs, and the wizard links to its details', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/jobs?region=secondary');
  await loaded(page);
  await expect(jobRows(page)).toHaveCount(5);

  const orders = DEMO_INSTANCE_IDS.ordersDb.split('/').pop() ?? '';
  await page.goto(`/instances/${PROD}/rg-contoso-backup/contoso-pg-vault/${orders}/restore`);
  await expect(page.getByRole('heading', { level: 2, name: 'Basics' })).toBeVisible();
  await page.getByRole('button', { name: 'Next: Restore parameters' }).click();
  await page.getByLabel('Target server').selectOption({ label: 'pg-restore-westus' });
  await page.getByLabel('Database name').fill('orders-db-e2e');
  await page.getByLabel('Key vault').selectOption({ label: 'kv-restore-westus (West US)' });
  await page.getByLabel('Secret').selectOption({ label: 'pg-admin-credentials' });
  await page.getByRole('button', { name: 'Next: Permissions' }).click();
  await expect(page.getByText('Permissions OK')).toBeVisible();
  await page.getByRole('button', { name: 'Next: Review + restore' }).click();
  await page.getByRole('button', { name: 'Validate' }).click();
  await expect(page.getByText('Validation succeeded')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Restore submitted' })).toBeVisible({
    timeout: 20_000,
  });

  await page.getByRole('link', { name: 'Open the job in Backup Jobs' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Cross Region Restore of pg-contoso-prod/orders-db' }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Source and target' })).toContainText(
    /Target database\s*orders-db-e2e/,
  );
  await expect(page.getByRole('progressbar', { name: 'Job progress' })).toBeVisible();

  await page.getByRole('link', { name: 'Backup jobs' }).first().click();
  await choose(page, 'Instance Region', 'Secondary Region');
  await loaded(page);
  await expect(jobRows(page)).toHaveCount(6);
  await expect(jobRow(page, 'pg-contoso-prod/orders-db', 'In progress')).toHaveCount(1);
});

test.describe(() => {
  test.use({ expectedHttpErrors: [403, 404] });

  test('without Resource Graph the jobs are listed vault by vault, and a failing vault is named while the others list', async ({
    page,
  }) => {
    await page.goto(
      '/jobs?region=primary&scenario=resource-graph-forbidden,vault-gone&goneVault=contoso-grs-vault',
    );
    await loaded(page);
    const fallback = page.getByRole('status').filter({ hasText: 'Azure Resource Graph is not available' });
    await expect(fallback).toContainText('Backup jobs are listed vault by vault');
    await expect(fallback.getByRole('definition').first()).toHaveText('AuthorizationFailed');
    const vault = page.getByRole('status').filter({ hasText: 'Jobs of contoso-grs-vault' });
    await expect(vault).toContainText('Jobs of contoso-grs-vault in the Primary Region could not be loaded');
    await expect(vault).toContainText('The other vaults are listed.');
    await expect(vault.getByRole('definition').first()).toHaveText('ResourceNotFound');
    await expect(jobRow(page, 'contoso-pg-vault').first()).toBeVisible();
    await expect(jobRow(page, 'contoso-grs-vault')).toHaveCount(0);
  });
});

// The list page is scanned with its data in both themes by shell.spec.ts; here a running job's details.
test('a running job has no serious accessibility violations (dark theme)', async ({ page }) => {
  await page.goto('/jobs?region=secondary');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
  await jobRow(page, 'pg-contoso-prod/billing-db', 'In progress').getByRole('link').click();
  await expect(page.getByRole('progressbar', { name: 'Job progress' })).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Sub-tasks' }).getByRole('row', { name: /^Transfer data In progress/ }),
  ).toBeVisible();
  await expectAccessible(page);
});
