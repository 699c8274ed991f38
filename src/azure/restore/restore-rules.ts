/*
 * Azure's rules for what a cross-region restore may target, in one place, so the wizard catches a
 * mistake on its field before Azure is called. The simulator enforces the same rules on its own
 * (src/mocks/tenant/cross-region-restore.ts); tests hold the two together, imports never do.
 * Each rule returns the message to show on the field, or undefined when the value is fine.
 */
import type { AzureBackupRecoveryPointResource } from '../recovery-points/types';
import { sameRegion } from '../regions';
import { sameResourceId } from '../resource-id';
import { PG_FLEXIBLE_TYPE } from './restore-request';

/** How a backup can be restored. */
export type RestoreMode = 'database' | 'files';

/**
 * Flexible-server backups restore as files only (Azure refuses a database target for them);
 * single-server databases restore either way.
 */
export function restoreModesFor(datasourceType: string | null | undefined): readonly RestoreMode[] {
  return datasourceType?.toLowerCase() === PG_FLEXIBLE_TYPE.toLowerCase() ? ['files'] : ['database', 'files'];
}

/** Why a mode is not offered (shown next to the disabled choice). */
export const FILES_ONLY_REASON =
  'Azure Database for PostgreSQL flexible server backups can only be restored as files.';

/** Names PostgreSQL or Azure reserve on every server. */
const RESERVED_DATABASE_NAMES = ['postgres', 'template0', 'template1', 'azure_maintenance', 'azure_sys'];

/**
 * A new database's name: 1 to 63 characters (PostgreSQL's identifier limit), letters, digits,
 * hyphens and underscores, starting with a letter or underscore, and not a reserved name.
 */
export function databaseNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'Enter a name for the restored database.';
  if (name.length > 63) return `The name is ${name.length} characters long; at most 63 are allowed.`;
  if (!/^[A-Za-z_]/.test(name)) return 'The name must start with a letter or an underscore.';
  if (!/^[A-Za-z0-9_-]+$/.test(name))
    return 'Use only letters, digits, hyphens (-) and underscores (_) in the name.';
  if (RESERVED_DATABASE_NAMES.includes(name.toLowerCase()))
    return `"${name}" is reserved on every PostgreSQL server; choose another name.`;
  return undefined;
}

/** A restore never overwrites the database it restores from. */
export function overwritesSource(
  targetDatabaseId: string,
  sourceDatabaseId: string | null | undefined,
): boolean {
  return sameResourceId(targetDatabaseId, sourceDatabaseId);
}

/** The target of a cross-region restore must be in the secondary region (labels are display names). */
export function targetRegionProblem(
  location: string | null | undefined,
  secondaryRegion: string,
  secondaryRegionLabel: string,
  locationLabel: string | null | undefined = location,
): string | undefined {
  if (sameRegion(location, secondaryRegion)) return undefined;
  return `It must be in the Secondary Region (${secondaryRegionLabel})${locationLabel ? `; it is in ${locationLabel}` : ''}.`;
}

/**
 * A blob container's name: 3 to 63 characters, lower-case letters, digits and single hyphens,
 * starting and ending with a letter or digit (Azure Storage's rules).
 */
export function containerNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'Choose a container.';
  if (name.length < 3 || name.length > 63) return 'A container name is 3 to 63 characters long.';
  if (!/^[a-z0-9-]+$/.test(name))
    return 'Use only lower-case letters, digits and hyphens in a container name.';
  if (!/^[a-z0-9].*[a-z0-9]$/.test(name)) return 'A container name starts and ends with a letter or a digit.';
  if (name.includes('--')) return 'A container name cannot contain two hyphens in a row.';
  return undefined;
}

/**
 * The prefix of the restored files' names: 1 to 100 characters, letters, digits, hyphens,
 * underscores and dots, so the files land at the top of the container under a readable name.
 */
export function filePrefixProblem(prefix: string): string | undefined {
  if (prefix.trim() === '') return 'Enter a file name prefix.';
  if (prefix.length > 100) return `The prefix is ${prefix.length} characters long; at most 100 are allowed.`;
  if (!/^[A-Za-z0-9._-]+$/.test(prefix))
    return 'Use only letters, digits, dots, hyphens and underscores in the prefix.';
  return undefined;
}

/** Where a recovery point's data lives: the vault tier, or only the archive tier. */
export type RecoveryPointTier = 'vault' | 'archive';

/** The tier a recovery point can be restored from; archive-only points need rehydration first. */
export function recoveryPointTier(point: AzureBackupRecoveryPointResource): RecoveryPointTier {
  const stores = point.properties?.recoveryPointDataStoresDetails ?? [];
  const inVault = stores.some((s) => s.type === 'VaultStore');
  const inArchive = stores.some((s) => s.type === 'ArchiveStore');
  return inArchive && !inVault ? 'archive' : 'vault';
}

/** Why an archive-tier point is not offered for a cross-region restore. */
export const ARCHIVE_TIER_REASON =
  'Archive-tier points must be rehydrated to the vault tier (10 to 30 days, Standard priority) before they can be restored, and Cross Region Restore does not rehydrate.';

/** The recovery point's name (its id in restore requests). */
export function recoveryPointName(point: AzureBackupRecoveryPointResource): string {
  return point.name ?? point.properties?.recoveryPointId ?? '';
}

/** Recovery points newest first (ARM does not promise an order). */
export function newestFirst(
  points: readonly AzureBackupRecoveryPointResource[],
): AzureBackupRecoveryPointResource[] {
  const time = (p: AzureBackupRecoveryPointResource) =>
    Date.parse(p.properties?.recoveryPointTime ?? '') || 0;
  return [...points].sort((a, b) => time(b) - time(a));
}

/** The point the picker preselects: the newest one that can be restored (vault tier). */
export function defaultRecoveryPoint(
  points: readonly AzureBackupRecoveryPointResource[],
): AzureBackupRecoveryPointResource | undefined {
  return newestFirst(points).find((p) => recoveryPointTier(p) === 'vault');
}
