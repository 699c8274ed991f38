import type { Route } from '@playwright/test';
import { azureTest as test, expect, signIn } from './fixtures';

const ELSEWHERE = 'https://not-arm.example.net';

/** Points the subscription list's nextLink at another origin (a hostile or broken response). */
function nextLinkElsewhere(url: URL, body: string): string {
  if (url.pathname !== '/subscriptions') return body;
  const page = JSON.parse(body) as Record<string, unknown>;
  return JSON.stringify({
    ...page,
    nextLink: `${ELSEWHERE}/subscriptions?api-version=2022-12-01&$skiptoken=2`,
  });
}

test.describe('with the page’s CSP bypassed, to see what the app itself sends', () => {
  test.use({ bypassCSP: true });

  test('a request to an origin other than ARM carries no token', async ({ page, context, arm, appPath }) => {
    arm.rewrite = nextLinkElsewhere;
    const elsewhere: Record<string, string>[] = [];
    await context.route(`${ELSEWHERE}/**`, async (route: Route) => {
      elsewhere.push(await route.request().allHeaders());
      await route.fulfill({
        status: 200,
        headers: { 'access-control-allow-origin': '*', 'content-type': 'application/json' },
        body: JSON.stringify({ value: [] }),
      });
    });
    await signIn(page, appPath('/vaults'), 'Backup vaults');
    await expect(page.getByRole('link', { name: 'contoso-pg-vault', exact: true })).toBeVisible();

    expect(elsewhere.length).toBeGreaterThan(0);
    for (const headers of elsewhere) expect(headers['authorization']).toBeUndefined();
    // ...while every request to ARM had one.
    expect(arm.exchanges.every((e) => e.authorization?.startsWith('Bearer '))).toBe(true);
  });
});

test('the CSP stops the browser from even connecting to an origin other than ARM and Entra ID', async ({
  page,
  context,
  arm,
  appPath,
  cspViolations,
  allowConsoleError,
}) => {
  arm.rewrite = nextLinkElsewhere;
  let reached = false;
  await context.route(`${ELSEWHERE}/**`, async (route: Route) => {
    reached = true;
    await route.abort();
  });
  test.setTimeout(60_000); // a refused connection looks like a network failure: reads are retried first
  allowConsoleError(/not-arm\.example\.net/);
  await signIn(page, appPath('/vaults'), 'Backup vaults');
  await expect(page.getByRole('alert')).toContainText('Azure could not be reached', { timeout: 40_000 });
  await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
  expect(cspViolations.every((v) => v.startsWith(`connect-src blocked ${ELSEWHERE}/subscriptions`))).toBe(
    true,
  );
  expect(reached).toBe(false);
  cspViolations.length = 0; // expected here; any other test fails on a violation
});

test('a CSP violation is caught: an injected inline script and style are refused and reported', async ({
  page,
  appPath,
  cspViolations,
  allowConsoleError,
}) => {
  allowConsoleError(/Content Security Policy/);
  await signIn(page, appPath('/'), 'Overview');
  const outcome = await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = 'body { background: red }';
    document.head.append(style);
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.head.append(script);
    return {
      styleApplied: getComputedStyle(document.body).backgroundColor === 'rgb(255, 0, 0)',
      scriptRan: (window as unknown as { injected?: boolean }).injected === true,
    };
  });
  expect(outcome).toEqual({ styleApplied: false, scriptRan: false });
  await expect
    .poll(() => [...new Set(cspViolations.map((v) => v.split(' ')[0]))].sort())
    .toEqual(['script-src-elem', 'style-src-elem']);
  cspViolations.length = 0; // the fixture would fail the test on these otherwise
});

test('error details shown and copied for support carry no token', async ({
  page,
  context,
  entra,
  appPath,
  allowConsoleError,
}) => {
  allowConsoleError(/status of 40[01]/);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, appPath('/vaults'), 'Backup vaults');
  const vault = page.getByRole('link', { name: 'contoso-pg-vault', exact: true });
  await expect(vault).toBeVisible();
  entra.expireAccessTokens();
  entra.refreshNeedsInteraction = true;
  await vault.click();

  const error = page.getByRole('alert').filter({ hasText: 'AuthenticationRequired' });
  await expect(error).toBeVisible();
  await expect(error.getByRole('button', { name: 'Sign in again' })).toBeVisible();
  await error.getByRole('button', { name: 'Copy details' }).click();
  await expect(error.getByRole('button', { name: 'Copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('"code": "AuthenticationRequired"');
  const shown = (await page.locator('body').innerText()) + copied;
  for (const token of entra.issuedTokens()) expect(shown).not.toContain(token);
});
