import { defineConfig, devices } from '@playwright/test';

// Playwright cannot download browsers here; it drives the system Chromium (Debian package
// `chromium`). scripts/test.mjs checks that it exists before we get this far.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// E2E_PORT lets several checkouts run their suites side by side without reusing each other's server.
const port = Number(process.env.E2E_PORT ?? 4173);
// The production builds (real mode, signing in at a fake Entra ID) are served on the next port.
const azurePort = port + 1;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    ...devices['Desktop Chrome'],
    viewport: { width: 1400, height: 900 },
    launchOptions: { executablePath },
  },
  projects: [
    // The demo build: the same app, answered by the simulated tenant.
    { name: 'chromium', testIgnore: 'azure/**', use: { baseURL: `http://localhost:${port}` } },
    // The production build with MSAL, its CSP enforced, against a fake Entra ID and the simulator.
    // Sign-in round trips (redirects through Entra ID and back) make these tests longer.
    {
      name: 'azure',
      testMatch: 'azure/**/*.spec.ts',
      timeout: 60_000,
      use: { baseURL: `http://localhost:${azurePort}` },
    },
  ],
  webServer: [
    {
      command: `npx vite build --mode demo --outDir dist-demo --logLevel warn && npx vite preview --mode demo --outDir dist-demo --port ${port} --strictPort`,
      url: `http://localhost:${port}`,
      // Never reuse a server already on the port: it may serve an older build or another checkout.
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `node scripts/e2e-azure-server.mjs --port ${azurePort}`,
      url: `http://localhost:${azurePort}`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
