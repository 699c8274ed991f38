import { expectAccessible } from '../fixtures';
import { ALEX, CONTOSO, azureTest as test, expect, signIn } from './fixtures';

test('an admin signs in with Entra ID and the vaults of their Azure load with the bearer token', async ({
  page,
  entra,
  arm,
  appPath,
}) => {
  await signIn(page, appPath('/vaults'), 'Backup vaults');
  await expect(page.getByRole('link', { name: 'contoso-pg-vault', exact: true })).toBeVisible();
  await expect(
    page.getByRole('banner').getByRole('button', { name: `${ALEX.name} · Contoso` }),
  ).toBeVisible();

  // MSAL's authorization code flow with PKCE, at the configured authority, for ARM's scope.
  const authorize = entra.requestsOf('authorize');
  expect(authorize).toHaveLength(1);
  expect(authorize[0]?.tenant).toBe('organizations');
  expect(authorize[0]?.params?.['scope']?.split(' ')).toContain(
    'https://management.azure.com/user_impersonation',
  );
  expect(authorize[0]?.params?.['code_challenge_method']).toBe('S256');
  expect(entra.requestsOf('token').map((r) => r.grantType)).toEqual(['authorization_code']);

  // Every ARM request carried the token Entra ID issued, and it was for the home tenant.
  const token = entra.accessTokens[0];
  expect(arm.exchanges.length).toBeGreaterThan(0);
  expect(arm.exchanges.every((e) => e.authorization === `Bearer ${token}`)).toBe(true);
  expect(new Set(arm.exchanges.map((e) => e.tenantId))).toEqual(new Set([CONTOSO.tenantId]));
  expect(arm.exchanges.every((e) => e.status < 400)).toBe(true);
  await expectAccessible(page);
});
