/**
 * The one builder of Resource Graph queries over backup instances: a typed filter in, KQL out.
 * Datasource types and protection states are allow-listed (fixed lists); vault ids are escaped
 * literals ({@link kqlString}). Nothing else of the user's reaches the query text: the free-text
 * search of the Backup instances page is applied client-side to loaded rows (so typing never
 * re-queries), while a change of any filter here does re-query.
 */
import { KNOWN_DATASOURCE_TYPES, type KnownDatasourceType } from '../backup-instances/datasource-types';
import { CURRENT_PROTECTION_STATES } from '../backup-instances/protection-states';
import type { CurrentProtectionState } from '../backup-instances/types';
import type { BackupInstanceRow } from '../backup-instances/instance-row';
import { sameResourceId } from '../resource-id';
import { allowListed, kqlString, kqlStringList } from './kql';

/** The Resource Graph table holding Backup vault instances and jobs. */
export const RECOVERY_SERVICES_TABLE = 'RecoveryServicesResources';
/** `type` of backup instance rows (Resource Graph lower-cases types). */
export const BACKUP_INSTANCE_TYPE = 'microsoft.dataprotection/backupvaults/backupinstances';

const EXT = 'properties.backupInstanceExtendedProperties';

/** Server-side filters of a backup instance query. */
export interface BackupInstanceFilter {
  /**
   * `protected`: only instances protected in a secondary region (their vault has Cross Region
   * Restore); `notProtected`: only those without; absent: all.
   */
  secondaryRegion?: 'protected' | 'notProtected' | undefined;
  /** Datasource types (allow-listed; unknown values are dropped). */
  datasourceTypes?: readonly string[] | undefined;
  /** Vault resource ids (escaped; compared case-insensitively). */
  vaultIds?: readonly string[] | undefined;
  /** Backup instance resource ids (escaped; compared case-insensitively). */
  instanceIds?: readonly string[] | undefined;
  /** `currentProtectionState` values (allow-listed; unknown values are dropped). */
  protectionStates?: readonly string[] | undefined;
}

/** The filter with unknown values dropped and lists sorted, so equal filters build equal queries and keys. */
export function normaliseBackupInstanceFilter(filter: BackupInstanceFilter = {}): {
  secondaryRegion: 'protected' | 'notProtected' | null;
  datasourceTypes: KnownDatasourceType[];
  vaultIds: string[];
  instanceIds: string[];
  protectionStates: CurrentProtectionState[];
} {
  const ids = (values: readonly string[] | undefined) =>
    [...new Set((values ?? []).map((id) => id.trim().toLowerCase()))].filter((id) => id !== '').sort();
  return {
    secondaryRegion: filter.secondaryRegion ?? null,
    datasourceTypes: allowListed(filter.datasourceTypes ?? [], KNOWN_DATASOURCE_TYPES).sort(),
    vaultIds: ids(filter.vaultIds),
    instanceIds: ids(filter.instanceIds),
    protectionStates: allowListed(filter.protectionStates ?? [], CURRENT_PROTECTION_STATES).sort(),
  };
}

function whereClauses(filter: BackupInstanceFilter): string[] {
  const f = normaliseBackupInstanceFilter(filter);
  const out = [`where type =~ ${kqlString(BACKUP_INSTANCE_TYPE)}`];
  if (f.datasourceTypes.length > 0)
    out.push(`where properties.dataSourceInfo.datasourceType in~ ${kqlStringList(f.datasourceTypes)}`);
  if (f.instanceIds.length > 0) out.push(`where id in~ ${kqlStringList(f.instanceIds)}`);
  if (f.vaultIds.length > 0) out.push(`where ${EXT}.vaultId in~ ${kqlStringList(f.vaultIds)}`);
  if (f.protectionStates.length > 0)
    out.push(`where properties.currentProtectionState in~ ${kqlStringList(f.protectionStates)}`);
  if (f.secondaryRegion === 'protected') out.push(`where isnotempty(${EXT}.protectedSecondaryRegion)`);
  if (f.secondaryRegion === 'notProtected') out.push(`where isempty(${EXT}.protectedSecondaryRegion)`);
  return out;
}

/**
 * The grid's columns: what a row of the Backup instances grid shows and filters on, not the whole
 * resource (a full row is ~3 kB; 50,000 of them would be most of the download). Resource group,
 * subscription, vault and names are read from the id.
 */
export const BACKUP_INSTANCE_GRID_COLUMNS = [
  'id',
  'location',
  'friendlyName = properties.friendlyName',
  'protectionState = properties.currentProtectionState',
  'datasourceId = properties.dataSourceInfo.resourceID',
  'datasourceType = properties.dataSourceInfo.datasourceType',
  `secondaryRegion = ${EXT}.protectedSecondaryRegion`,
  `latestRecoveryPointInPrimaryRegion = ${EXT}.recoveryPointInfo.latestRecoveryPointInPrimaryRegion`,
  `latestRecoveryPointInSecondaryRegion = ${EXT}.recoveryPointInfo.latestRecoveryPointInSecondaryRegion`,
  `rpoWarningThresholdInSecondaryRegion = ${EXT}.policyExtendedInfo.rpoWarningThresholdInSecondaryRegion`,
] as const;

/** The grid query: one row per instance, ordered by id (Resource Graph pages stably only with `id`). */
export function backupInstancesQuery(filter: BackupInstanceFilter = {}): string {
  return [
    RECOVERY_SERVICES_TABLE,
    ...whereClauses(filter),
    `project ${BACKUP_INSTANCE_GRID_COLUMNS.join(', ')}`,
    'order by id asc',
  ].join(' | ');
}

/**
 * The instance page's query: whole rows (every extended property: both regions, protection in
 * each, allowed operations, oldest and newest recovery points, both thresholds) of the given ids.
 */
export function backupInstanceDetailQuery(instanceIds: readonly string[]): string {
  if (normaliseBackupInstanceFilter({ instanceIds }).instanceIds.length === 0)
    throw new Error('backupInstanceDetailQuery needs at least one instance id.');
  return [
    RECOVERY_SERVICES_TABLE,
    ...whereClauses({ instanceIds }),
    'project id, name, location, properties',
    'order by id asc',
  ].join(' | ');
}

/**
 * Instance counts per vault, the way Backup center gets them: one `summarize count() by vaultId`
 * instead of paging through every vault's instances. Rows are `{ vaultId (lower-case), count_ }`.
 */
export function instanceCountByVaultQuery(filter: BackupInstanceFilter = {}): string {
  return [
    RECOVERY_SERVICES_TABLE,
    ...whereClauses(filter),
    `extend vaultId = tolower(tostring(${EXT}.vaultId))`,
    'summarize count() by vaultId',
    'order by vaultId asc',
  ].join(' | ');
}

/**
 * The same filter applied to rows already loaded (the per-vault fallback has no Resource Graph to
 * filter for it). Kept beside the query builder so both read the filter the same way.
 */
export function rowMatchesFilter(row: BackupInstanceRow, filter: BackupInstanceFilter = {}): boolean {
  const f = normaliseBackupInstanceFilter(filter);
  const lower = (v: string | undefined) => (v ?? '').toLowerCase();
  if (f.instanceIds.length > 0 && !f.instanceIds.some((id) => sameResourceId(id, row.id))) return false;
  if (f.vaultIds.length > 0 && !f.vaultIds.some((id) => sameResourceId(id, row.vaultId))) return false;
  if (
    f.datasourceTypes.length > 0 &&
    !f.datasourceTypes.some((t) => t.toLowerCase() === lower(row.datasource.type))
  )
    return false;
  if (
    f.protectionStates.length > 0 &&
    !f.protectionStates.some((s) => s.toLowerCase() === lower(row.protectionState))
  )
    return false;
  if (f.secondaryRegion === 'protected' && !row.secondaryRegion) return false;
  if (f.secondaryRegion === 'notProtected' && row.secondaryRegion) return false;
  return true;
}
