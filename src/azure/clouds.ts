/**
 * Azure clouds the portal can talk to. A cloud fixes the ARM origin (the only origin that ever
 * receives a bearer token), the Entra ID authority and the token scope.
 *
 * Scope choice: `<arm>/user_impersonation`, not `<arm>/.default`. ARM exposes exactly one
 * delegated permission, and naming it lets MSAL do incremental consent in a SPA without the app
 * registration having to pre-list ARM under "API permissions" (which `.default` relies on). Both
 * yield the same ARM token; `.default` would only matter for confidential clients.
 */

/**
 * Canonical names of the supported clouds. `VITE_AZURE_CLOUD` also accepts `AzureCloud`, the name
 * `az cloud list` and the Azure PowerShell modules use for the public cloud.
 */
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

/** Every spelling accepted for each cloud (compared case-insensitively). */
const CLOUD_SPELLINGS: Readonly<Record<AzureCloudName, readonly string[]>> = {
  AzurePublicCloud: ['AzureCloud', 'AzurePublicCloud'],
  AzureUSGovernment: ['AzureUSGovernment'],
  AzureChinaCloud: ['AzureChinaCloud'],
};

/** The names to show people when a cloud name is not recognised. */
export const ACCEPTED_CLOUD_NAMES: readonly string[] = Object.values(CLOUD_SPELLINGS).flat();

/** Thrown by {@link getCloud} for a name that is not one of {@link ACCEPTED_CLOUD_NAMES}. */
export class UnknownCloudError extends Error {
  override readonly name = 'UnknownCloudError';
  /** The value that was given. */
  readonly given: string;

  /** Creates the error for `given`. */
  constructor(given: string) {
    super(
      `"${given}" is not an Azure cloud this app knows. Use one of: ${ACCEPTED_CLOUD_NAMES.join(', ')} (AzureCloud and AzurePublicCloud both mean the public cloud).`,
    );
    this.given = given;
  }
}

/** The cloud a configuration value names (any accepted spelling, any case), or undefined. */
export function findCloud(name: string): AzureCloud | undefined {
  const wanted = name.trim().toLowerCase();
  const entry = (Object.entries(CLOUD_SPELLINGS) as [AzureCloudName, readonly string[]][]).find(
    ([, spellings]) => spellings.some((s) => s.toLowerCase() === wanted),
  );
  return entry ? AZURE_CLOUDS[entry[0]] : undefined;
}

/**
 * Resolves a cloud from configuration. Empty means the public cloud; an unknown name throws
 * {@link UnknownCloudError} instead of falling back, because a typo in a sovereign cloud's name
 * must stop the app at start-up, not send the user's sign-in to the public cloud.
 */
export function getCloud(name: string | undefined | null): AzureCloud {
  if (name === undefined || name === null || name.trim() === '') return AzurePublicCloud;
  const cloud = findCloud(name);
  if (!cloud) throw new UnknownCloudError(name);
  return cloud;
}
