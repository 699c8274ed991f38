// With its extension: vite.config.ts loads this file too, outside the app's resolver.
import { findCloud, ACCEPTED_CLOUD_NAMES, type AzureCloud } from './clouds.ts';

/**
 * The build-time configuration of real mode (`.env.local`, see the README), parsed in one place so
 * the app's start-up page, the MSAL session and the build's Content-Security-Policy agree on it.
 */

/** The variables read from `import.meta.env` (all optional strings, as Vite provides them). */
export interface AzureConfigEnv {
  readonly VITE_DEMO?: string | undefined;
  readonly VITE_AZURE_CLIENT_ID?: string | undefined;
  readonly VITE_AZURE_TENANT_ID?: string | undefined;
  readonly VITE_AZURE_CLOUD?: string | undefined;
  readonly VITE_AZURE_REDIRECT_URI?: string | undefined;
  readonly VITE_AZURE_INTERACTION?: string | undefined;
}

/** How MSAL shows Entra ID's sign-in page when the user has to interact. */
export type InteractionKind = 'redirect' | 'popup';

/** A valid real-mode configuration. */
export interface AzureConfig {
  /** Application (client) id of the app registration. */
  readonly clientId: string;
  /** Directory (tenant) id, a verified domain, `organizations` or `common`. */
  readonly tenantId: string;
  /** The cloud: authority host, ARM endpoint and scope. */
  readonly cloud: AzureCloud;
  /** `<authority host>/<tenant>`, the authority of the first sign-in. */
  readonly authority: string;
  /** Where Entra ID sends the browser back (the redirect bridge page, see `redirect.html`). */
  readonly redirectUri: string;
  /** Where Entra ID sends the browser after sign-out (the app's start page). */
  readonly postLogoutRedirectUri: string;
  /** Redirect (default) or popup. */
  readonly interaction: InteractionKind;
}

/** One thing wrong with the configuration: which variable, what is wrong, how to fix it. */
export interface ConfigProblem {
  /** Environment variable name, e.g. `VITE_AZURE_CLIENT_ID`. */
  readonly variable: string;
  /** What is wrong, naming the value given. */
  readonly problem: string;
  /** What to do about it. */
  readonly fix: string;
}

/** Result of {@link parseAzureConfig}. */
export type AzureConfigResult =
  | { readonly mode: 'demo' }
  | { readonly mode: 'azure'; readonly config: AzureConfig }
  | { readonly mode: 'invalid'; readonly problems: readonly ConfigProblem[] };

/** The redirect bridge page; the default redirect URI is this page next to the app's start page. */
export const REDIRECT_BRIDGE_PAGE = 'redirect.html';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A verified domain of a directory, e.g. contoso.onmicrosoft.com or contoso.com.
const DOMAIN = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const ENV_FILE = 'in .env.local (see "Running against real Azure" in the README)';

/**
 * Parses the configuration. `VITE_DEMO=true` (the `--mode demo` build) means the simulated tenant;
 * otherwise every variable is checked and every problem reported at once, each with its fix, so
 * the start-up page can say exactly what to change.
 *
 * @param env - `import.meta.env` or an equivalent record.
 * @param appUrl - Where the app is served: origin plus base path (`window.location.origin` +
 *   `import.meta.env.BASE_URL`). The default redirect URI is derived from it and a redirect URI on
 *   another origin is refused. Omit it at build time, where it is not known.
 */
export function parseAzureConfig(env: AzureConfigEnv, appUrl?: string): AzureConfigResult {
  if (value(env.VITE_DEMO) === 'true') return { mode: 'demo' };
  const problems: ConfigProblem[] = [];

  const clientId = value(env.VITE_AZURE_CLIENT_ID);
  if (!clientId) {
    problems.push({
      variable: 'VITE_AZURE_CLIENT_ID',
      problem: 'is not set, so this build cannot sign anyone in to Azure.',
      fix: `Register a single-page application in Microsoft Entra ID and set VITE_AZURE_CLIENT_ID to its Application (client) ID ${ENV_FILE}. To try the app without Azure, run \`npm start\` (demo tenant).`,
    });
  } else if (!GUID.test(clientId)) {
    problems.push({
      variable: 'VITE_AZURE_CLIENT_ID',
      problem: `is "${clientId}", which is not an Application (client) ID: those are GUIDs such as 00000000-0000-0000-0000-000000000000.`,
      fix: "Copy the Application (client) ID from the app registration's Overview page in the Entra admin center.",
    });
  }

  const tenantId = value(env.VITE_AZURE_TENANT_ID) ?? 'organizations';
  const tenantKey = tenantId.toLowerCase();
  if (tenantKey === 'consumers') {
    problems.push({
      variable: 'VITE_AZURE_TENANT_ID',
      problem: 'is "consumers": personal Microsoft accounts cannot manage Azure resources.',
      fix: 'Use your Directory (tenant) ID, or "organizations" to let users of any work or school directory sign in.',
    });
  } else if (
    tenantKey !== 'organizations' &&
    tenantKey !== 'common' &&
    !GUID.test(tenantId) &&
    !DOMAIN.test(tenantId)
  ) {
    problems.push({
      variable: 'VITE_AZURE_TENANT_ID',
      problem: `is "${tenantId}", which is neither a Directory (tenant) ID (a GUID), a verified domain such as contoso.onmicrosoft.com, nor "organizations".`,
      fix: 'Copy the Directory (tenant) ID from the app registration\'s Overview page, or use "organizations".',
    });
  }

  const cloudName = value(env.VITE_AZURE_CLOUD);
  const cloud = cloudName ? findCloud(cloudName) : findCloud('AzureCloud');
  if (!cloud) {
    problems.push({
      variable: 'VITE_AZURE_CLOUD',
      problem: `is "${cloudName ?? ''}", which is not an Azure cloud this app knows.`,
      fix: `Use one of ${ACCEPTED_CLOUD_NAMES.join(', ')}, or leave it out for the public cloud.`,
    });
  }

  const base = new URL(appUrl ?? 'http://localhost/');
  const redirect = parseRedirectUri(value(env.VITE_AZURE_REDIRECT_URI), base, appUrl !== undefined);
  if (typeof redirect !== 'string') problems.push(redirect);

  const interaction = (value(env.VITE_AZURE_INTERACTION) ?? 'redirect').toLowerCase();
  if (interaction !== 'redirect' && interaction !== 'popup') {
    problems.push({
      variable: 'VITE_AZURE_INTERACTION',
      problem: `is "${value(env.VITE_AZURE_INTERACTION) ?? ''}"; it must be "redirect" or "popup".`,
      fix: 'Leave it out for the redirect flow (recommended), or set it to "popup".',
    });
  }

  if (problems.length > 0 || !clientId || !cloud || typeof redirect !== 'string') {
    return { mode: 'invalid', problems };
  }
  const redirectUri = redirect;
  return {
    mode: 'azure',
    config: {
      clientId,
      tenantId,
      cloud,
      authority: `${cloud.authorityHost}/${tenantId}`,
      redirectUri,
      postLogoutRedirectUri: base.href,
      interaction: interaction === 'popup' ? 'popup' : 'redirect',
    },
  };
}

function parseRedirectUri(
  given: string | undefined,
  base: URL,
  knowsOrigin: boolean,
): string | ConfigProblem {
  const variable = 'VITE_AZURE_REDIRECT_URI';
  const defaultUri = new URL(REDIRECT_BRIDGE_PAGE, base).href;
  // At build time the origin is not known; the app derives the default at start-up.
  if (!given) return defaultUri;
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    return {
      variable,
      problem: `is "${given}", which is not an absolute URL.`,
      fix: `Use the full address of the app's redirect page, e.g. https://backup.contoso.com/${REDIRECT_BRIDGE_PAGE}, or leave it out to use ${REDIRECT_BRIDGE_PAGE} next to the app's start page.`,
    };
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    return {
      variable,
      problem: `is "${given}": Entra ID accepts plain http only for localhost.`,
      fix: 'Serve the app over https and use its https address.',
    };
  }
  if (url.hash) {
    return {
      variable,
      problem: `is "${given}": a redirect URI cannot contain a fragment (#...).`,
      fix: 'Remove the part from # on.',
    };
  }
  if (knowsOrigin && url.origin !== base.origin) {
    return {
      variable,
      problem: `is "${given}", on another origin than the app (${base.origin}).`,
      fix: `The redirect page must be served by this app: use ${defaultUri} (and register it in the app registration).`,
    };
  }
  return url.href;
}

function value(raw: string | undefined): string | undefined {
  const trimmed = raw?.trim();
  return trimmed ? trimmed : undefined;
}
