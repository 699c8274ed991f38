// What each build may and may not contain:
// - the production build (dist/) ships no simulator (msw, mockServiceWorker.js, demo data), has a
//   strict Content-Security-Policy in every page, and keeps MSAL out of the entry chunk so the
//   shell paints before MSAL loads;
// - the demo build (dist-demo/) ships no MSAL and no sign-in redirect page.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SIMULATOR = /setupWorker|mockServiceWorker|contoso-pg-vault/;
const MSAL = /interaction_in_progress|acquireTokenSilent|InteractionRequiredAuthError/;

const problems = [];

function scripts(dir) {
  const assets = join(dir, 'assets');
  return readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({ file, text: readFileSync(join(assets, file), 'utf8') }));
}

function checkProduction(dir) {
  if (existsSync(join(dir, 'mockServiceWorker.js'))) problems.push(`${dir}/mockServiceWorker.js exists`);
  for (const { file, text } of scripts(dir)) {
    if (SIMULATOR.test(text)) problems.push(`${dir}/assets/${file} contains simulator code`);
  }
  for (const page of ['index.html', 'redirect.html']) {
    const path = join(dir, page);
    if (!existsSync(path)) {
      problems.push(`${path} is missing`);
      continue;
    }
    const html = readFileSync(path, 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    const policy = meta?.[1]?.replaceAll('&#39;', "'");
    if (!policy) problems.push(`${path} has no Content-Security-Policy meta tag`);
    else {
      if (/unsafe-inline|unsafe-eval/.test(policy))
        problems.push(`${path}: the policy allows unsafe-inline/eval`);
      if (!/(^|; )script-src 'self'(;|$)/.test(policy))
        problems.push(`${path}: script-src is not exactly 'self'`);
      if (html.indexOf('http-equiv="Content-Security-Policy"') > html.indexOf('<script'))
        problems.push(`${path}: the policy comes after a script`);
    }
    if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) problems.push(`${path} has an inline script`);
    if (/\sstyle="/.test(html)) problems.push(`${path} has an inline style attribute`);
  }
  // The entry chunk (and what it preloads) must not contain MSAL: first paint does not wait for it.
  const index = readFileSync(join(dir, 'index.html'), 'utf8');
  for (const [, src] of index.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)) {
    if (MSAL.test(readFileSync(join(dir, 'assets', src), 'utf8')))
      problems.push(`${dir}/assets/${src} is loaded before first paint and contains MSAL`);
  }
}

function checkDemo(dir) {
  if (!existsSync(dir)) {
    problems.push(`${dir} does not exist (build it with npm run build:demo)`);
    return;
  }
  if (existsSync(join(dir, 'redirect.html'))) problems.push(`${dir}/redirect.html exists`);
  for (const { file, text } of scripts(dir)) {
    if (MSAL.test(text)) problems.push(`${dir}/assets/${file} contains MSAL`);
  }
}

checkProduction('dist');
checkDemo('dist-demo');
if (problems.length) {
  console.error(`Bundle check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  'Production bundle holds no simulator code and carries its CSP; MSAL loads after first paint; the demo bundle holds no MSAL.',
);
