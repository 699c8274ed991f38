// Sums the test runners' own JSON reports into the one closing line CI reads:
// "N passed, N failed[, N skipped]". A runner that should have reported but left no report
// counts as one failure: nothing is ever reported as passing that did not run.
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** @param {string} file */
function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Vitest's JSON reporter (Jest-compatible format). */
export function countVitest(report) {
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0),
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/** Playwright's JSON reporter: expected = passed, unexpected = failed, flaky counted as failed. */
export function countPlaywright(report) {
  const s = report.stats ?? {};
  const errors = Array.isArray(report.errors) ? report.errors.length : 0;
  return {
    passed: s.expected ?? 0,
    failed: (s.unexpected ?? 0) + (s.flaky ?? 0) + errors,
    skipped: s.skipped ?? 0,
  };
}

/**
 * @param {{ vitest?: string, playwright?: string, stepFailures?: string[] }} options
 */
export function summarize({
  vitest = 'reports/vitest.json',
  playwright = 'reports/playwright.json',
  stepFailures = [],
} = {}) {
  const total = { passed: 0, failed: stepFailures.length, skipped: 0 };
  const lines = stepFailures.map((step) => `step failed: ${step}`);
  for (const [name, file, count] of [
    ['vitest', vitest, countVitest],
    ['playwright', playwright, countPlaywright],
  ]) {
    const report = existsSync(file) ? readJson(file) : null;
    if (!report) {
      total.failed += 1;
      lines.push(`${name}: no report at ${file} (did not run or crashed)`);
      continue;
    }
    const c = count(report);
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
    lines.push(`${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
  }
  const closing = `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`;
  return { total, lines, closing };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // scripts/test.mjs leaves the names of failed non-test steps (typecheck, lint, build) here.
  const failedSteps = existsSync('reports/failed-steps.json')
    ? (readJson('reports/failed-steps.json') ?? [])
    : [];
  const { lines, closing, total } = summarize({ stepFailures: failedSteps });
  for (const line of lines) console.log(line);
  console.log(closing);
  process.exitCode = total.failed > 0 ? 1 : 0;
}
