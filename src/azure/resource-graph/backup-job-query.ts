/**
 * The one builder of Resource Graph queries over backup jobs (the primary region's jobs, kept 14
 * days in `RecoveryServicesResources`). Same rules as the instance builder: datasource types are
 * allow-listed and escaped, and the time window is written from numbers, so no user text reaches
 * the query. Vault, status and operation filters apply to loaded rows (changing them never
 * re-queries).
 */
import { KNOWN_DATASOURCE_TYPES } from '../backup-instances/datasource-types';
import type { AzureBackupJobResource } from '../jobs/types';
import { isRecord } from '../common/is-record';
import { RECOVERY_SERVICES_TABLE } from './backup-instance-query';
import { allowListed, kqlString, kqlStringList } from './kql';

/** `type` of backup job rows (Resource Graph lower-cases types). */
export const BACKUP_JOB_TYPE = 'microsoft.dataprotection/backupvaults/backupjobs';

/** Server-side filters of a backup job query. */
export interface BackupJobFilter {
  /** Jobs that started at or after this time (epoch ms). */
  from?: number | undefined;
  /** Jobs that started at or before this time (epoch ms). */
  to?: number | undefined;
  /** Datasource types (allow-listed; unknown values are dropped). */
  datasourceTypes?: readonly string[] | undefined;
}

/** A KQL datetime from epoch milliseconds (a number, so nothing of the user's is in it). */
function kqlDateTime(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError('A job query time must be a finite number.');
  return `todatetime(${kqlString(new Date(ms).toISOString())})`;
}

/**
 * The grid's columns of a job: what a row of the Backup jobs grid, its filters, tiles and export
 * need, not the whole job (its `extendedInfo` is read from the job itself on the details page).
 */
export const BACKUP_JOB_GRID_COLUMNS = [
  'id',
  'name',
  'vaultName = properties.vaultName',
  'status = properties.status',
  'operation = properties.operation',
  'operationCategory = properties.operationCategory',
  'isCrossRegionRestore = properties.isCrossRegionRestore',
  'startTime = properties.startTime',
  'endTime = properties.endTime',
  'duration = properties.duration',
  'dataSourceType = properties.dataSourceType',
  'dataSourceName = properties.dataSourceName',
  'backupInstanceFriendlyName = properties.backupInstanceFriendlyName',
  'backupInstanceId = properties.backupInstanceId',
  'errorDetails = properties.errorDetails',
] as const;

/** The grid query: one row per job, ordered by id (Resource Graph pages stably only with `id`). */
export function backupJobsQuery(filter: BackupJobFilter = {}): string {
  const where = [`where type =~ ${kqlString(BACKUP_JOB_TYPE)}`];
  if (filter.from !== undefined)
    where.push(`where todatetime(properties.startTime) >= ${kqlDateTime(filter.from)}`);
  if (filter.to !== undefined)
    where.push(`where todatetime(properties.startTime) <= ${kqlDateTime(filter.to)}`);
  const types = allowListed(filter.datasourceTypes ?? [], KNOWN_DATASOURCE_TYPES).sort();
  if (types.length > 0) where.push(`where properties.dataSourceType in~ ${kqlStringList(types)}`);
  return [
    RECOVERY_SERVICES_TABLE,
    ...where,
    `project ${BACKUP_JOB_GRID_COLUMNS.join(', ')}`,
    'order by id asc',
  ].join(' | ');
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * A projected job row as the job resource the rest of the data layer reads (the same
 * `jobRowFromResource` turns it into a grid row); undefined for a row without an id.
 */
export function jobResourceFromGraphRow(raw: unknown): AzureBackupJobResource | undefined {
  if (!isRecord(raw)) return undefined;
  const id = str(raw['id']);
  if (!id) return undefined;
  const errors = raw['errorDetails'];
  return {
    id,
    name: str(raw['name']) ?? id.slice(id.lastIndexOf('/') + 1),
    type: BACKUP_JOB_TYPE,
    properties: {
      activityID: '',
      backupInstanceFriendlyName: str(raw['backupInstanceFriendlyName']) ?? '',
      backupInstanceId: str(raw['backupInstanceId']) ?? null,
      dataSourceId: '',
      dataSourceLocation: '',
      dataSourceName: str(raw['dataSourceName']) ?? '',
      dataSourceType: str(raw['dataSourceType']) ?? '',
      duration: str(raw['duration']) ?? null,
      endTime: str(raw['endTime']) ?? null,
      errorDetails: Array.isArray(errors) ? errors.filter(isRecord) : null,
      isUserTriggered: false,
      operation: str(raw['operation']) ?? '',
      operationCategory: str(raw['operationCategory']) ?? '',
      progressEnabled: false,
      sourceResourceGroup: '',
      sourceSubscriptionID: '',
      startTime: str(raw['startTime']) ?? '',
      status: str(raw['status']) ?? '',
      subscriptionId: '',
      supportedActions: [],
      vaultName: str(raw['vaultName']) ?? '',
      isCrossRegionRestore: raw['isCrossRegionRestore'] === true || raw['isCrossRegionRestore'] === 'true',
    },
  };
}
