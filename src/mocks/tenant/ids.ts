// ARM resource id builders and parsing. ARM ids are case-insensitive: compare with `idKey`.

export function idKey(id: string): string {
  return id.toLowerCase().replace(/\/+$/, '');
}

export function subscriptionPath(subscriptionId: string): string {
  return `/subscriptions/${subscriptionId}`;
}

export function resourceGroupPath(subscriptionId: string, resourceGroup: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
}

export function vaultResourceId(subscriptionId: string, resourceGroup: string, vaultName: string): string {
  return `${resourceGroupPath(subscriptionId, resourceGroup)}/providers/Microsoft.DataProtection/backupVaults/${vaultName}`;
}

export function instanceResourceId(vaultId: string, instanceName: string): string {
  return `${vaultId}/backupInstances/${instanceName}`;
}

export function providerResourceId(
  subscriptionId: string,
  resourceGroup: string,
  provider: string,
  type: string,
  name: string,
): string {
  return `${resourceGroupPath(subscriptionId, resourceGroup)}/providers/${provider}/${type}/${name}`;
}

export interface ParsedVaultChildId {
  subscriptionId: string;
  resourceGroup: string;
  vaultName: string;
  childName: string | undefined;
}

/** Parses `/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.DataProtection/backupVaults/{v}[/{type}/{name}]`. */
export function parseVaultChildId(id: string): ParsedVaultChildId | undefined {
  const m =
    /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.DataProtection\/backupVaults\/([^/]+)(?:\/[^/]+\/([^/]+))?\/?$/i.exec(
      id,
    );
  if (!m?.[1] || !m[2] || !m[3]) return undefined;
  return { subscriptionId: m[1], resourceGroup: m[2], vaultName: m[3], childName: m[4] };
}
