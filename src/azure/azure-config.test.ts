import { describe, expect, it } from 'vitest';
import { parseAzureConfig, type AzureConfigEnv, type ConfigProblem } from './azure-config';
import { AzureChinaCloud, AzurePublicCloud, AzureUSGovernment, getCloud, UnknownCloudError } from './clouds';

const CLIENT_ID = '6a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const ORIGIN = 'https://backup.contoso.com/';

function problemsOf(env: AzureConfigEnv, origin: string = ORIGIN): ConfigProblem[] {
  const result = parseAzureConfig(env, origin);
  if (result.mode !== 'invalid') throw new Error(`expected an invalid configuration, got ${result.mode}`);
  return [...result.problems];
}

function configOf(env: AzureConfigEnv, origin: string | null = ORIGIN) {
  const result = parseAzureConfig(env, origin ?? undefined);
  if (result.mode !== 'azure')
    throw new Error(`expected a valid configuration, got ${JSON.stringify(result)}`);
  return result.config;
}

describe('getCloud', () => {
  it('accepts both spellings of the public cloud, in any case', () => {
    expect(getCloud('AzureCloud')).toBe(AzurePublicCloud);
    expect(getCloud('AzurePublicCloud')).toBe(AzurePublicCloud);
    expect(getCloud(' azurecloud ')).toBe(AzurePublicCloud);
    expect(getCloud('AzureUSGovernment')).toBe(AzureUSGovernment);
    expect(getCloud('azurechinacloud')).toBe(AzureChinaCloud);
  });

  it('means the public cloud when nothing is configured', () => {
    expect(getCloud(undefined)).toBe(AzurePublicCloud);
    expect(getCloud('')).toBe(AzurePublicCloud);
  });

  it('refuses an unknown name instead of falling back to the public cloud', () => {
    expect(() => getCloud('AzureGermanCloud')).toThrow(UnknownCloudError);
    expect(() => getCloud('AzureUSGovernmnet')).toThrow(
      '"AzureUSGovernmnet" is not an Azure cloud this app knows. Use one of: AzureCloud, AzurePublicCloud, AzureUSGovernment, AzureChinaCloud (AzureCloud and AzurePublicCloud both mean the public cloud).',
    );
  });
});

describe('parseAzureConfig', () => {
  it('is demo mode in the demo build, whatever else is set', () => {
    expect(parseAzureConfig({ VITE_DEMO: 'true', VITE_AZURE_CLIENT_ID: 'nonsense' }, ORIGIN)).toEqual({
      mode: 'demo',
    });
  });

  it('fills in the defaults: organizations, public cloud, redirect page on the app origin, redirect flow', () => {
    expect(configOf({ VITE_AZURE_CLIENT_ID: CLIENT_ID })).toEqual({
      clientId: CLIENT_ID,
      tenantId: 'organizations',
      cloud: AzurePublicCloud,
      authority: 'https://login.microsoftonline.com/organizations',
      redirectUri: 'https://backup.contoso.com/redirect.html',
      postLogoutRedirectUri: 'https://backup.contoso.com/',
      interaction: 'redirect',
    });
  });

  it('takes authority, ARM endpoint and scope of a sovereign cloud from the one table', () => {
    const config = configOf({
      VITE_AZURE_CLIENT_ID: CLIENT_ID,
      VITE_AZURE_TENANT_ID: TENANT_ID,
      VITE_AZURE_CLOUD: 'AzureUSGovernment',
      VITE_AZURE_INTERACTION: 'popup',
    });
    expect(config.cloud).toBe(AzureUSGovernment);
    expect(config.authority).toBe(`https://login.microsoftonline.us/${TENANT_ID}`);
    expect(config.cloud.armEndpoint).toBe('https://management.usgovcloudapi.net');
    expect(config.cloud.armScope).toBe('https://management.usgovcloudapi.net/user_impersonation');
    expect(config.interaction).toBe('popup');
    expect(configOf({ VITE_AZURE_CLIENT_ID: CLIENT_ID, VITE_AZURE_CLOUD: 'AzureChinaCloud' }).authority).toBe(
      'https://login.partner.microsoftonline.cn/organizations',
    );
  });

  it('accepts a verified domain, common and an explicit redirect URI on the app origin', () => {
    expect(
      configOf({ VITE_AZURE_CLIENT_ID: CLIENT_ID, VITE_AZURE_TENANT_ID: 'contoso.onmicrosoft.com' }).tenantId,
    ).toBe('contoso.onmicrosoft.com');
    expect(configOf({ VITE_AZURE_CLIENT_ID: CLIENT_ID, VITE_AZURE_TENANT_ID: 'common' }).tenantId).toBe(
      'common',
    );
    expect(
      configOf(
        { VITE_AZURE_CLIENT_ID: CLIENT_ID, VITE_AZURE_REDIRECT_URI: 'http://localhost:5173/redirect.html' },
        'http://localhost:5173/',
      ).redirectUri,
    ).toBe('http://localhost:5173/redirect.html');
  });

  it('says the client id is missing and how to fix it', () => {
    expect(problemsOf({})).toEqual([
      {
        variable: 'VITE_AZURE_CLIENT_ID',
        problem: 'is not set, so this build cannot sign anyone in to Azure.',
        fix: 'Register a single-page application in Microsoft Entra ID and set VITE_AZURE_CLIENT_ID to its Application (client) ID in .env.local (see "Running against real Azure" in the README). To try the app without Azure, run `npm start` (demo tenant).',
      },
    ]);
  });

  it('refuses a client id that is not a GUID', () => {
    expect(problemsOf({ VITE_AZURE_CLIENT_ID: 'my-app' })).toEqual([
      {
        variable: 'VITE_AZURE_CLIENT_ID',
        problem:
          'is "my-app", which is not an Application (client) ID: those are GUIDs such as 00000000-0000-0000-0000-000000000000.',
        fix: "Copy the Application (client) ID from the app registration's Overview page in the Entra admin center.",
      },
    ]);
  });

  it('refuses consumers and malformed tenants', () => {
    expect(problemsOf({ VITE_AZURE_CLIENT_ID: CLIENT_ID, VITE_AZURE_TENANT_ID: 'consumers' })).toEqual([
      {
        variable: 'VITE_AZURE_TENANT_ID',
        problem: 'is "consumers": personal Microsoft accounts cannot manage Azure resources.',
        fix: 'Use your Directory (tenant) ID, or "organizations" to let users of any work or school directory sign in.',
      },
    ]);
    expect(problemsOf({ VITE_AZURE_CLIENT_ID: CLIENT_ID, VITE_AZURE_TENANT_ID: 'contoso tenant' })).toEqual([
      {
        variable: 'VITE_AZURE_TENANT_ID',
        problem:
          'is "contoso tenant", which is neither a Directory (tenant) ID (a GUID), a verified domain such as contoso.onmicrosoft.com, nor "organizations".',
        fix: 'Copy the Directory (tenant) ID from the app registration\'s Overview page, or use "organizations".',
      },
    ]);
  });

  it('refuses an unknown cloud instead of using the public cloud', () => {
    expect(problemsOf({ VITE_AZURE_CLIENT_ID: CLIENT_ID, VITE_AZURE_CLOUD: 'AzureGermanCloud' })).toEqual([
      {
        variable: 'VITE_AZURE_CLOUD',
        problem: 'is "AzureGermanCloud", which is not an Azure cloud this app knows.',
        fix: 'Use one of AzureCloud, AzurePublicCloud, AzureUSGovernment, AzureChinaCloud, or leave it out for the public cloud.',
      },
    ]);
  });

  it.each([
    [
      'not-a-url',
      'is "not-a-url", which is not an absolute URL.',
      "Use the full address of the app's redirect page, e.g. https://backup.contoso.com/redirect.html, or leave it out to use redirect.html next to the app's start page.",
    ],
    [
      'http://backup.contoso.com/redirect.html',
      'is "http://backup.contoso.com/redirect.html": Entra ID accepts plain http only for localhost.',
      'Serve the app over https and use its https address.',
    ],
    [
      'https://backup.contoso.com/redirect.html#x',
      'is "https://backup.contoso.com/redirect.html#x": a redirect URI cannot contain a fragment (#...).',
      'Remove the part from # on.',
    ],
    [
      'https://other.contoso.com/redirect.html',
      'is "https://other.contoso.com/redirect.html", on another origin than the app (https://backup.contoso.com).',
      'The redirect page must be served by this app: use https://backup.contoso.com/redirect.html (and register it in the app registration).',
    ],
  ])('refuses the redirect URI %s', (given, problem, fix) => {
    expect(problemsOf({ VITE_AZURE_CLIENT_ID: CLIENT_ID, VITE_AZURE_REDIRECT_URI: given })).toEqual([
      { variable: 'VITE_AZURE_REDIRECT_URI', problem, fix },
    ]);
  });

  it('refuses an unknown interaction kind', () => {
    expect(problemsOf({ VITE_AZURE_CLIENT_ID: CLIENT_ID, VITE_AZURE_INTERACTION: 'iframe' })).toEqual([
      {
        variable: 'VITE_AZURE_INTERACTION',
        problem: 'is "iframe"; it must be "redirect" or "popup".',
        fix: 'Leave it out for the redirect flow (recommended), or set it to "popup".',
      },
    ]);
  });

  it('reports every problem at once, in variable order', () => {
    expect(
      problemsOf({
        VITE_AZURE_CLIENT_ID: 'x',
        VITE_AZURE_TENANT_ID: 'consumers',
        VITE_AZURE_CLOUD: 'Mars',
        VITE_AZURE_REDIRECT_URI: 'ftp://x',
        VITE_AZURE_INTERACTION: 'modal',
      }).map((p) => p.variable),
    ).toEqual([
      'VITE_AZURE_CLIENT_ID',
      'VITE_AZURE_TENANT_ID',
      'VITE_AZURE_CLOUD',
      'VITE_AZURE_REDIRECT_URI',
      'VITE_AZURE_INTERACTION',
    ]);
  });

  it('puts the default redirect page and the sign-out return next to an app hosted under a path', () => {
    const config = configOf({ VITE_AZURE_CLIENT_ID: CLIENT_ID }, 'https://contoso.com/backup/');
    expect(config.redirectUri).toBe('https://contoso.com/backup/redirect.html');
    expect(config.postLogoutRedirectUri).toBe('https://contoso.com/backup/');
  });

  it('skips the origin check at build time, where the origin is unknown', () => {
    expect(
      configOf(
        { VITE_AZURE_CLIENT_ID: CLIENT_ID, VITE_AZURE_REDIRECT_URI: 'https://x.contoso.com/redirect.html' },
        null,
      ).redirectUri,
    ).toBe('https://x.contoso.com/redirect.html');
  });
});
