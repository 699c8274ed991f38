import { DEMO_INSTANCE_IDS, DEMO_RESTORE_TARGETS, DEMO_SUBSCRIPTIONS } from '../src/mocks/tenant/demo-tenant';
import { expect, test } from './fixtures';

// Screenshots for the README, made from the real app on the demo tenant. They are written to
// docs/screenshots only with UPDATE_SCREENSHOTS=1 so ordinary runs leave the work tree clean;
// the assertions run every time.
const write = process.env.UPDATE_SCREENSHOTS === '1';
const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;

test('README screenshots: Backup vaults and vault Properties', async ({ page }) => {
  await page.goto('/vaults');
  await expect(page.getByRole('link', { name: 'contoso-pg-vault' })).toBeVisible();
  // The last column is Backup instances: exactly 5 (not 15 or 50).
  const row = page.getByRole('row').filter({ hasText: 'contoso-pg-vault' });
  await expect(row.getByRole('gridcell').last()).toHaveText('5');
  if (write) await page.screenshot({ path: 'docs/screenshots/backup-vaults.png', animations: 'disabled' });

  await page.goto(
    `/vaults/${PROD}/rg-contoso-backup-weu/contoso-grs-vault/properties?panel=cross-region-restore`,
  );
  await expect(page.getByRole('dialog', { name: 'Cross Region Restore' })).toBeVisible();
  if (write)
    await page.screenshot({
      path: 'docs/screenshots/enable-cross-region-restore.png',
      animations: 'disabled',
    });
});

test('README screenshot: Backup instances in the Secondary Region', async ({ page }) => {
  await page.goto('/instances?region=secondary&type=Microsoft.DBforPostgreSQL%2Fservers%2Fdatabases');
  await expect(page.getByRole('status').filter({ hasText: /^4 backup instances$/ })).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Backup instances' }).getByRole('row')).toHaveCount(5);
  if (write)
    await page.screenshot({
      path: 'docs/screenshots/secondary-region-instances.png',
      animations: 'disabled',
    });
});

test('README screenshot: the permission check of Restore to secondary region', async ({ page }) => {
  const orders = DEMO_INSTANCE_IDS.ordersDb.split('/').pop() ?? '';
  const query = new URLSearchParams({
    step: 'parameters',
    server: DEMO_RESTORE_TARGETS.pgServerId,
    db: 'orders-db-drill-2',
    kv: DEMO_RESTORE_TARGETS.drillKeyVaultId,
    secret: 'pg-admin-credentials',
  });
  await page.goto(
    `/instances/${PROD}/rg-contoso-backup/contoso-pg-vault/${orders}/restore?${query.toString()}`,
  );
  await page.getByRole('button', { name: 'Next: Permissions' }).click();
  const row = page
    .getByRole('table', { name: 'Permissions the restore needs' })
    .getByRole('row', { name: /Key Vault Secrets User/ });
  await expect(row).toContainText('Missing');
  if (write)
    await page.screenshot({ path: 'docs/screenshots/restore-permissions.png', animations: 'disabled' });
});

test('README screenshot: Backup jobs of the Secondary Region', async ({ page }) => {
  await page.goto('/jobs?type=Microsoft.DBforPostgreSQL%2Fservers%2Fdatabases&region=secondary');
  await expect(page.getByText('4 Backup jobs', { exact: true })).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Backup jobs' })).toHaveAttribute('aria-rowcount', '5');
  if (write) await page.screenshot({ path: 'docs/screenshots/backup-jobs.png', animations: 'disabled' });
});
