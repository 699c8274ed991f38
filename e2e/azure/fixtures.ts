import { readFileSync } from 'node:fs';
import { expect, test as base, type Page } from '@playwright/test';
import { createTestServer, DEMO_TENANT_ID, Tenant, type TestServer } from '../../src/mocks/node';
import { FakeArm } from './fake-arm';
import { FakeEntra, type Directory, type FakeUser } from './fake-entra';

/*
 * Fixtures of the real-mode e2e tests: the production build (scripts/e2e-azure-server.mjs), a fake
 * Entra ID and ARM answered by the simulator, and two guards every test gets for free: a violation
 * of the Content-Security-Policy fails the test, and so does any console error it did not expect.
 */

interface E2eApp {
  base: string;
  env: {
    VITE_AZURE_CLIENT_ID: string;
    VITE_AZURE_TENANT_ID: string;
    VITE_AZURE_CLOUD: string;
    VITE_AZURE_INTERACTION?: string;
  };
}
const APPS = JSON.parse(readFileSync(new URL('./e2e-apps.json', import.meta.url), 'utf8')) as Record<
  'public' | 'usgov' | 'popup' | 'misconfigured',
  E2eApp
>;

/** Where the build with an invalid configuration (unknown cloud, malformed client id) is served. */
export const MISCONFIGURED_BASE = APPS.misconfigured.base;

const PUBLIC_CLOUD = {
  authorityHost: 'https://login.microsoftonline.com',
  armEndpoint: 'https://management.azure.com',
} as const;
const CLOUDS = {
  public: PUBLIC_CLOUD,
  popup: PUBLIC_CLOUD,
  usgov: {
    authorityHost: 'https://login.microsoftonline.us',
    armEndpoint: 'https://management.usgovcloudapi.net',
  },
} as const;

/** The user's home directory: the demo tenant's data (contoso-pg-vault ...). */
export const CONTOSO: Directory = {
  tenantId: DEMO_TENANT_ID,
  displayName: 'Contoso',
  defaultDomain: 'contoso.onmicrosoft.com',
};

/** A directory where the user is a guest, with data of its own. */
export const FABRIKAM: Directory = {
  tenantId: 'b7c3e1d9-2f4a-4b6c-8d0e-1a2b3c4d5e6f',
  displayName: 'Fabrikam',
  defaultDomain: 'fabrikam.onmicrosoft.com',
};

export const FABRIKAM_SUBSCRIPTION = {
  id: '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a',
  name: 'Fabrikam Production',
};
export const FABRIKAM_VAULT = 'fabrikam-pg-vault';

export const ALEX: FakeUser = {
  name: 'Alex Wilber',
  username: 'alex@contoso.onmicrosoft.com',
  homeTenantId: CONTOSO.tenantId,
  objectIds: {
    [CONTOSO.tenantId]: '3f1d2c9a-7b4e-4a51-9c8d-2e6f0a1b5c77',
    [FABRIKAM.tenantId]: 'c2d4e6f8-1a3b-4c5d-8e7f-9a0b1c2d3e4f',
  },
};

/** Fabrikam's resources: one subscription with one geo-redundant vault. */
function fabrikamSimulator(): TestServer {
  return createTestServer({
    startAt: Date.now(),
    tenant: (clock) => {
      const tenant = new Tenant({ seed: 4242, clock, timings: { retryAfterSeconds: 0 } });
      tenant.addSubscription({
        subscriptionId: FABRIKAM_SUBSCRIPTION.id,
        displayName: FABRIKAM_SUBSCRIPTION.name,
        tenantId: FABRIKAM.tenantId,
        state: 'Enabled',
        quotaId: 'EnterpriseAgreement_2014-09-01',
      });
      tenant.addResourceGroup({
        subscriptionId: FABRIKAM_SUBSCRIPTION.id,
        name: 'rg-fabrikam-backup',
        location: 'northeurope',
      });
      tenant.addVault({
        subscriptionId: FABRIKAM_SUBSCRIPTION.id,
        resourceGroup: 'rg-fabrikam-backup',
        name: FABRIKAM_VAULT,
        location: 'northeurope',
        redundancy: 'GeoRedundant',
        crrState: 'Enabled',
      });
      return tenant;
    },
  });
}

export interface AzureFixtures {
  /**
   * Which production build the test runs: the public cloud (`/`), US Government (`/usgov/`) or the
   * public cloud with popup sign-in (`/popup/`).
   */
  cloud: 'public' | 'usgov' | 'popup';
  entra: FakeEntra;
  arm: FakeArm;
  /** CSP violations seen in any page, popup or frame; must be empty when the test ends. */
  cspViolations: string[];
  /** Console errors and uncaught errors; must be empty when the test ends (see allowConsoleError). */
  consoleErrors: string[];
  /** Lets the test expect console errors matching `pattern` (e.g. the browser logging a 401). */
  allowConsoleError: (pattern: RegExp) => void;
  /** A path inside the build under test (`/vaults` -> `/usgov/vaults` for US Government). */
  appPath: (path: string) => string;
}

export const test = base.extend<AzureFixtures>({
  cloud: ['public', { option: true }],

  appPath: async ({ cloud }, use) => {
    const base = APPS[cloud].base.replace(/\/$/, '');
    await use((path) => `${base}${path}`);
  },

  entra: async ({ cloud, context, baseURL }, use) => {
    const app = APPS[cloud];
    const directories = cloud === 'usgov' ? [CONTOSO] : [CONTOSO, FABRIKAM];
    const entra = new FakeEntra(
      CLOUDS[cloud].authorityHost,
      CLOUDS[cloud].armEndpoint,
      [
        {
          clientId: app.env.VITE_AZURE_CLIENT_ID,
          redirectUris: [new URL(`${app.base}redirect.html`, baseURL).href],
        },
      ],
      ALEX,
      directories,
    );
    await entra.install(context);
    await use(entra);
  },

  arm: async ({ cloud, context, entra }, use) => {
    const arm = new FakeArm(CLOUDS[cloud].armEndpoint, entra).addDirectory(
      CONTOSO.tenantId,
      createTestServer({ startAt: Date.now() }),
    );
    if (cloud !== 'usgov') arm.addDirectory(FABRIKAM.tenantId, fabrikamSimulator());
    await arm.install(context);
    await use(arm);
  },

  cspViolations: async ({ context }, use) => {
    const violations: string[] = [];
    await context.exposeBinding('__reportCspViolation', (_source, violation: string) => {
      violations.push(violation);
    });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { __reportCspViolation?: (v: string) => void })
          .__reportCspViolation;
        report?.(
          `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} in ${event.documentURI} (${event.sourceFile}:${event.lineNumber})`,
        );
      });
    });
    await use(violations);
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
  },

  consoleErrors: async ({ context }, use) => {
    const errors: string[] = [];
    context.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
    });
    context.on('weberror', (error) => errors.push(`uncaught: ${error.error().message}`));
    await use(errors);
  },

  allowConsoleError: async ({ consoleErrors }, use) => {
    const allowed: RegExp[] = [];
    await use((pattern) => allowed.push(pattern));
    expect(
      consoleErrors.filter((e) => !allowed.some((p) => p.test(e))),
      'unexpected console errors',
    ).toEqual([]);
  },
});

/**
 * Every test gets the guards and the fakes even when it does not name them: Playwright sets up
 * only the fixtures a test asks for, so this auto fixture asks for all of them.
 */
export const azureTest = test.extend<{ guards: void }>({
  guards: [
    async ({ context, entra, arm, cspViolations, allowConsoleError }, use) => {
      void arm;
      void cspViolations;
      void allowConsoleError;
      // Tokens never travel in a URL and never reach the console.
      const urls: string[] = [];
      const logs: string[] = [];
      context.on('request', (request) => urls.push(request.url()));
      context.on('console', (message) => logs.push(message.text()));
      await use();
      const leaked = (texts: string[]) =>
        texts.filter((text) => entra.issuedTokens().some((token) => text.includes(token)));
      expect(leaked(urls), 'tokens in request URLs').toEqual([]);
      expect(leaked(logs), 'tokens in console messages').toEqual([]);
    },
    { auto: true },
  ],
});

/** Signs in from the sign-in page the app shows at `path`, and waits for the page's heading. */
export async function signIn(page: Page, path: string, heading: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Azure' })).toBeVisible();
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

export { expect };
