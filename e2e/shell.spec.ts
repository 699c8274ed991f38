import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

const PAGES: readonly { link: string; heading: string; path: string; ready: (page: Page) => Locator }[] = [
  {
    link: 'Overview',
    heading: 'Overview',
    path: '/',
    ready: (page) => page.getByRole('link', { name: 'Open Backup vaults' }),
  },
  {
    link: 'Backup vaults',
    heading: 'Backup vaults',
    path: '/vaults',
    ready: (page) => page.getByRole('link', { name: 'contoso-pg-vault', exact: true }),
  },
  {
    link: 'Backup instances',
    heading: 'Backup instances',
    path: '/instances',
    ready: (page) => page.getByRole('link', { name: 'pg-contoso-prod/orders-db', exact: true }),
  },
  {
    link: 'Backup jobs',
    heading: 'Backup jobs',
    path: '/jobs',
    ready: (page) => page.getByRole('heading', { level: 1, name: 'Backup jobs' }),
  },
];

test('the app loads with the Backup center shell and the demo tenant badge', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Backup center' })).toBeVisible();
  await expect(page.getByText('Demo tenant', { exact: true })).toBeVisible();
  await expect(page).toHaveTitle(/CRR Portal/);
  expect(consoleErrors).toEqual([]);
});

test('every navigation link reaches its page and marks itself current', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Backup center' });
  for (const entry of [...PAGES].reverse()) {
    await nav.getByRole('link', { name: entry.link }).click();
    await expect(page.getByRole('heading', { level: 1, name: entry.heading })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`${entry.path === '/' ? '/$' : entry.path}`));
    await expect(nav.getByRole('link', { name: entry.link })).toHaveAttribute('aria-current', 'page');
  }
});

test('pages open directly from a pasted link, with their data', async ({ page }) => {
  for (const entry of PAGES) {
    await page.goto(entry.path);
    await expect(page.getByRole('heading', { level: 1, name: entry.heading })).toBeVisible();
    // Leaving a demo page while its requests are in flight lets the service worker pass them to
    // the real network (msw forgets a closing page), so each page is left only once it has loaded.
    await expect(entry.ready(page)).toBeVisible();
  }
});

test('the theme toggle switches to dark and the choice survives a reload', async ({ page }) => {
  await page.goto('/');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const lightBackground = await page
    .locator('[data-theme]')
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('[data-theme="dark"]').first()).toBeVisible();
  const darkBackground = await page
    .locator('[data-theme]')
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(darkBackground).not.toBe(lightBackground);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'false');
});

test('an unknown URL shows the not-found page with a way back', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByText('/no/such/page')).toBeVisible();
  await page.getByRole('link', { name: 'Go to Overview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
});

test('keyboard users can skip to the main content', async ({ page }) => {
  await page.goto('/vaults');
  await expect(page.getByRole('heading', { level: 1, name: 'Backup vaults' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

// Scanned with their data on screen, in both themes. Placeholder pages are not listed: a page is
// scanned once it shows real data (the page's own spec scans its states in detail).
const SCANNED: readonly { path: string; heading: string; ready: (page: Page) => Locator }[] = [
  { path: '/', heading: 'Overview', ready: (page) => page.getByRole('link', { name: 'Open Backup vaults' }) },
  {
    path: '/vaults',
    heading: 'Backup vaults',
    ready: (page) => page.getByRole('link', { name: 'contoso-pg-vault', exact: true }),
  },
  {
    path: '/instances',
    heading: 'Backup instances',
    ready: (page) => page.getByRole('link', { name: 'pg-contoso-prod/orders-db', exact: true }),
  },
  {
    path: '/jobs',
    heading: 'Backup jobs',
    ready: (page) => page.getByRole('grid', { name: 'Backup jobs' }).getByRole('gridcell').first(),
  },
];

for (const entry of SCANNED) {
  test(`${entry.heading} page has no serious accessibility violations (light and dark)`, async ({ page }) => {
    // A full grid takes axe a while on two shared cores.
    test.setTimeout(60_000);
    await page.goto(entry.path);
    await expect(page.getByRole('heading', { level: 1, name: entry.heading })).toBeVisible();
    await expect(entry.ready(page)).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
    await expectAccessible(page);
  });
}

test('not-found page has no serious accessibility violations', async ({ page }) => {
  await page.goto('/nowhere');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expectAccessible(page);
});

test('after navigating, focus moves to the new page heading for screen readers', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).not.toBeFocused();
  await page
    .getByRole('navigation', { name: 'Backup center' })
    .getByRole('link', { name: 'Backup jobs' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Backup jobs' })).toBeFocused();
});
