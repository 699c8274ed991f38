import { DEMO_SUBSCRIPTIONS } from '../../src/mocks/tenant/demo-tenant';
import { azureTest as test, expect, signIn } from './fixtures';

const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const DEVTEST = DEMO_SUBSCRIPTIONS.contosoDevTest.subscriptionId;
const GRS_PROPERTIES = `/vaults/${PROD}/rg-contoso-backup-weu/contoso-grs-vault/properties`;

test('a pasted link survives the sign-in redirect: the user lands on exactly that view', async ({
  page,
  appPath,
}) => {
  const link = appPath(`/vaults?subscriptions=${DEVTEST}`);
  await signIn(page, link, 'Backup vaults');
  await expect(page).toHaveURL(new RegExp(`${link.replace('?', '\\?')}$`));
  await expect(page.getByRole('link', { name: 'contoso-lrs-vault', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'contoso-pg-vault', exact: true })).toHaveCount(0);
});

test('an expired token is renewed silently with the refresh token, without leaving the page', async ({
  page,
  entra,
  arm,
  appPath,
  allowConsoleError,
}) => {
  allowConsoleError(/status of 401/);
  await signIn(page, appPath('/vaults'), 'Backup vaults');
  const vault = page.getByRole('link', { name: 'contoso-pg-vault', exact: true });
  await expect(vault).toBeVisible();
  const first = entra.accessTokens[0];
  const before = arm.exchanges.length;

  entra.expireAccessTokens();
  await vault.click();
  await expect(page.getByRole('heading', { level: 1, name: 'contoso-pg-vault' })).toBeVisible();
  // The heading comes from the link; the vault's Essentials come from ARM, after the renewal.
  await expect(page.getByRole('heading', { level: 2, name: 'Essentials' })).toBeVisible();

  const after = arm.exchanges.slice(before);
  expect(after[0]).toMatchObject({ status: 401, authorization: `Bearer ${first}` });
  const renewed = entra.accessTokens[1];
  expect(renewed).toBeDefined();
  expect(after.filter((e) => e.status < 400).every((e) => e.authorization === `Bearer ${renewed}`)).toBe(
    true,
  );
  expect(entra.requestsOf('token').map((r) => r.grantType)).toEqual(['authorization_code', 'refresh_token']);
  // No interaction: Entra ID's sign-in page was never visited again.
  expect(entra.requestsOf('authorize')).toHaveLength(1);
});

test('when Entra ID needs the user again, "Sign in again" returns to the same page with the form as it was', async ({
  page,
  entra,
  arm,
  appPath,
  allowConsoleError,
}) => {
  allowConsoleError(/status of 40[01]/);
  await signIn(page, appPath(GRS_PROPERTIES), 'contoso-grs-vault');
  const crr = page.getByRole('group', { name: 'Cross Region Restore', exact: true });
  await crr.getByRole('button', { name: 'Update Cross Region Restore' }).click();
  const panel = page.getByRole('dialog', { name: 'Cross Region Restore' });
  await panel.getByRole('radio', { name: 'Enable' }).check();

  // An hour later the token has expired and the tenant now demands MFA: no silent renewal.
  entra.expireAccessTokens();
  entra.refreshNeedsInteraction = true;
  await panel.getByRole('button', { name: 'Save' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Enable Cross Region Restore?' });
  await confirm.getByRole('checkbox', { name: /I understand/ }).check();
  await confirm.getByRole('button', { name: 'Enable Cross Region Restore' }).click();

  const error = panel.getByRole('alert');
  await expect(error).toContainText('Cross Region Restore could not be enabled');
  await expect(error.getByRole('definition').first()).toHaveText('AuthenticationRequired');
  const taskUrl = page.url();
  expect(taskUrl).toContain('panel=cross-region-restore');
  // The pipeline never navigates by itself: still on the page, no second visit to Entra ID yet.
  expect(entra.requestsOf('authorize')).toHaveLength(1);
  expect(arm.exchanges.filter((e) => e.method === 'PATCH')).toHaveLength(1);

  entra.refreshNeedsInteraction = false; // the user will do MFA at Entra ID
  await error.getByRole('button', { name: 'Sign in again' }).click();

  await expect(page.getByRole('dialog', { name: 'Cross Region Restore' })).toBeVisible();
  expect(page.url()).toBe(taskUrl);
  await expect(
    page.getByRole('dialog', { name: 'Cross Region Restore' }).getByRole('radio', { name: 'Enable' }),
  ).toBeChecked();
  const again = entra.requestsOf('authorize')[1];
  expect(again?.params?.['login_hint']).toBe('alex@contoso.onmicrosoft.com');

  // The task finishes with the new token.
  const reopened = page.getByRole('dialog', { name: 'Cross Region Restore' });
  await reopened.getByRole('button', { name: 'Save' }).click();
  await confirm.getByRole('checkbox', { name: /I understand/ }).check();
  await confirm.getByRole('button', { name: 'Enable Cross Region Restore' }).click();
  await expect(page.getByText('Cross Region Restore is enabled', { exact: true })).toBeVisible({
    timeout: 20_000,
  });
  const patches = arm.exchanges.filter((e) => e.method === 'PATCH');
  expect(patches.map((e) => e.status)).toEqual([401, 202]);
  expect(patches[1]?.authorization).toBe(`Bearer ${entra.accessTokens.at(-1)}`);
});
