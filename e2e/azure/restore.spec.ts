import { DEMO_INSTANCE_IDS, DEMO_SUBSCRIPTIONS } from '../../src/mocks/tenant/demo-tenant';
import { azureTest as test, expect, signIn } from './fixtures';

const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const ORDERS = DEMO_INSTANCE_IDS.ordersDb.split('/').pop() ?? '';
const WIZARD = `/instances/${PROD}/rg-contoso-backup/contoso-pg-vault/${ORDERS}/restore`;

test('the restore wizard keeps its values through a re-sign-in (they are in the URL) and validates afterwards', async ({
  page,
  entra,
  arm,
  appPath,
  allowConsoleError,
}) => {
  allowConsoleError(/status of 40[01]/);
  await signIn(page, appPath(`${WIZARD}?step=parameters`), 'Restore to secondary region');
  await page.getByLabel('Target server').selectOption({ label: 'pg-restore-westus' });
  await page.getByLabel('Database name').fill('orders-db-signin');
  await page.getByLabel('Key vault').selectOption({ label: 'kv-restore-westus (West US)' });
  await page.getByLabel('Secret').selectOption({ label: 'pg-admin-credentials' });
  await page.getByRole('button', { name: 'Next: Permissions' }).click();
  await expect(page.getByText('Permissions OK')).toBeVisible();
  await page.getByRole('button', { name: 'Next: Review + restore' }).click();

  // The token expired and Entra ID now wants the user: validation cannot be sent.
  entra.expireAccessTokens();
  entra.refreshNeedsInteraction = true;
  await page.getByRole('button', { name: 'Validate' }).click();
  const error = page.getByRole('alert').filter({ hasText: 'Validation failed' });
  await expect(error.getByRole('definition').first()).toHaveText('AuthenticationRequired');
  const taskUrl = page.url();

  entra.refreshNeedsInteraction = false;
  await error.getByRole('button', { name: 'Sign in again' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Review + restore' })).toBeVisible();
  expect(page.url()).toBe(taskUrl);
  await expect(page.getByRole('definition').filter({ hasText: 'orders-db-signin' })).toBeVisible();
  await page.getByRole('button', { name: 'Validate' }).click();
  await expect(page.getByText('Validation succeeded')).toBeVisible({ timeout: 30_000 });
  const validations = arm.exchanges.filter(
    (e) => e.method === 'POST' && e.url.includes('/validateCrossRegionRestore'),
  );
  expect(validations.map((e) => e.status)).toEqual([401, 202]);
});
