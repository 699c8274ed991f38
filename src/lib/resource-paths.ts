import {
  backupInstanceResourceId,
  backupVaultResourceId,
  parseBackupInstanceId,
  parseBackupVaultId,
} from '@/azure/resource-id';

// App URLs of resource pages. The resource id's parts keep links readable and pasteable, and every
// page that links to another (instances -> vault Properties) builds the URL here, so features do
// not import each other.

const enc = encodeURIComponent;

/** App URL of a vault's page. */
export function vaultPath(vaultId: string, section?: 'properties'): string {
  const p = parseBackupVaultId(vaultId);
  const base = `/vaults/${enc(p.subscriptionId)}/${enc(p.resourceGroupName)}/${enc(p.vaultName)}`;
  return section ? `${base}/${section}` : base;
}

/** The vault id a vault page URL names. */
export function vaultIdFromParams(params: Record<string, string | undefined>): string | undefined {
  const { subscriptionId, resourceGroupName, vaultName } = params;
  if (!subscriptionId || !resourceGroupName || !vaultName) return undefined;
  return backupVaultResourceId({ subscriptionId, resourceGroupName, vaultName });
}

/** App URL of a backup instance's page. */
export function instancePath(instanceId: string): string {
  const p = parseBackupInstanceId(instanceId);
  return `/instances/${enc(p.subscriptionId)}/${enc(p.resourceGroupName)}/${enc(p.vaultName)}/${enc(p.backupInstanceName)}`;
}

/** The backup instance id an instance page URL names. */
export function instanceIdFromParams(params: Record<string, string | undefined>): string | undefined {
  const { subscriptionId, resourceGroupName, vaultName, instanceName } = params;
  if (!subscriptionId || !resourceGroupName || !vaultName || !instanceName) return undefined;
  return backupInstanceResourceId({
    subscriptionId,
    resourceGroupName,
    vaultName,
    backupInstanceName: instanceName,
  });
}
