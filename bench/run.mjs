// `npm run bench`: builds what users get, measures it in headless Chromium (Playwright drives the
// system Chromium, as in the e2e tests), prints one Markdown table with each figure beside its
// target, and writes bench/results.json, bench/results.md and bench/summary.md (the committed baseline).
//
//   npm run bench                    every section
//   npm run bench -- --only scale    sections whose file name contains "scale"
//
// Each section is a Playwright "test" file in bench/sections/ (so it can use the e2e harness:
// fake Entra ID, fake ARM, the simulator in Node); it records figures with recordFigures()
// (bench/lib/figures.ts) into bench/.out/, and this script sums them up.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium, HOW_TO_GET_CHROMIUM } from '../scripts/find-chromium.mjs';
import { formatTable, judge } from './lib/table.mjs';

const chromium = findChromium();
if (!chromium) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}

const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex > 0 ? process.argv[onlyIndex + 1] : undefined;
const OUT = 'bench/.out';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const started = Date.now();
const args = ['playwright', 'test', '-c', 'bench/playwright.config.ts', ...(only ? [only] : [])];
const result = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } });

const sections = existsSync(OUT)
  ? readdirSync(OUT)
      .filter((file) => file.endsWith('.json'))
      .map((file) => JSON.parse(readFileSync(join(OUT, file), 'utf8')))
      .sort((a, b) => a.order - b.order || a.title.localeCompare(b.title))
  : [];
const judged = sections.map((section) => ({ ...section, figures: section.figures.map(judge) }));
const results = {
  measuredAt: new Date().toISOString(),
  machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
  seconds: Math.round((Date.now() - started) / 1000),
  sections: judged,
};
const table = formatTable(results);
console.log(`\n${table}`);
if (!only) {
  writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync('bench/results.md', `${table}\n`);
  // The README shows this one: the same figures without the notes (they stay in results.md).
  writeFileSync('bench/summary.md', `${formatTable(results, { notes: false })}\n`);
  console.log('Wrote bench/results.json, bench/results.md and bench/summary.md');
}
const missed = judged.flatMap((s) => s.figures).filter((f) => f.pass === false).length;
console.log(`${missed} target(s) missed; bench took ${results.seconds} s`);
process.exit(result.status === 0 ? 0 : 1);
