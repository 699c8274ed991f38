// The production bundle must not ship the simulator: msw and mockServiceWorker.js are demo-only.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dist = 'dist';
const problems = [];
if (existsSync(join(dist, 'mockServiceWorker.js'))) problems.push('dist/mockServiceWorker.js exists');
for (const file of readdirSync(join(dist, 'assets'))) {
  if (!file.endsWith('.js')) continue;
  const text = readFileSync(join(dist, 'assets', file), 'utf8');
  if (/setupWorker|mockServiceWorker|contoso-pg-vault/.test(text))
    problems.push(`${file} contains simulator code`);
}
if (problems.length) {
  console.error(`Production bundle check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('Production bundle holds no simulator code.');
