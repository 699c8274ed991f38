import { ALEX, azureTest as test, expect } from './fixtures';

test.use({ cloud: 'popup' });

test('with VITE_AZURE_INTERACTION=popup, sign-in happens in a popup and the page never reloads', async ({
  page,
  entra,
  arm,
  appPath,
}) => {
  await page.goto(appPath('/vaults'));
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Azure' })).toBeVisible();
  // A marker that a reload would wipe: the page itself must stay.
  await page.evaluate(() => ((window as unknown as { stayed?: boolean }).stayed = true));

  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('main').getByRole('button', { name: 'Sign in' }).click(),
  ]);
  // MSAL closes the popup itself once it has the answer, which can be before this line runs:
  // wait for the close only while it is still open (isClosed is synchronous, so no event is missed).
  if (!popup.isClosed()) await popup.waitForEvent('close');

  await expect(page.getByRole('heading', { level: 1, name: 'Backup vaults' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'contoso-pg-vault', exact: true })).toBeVisible();
  await expect(
    page.getByRole('banner').getByRole('button', { name: `${ALEX.name} · Contoso` }),
  ).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  expect(entra.requestsOf('authorize')[0]?.params?.['prompt']).toBe('select_account');
  expect(arm.exchanges.every((e) => e.authorization === `Bearer ${entra.accessTokens[0]}`)).toBe(true);
});
