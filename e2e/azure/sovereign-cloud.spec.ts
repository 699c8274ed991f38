import { expectAccessible } from '../fixtures';
import { CONTOSO, azureTest as test, expect, signIn } from './fixtures';

test.use({ cloud: 'usgov' });

test('the US Government build signs in at its authority and calls its own ARM endpoint only', async ({
  page,
  context,
  entra,
  arm,
  appPath,
}) => {
  const hosts = new Set<string>();
  context.on('request', (request) => hosts.add(new URL(request.url()).origin));

  await signIn(page, appPath('/vaults'), 'Backup vaults');
  await expect(page.getByRole('link', { name: 'contoso-pg-vault', exact: true })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Azure US Government');

  // Signed in at login.microsoftonline.us, at the configured tenant, for the US Government ARM scope.
  const authorize = entra.requestsOf('authorize');
  expect(authorize).toHaveLength(1);
  expect(new URL(authorize[0]?.url ?? '').origin).toBe('https://login.microsoftonline.us');
  expect(authorize[0]?.tenant).toBe(CONTOSO.tenantId);
  expect(authorize[0]?.params?.['scope']?.split(' ')).toContain(
    'https://management.usgovcloudapi.net/user_impersonation',
  );
  // Every ARM call went to management.usgovcloudapi.net with a token issued for it.
  expect(arm.exchanges.length).toBeGreaterThan(0);
  expect(arm.exchanges.every((e) => e.url.startsWith('https://management.usgovcloudapi.net/'))).toBe(true);
  expect(arm.exchanges.every((e) => e.status < 400 && e.tenantId === CONTOSO.tenantId)).toBe(true);
  // ...and nothing went to the public cloud.
  expect([...hosts].filter((h) => /microsoftonline\.com|management\.azure\.com/.test(h))).toEqual([]);
  await expectAccessible(page);
});
