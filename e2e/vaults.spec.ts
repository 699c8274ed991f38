import type { Page } from '@playwright/test';
import { DEMO_SUBSCRIPTIONS } from '../src/mocks/tenant/demo-tenant';
import { expect, expectAccessible, test } from './fixtures';

const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const GRS_PROPERTIES = `/vaults/${PROD}/rg-contoso-backup-weu/contoso-grs-vault/properties`;

/** The row of a vault in the Backup vaults grid. */
function vaultRow(page: Page, name: string) {
  return page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
}

function crrGroup(page: Page) {
  return page.getByRole('group', { name: 'Cross Region Restore', exact: true });
}

async function openPanelAndConfirmEnable(page: Page) {
  await crrGroup(page).getByRole('button', { name: 'Update Cross Region Restore' }).click();
  const panel = page.getByRole('dialog', { name: 'Cross Region Restore' });
  await expect(panel).toBeVisible();
  await panel.getByRole('radio', { name: 'Enable' }).check();
  await panel.getByRole('button', { name: 'Save' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Enable Cross Region Restore?' });
  await expect(confirm).toBeVisible();
  return { panel, confirm };
}

test('an admin enables Cross Region Restore on a geo-redundant vault, following the tutorial', async ({
  page,
}) => {
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Backup center' })
    .getByRole('link', { name: 'Backup vaults' })
    .click();
  await expect(vaultRow(page, 'contoso-grs-vault')).toContainText('Geo-redundant');
  await expect(vaultRow(page, 'contoso-grs-vault')).toContainText('Disabled');
  await page.getByRole('link', { name: 'contoso-grs-vault' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'contoso-grs-vault' })).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Backup vault' })
    .getByRole('link', { name: 'Properties' })
    .click();
  await expect(page.getByRole('heading', { name: 'Vault Settings' })).toBeVisible();
  await expect(crrGroup(page)).toContainText('Disabled');
  // Every GRS vault shows the banner linking to the documentation.
  await expect(page.getByRole('link', { name: /Learn about Cross Region Restore/ })).toHaveAttribute(
    'href',
    /learn\.microsoft\.com/,
  );

  const { panel, confirm } = await openPanelAndConfirmEnable(page);
  await expect(page).toHaveURL(/panel=cross-region-restore/);
  // The consequences, in plain words, before anything is sent.
  await expect(confirm).toContainText('additional charges');
  await expect(confirm).toContainText('cannot be disabled');
  await expect(confirm).toContainText('up to 48 hours');
  await expect(confirm).toContainText('about 36 hours');
  const enable = confirm.getByRole('button', { name: 'Enable Cross Region Restore' });
  await expect(enable).toBeDisabled();
  await confirm.getByRole('checkbox', { name: /I understand/ }).check();
  await enable.click();

  // The long-running PATCH shows progress, and the page updates without a manual refresh.
  await expect(panel.getByRole('progressbar', { name: 'Enabling Cross Region Restore' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Save' })).toBeDisabled();
  await expect(page.getByText('Cross Region Restore is enabled', { exact: true })).toBeVisible({
    timeout: 20_000,
  });
  await expect(panel).toBeHidden();
  await expect(crrGroup(page)).toContainText('Enabled');
  await expect(crrGroup(page).getByRole('button', { name: 'Update Cross Region Restore' })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await expect(crrGroup(page)).toContainText('Once enabled, Cross Region Restore cannot be disabled');

  // The vault list reflects it at once (cache invalidation, not a reload)...
  await page.getByRole('link', { name: 'Backup vaults' }).first().click();
  await expect(vaultRow(page, 'contoso-grs-vault')).toContainText('Enabled');

  // ...and so does Azure after a reload.
  await page.goto(GRS_PROPERTIES);
  await expect(crrGroup(page)).toContainText('Enabled');
});

test('a locally redundant vault shows the setting disabled with the reason', async ({ page }) => {
  await page.goto('/vaults');
  await page.getByRole('link', { name: 'contoso-lrs-vault' }).click();
  await page
    .getByRole('navigation', { name: 'Backup vault' })
    .getByRole('link', { name: 'Properties' })
    .click();
  const group = crrGroup(page);
  await expect(group).toContainText('Not available');
  const update = group.getByRole('button', { name: 'Update Cross Region Restore' });
  await expect(update).toBeVisible();
  await expect(update).toHaveAttribute('aria-disabled', 'true');
  await expect(update).toHaveAccessibleDescription('Cross Region Restore needs a geo-redundant vault');
  await update.click({ force: true });
  await expect(page.getByRole('dialog', { name: 'Cross Region Restore' })).toBeHidden();
  // No banner: Cross Region Restore does not exist for this vault.
  await expect(page.getByRole('link', { name: /Learn about Cross Region Restore/ })).toHaveCount(0);
});

test.describe(() => {
  test.use({ expectedHttpErrors: [403] });

  test('without permission, the error names the missing permission and who has it; the form keeps its values', async ({
    page,
  }) => {
    await page.goto(`${GRS_PROPERTIES}?scenario=forbidden`);
    const { panel, confirm } = await openPanelAndConfirmEnable(page);
    await confirm.getByRole('checkbox', { name: /I understand/ }).check();
    await confirm.getByRole('button', { name: 'Enable Cross Region Restore' }).click();
    const alert = panel.getByRole('alert');
    await expect(alert).toContainText('Cross Region Restore could not be enabled');
    await expect(alert).toContainText('Microsoft.DataProtection/backupVaults/write');
    await expect(alert).toContainText('Backup Contributor');
    await expect(alert.getByRole('definition').first()).toHaveText('AuthorizationFailed');
    await expect(alert).toContainText(/Request id\s*[0-9a-f-]{36}/);
    await expect(alert.getByRole('button', { name: 'Copy details' })).toBeVisible();
    // A permission error is not retryable from here; the choice is kept, the page stays usable.
    await expect(alert.getByRole('button', { name: 'Retry' })).toHaveCount(0);
    await expect(panel.getByRole('radio', { name: 'Enable' })).toBeChecked();
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await expect(crrGroup(page)).toContainText('Disabled');
  });
});

test.describe(() => {
  test.use({ expectedHttpErrors: [409] });

  test('a conflicting operation says so and offers to retry', async ({ page }) => {
    await page.goto(`${GRS_PROPERTIES}?scenario=conflict`);
    const { panel, confirm } = await openPanelAndConfirmEnable(page);
    await confirm.getByRole('checkbox', { name: /I understand/ }).check();
    await confirm.getByRole('button', { name: 'Enable Cross Region Restore' }).click();
    const alert = panel.getByRole('alert');
    await expect(alert).toContainText('Another operation is running');
    await expect(alert).toContainText('UserErrorAnotherOperationInProgress');
    await alert.getByRole('button', { name: 'Retry' }).click();
    // The retry went to Azure again (still conflicting in this scenario) and failed the same clear way.
    await expect(panel.getByRole('alert')).toContainText('UserErrorAnotherOperationInProgress');
    await expect(panel.getByRole('radio', { name: 'Enable' })).toBeChecked();
  });
});

test.describe(() => {
  test.use({ expectedHttpErrors: [404] });

  test('a vault that no longer exists shows not found with a way back', async ({ page }) => {
    await page.goto(`/vaults/${PROD}/rg-contoso-backup/contoso-pg-vault?scenario=vault-gone`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Backup vault contoso-pg-vault was not found');
    await expect(alert).toContainText('ResourceNotFound');
    await page.getByRole('link', { name: 'Back to Backup vaults' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Backup vaults' })).toBeVisible();
  });
});

test('filters, subscriptions and sorting live in the URL and a pasted link reproduces the view', async ({
  page,
}) => {
  await page.goto('/vaults');
  await expect(page.getByRole('status').filter({ hasText: 'Backup vaults' })).toHaveText('4 Backup vaults');

  await page.getByRole('combobox', { name: 'Storage redundancy' }).click();
  await page.getByRole('option', { name: 'Geo-redundant' }).click();
  await expect(page).toHaveURL(/redundancy=GeoRedundant/);
  await expect(page.getByRole('status').filter({ hasText: 'Backup vaults' })).toHaveText(
    '2 of 4 Backup vaults',
  );
  await expect(vaultRow(page, 'contoso-lrs-vault')).toHaveCount(0);

  await page.getByRole('columnheader', { name: 'Location' }).click();
  await expect(page).toHaveURL(/sort=location/);

  // Support staff paste the link: the same view opens.
  const link = page.url();
  const other = await page.context().newPage();
  await other.goto(link);
  await expect(other.getByRole('status').filter({ hasText: 'Backup vaults' })).toHaveText(
    '2 of 4 Backup vaults',
  );
  const names = await other.getByRole('row').getByRole('link').allTextContents();
  expect(names).toEqual(['contoso-pg-vault', 'contoso-grs-vault']); // East US before West Europe
  await other.close();

  await page.getByRole('textbox', { name: 'Filter by name' }).fill('grs');
  await expect(page).toHaveURL(/q=grs/);
  await expect(page.getByRole('status').filter({ hasText: 'Backup vaults' })).toHaveText(
    '1 of 4 Backup vaults',
  );
});

test('the subscription choice is a multi-select, kept in the URL and remembered', async ({ page }) => {
  await page.goto('/vaults');
  await expect(vaultRow(page, 'fabrikam-zrs-vault')).toBeVisible();
  await page.getByRole('combobox', { name: 'Subscriptions' }).click();
  // Fluent's multi-select options are checkable menu items.
  await page.getByRole('menuitemcheckbox', { name: 'Fabrikam Shared' }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/subscriptions=/);
  await expect(vaultRow(page, 'fabrikam-zrs-vault')).toHaveCount(0);
  await expect(vaultRow(page, 'contoso-pg-vault')).toBeVisible();

  // Leaving and coming back without the parameter keeps the last choice.
  await page.goto('/vaults');
  await expect(vaultRow(page, 'contoso-pg-vault')).toBeVisible();
  await expect(vaultRow(page, 'fabrikam-zrs-vault')).toHaveCount(0);
});

test.describe('throttling', () => {
  test.use({ expectedHttpErrors: [429] });

  test('throttled reads are retried after Retry-After and the grid still loads', async ({ page }) => {
    // Every ARM exchange, timed by the browser's own clock: when it was sent, when it was answered.
    const answers: { url: string; status: number; sent: number; answered: number }[] = [];
    page.on('response', (response) => {
      if (!response.url().startsWith('https://management.azure.com/')) return;
      const timing = response.request().timing();
      answers.push({
        url: response.url(),
        status: response.status(),
        sent: timing.startTime,
        answered: timing.startTime + timing.responseStart,
      });
    });
    await page.goto('/vaults?scenario=throttle&throttleCount=2&retryAfter=1');
    await expect(vaultRow(page, 'contoso-pg-vault')).toBeVisible({ timeout: 15_000 });

    // Azure did throttle; each throttled read was asked again no sooner than Retry-After, until
    // it succeeded.
    const throttled = answers.filter((a) => a.status === 429);
    expect(throttled).toHaveLength(2);
    for (const refusal of throttled) {
      const retry = answers.find((a) => a.url === refusal.url && a.sent > refusal.sent);
      expect(retry, `a retry of ${refusal.url}`).toBeDefined();
      // Retry-After is 1 s (a few ms of slack for the browser's timer granularity).
      expect((retry?.sent ?? 0) - refusal.answered).toBeGreaterThanOrEqual(990);
      expect(answers.filter((a) => a.url === refusal.url).at(-1)?.status).toBe(200);
    }
  });
});

test.describe(() => {
  test.use({ expectedHttpErrors: [500, 503] });

  test('when Azure keeps failing, the page shows the error with its request id, and Retry recovers', async ({
    page,
  }) => {
    // The first 4 reads fail: the subscription list's first try and its 3 automatic retries.
    await page.goto('/vaults?scenario=server-error&serverErrorCount=4&retryAfter=0');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Subscriptions could not be loaded', { timeout: 20_000 });
    await expect(alert).toContainText(/InternalServerError|ServiceUnavailable/);
    await expect(alert).toContainText(/Request id\s*[0-9a-f-]{36}/);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(vaultRow(page, 'contoso-pg-vault')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

test('Backup vaults, vault Overview and Properties pass an accessibility scan, panel and dialog included', async ({
  page,
}) => {
  // Four full axe scans: slow on a loaded 2-core machine, not a speed target.
  test.slow();
  await page.goto('/vaults');
  await expect(vaultRow(page, 'contoso-pg-vault')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'contoso-grs-vault' }).click();
  await expect(page.getByRole('heading', { name: 'Essentials' })).toBeVisible();
  await expectAccessible(page);
  await page.goto(GRS_PROPERTIES);
  await expect(crrGroup(page)).toBeVisible();
  await expectAccessible(page);
  await openPanelAndConfirmEnable(page);
  await expectAccessible(page);
});

test('a reload while Cross Region Restore is being enabled keeps following the same operation', async ({
  page,
}) => {
  await page.goto(GRS_PROPERTIES);
  const { panel, confirm } = await openPanelAndConfirmEnable(page);
  await confirm.getByRole('checkbox', { name: /I understand/ }).check();
  await confirm.getByRole('button', { name: 'Enable Cross Region Restore' }).click();
  await expect(panel.getByText(/Azure reports:/)).toBeVisible();

  await page.goto(GRS_PROPERTIES);
  // The page resumes polling: it shows progress and offers no second Update meanwhile.
  await expect(page.getByText('Cross Region Restore is being enabled')).toBeVisible();
  await expect(crrGroup(page).getByRole('button', { name: 'Update Cross Region Restore' })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await expect(page.getByText('Cross Region Restore is enabled', { exact: true })).toBeVisible({
    timeout: 20_000,
  });
  await expect(crrGroup(page)).toContainText('Enabled');
});
