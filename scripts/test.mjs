// `npm test`: every check a change must pass, in the order that fails fastest, then one
// closing line summed from the runners' reports. Every step runs even after a failure so one
// run shows everything that is wrong.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { findChromium, HOW_TO_GET_CHROMIUM } from './find-chromium.mjs';
import { summarize } from './summarize-reports.mjs';

const chromium = findChromium();
if (!chromium) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}

rmSync('reports', { recursive: true, force: true });
mkdirSync('reports', { recursive: true });

const steps = [
  ['typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']],
  [
    'unit tests (vitest)',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest.json'],
  ],
  ['production build', 'npx', ['vite', 'build', '--logLevel', 'warn']],
  ['demo build', 'npx', ['vite', 'build', '--mode', 'demo', '--outDir', 'dist-demo', '--logLevel', 'warn']],
  ['bundle check', 'node', ['scripts/check-bundle.mjs']],
  ['e2e tests (playwright)', 'npx', ['playwright', 'test']],
];

const failed = [];
for (const [name, cmd, args] of steps) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } });
  if (result.status !== 0) {
    console.log(`✖ ${name} failed`);
    // Test runners' failures are counted from their reports; other steps count as one each.
    if (!name.includes('tests')) failed.push(name);
  }
}

writeFileSync('reports/failed-steps.json', JSON.stringify(failed));
console.log('');
const { lines, closing, total } = summarize({ stepFailures: failed });
for (const line of lines) console.log(line);
console.log(closing);
process.exit(total.failed > 0 ? 1 : 0);
