import type { Page } from '@playwright/test';
import { expectAccessible } from '../fixtures';
import { DEMO_SUBSCRIPTIONS } from '../../src/mocks/tenant/demo-tenant';
import {
  ALEX,
  CONTOSO,
  FABRIKAM,
  FABRIKAM_SUBSCRIPTION,
  FABRIKAM_VAULT,
  azureTest as test,
  expect,
  signIn,
} from './fixtures';

const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;

/** Every key and value the app left in the tab's and the origin's storage. */
function storageOf(page: Page) {
  return page.evaluate(() => ({
    session: Object.entries(sessionStorage),
    local: Object.entries(localStorage),
  }));
}

test('switching directory shows the other tenant’s data and none of the first’s', async ({
  page,
  entra,
  arm,
  appPath,
}) => {
  await signIn(page, appPath(`/vaults?subscriptions=${PROD}`), 'Backup vaults');
  await expect(page.getByRole('link', { name: 'contoso-pg-vault', exact: true })).toBeVisible();
  const contosoKeys = (await storageOf(page)).local.filter(([key]) => key.startsWith('crr-portal:scoped:'));
  expect(contosoKeys).toHaveLength(1); // the remembered subscription choice, in Contoso's scope
  const before = arm.exchanges.length;

  await page
    .getByRole('banner')
    .getByRole('button', { name: `${ALEX.name} · Contoso` })
    .click();
  const directories = page.getByRole('menuitemradio');
  await expect(directories).toHaveText(['Contoso', 'Fabrikam']);
  await expect(page.getByRole('menuitemradio', { name: 'Contoso' })).toBeChecked();
  await page.getByRole('menuitemradio', { name: 'Fabrikam' }).click();

  await expect(
    page.getByRole('banner').getByRole('button', { name: `${ALEX.name} · Fabrikam` }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: FABRIKAM_VAULT, exact: true })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${appPath('/vaults')}$`));
  for (const name of ['contoso-pg-vault', 'contoso-grs-vault', 'contoso-lrs-vault', 'fabrikam-zrs-vault']) {
    await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0);
  }
  await expect(page.getByText('Contoso Production')).toHaveCount(0);
  await expect(page.getByText(FABRIKAM_SUBSCRIPTION.name).first()).toBeVisible();

  // The tokens came from Fabrikam's authority, silently (the refresh token serves every tenant).
  const switchGrant = entra.requestsOf('token').at(-1);
  expect(switchGrant).toMatchObject({ tenant: FABRIKAM.tenantId, grantType: 'refresh_token' });
  expect(entra.requestsOf('authorize')).toHaveLength(1);
  // From the first request with Fabrikam's token on, every request has it and succeeds: nothing of
  // Contoso (not even an id from the old page's URL) is asked of Fabrikam.
  const since = arm.exchanges.slice(before);
  const switched = since.findIndex((e) => e.tenantId === FABRIKAM.tenantId);
  expect(switched).toBeGreaterThanOrEqual(0);
  expect(since.slice(switched).filter((e) => e.tenantId !== FABRIKAM.tenantId || e.status >= 400)).toEqual(
    [],
  );
  // Contoso's stored choice is gone; nothing of Contoso's scope is left in storage.
  const storage = await storageOf(page);
  const scoped = [...storage.session, ...storage.local].filter(([key]) =>
    key.startsWith('crr-portal:scoped:'),
  );
  expect(scoped.filter(([key]) => decodeURIComponent(key).includes(`|${CONTOSO.tenantId}:`))).toEqual([]);
  await expectAccessible(page);

  // The choice holds across a reload of the tab.
  await page.reload();
  await expect(page.getByRole('link', { name: FABRIKAM_VAULT, exact: true })).toBeVisible();
  await expect(
    page.getByRole('banner').getByRole('button', { name: `${ALEX.name} · Fabrikam` }),
  ).toBeVisible();
});

test('signing out clears the session, the tokens and the cached data', async ({
  page,
  entra,
  arm,
  appPath,
}) => {
  await signIn(page, appPath(`/vaults?subscriptions=${PROD}`), 'Backup vaults');
  await expect(page.getByRole('link', { name: 'contoso-pg-vault', exact: true })).toBeVisible();
  const tokens = [...entra.accessTokens];
  const storedBefore = await storageOf(page);
  expect(JSON.stringify(storedBefore.session)).toContain(tokens[0]); // MSAL's cache, this tab only
  expect(JSON.stringify(storedBefore.local)).not.toContain(tokens[0]);

  await page
    .getByRole('banner')
    .getByRole('button', { name: `${ALEX.name} · Contoso` })
    .click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Azure' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Not signed in');
  const logout = entra.requestsOf('logout');
  expect(logout).toHaveLength(1);
  expect(new URL(logout[0]?.url ?? '').searchParams.get('post_logout_redirect_uri')).toBe(
    new URL(appPath('/'), page.url()).href,
  );
  const storage = await storageOf(page);
  const everything = JSON.stringify(storage);
  for (const token of tokens) expect(everything).not.toContain(token);
  expect(
    [...storage.session, ...storage.local].filter(([key]) => key.startsWith('crr-portal:scoped:')),
  ).toEqual([]);

  // Back to a data page: it asks for sign-in and nothing is fetched from Azure.
  const requests = arm.exchanges.length;
  await page.goto(appPath('/vaults'));
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Azure' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'contoso-pg-vault', exact: true })).toHaveCount(0);
  expect(arm.exchanges.length).toBe(requests);
  await expectAccessible(page);
});
