import type { Locator, Page } from '@playwright/test';
import { createManualClock } from '../src/mocks/tenant/clock';
import { createDemoTenant, DEMO_INSTANCE_IDS } from '../src/mocks/tenant/demo-tenant';
import type { Tenant } from '../src/mocks/tenant/tenant';
import { formatDuration } from '../src/lib/format';
import { expect, expectAccessible, test } from './fixtures';

/** The demo tenant as the tab builds it (times are relative to when the demo starts). */
function demoTenant(scale?: number): Tenant {
  return createDemoTenant({ clock: createManualClock(Date.now()), scale });
}

function instanceCount(tenant: Tenant): number {
  return [...tenant.vaults.values()].reduce((n, v) => n + tenant.listInstances(v).length, 0);
}

const count = (n: number) => new Intl.NumberFormat('en-US').format(n);

function grid(page: Page): Locator {
  return page.getByRole('grid', { name: 'Backup instances' });
}

/** The count line ("5 backup instances", "1,000 of 50,010 backup instances loaded…"). */
function countStatus(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: /^[\d,]+ (of [\d,…]+ )?backup instances?( loaded…)?$/ });
}

function instanceRow(page: Page, friendlyName: string): Locator {
  return grid(page)
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: friendlyName, exact: true }) });
}

/** The cell of `row` under the column header `header`. */
async function cell(page: Page, row: Locator, header: string): Promise<Locator> {
  await expect(grid(page).getByRole('columnheader', { name: header, exact: true })).toBeVisible();
  const headers = await grid(page).getByRole('columnheader').allInnerTexts();
  const index = headers.findIndex((h) => h.trim() === header);
  expect(index, `column ${header}`).toBeGreaterThanOrEqual(0);
  return row.getByRole('gridcell').nth(index);
}

/** Picks `option` in a dropdown (multi-select dropdowns list their options as menu item checkboxes). */
async function choose(page: Page, combobox: string, option: string) {
  await page.getByRole('combobox', { name: combobox }).click();
  await page
    .getByRole('option', { name: option, exact: true })
    .or(page.getByRole('menuitemcheckbox', { name: option, exact: true }))
    .click();
}

/** Age text of the newest secondary point of `instanceId`, allowing for the minute the test takes. */
function expectedAge(tenant: Tenant, instanceId: string): RegExp {
  const bi = tenant.getInstanceById(instanceId);
  const latest = bi ? tenant.secondaryRecoveryPoints(bi)[0]?.time : undefined;
  if (latest === undefined) throw new Error(`${instanceId} has no secondary recovery point in the demo`);
  const now = Date.now();
  const texts = [formatDuration(now - latest), formatDuration(now + 120_000 - latest)];
  return new RegExp(`^(${[...new Set(texts)].join('|')})$`);
}

async function expectTutorialView(page: Page, tenant: Tenant) {
  // contoso-pg-vault's single-server databases: orders, inventory, billing, reporting.
  await expect(countStatus(page)).toHaveText('4 backup instances');
  const orders = instanceRow(page, 'pg-contoso-prod/orders-db');
  await expect(await cell(page, orders, 'Secondary Region')).toHaveText('West US');
  await expect(await cell(page, orders, 'Age')).toHaveText(expectedAge(tenant, DEMO_INSTANCE_IDS.ordersDb));
  // The policy's own threshold (1 d 21 h) against the newest point that reached West US.
  const bi = tenant.getInstanceById(DEMO_INSTANCE_IDS.ordersDb);
  const latest = bi ? (tenant.secondaryRecoveryPoints(bi)[0]?.time ?? 0) : 0;
  await expect(await cell(page, orders, 'RPO state')).toHaveText(
    Date.now() - latest > 45 * 3_600_000 ? 'Overdue' : 'Within RPO',
  );
  const reporting = instanceRow(page, 'pg-contoso-prod/reporting-db');
  await expect(await cell(page, reporting, 'RPO state')).toHaveText('None replicated yet');
  await expect(await cell(page, reporting, 'Latest recovery point in Secondary Region')).toHaveText('—');
  await expect(instanceRow(page, 'analytics-flex')).toHaveCount(0);
}

test('support staff follow the tutorial: Instance Region = Secondary Region, PostgreSQL servers, from a pasted link', async ({
  page,
  context,
}) => {
  const tenant = demoTenant();
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Backup center' })
    .getByRole('link', { name: 'Backup instances' })
    .click();
  await expect(countStatus(page)).toHaveText(`${instanceCount(tenant)} backup instances`);

  await choose(page, 'Instance Region', 'Secondary Region');
  await choose(page, 'Datasource type', 'Azure Database for PostgreSQL servers');
  await page.keyboard.press('Escape');
  await expectTutorialView(page, tenant);
  // Vaults without Cross Region Restore are not listed, and the page says why.
  await expect(page.getByText('3 vaults are not listed', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Properties of contoso-grs-vault' })).toHaveAttribute(
    'href',
    /\/vaults\/.+\/contoso-grs-vault\/properties$/,
  );
  await expect(page).toHaveURL(/region=secondary/);
  await expectAccessible(page);

  // A pasted link reproduces the view in a new page.
  const pasted = await context.newPage();
  await pasted.goto(page.url());
  await expect(pasted.getByRole('combobox', { name: 'Instance Region' })).toHaveText('Secondary Region');
  await expectTutorialView(pasted, tenant);
});

test('the grid sorts by any column from its header, in the URL', async ({ page }) => {
  await page.goto('/instances?region=secondary');
  const header = grid(page).getByRole('columnheader', { name: 'RPO state' });
  await expect(header).toHaveAttribute('aria-sort', 'none');
  await header.click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expect(page).toHaveURL(/sort=rpo&dir=ascending/);
  await expect(grid(page).getByRole('row').nth(1)).toContainText('None replicated yet');
  await header.click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect(grid(page).getByRole('columnheader', { name: 'Backup instance' })).toHaveAttribute(
    'aria-sort',
    'none',
  );
});

test('an instance page shows both regions, their protection and freshness, and offers Restore to secondary region where Azure allows it', async ({
  page,
}) => {
  await page.goto('/instances?region=secondary');
  const orders = instanceRow(page, 'pg-contoso-prod/orders-db');
  await orders.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'pg-contoso-prod/orders-db' })).toBeVisible();
  const primary = page.getByRole('region', { name: 'Primary Region' });
  const secondary = page.getByRole('region', { name: 'Secondary Region' });
  await expect(primary.getByRole('definition').first()).toHaveText('East US');
  await expect(secondary.getByRole('definition').first()).toHaveText('West US');
  await expect(secondary).toContainText('1 d 21 h (from the backup policy)');
  const restore = page.getByRole('link', { name: 'Restore to secondary region', exact: true });
  await expect(restore).toHaveAttribute('href', /\/instances\/.+\/restore$/);
  await expectAccessible(page);

  // An instance of a vault without Cross Region Restore says why, with a way to its Properties.
  await page.goto('/instances?q=orders-dev');
  await page.getByRole('link', { name: 'pg-contoso-dev/orders-dev', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Secondary Region' })).toContainText(
    'Not protected in a Secondary Region',
  );
  await expect(page.getByRole('button', { name: 'Restore to secondary region' })).toHaveAccessibleDescription(
    /Cross Region Restore is not enabled on its vault contoso-lrs-vault/,
  );
});

test.describe('without Resource Graph', () => {
  test.use({ expectedHttpErrors: [403, 404] });

  test('Resource Graph refused: a notice says what is missing and every vault is listed directly', async ({
    page,
  }) => {
    const tenant = demoTenant();
    await page.goto('/instances?scenario=resource-graph-forbidden');
    const notice = page.getByRole('status').filter({
      hasText: 'Azure Resource Graph is not available: backup instances are listed vault by vault',
    });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('AuthorizationFailed');
    await expect(notice).toContainText('4 of 4 vaults listed');
    await expect(countStatus(page)).toHaveText(`${instanceCount(tenant)} backup instances`);
    await choose(page, 'Instance Region', 'Secondary Region');
    await expect(await cell(page, instanceRow(page, 'pg-contoso-prod/orders-db'), 'RPO state')).toHaveText(
      'Unknown without Resource Graph',
    );
  });

  test('one vault failing is a warning while the other vaults are listed', async ({ page }) => {
    const tenant = demoTenant();
    const gone = [...tenant.vaults.values()].find((v) => v.name === 'contoso-pg-vault');
    await page.goto('/instances?scenario=resource-graph-forbidden,vault-gone&goneVault=contoso-pg-vault');
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: 'Backup instances of contoso-pg-vault could not be listed' }),
    ).toContainText('ResourceNotFound');
    await expect(countStatus(page)).toHaveText(
      `${instanceCount(tenant) - (gone ? tenant.listInstances(gone).length : 0)} backup instances`,
    );
    await expect(instanceRow(page, 'pg-contoso-weu/customers-db')).toBeVisible();
  });
});

test('at ?scale=50000 every instance arrives, a search narrows it and the last row scrolls into view', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const tenant = demoTenant(50_000);
  const total = instanceCount(tenant);
  expect(total).toBeGreaterThanOrEqual(50_000);
  await page.goto('/instances?scale=50000');
  // Page one is on screen while later pages load, with the count so far.
  await expect(countStatus(page)).toHaveText(
    new RegExp(`^[\\d,]+ of ${count(total)} backup instances loaded…$`),
    {
      timeout: 60_000,
    },
  );
  await expect(grid(page).getByRole('row').nth(1)).toBeVisible();
  await expect(countStatus(page)).toHaveText(`${count(total)} backup instances`, { timeout: 150_000 });
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(total + 1));

  // A client-side search narrows the loaded rows without a new query.
  const vault = [...tenant.vaults.values()].find((v) => v.name === 'bv-scale-002-03');
  if (!vault) throw new Error('the bulk tenant has no bv-scale-002-03');
  await page.getByRole('textbox', { name: 'Search' }).fill('bv-scale-002-03');
  await expect(countStatus(page)).toHaveText(
    `${count(tenant.listInstances(vault).length)} of ${count(total)} backup instances`,
  );
  await page.getByRole('button', { name: 'Clear all' }).click();
  await expect(countStatus(page)).toHaveText(`${count(total)} backup instances`);

  // The last row in the default order (instance name, ascending).
  const names = [...tenant.vaults.values()]
    .flatMap((v) => tenant.listInstances(v))
    .map((bi) => ({ name: bi.friendlyName.toLowerCase(), key: bi.id.toLowerCase(), shown: bi.friendlyName }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.key < b.key ? -1 : 1));
  const last = names.at(-1)?.shown ?? '';
  await grid(page).getByRole('row').nth(1).focus();
  await page.keyboard.press('End');
  const lastRow = instanceRow(page, last);
  await expect(lastRow).toBeInViewport();
  await expect(lastRow).toHaveAttribute('aria-rowindex', String(total + 1));
  await expect(lastRow).toBeFocused();
});
