// The production build as users get it, for the e2e tests of real mode: built with the test app
// registrations of e2e/azure/e2e-apps.json (the public cloud at /, US Government at /usgov/) and
// served with the hosting headers the README documents. Microsoft Entra ID and ARM are played by
// the tests (Playwright's page.route); nothing here talks to the internet.
//
//   node scripts/e2e-azure-server.mjs --port 4174
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { build } from 'vite';
import { hostingHeaders } from './csp.mjs';

const port = Number(process.argv[process.argv.indexOf('--port') + 1] || 4174);
const apps = JSON.parse(readFileSync('e2e/azure/e2e-apps.json', 'utf8'));

// Every variable is set, empty when unused, so a developer's .env.local cannot leak into the build.
const VARIABLES = [
  'VITE_DEMO',
  'VITE_AZURE_CLIENT_ID',
  'VITE_AZURE_TENANT_ID',
  'VITE_AZURE_CLOUD',
  'VITE_AZURE_REDIRECT_URI',
  'VITE_AZURE_INTERACTION',
];
for (const app of Object.values(apps)) {
  for (const name of VARIABLES) process.env[name] = app.env[name] ?? '';
  await build({
    mode: 'production',
    base: app.base,
    logLevel: 'error',
    build: { outDir: app.outDir, emptyOutDir: true },
  });
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.css': 'text/css',
};
const mounts = Object.values(apps)
  .map((app) => ({ base: app.base, root: resolve(app.outDir) }))
  .sort((a, b) => b.base.length - a.base.length);

createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  const mount = mounts.find((m) => path.startsWith(m.base)) ?? mounts[mounts.length - 1];
  const relative = normalize(path.slice(mount.base.length)).replace(/^(\.\.[/\\])+/, '');
  let file = join(mount.root, relative);
  // The single-page app answers every route with its index.html.
  if (!file.startsWith(mount.root) || !existsSync(file) || statSync(file).isDirectory()) {
    file = join(mount.root, 'index.html');
  }
  const body = readFileSync(file);
  const headers = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' };
  if (file.endsWith('.html')) {
    const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/
      .exec(body.toString('utf8'))?.[1]
      ?.replaceAll('&#39;', "'");
    if (policy) Object.assign(headers, hostingHeaders(policy));
    headers['Cache-Control'] = 'no-store';
  }
  response.writeHead(200, headers);
  response.end(body);
}).listen(port, () => console.log(`e2e production builds on http://localhost:${port}`));
