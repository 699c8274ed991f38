import type { Page } from '@playwright/test';
import { DEMO_INSTANCE_IDS, DEMO_SUBSCRIPTIONS } from '../src/mocks/tenant/demo-tenant';
import { expect, expectAccessible, test } from './fixtures';

const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const instanceName = (id: string) => id.split('/').pop() ?? '';
/** The wizard of a backup instance of contoso-pg-vault. */
const wizardUrl = (instanceId: string, query = '') =>
  `/instances/${PROD}/rg-contoso-backup/contoso-pg-vault/${instanceName(instanceId)}/restore${query}`;

/** Counts the cross-region restore POSTs the page sends (across reloads). */
function countTriggers(page: Page): () => number {
  let count = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/locations\/[^/]+\/crossRegionRestore\?/.test(request.url()))
      count++;
  });
  return () => count;
}

async function next(page: Page, to: string) {
  await page.getByRole('button', { name: `Next: ${to}` }).click();
  await expect(page.getByRole('heading', { level: 2, name: to })).toBeVisible();
}

async function fillDatabaseTarget(
  page: Page,
  databaseName: string,
  keyVault = 'kv-restore-westus (West US)',
) {
  await expect(page.getByRole('radio', { name: 'Restore as database' })).toBeChecked();
  await page.getByLabel('Target server').selectOption({ label: 'pg-restore-westus' });
  await page.getByLabel('Database name').fill(databaseName);
  await page.getByLabel('Key vault').selectOption({ label: keyVault });
  await page.getByLabel('Secret').selectOption({ label: 'pg-admin-credentials' });
}

test('an admin restores orders-db as a database in the secondary region; the double-clicked Restore sends one request and the job runs to Completed', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const triggers = countTriggers(page);
  await page.goto(wizardUrl(DEMO_INSTANCE_IDS.ordersDb, '?scenario=quick-restore&restoreJobSeconds=6'));
  await expect(page.getByRole('heading', { level: 1, name: 'Restore to secondary region' })).toBeVisible();

  // Basics: source and target regions, the newest secondary point preselected.
  await expect(page.getByRole('heading', { level: 2, name: 'Basics' })).toBeVisible();
  await expect(page.getByLabel('Target region')).toHaveValue('West US (Secondary Region)');
  const points = page.getByRole('radiogroup').getByRole('radio');
  await expect(points.first()).toBeChecked();
  await expect(points.first()).toHaveAccessibleName(/· Vault tier$/);
  await expect(
    page.getByRole('radio', { name: /Archive tier \(needs rehydration\)/ }).first(),
  ).toBeDisabled();
  await expectAccessible(page);

  await next(page, 'Restore parameters');
  await fillDatabaseTarget(page, 'orders-db-drill-2');
  await expectAccessible(page);

  await next(page, 'Permissions');
  await expect(page.getByText('Permissions OK')).toBeVisible();
  const table = page.getByRole('table', { name: 'Permissions the restore needs' });
  await expect(table.getByRole('row', { name: /Key Vault Secrets User/ })).toContainText('Granted');
  await expectAccessible(page);

  await next(page, 'Review + restore');
  await expect(page.getByRole('definition').filter({ hasText: 'orders-db-drill-2' })).toBeVisible();
  const restore = page.getByRole('button', { name: 'Restore', exact: true });
  await expect(restore).toBeDisabled();
  await page.getByRole('button', { name: 'Validate' }).click();
  await expect(page.getByText('Validation succeeded')).toBeVisible({ timeout: 20_000 });
  await expectAccessible(page);
  await restore.dblclick();

  await expect(page.getByRole('heading', { level: 2, name: 'Restore submitted' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByLabel('Restore job')).toContainText('In progress');
  await expect(page.getByRole('table', { name: 'Sub-tasks' })).toContainText('Transfer data');
  await expectAccessible(page);
  await expect(page.getByLabel('Restore job')).toContainText('Completed', { timeout: 40_000 });
  await expect(page.getByRole('link', { name: 'Open the job in Backup Jobs' })).toHaveAttribute(
    'href',
    new RegExp(`^/jobs/secondary/${PROD}/rg-contoso-backup/contoso-pg-vault/[0-9a-f-]{36}$`),
  );
  expect(triggers()).toBe(1);
});
