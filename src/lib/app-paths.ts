/*
 * Every app URL that names an Azure resource, in one place, so features link to each other's
 * pages without importing each other. The resource id's parts keep links readable and
 * pasteable; each `...FromParams` reads them back from the route.
 */
import {
  backupInstanceResourceId,
  backupVaultResourceId,
  parseBackupInstanceId,
  parseBackupVaultId,
} from '@/azure/resource-id';

const enc = encodeURIComponent;
type Params = Record<string, string | undefined>;

/** `/vaults/<subscription>/<resource group>/<vault>[/properties]`. */
export function vaultPath(vaultId: string, section?: 'properties'): string {
  const p = parseBackupVaultId(vaultId);
  const base = `/vaults/${enc(p.subscriptionId)}/${enc(p.resourceGroupName)}/${enc(p.vaultName)}`;
  return section ? `${base}/${section}` : base;
}

/** The vault id a vault page URL names (`:subscriptionId/:resourceGroupName/:vaultName`). */
export function vaultIdFromParams(params: Params): string | undefined {
  const { subscriptionId, resourceGroupName, vaultName } = params;
  if (!subscriptionId || !resourceGroupName || !vaultName) return undefined;
  return backupVaultResourceId({ subscriptionId, resourceGroupName, vaultName });
}

/**
 * `/instances/<subscription>/<resource group>/<vault>/<instance>`; with `restore`, the Restore to
 * secondary region wizard of that instance (its step and values live in search parameters).
 */
export function instancePath(instanceId: string, section?: 'restore'): string {
  const p = parseBackupInstanceId(instanceId);
  const base = `/instances/${enc(p.subscriptionId)}/${enc(p.resourceGroupName)}/${enc(p.vaultName)}/${enc(p.backupInstanceName)}`;
  return section ? `${base}/${section}` : base;
}

/** The instance id an instance URL names (`...:vaultName/:backupInstanceName`). */
export function instanceIdFromParams(params: Params): string | undefined {
  const vaultId = vaultIdFromParams(params);
  const { backupInstanceName } = params;
  if (!vaultId || !backupInstanceName) return undefined;
  return backupInstanceResourceId({ ...parseBackupVaultId(vaultId), backupInstanceName });
}

/** Which region's job list a job belongs to: its vault's own region, or the secondary (cross-region restores). */
export type JobRegion = 'primary' | 'secondary';

/** A job of a vault, by the job's name (GUID). */
export interface JobRef {
  vaultId: string;
  jobId: string;
  region: JobRegion;
}

/** `/jobs/<primary|secondary>/<subscription>/<resource group>/<vault>/<job GUID>`. */
export function jobPath({ vaultId, jobId, region }: JobRef): string {
  const p = parseBackupVaultId(vaultId);
  return `/jobs/${region}/${enc(p.subscriptionId)}/${enc(p.resourceGroupName)}/${enc(p.vaultName)}/${enc(jobId)}`;
}

/** The job a job URL names (`:region/:subscriptionId/:resourceGroupName/:vaultName/:jobId`). */
export function jobFromParams(params: Params): JobRef | undefined {
  const vaultId = vaultIdFromParams(params);
  const { region, jobId } = params;
  if (!vaultId || !jobId || (region !== 'primary' && region !== 'secondary')) return undefined;
  return { vaultId, jobId, region };
}
