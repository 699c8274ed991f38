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

test('following the tutorial, an admin restores orders-db as a database in the secondary region; the double-clicked Restore sends one request and the job runs to Completed', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const triggers = countTriggers(page);
  // As the tutorial reads: Backup instances, Instance Region = Secondary Region, orders-db.
  await page.goto('/?scenario=quick-restore&restoreJobSeconds=6');
  await page
    .getByRole('navigation', { name: 'Backup center' })
    .getByRole('link', { name: 'Backup instances' })
    .click();
  await page.getByRole('combobox', { name: 'Instance Region' }).click();
  await page.getByRole('option', { name: 'Secondary Region', exact: true }).click();
  await expect(page).toHaveURL(/region=secondary/);
  await page.getByRole('link', { name: 'pg-contoso-prod/orders-db', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'pg-contoso-prod/orders-db' })).toBeVisible();
  await page.getByRole('link', { name: 'Restore to secondary region', exact: true }).click();
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

test('restore as files to strestorewestus/restores; Enter held on Restore sends one request', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const triggers = countTriggers(page);
  await page.goto(wizardUrl(DEMO_INSTANCE_IDS.ordersDb, '?scenario=quick-restore&restoreJobSeconds=4'));
  await next(page, 'Restore parameters');
  await page.getByRole('radio', { name: 'Restore as files' }).check();
  await expect(page.getByLabel('Storage account')).toBeVisible();
  // Storage accounts outside the Secondary Region are not offered, and it says so.
  await expect(page.getByText(/1 storage account in another region is not listed/)).toBeVisible();
  await page.getByLabel('Storage account').selectOption({ label: 'strestorewestus' });
  await page.getByLabel('Container').selectOption({ label: 'restores' });
  await page.getByLabel('File name prefix').fill('orders-db-drill');
  await expectAccessible(page);
  await next(page, 'Permissions');
  await expect(
    page
      .getByRole('table', { name: 'Permissions the restore needs' })
      .getByRole('row', { name: /Storage Blob Data Contributor/ }),
  ).toContainText('Granted');
  await next(page, 'Review + restore');
  await expect(page.getByRole('definition').filter({ hasText: 'strestorewestus' })).toBeVisible();
  await page.getByRole('button', { name: 'Validate' }).click();
  await expect(page.getByText('Validation succeeded')).toBeVisible({ timeout: 20_000 });
  const restore = page.getByRole('button', { name: 'Restore', exact: true });
  await restore.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Restore submitted' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByLabel('Restore job')).toContainText(
    'https://strestorewestus.blob.core.windows.net/restores',
  );
  await expect(page.getByRole('table', { name: 'Sub-tasks' })).toContainText('Write files');
  await expect(page.getByLabel('Restore job')).toContainText('Completed', { timeout: 40_000 });
  // Back goes to the review, where the sent restore cannot be sent again.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 2, name: 'Review + restore' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Restore', exact: true })).toBeDisabled();
  expect(triggers()).toBe(1);
});

test('a database name already in use fails validation, with the explanation on the field; the values survive', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto(wizardUrl(DEMO_INSTANCE_IDS.ordersDb));
  await next(page, 'Restore parameters');
  await fillDatabaseTarget(page, 'orders-db-drill');
  await next(page, 'Permissions');
  await next(page, 'Review + restore');
  await page.getByRole('button', { name: 'Validate' }).click();
  const problem = page.getByRole('note', { name: 'Database name: problem' });
  await expect(problem).toHaveText(
    'A database with that name already exists. A restore cannot overwrite an existing database. Choose another database name or another target server. (UserErrorDatabaseNameAlreadyInUse)',
    { timeout: 20_000 },
  );
  // The raw code, message and request id too.
  const details = page.getByRole('alert').filter({ hasText: 'Validation failed' });
  await expect(details).toContainText('UserErrorDatabaseNameAlreadyInUse');
  await expect(details).toContainText(
    "A database named 'orders-db-drill' already exists on the target server 'pg-restore-westus'.",
  );
  await expect(details.getByText('Request id')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Restore', exact: true })).toBeDisabled();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Change database name' }).click();
  const field = page.getByLabel('Database name');
  await expect(field).toHaveValue('orders-db-drill');
  await expect(page.getByText(/A database with that name already exists\./)).toBeVisible();
  // A reload keeps every value (they live in the URL).
  await page.reload();
  await expect(page.getByLabel('Database name')).toHaveValue('orders-db-drill');
  await expect(page.getByLabel('Target server')).toHaveValue(/pg-restore-westus$/);
  await page.getByLabel('Database name').fill('orders-db-drill-3');
  await expect(page.getByText(/A database with that name already exists\./)).toBeHidden();
});

test('the permission check finds the vault identity lacking Key Vault Secrets User, grants it after confirmation, and the restore then validates', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto(wizardUrl(DEMO_INSTANCE_IDS.ordersDb));
  await next(page, 'Restore parameters');
  await fillDatabaseTarget(page, 'orders-db-drill-4', 'kv-drill-westus (West US)');
  await next(page, 'Permissions');
  const row = page
    .getByRole('table', { name: 'Permissions the restore needs' })
    .getByRole('row', { name: /Key Vault Secrets User/ });
  await expect(row).toContainText('Missing');
  await expect(row).toContainText('key vault kv-drill-westus');
  await expectAccessible(page);
  await row.getByRole('button', { name: 'Grant Key Vault Secrets User' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Grant Key Vault Secrets User?' });
  await expect(confirm).toContainText(
    'the built-in role Key Vault Secrets User on the key vault kv-drill-westus',
  );
  await expect(confirm).toContainText(
    `/subscriptions/${PROD}/resourceGroups/rg-contoso-restore-westus/providers/Microsoft.KeyVault/vaults/kv-drill-westus`,
  );
  await expect(confirm).toContainText('4633458b-17de-408a-b874-0445c86b69e6');
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Grant Key Vault Secrets User' }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText('Granted');
  await expect(page.getByText('Permissions OK')).toBeVisible();

  await next(page, 'Review + restore');
  await page.getByRole('button', { name: 'Validate' }).click();
  await expect(page.getByText('Validation succeeded')).toBeVisible({ timeout: 20_000 });
});

test.describe('when Azure refuses', () => {
  test.use({ expectedHttpErrors: [403] });

  test('403 on the trigger: the error with the missing action, nothing pending, Restore can be sent again', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const triggers = countTriggers(page);
    await page.goto(
      wizardUrl(
        DEMO_INSTANCE_IDS.ordersDb,
        '?scenario=forbidden&forbiddenAction=Microsoft.DataProtection/locations/crossRegionRestore/action',
      ),
    );
    await next(page, 'Restore parameters');
    await fillDatabaseTarget(page, 'orders-db-drill-5');
    await next(page, 'Permissions');
    await next(page, 'Review + restore');
    await page.getByRole('button', { name: 'Validate' }).click();
    await expect(page.getByText('Validation succeeded')).toBeVisible({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    const error = page.getByRole('alert').filter({ hasText: 'The restore could not be started' });
    await expect(error).toContainText('AuthorizationFailed');
    await expect(error).toContainText(
      'Your account lacks the permission Microsoft.DataProtection/locations/crossRegionRestore/action.',
    );
    await expect(error.getByRole('button', { name: 'Retry' })).toHaveCount(0);
    await expectAccessible(page);
    await expect(page.getByRole('button', { name: 'Restore', exact: true })).toBeEnabled();
    expect(triggers()).toBe(1);
  });

  test('403 on the permission check itself: it says the check could not be done and lets the user go on', async ({
    page,
  }) => {
    await page.goto(
      wizardUrl(
        DEMO_INSTANCE_IDS.ordersDb,
        '?scenario=forbidden&forbiddenAction=Microsoft.Authorization/roleAssignments/read',
      ),
    );
    await next(page, 'Restore parameters');
    await fillDatabaseTarget(page, 'orders-db-drill-6');
    await next(page, 'Permissions');
    await expect(page.getByText('Some permissions could not be checked')).toBeVisible();
    const rows = page.getByRole('table', { name: 'Permissions the restore needs' });
    await expect(rows.getByRole('row', { name: /Reader/ })).toContainText('Not checked');
    await expect(
      page.getByRole('alert').filter({ hasText: 'The check could not be done' }).first(),
    ).toContainText(
      "does not have authorization to perform action 'Microsoft.Authorization/roleAssignments/read'",
    );
    await expectAccessible(page);
    await next(page, 'Review + restore');
  });
});

test('a reload during the restore resumes following it, without a second trigger', async ({ page }) => {
  test.setTimeout(120_000);
  const triggers = countTriggers(page);
  await page.goto(
    wizardUrl(DEMO_INSTANCE_IDS.ordersDb, '?scenario=slow,quick-restore&latency=1500&restoreJobSeconds=4'),
  );
  await next(page, 'Restore parameters');
  await fillDatabaseTarget(page, 'orders-db-drill-7');
  await next(page, 'Permissions');
  await next(page, 'Review + restore');
  await page.getByRole('button', { name: 'Validate' }).click();
  await expect(page.getByText('Validation succeeded')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  // Azure has accepted it (its operation URL is stored) and the first poll has answered.
  await expect(page.getByText(/Azure accepted the restore; it reports:/)).toBeVisible({ timeout: 20_000 });
  await page.reload();
  await expect(
    page.getByRole('heading', { level: 2, name: /Restore in progress|Restore submitted/ }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Restore submitted' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByLabel('Restore job')).toContainText('Completed', { timeout: 40_000 });
  expect(triggers()).toBe(1);
});

test('a reload before Azure answered: the restore is not sent again, the page says it may have started and looks for it', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const triggers = countTriggers(page);
  await page.goto(wizardUrl(DEMO_INSTANCE_IDS.ordersDb, '?scenario=slow&latency=1500'));
  await next(page, 'Restore parameters');
  await fillDatabaseTarget(page, 'orders-db-drill-8');
  await next(page, 'Permissions');
  await next(page, 'Review + restore');
  await page.getByRole('button', { name: 'Validate' }).click();
  await expect(page.getByText('Validation succeeded')).toBeVisible({ timeout: 30_000 });
  const sent = page.waitForRequest((r) => r.method() === 'POST' && /\/crossRegionRestore\?/.test(r.url()));
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await sent;
  await page.reload();
  await expect(page.getByText("The restore was sent, but Azure's answer never arrived")).toBeVisible();
  await expect(page.getByRole('button', { name: 'Restore', exact: true })).toHaveCount(0);
  // The answer was lost with the page, so no restore job exists: it says so, and only an explicit
  // confirmation brings the form back.
  await expect(
    page.getByText(/No restore of this backup instance started since then is listed yet/),
  ).toBeVisible({
    timeout: 20_000,
  });
  await expectAccessible(page);
  const forget = page.getByRole('button', { name: 'Forget the unanswered request' });
  await expect(forget).toBeDisabled();
  await page.getByRole('checkbox', { name: /I checked Backup Jobs/ }).check();
  await forget.click();
  await expect(page.getByRole('heading', { level: 2, name: 'Review + restore' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'orders-db-drill-8' })).toBeVisible();
  expect(triggers()).toBe(1);
});

test("the instance page lists both regions' recovery points with time, type and tier, filtered by dates in the URL, and links a point to the wizard", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto(
    `/instances/${PROD}/rg-contoso-backup/contoso-pg-vault/${instanceName(DEMO_INSTANCE_IDS.ordersDb)}`,
  );
  const section = page.getByRole('region', { name: 'Recovery points' });
  await expect(section.getByRole('tab', { name: 'Primary Region (East US)' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const primaryTable = section.getByRole('table', { name: 'Recovery points in the Primary Region' });
  await expect(primaryTable.getByRole('row')).toHaveCount(31);
  await expect(
    section.getByRole('status').filter({ hasText: 'recovery points in the Primary Region' }),
  ).toHaveText('30 recovery points in the Primary Region, newest first.');
  await expect(primaryTable.getByRole('row').nth(1)).toContainText('Vault');
  await expect(primaryTable.getByRole('row').last()).toContainText('Archive (needs rehydration)');

  await section.getByRole('tab', { name: 'Secondary Region (West US)' }).click();
  await expect(page).toHaveURL(/points=secondary/);
  const secondaryTable = section.getByRole('table', { name: 'Recovery points in the Secondary Region' });
  await expect(secondaryTable.getByRole('row').nth(1)).toBeVisible();
  const all = (await secondaryTable.getByRole('row').count()) - 1;
  expect(all).toBeGreaterThan(20);
  await expect(section).toContainText(/Newest in the Secondary Region: [^,]+, [^,]+, [^.]+ old\./);
  await expect(section.getByText('Within RPO', { exact: true })).toBeVisible();
  await expect(section).toContainText('RPO 1 d 21 h, from the backup policy.');
  await expectAccessible(page);

  // A date range: the last three days only (the list is asked for them and checked again).
  const day = (offset: number) => {
    const d = new Date(Date.now() - offset * 86_400_000);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };
  await section.getByLabel('From').fill(day(3));
  await expect(page).toHaveURL(new RegExp(`pointsFrom=${day(3)}`));
  await expect.poll(async () => (await secondaryTable.getByRole('row').count()) - 1).toBeLessThanOrEqual(4);
  await expect(section.getByRole('status').filter({ hasText: 'in the chosen dates' })).toBeVisible();

  // A reload keeps the view; a point's link opens the wizard with that point chosen.
  await page.reload();
  await expect(section.getByRole('tab', { name: 'Secondary Region (West US)' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(section.getByLabel('From')).toHaveValue(day(3));
  const second = secondaryTable.getByRole('row').nth(2);
  const label = (await second.getByRole('cell').first().innerText()).trim();
  await second.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Restore to secondary region' })).toBeVisible();
  await expect(
    page.getByRole('radio', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} ·`) }),
  ).toBeChecked();
});

test('reporting-db has no recovery point in the Secondary Region yet, and both the instance page and the wizard say why', async ({
  page,
}) => {
  await page.goto(
    `/instances/${PROD}/rg-contoso-backup/contoso-pg-vault/${instanceName(DEMO_INSTANCE_IDS.reportingDb)}?points=secondary`,
  );
  const section = page.getByRole('region', { name: 'Recovery points' });
  await expect(section.getByText('No recovery point in the Secondary Region (West US) yet')).toBeVisible();
  await expect(section).toContainText('up to 12 hours after each backup');
  await expect(section).toContainText('up to 48 hours');
  await expectAccessible(page);
  await page.goto(wizardUrl(DEMO_INSTANCE_IDS.reportingDb));
  await expect(
    page.getByText('No recovery point has reached the Secondary Region (West US) yet'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next: Restore parameters' })).toBeEnabled();
  await expectAccessible(page);
});

test('a flexible-server backup is offered as files only, and a pasted target outside the Secondary Region is refused on its field', async ({
  page,
}) => {
  await page.goto(wizardUrl(DEMO_INSTANCE_IDS.analyticsFlex));
  await next(page, 'Restore parameters');
  await expect(page.getByRole('radio', { name: 'Restore as database' })).toBeDisabled();
  await expect(page.getByRole('radio', { name: 'Restore as files' })).toBeChecked();
  await expect(
    page.getByText('Azure Database for PostgreSQL flexible server backups can only be restored as files.'),
  ).toBeVisible();

  await page.getByLabel('Storage account').selectOption({ label: 'Enter a resource ID…' });
  const pasted = page.getByLabel('Storage account resource ID');
  await pasted.fill(
    `/subscriptions/${PROD}/resourceGroups/rg-contoso-data/providers/Microsoft.Storage/storageAccounts/stcontosoeastus`,
  );
  await expect(
    page.getByText('It must be in the Secondary Region (West US); it is in East US.'),
  ).toBeVisible();
  await pasted.fill('not a resource id');
  await expect(page.getByText('This is not the resource ID of a storage account.')).toBeVisible();
  await expectAccessible(page);
  // Nothing can go on with a wrong target.
  await page.getByRole('button', { name: 'Next: Permissions' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Restore parameters' })).toBeVisible();
  await expect(page.getByText('Choose a container.')).toBeVisible();
});
