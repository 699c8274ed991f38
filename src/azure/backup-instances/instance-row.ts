/**
 * The typed row of the Backup instances grid and instance page, read from a Resource Graph row
 * (projected by `backupInstancesQuery` or a full `RecoveryServicesResources` row as recorded) or,
 * without Resource Graph, from a `BackupInstanceResource` plus its vault. ARM writes `null`, `""`,
 * `0001-01-01T00:00:00Z` and `TimeSpan.MinValue` for values that do not apply: all read as absent.
 */
import { parseTimeSpanMs } from '../common/durations';
import { isRecord } from '../common/is-record';
import {
  backupVaultResourceId,
  parseBackupInstanceId,
  resourceIdKey,
  tryParseResourceId,
} from '../resource-id';
import type { BackupInstanceResource } from './types';

/** Recovery point times (epoch ms) from `recoveryPointInfo`. */
export interface RecoveryPointTimes {
  latestPrimary: number | undefined;
  oldestPrimary: number | undefined;
  latestSecondary: number | undefined;
  oldestSecondary: number | undefined;
}

/** One backup instance, as the grid and the instance page use it. */
export interface BackupInstanceRow {
  /** Resource id as ARM gave it. */
  id: string;
  /** {@link resourceIdKey} of the id (for maps and equality). */
  key: string;
  /** Resource name (last id segment). */
  name: string;
  /** `friendlyName`, e.g. `pg-contoso-prod/orders-db`; falls back to the name. */
  friendlyName: string;
  subscriptionId: string;
  resourceGroup: string;
  /** Vault id as ARM gave it. */
  vaultId: string;
  vaultName: string;
  /** The instance's location (the primary region). */
  location: string | undefined;
  datasource: {
    id: string | undefined;
    /** Database (or server, for flexible servers) name. */
    name: string | undefined;
    /** Server name for databases; undefined when the datasource is the server itself. */
    serverName: string | undefined;
    /** ARM datasource type, e.g. `Microsoft.DBforPostgreSQL/servers/databases`. */
    type: string | undefined;
  };
  /** `currentProtectionState` (or `protectionStatus.status`). */
  protectionState: string | undefined;
  /** Error code of a failed protection, when ARM gives one. */
  protectionErrorCode: string | undefined;
  policyName: string | undefined;
  /** False when the row came without `backupInstanceExtendedProperties` (no Resource Graph). */
  hasExtendedProperties: boolean;
  /**
   * True when the row carries every extended property (a whole row: the detail query). Grid rows
   * carry only what the grid shows: no allowed operations, oldest points or primary threshold.
   */
  detailed: boolean;
  primaryRegion: string | undefined;
  /** Undefined when the instance is not protected in a secondary region. */
  secondaryRegion: string | undefined;
  protectionStateInSecondaryRegion: string | undefined;
  /** `allowedOperations`, e.g. `RestoreToSecondaryRegion`. */
  allowedOperations: string[];
  recoveryPoints: RecoveryPointTimes;
  /** `rpoWarningThresholdIn{Primary,Secondary}Region` in ms, when the policy sets one. */
  rpoThresholdMs: { primary: number | undefined; secondary: number | undefined };
}

const NO_RECOVERY_POINTS: RecoveryPointTimes = {
  latestPrimary: undefined,
  oldestPrimary: undefined,
  latestSecondary: undefined,
  oldestSecondary: undefined,
};

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** An ARM timestamp; `0001-01-01T00:00:00Z` (DateTime.MinValue) and unreadable values are absent. */
export function armTimestamp(value: unknown): number | undefined {
  const s = text(value);
  if (!s) return undefined;
  const ms = Date.parse(s);
  // Anything before 1971 is a placeholder, not a recovery point.
  return Number.isNaN(ms) || ms < Date.UTC(1971, 0, 1) ? undefined : ms;
}

function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

function datasourceOf(info: Record<string, unknown>, set: Record<string, unknown>, typeOverride?: unknown) {
  const id = text(info['resourceID']) ?? text(info['resourceId']);
  const type = text(typeOverride) ?? text(info['datasourceType']) ?? text(info['resourceType']);
  const parsed = tryParseResourceId(id);
  const isChild = (parsed?.segments.length ?? 0) > 1;
  const name = text(info['resourceName']) ?? parsed?.name;
  const serverName = isChild ? (text(set['resourceName']) ?? parsed?.segments[0]?.name) : undefined;
  return { id, name, serverName, type };
}

function extendedOf(ext: Record<string, unknown>) {
  const info = record(ext['recoveryPointInfo']);
  const policy = record(ext['policyExtendedInfo']);
  const ops = ext['allowedOperations'];
  return {
    primaryRegion: text(ext['protectedPrimaryRegion']),
    secondaryRegion: text(ext['protectedSecondaryRegion']),
    protectionStateInSecondaryRegion: text(ext['protectionStateInSecondaryRegion']),
    allowedOperations: Array.isArray(ops) ? ops.filter((o): o is string => typeof o === 'string') : [],
    recoveryPoints: {
      latestPrimary: armTimestamp(info['latestRecoveryPointInPrimaryRegion']),
      oldestPrimary: armTimestamp(info['oldestRecoveryPointInPrimaryRegion']),
      latestSecondary: armTimestamp(info['latestRecoveryPointInSecondaryRegion']),
      oldestSecondary: armTimestamp(info['oldestRecoveryPointInSecondaryRegion']),
    },
    rpoThresholdMs: {
      primary: parseTimeSpanMs(policy['rpoWarningThresholdInPrimaryRegion']),
      secondary: parseTimeSpanMs(policy['rpoWarningThresholdInSecondaryRegion']),
    },
  };
}

function identity(id: string) {
  const parts = parseBackupInstanceId(id);
  return { parts, vaultId: backupVaultResourceId(parts) };
}

/**
 * Parses one Resource Graph row of a backup instance: the grid's columns
 * (`BACKUP_INSTANCE_GRID_COLUMNS`) or a whole row with `properties` (the detail query, and every
 * recorded row). Returns undefined for a row that is not a backup instance (no parsable id).
 */
export function parseResourceGraphInstanceRow(raw: unknown): BackupInstanceRow | undefined {
  if (!isRecord(raw)) return undefined;
  const id = text(raw['id']);
  if (!id) return undefined;
  let ids: ReturnType<typeof identity>;
  try {
    ids = identity(id);
  } catch {
    return undefined;
  }
  const props = record(raw['properties']);
  const ext = record(props['backupInstanceExtendedProperties']);
  const isGridRow = 'secondaryRegion' in raw;
  const detailed = Object.keys(ext).length > 0;
  const extended = extendedOf(ext);
  // A grid column wins; a whole row carries the same value under `properties`.
  const column = (name: string, whole: unknown): unknown => (raw[name] !== undefined ? raw[name] : whole);
  const status = record(props['protectionStatus']);
  const datasource = datasourceOf(record(props['dataSourceInfo']), record(props['dataSourceSetInfo']));
  const datasourceId = text(column('datasourceId', datasource.id));
  const vaultId = text(ext['vaultId']) ?? ids.vaultId;
  const location = text(raw['location']);
  return {
    id,
    key: resourceIdKey(id),
    name: text(raw['name']) ?? ids.parts.backupInstanceName,
    friendlyName:
      text(column('friendlyName', props['friendlyName'])) ??
      text(raw['name']) ??
      ids.parts.backupInstanceName,
    subscriptionId: ids.parts.subscriptionId,
    resourceGroup: ids.parts.resourceGroupName,
    vaultId,
    vaultName: tryParseResourceId(vaultId)?.name ?? ids.parts.vaultName,
    location: location ?? extended.primaryRegion,
    datasource:
      isGridRow && !detailed
        ? datasourceOf({ resourceID: datasourceId }, {}, raw['datasourceType'])
        : datasource,
    protectionState:
      text(column('protectionState', props['currentProtectionState'])) ?? text(status['status']),
    protectionErrorCode: text(record(status['errorDetails'])['code']),
    policyName: tryParseResourceId(text(record(props['policyInfo'])['policyId']))?.name,
    hasExtendedProperties: isGridRow || detailed,
    detailed,
    ...extended,
    primaryRegion: extended.primaryRegion ?? location,
    secondaryRegion: text(column('secondaryRegion', ext['protectedSecondaryRegion'])),
    recoveryPoints: {
      ...extended.recoveryPoints,
      latestPrimary:
        armTimestamp(column('latestRecoveryPointInPrimaryRegion', undefined)) ??
        extended.recoveryPoints.latestPrimary,
      latestSecondary:
        armTimestamp(column('latestRecoveryPointInSecondaryRegion', undefined)) ??
        extended.recoveryPoints.latestSecondary,
    },
    rpoThresholdMs: {
      ...extended.rpoThresholdMs,
      secondary:
        parseTimeSpanMs(column('rpoWarningThresholdInSecondaryRegion', undefined)) ??
        extended.rpoThresholdMs.secondary,
    },
  };
}

/**
 * A row from a direct `backupInstances.list` (no Resource Graph): no extended properties, so no
 * recovery point times or policy thresholds. `secondaryRegion` is the vault's (when it has Cross
 * Region Restore), `primaryRegion` the vault's location.
 */
export function instanceRowFromResource(
  instance: BackupInstanceResource,
  vault: { id: string; location: string | undefined; secondaryRegion: string | undefined },
): BackupInstanceRow | undefined {
  const id = instance.id;
  if (!id) return undefined;
  let parts: ReturnType<typeof parseBackupInstanceId>;
  try {
    parts = parseBackupInstanceId(id);
  } catch {
    return undefined;
  }
  const props = instance.properties;
  const policyId = props?.policyInfo.policyId;
  return {
    id,
    key: resourceIdKey(id),
    name: instance.name ?? parts.backupInstanceName,
    friendlyName: text(props?.friendlyName) ?? instance.name ?? parts.backupInstanceName,
    subscriptionId: parts.subscriptionId,
    resourceGroup: parts.resourceGroupName,
    vaultId: vault.id,
    vaultName: parts.vaultName,
    location: vault.location,
    datasource: props
      ? datasourceOf(
          props.dataSourceInfo as unknown as Record<string, unknown>,
          record(props.dataSourceSetInfo),
        )
      : { id: undefined, name: undefined, serverName: undefined, type: undefined },
    protectionState: text(props?.currentProtectionState) ?? text(props?.protectionStatus?.status),
    protectionErrorCode: text(props?.protectionStatus?.errorDetails?.code),
    policyName: tryParseResourceId(policyId)?.name,
    hasExtendedProperties: false,
    detailed: false,
    primaryRegion: vault.location,
    secondaryRegion: vault.secondaryRegion,
    protectionStateInSecondaryRegion: undefined,
    allowedOperations: [],
    recoveryPoints: NO_RECOVERY_POINTS,
    rpoThresholdMs: { primary: undefined, secondary: undefined },
  };
}
