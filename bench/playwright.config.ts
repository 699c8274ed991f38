import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

// The benchmark as Playwright files: one worker (timings must not share the 2 cores), no retries,
// long timeouts (scale sections page 100,000 rows). Servers are the same builds the e2e tests
// use: the demo build (simulator in the browser) and the production build in real mode (fake
// Entra ID and ARM played by the bench in Node).
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.BENCH_PORT ?? 4280);
// Web servers start in the config's folder unless told otherwise; the builds run from the repo root.
const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  testDir: './sections',
  testMatch: '*.bench.ts',
  workers: 1,
  retries: 0,
  timeout: 600_000,
  // A shared 2-core machine can be slow to sign in; figures are timed in the page, not by expect.
  expect: { timeout: 30_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1400, height: 900 },
    launchOptions: { executablePath },
    baseURL: `http://localhost:${port}`,
  },
  webServer: [
    {
      command: `npx vite build --mode demo --outDir dist-demo --logLevel warn && npx vite preview --mode demo --outDir dist-demo --port ${port} --strictPort`,
      url: `http://localhost:${port}`,
      cwd: root,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `node scripts/e2e-azure-server.mjs --port ${port + 1}`,
      url: `http://localhost:${port + 1}`,
      cwd: root,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
