import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';

/**
 * Fails on serious or critical accessibility violations. Only Fluent DataGrid's focus-trap
 * helpers are excluded: axe flags them (aria-hidden-focus) though they are Tabster's dummies.
 */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([]);
}

/**
 * Chromium logs every HTTP error status a page receives as a console error. Tests that make
 * Azure fail on purpose (fault scenarios) list the statuses they expect with
 * `test.use({ expectedHttpErrors: [403] })`; anything else logged as an error fails the test.
 */
export const httpErrorLog = (statuses: readonly number[]): RegExp =>
  new RegExp(`Failed to load resource: the server responded with a status of (${statuses.join('|')})\\b`);

interface Fixtures {
  /** Uncaught page errors and `console.error` messages of the test so far. */
  consoleErrors: string[];
  /** HTTP error statuses this test provokes on purpose (their console lines are expected). */
  expectedHttpErrors: number[];
}

export const test = base.extend<Fixtures>({
  expectedHttpErrors: [[], { option: true }],
  // Automatic: every test fails on an unexpected uncaught error or console.error.
  consoleErrors: [
    async ({ page, expectedHttpErrors }, use) => {
      const errors: string[] = [];
      const expected = expectedHttpErrors.length > 0 ? httpErrorLog(expectedHttpErrors) : undefined;
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const text = message.text();
        if (expected?.test(text)) return;
        errors.push(`console.error: ${text}`);
      });
      await use(errors);
      expect(errors, 'unexpected errors in the browser console').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
