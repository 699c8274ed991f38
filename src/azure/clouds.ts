/**
 * Azure clouds the portal can talk to. A cloud fixes the ARM origin (the only origin that ever
 * receives a bearer token), the Entra ID authority and the token scope.
 *
 * Scope choice: `<arm>/user_impersonation`, not `<arm>/.default`. ARM exposes exactly one
 * delegated permission, and naming it lets MSAL do incremental consent in a SPA without the app
 * registration having to pre-list ARM under "API permissions" (which `.default` relies on). Both
 * yield the same ARM token; `.default` would only matter for confidential clients.
 */

/** Names of the supported clouds (values accepted in `VITE_AZURE_CLOUD`). */
export type AzureCloudName = 'AzurePublicCloud' | 'AzureUSGovernment' | 'AzureChinaCloud';

/** Endpoints and scope of one Azure cloud. */
export interface AzureCloud {
  /** Stable identifier, also used in configuration. */
  readonly name: AzureCloudName;
  /** Name for people. */
  readonly displayName: string;
  /** ARM origin, no trailing slash. Tokens are sent to this origin only. */
  readonly armEndpoint: string;
  /** Entra ID authority host (without tenant), no trailing slash. */
  readonly authorityHost: string;
  /** Scope to request for ARM tokens. */
  readonly armScope: string;
  /** Azure portal origin, for "open in portal" links. */
  readonly portalUrl: string;
}

/** Azure public cloud. */
export const AzurePublicCloud: AzureCloud = {
  name: 'AzurePublicCloud',
  displayName: 'Azure',
  armEndpoint: 'https://management.azure.com',
  authorityHost: 'https://login.microsoftonline.com',
  armScope: 'https://management.azure.com/user_impersonation',
  portalUrl: 'https://portal.azure.com',
};

/** Azure US Government. */
export const AzureUSGovernment: AzureCloud = {
  name: 'AzureUSGovernment',
  displayName: 'Azure US Government',
  armEndpoint: 'https://management.usgovcloudapi.net',
  authorityHost: 'https://login.microsoftonline.us',
  armScope: 'https://management.usgovcloudapi.net/user_impersonation',
  portalUrl: 'https://portal.azure.us',
};

/** Azure operated by 21Vianet (China). */
export const AzureChinaCloud: AzureCloud = {
  name: 'AzureChinaCloud',
  displayName: 'Azure China (21Vianet)',
  armEndpoint: 'https://management.chinacloudapi.cn',
  authorityHost: 'https://login.partner.microsoftonline.cn',
  armScope: 'https://management.chinacloudapi.cn/user_impersonation',
  portalUrl: 'https://portal.azure.cn',
};

/** All supported clouds by name. */
export const AZURE_CLOUDS: Readonly<Record<AzureCloudName, AzureCloud>> = {
  AzurePublicCloud,
  AzureUSGovernment,
  AzureChinaCloud,
};

/**
 * Resolves a cloud from configuration (case-insensitive name). Unknown or empty values fall back
 * to the public cloud, because a typo must not silently send tokens elsewhere.
 */
export function getCloud(name: string | undefined | null): AzureCloud {
  if (!name) return AzurePublicCloud;
  const wanted = name.trim().toLowerCase();
  return Object.values(AZURE_CLOUDS).find((c) => c.name.toLowerCase() === wanted) ?? AzurePublicCloud;
}
