import { backupVaultResourceId, parseBackupVaultId } from '@/azure/resource-id';

/** App URL of a vault's page; the resource id's parts keep links readable and pasteable. */
export function vaultPath(vaultId: string, section?: 'properties'): string {
  const p = parseBackupVaultId(vaultId);
  const base = `/vaults/${encodeURIComponent(p.subscriptionId)}/${encodeURIComponent(p.resourceGroupName)}/${encodeURIComponent(p.vaultName)}`;
  return section ? `${base}/${section}` : base;
}

/** The vault id a vault page URL names. */
export function vaultIdFromParams(params: Record<string, string | undefined>): string | undefined {
  const { subscriptionId, resourceGroupName, vaultName } = params;
  if (!subscriptionId || !resourceGroupName || !vaultName) return undefined;
  return backupVaultResourceId({ subscriptionId, resourceGroupName, vaultName });
}
