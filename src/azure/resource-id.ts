/**
 * ARM resource ids: parse, build, compare. ARM treats ids case-insensitively and real responses
 * mix casings (`backupVaults` / `Backupvaults` / `BackupInstances`), so comparison and cache keys
 * use {@link resourceIdKey} while display uses the id exactly as given. The simulator parses ids
 * independently on purpose (src/mocks/tenant/ids.ts), so it cannot hide this module's mistakes.
 */

/** One `type/name` pair below a provider. */
export interface ResourceIdSegment {
  type: string;
  name: string;
}

/** A parsed resource id; every string keeps the casing of the input. */
export interface ParsedResourceId {
  /** The id as given. */
  id: string;
  subscriptionId: string | undefined;
  resourceGroupName: string | undefined;
  /** Provider namespace, e.g. `Microsoft.DataProtection`. */
  provider: string | undefined;
  /** `type/name` pairs after the provider (e.g. backupVaults/v1, backupInstances/bi1). */
  segments: ResourceIdSegment[];
  /** Full type, e.g. `Microsoft.DataProtection/backupVaults/backupInstances`. */
  resourceType: string | undefined;
  /** Name of the last segment (or the resource group / subscription for those ids). */
  name: string | undefined;
}

/** Thrown when a string is not the kind of resource id expected. */
export class ResourceIdError extends Error {
  override readonly name = 'ResourceIdError';
}

/** Parses any ARM resource id; throws {@link ResourceIdError} when malformed. */
export function parseResourceId(id: string): ParsedResourceId {
  const parts = id
    .trim()
    .split('/')
    .filter((p) => p !== '');
  if (parts.length < 2 || parts[0]?.toLowerCase() !== 'subscriptions' || !parts[1]) {
    throw new ResourceIdError(`Not an ARM resource id: "${id}"`);
  }
  const subscriptionId = parts[1];
  let i = 2;
  let resourceGroupName: string | undefined;
  if (parts[i]?.toLowerCase() === 'resourcegroups') {
    resourceGroupName = parts[i + 1];
    if (!resourceGroupName) throw new ResourceIdError(`Resource group name missing in "${id}"`);
    i += 2;
  }
  let provider: string | undefined;
  const segments: ResourceIdSegment[] = [];
  if (i < parts.length) {
    if (parts[i]?.toLowerCase() !== 'providers' || !parts[i + 1]) {
      throw new ResourceIdError(`Expected "providers/<namespace>" in "${id}"`);
    }
    provider = parts[i + 1];
    i += 2;
    while (i < parts.length) {
      const type = parts[i];
      const name = parts[i + 1];
      if (!type || name === undefined)
        throw new ResourceIdError(`Resource type "${type ?? ''}" has no name in "${id}"`);
      segments.push({ type, name });
      i += 2;
    }
  }
  const last = segments[segments.length - 1];
  return {
    id,
    subscriptionId,
    resourceGroupName,
    provider,
    segments,
    resourceType:
      provider && segments.length ? [provider, ...segments.map((s) => s.type)].join('/') : undefined,
    name: last?.name ?? resourceGroupName ?? subscriptionId,
  };
}

/** Normalised key of an id: lower-case, no trailing or doubled slashes. For Map keys and equality. */
export function resourceIdKey(id: string): string {
  return `/${id
    .trim()
    .split('/')
    .filter((p) => p !== '')
    .join('/')}`.toLowerCase();
}

/** Case-insensitive id equality. */
export function sameResourceId(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  return resourceIdKey(a) === resourceIdKey(b);
}

function expectType(
  id: string,
  provider: string,
  types: string[],
): ParsedResourceId & { subscriptionId: string; resourceGroupName: string } {
  const parsed = parseResourceId(id);
  const ok =
    parsed.resourceGroupName !== undefined &&
    parsed.provider?.toLowerCase() === provider.toLowerCase() &&
    parsed.segments.length === types.length &&
    parsed.segments.every((s, idx) => s.type.toLowerCase() === types[idx]?.toLowerCase() && s.name !== '');
  if (!ok) throw new ResourceIdError(`Expected a ${provider}/${types.join('/')} id, got "${id}"`);
  return parsed as ParsedResourceId & { subscriptionId: string; resourceGroupName: string };
}

function seg(parsed: ParsedResourceId, index: number): string {
  return parsed.segments[index]?.name ?? '';
}

const DP = 'Microsoft.DataProtection';

/** Parts of a subscription-scoped id. */
export interface SubscriptionIdParts {
  subscriptionId: string;
}
/** Parts of a resource group id. */
export interface ResourceGroupIdParts extends SubscriptionIdParts {
  resourceGroupName: string;
}
/** Parts of a backup vault id. */
export interface BackupVaultIdParts extends ResourceGroupIdParts {
  vaultName: string;
}
/** Parts of a backup instance id. */
export interface BackupInstanceIdParts extends BackupVaultIdParts {
  backupInstanceName: string;
}
/** Parts of a recovery point id. */
export interface RecoveryPointIdParts extends BackupInstanceIdParts {
  recoveryPointId: string;
}
/** Parts of a backup job id. */
export interface BackupJobIdParts extends BackupVaultIdParts {
  jobId: string;
}
/** Parts of a PostgreSQL server id (single server `servers` or `flexibleServers`). */
export interface PostgresServerIdParts extends ResourceGroupIdParts {
  serverName: string;
  /** True for `flexibleServers`. */
  flexible: boolean;
}
/** Parts of a PostgreSQL database id. */
export interface PostgresDatabaseIdParts extends PostgresServerIdParts {
  databaseName: string;
}
/** Parts of a Key Vault id. */
export interface KeyVaultIdParts extends ResourceGroupIdParts {
  keyVaultName: string;
}
/** Parts of a storage account id. */
export interface StorageAccountIdParts extends ResourceGroupIdParts {
  storageAccountName: string;
}

/** Parses an id, or undefined when it is not one. */
export function tryParseResourceId(id: string | null | undefined): ParsedResourceId | undefined {
  if (!id) return undefined;
  try {
    return parseResourceId(id);
  } catch {
    return undefined;
  }
}

function resourceGroupResourceId(p: ResourceGroupIdParts): string {
  return `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroupName}`;
}

/** Parses a resource group id (or any id below one, taking its group). */
export function parseResourceGroupId(id: string): ResourceGroupIdParts {
  const p = parseResourceId(id);
  if (!p.subscriptionId || !p.resourceGroupName) throw new ResourceIdError(`No resource group in "${id}"`);
  return { subscriptionId: p.subscriptionId, resourceGroupName: p.resourceGroupName };
}
/** Parses a backup vault id. */
export function parseBackupVaultId(id: string): BackupVaultIdParts {
  const p = expectType(id, DP, ['backupVaults']);
  return { subscriptionId: p.subscriptionId, resourceGroupName: p.resourceGroupName, vaultName: seg(p, 0) };
}
/** Builds a backup vault id. */
export function backupVaultResourceId(p: BackupVaultIdParts): string {
  return `${resourceGroupResourceId(p)}/providers/${DP}/backupVaults/${p.vaultName}`;
}

/** Parses a backup instance id. */
export function parseBackupInstanceId(id: string): BackupInstanceIdParts {
  const p = expectType(id, DP, ['backupVaults', 'backupInstances']);
  return {
    subscriptionId: p.subscriptionId,
    resourceGroupName: p.resourceGroupName,
    vaultName: seg(p, 0),
    backupInstanceName: seg(p, 1),
  };
}
/** Builds a backup instance id. */
export function backupInstanceResourceId(p: BackupInstanceIdParts): string {
  return `${backupVaultResourceId(p)}/backupInstances/${p.backupInstanceName}`;
}

/** Parses a recovery point id. */
export function parseRecoveryPointId(id: string): RecoveryPointIdParts {
  const p = expectType(id, DP, ['backupVaults', 'backupInstances', 'recoveryPoints']);
  return {
    subscriptionId: p.subscriptionId,
    resourceGroupName: p.resourceGroupName,
    vaultName: seg(p, 0),
    backupInstanceName: seg(p, 1),
    recoveryPointId: seg(p, 2),
  };
}
/** Builds a recovery point id. */
export function recoveryPointResourceId(p: RecoveryPointIdParts): string {
  return `${backupInstanceResourceId(p)}/recoveryPoints/${p.recoveryPointId}`;
}

/** Parses a backup job id (`.../backupVaults/{v}/backupJobs/{jobId}`). */
export function parseBackupJobId(id: string): BackupJobIdParts {
  const p = expectType(id, DP, ['backupVaults', 'backupJobs']);
  return {
    subscriptionId: p.subscriptionId,
    resourceGroupName: p.resourceGroupName,
    vaultName: seg(p, 0),
    jobId: seg(p, 1),
  };
}
/** Builds a backup job id. */
export function backupJobResourceId(p: BackupJobIdParts): string {
  return `${backupVaultResourceId(p)}/backupJobs/${p.jobId}`;
}

/**
 * The job GUID from `OperationJobExtendedInfo.jobId`: real ARM returns a full job resource id,
 * the spec example a bare GUID; both are accepted.
 */
export function jobNameFromJobId(jobId: string): string {
  const parsed = tryParseResourceId(jobId);
  return parsed?.name ?? jobId.trim();
}

/** Parses a PostgreSQL server id (`servers` or `flexibleServers`). */
export function parsePostgresServerId(id: string): PostgresServerIdParts {
  const p = parseResourceId(id);
  const type = p.segments[0]?.type.toLowerCase();
  if (p.segments.length !== 1 || (type !== 'servers' && type !== 'flexibleservers')) {
    throw new ResourceIdError(`Expected a PostgreSQL server id, got "${id}"`);
  }
  const parsed = expectType(id, 'Microsoft.DBforPostgreSQL', [p.segments[0]?.type ?? '']);
  return {
    subscriptionId: parsed.subscriptionId,
    resourceGroupName: parsed.resourceGroupName,
    serverName: seg(parsed, 0),
    flexible: type === 'flexibleservers',
  };
}
/** Builds a PostgreSQL server id. */
export function postgresServerResourceId(
  p: Omit<PostgresServerIdParts, 'flexible'> & { flexible?: boolean },
): string {
  return `${resourceGroupResourceId(p)}/providers/Microsoft.DBforPostgreSQL/${p.flexible ? 'flexibleServers' : 'servers'}/${p.serverName}`;
}

/** Parses a PostgreSQL database id. */
export function parsePostgresDatabaseId(id: string): PostgresDatabaseIdParts {
  const p = parseResourceId(id);
  const type = p.segments[0]?.type.toLowerCase();
  if (type !== 'servers' && type !== 'flexibleservers')
    throw new ResourceIdError(`Expected a PostgreSQL database id, got "${id}"`);
  const parsed = expectType(id, 'Microsoft.DBforPostgreSQL', [p.segments[0]?.type ?? '', 'databases']);
  return {
    subscriptionId: parsed.subscriptionId,
    resourceGroupName: parsed.resourceGroupName,
    serverName: seg(parsed, 0),
    databaseName: seg(parsed, 1),
    flexible: type === 'flexibleservers',
  };
}
/** Builds a PostgreSQL database id. */
export function postgresDatabaseResourceId(
  p: Omit<PostgresDatabaseIdParts, 'flexible'> & { flexible?: boolean },
): string {
  return `${postgresServerResourceId(p)}/databases/${p.databaseName}`;
}

/** Parses a Key Vault id. */
export function parseKeyVaultId(id: string): KeyVaultIdParts {
  const p = expectType(id, 'Microsoft.KeyVault', ['vaults']);
  return {
    subscriptionId: p.subscriptionId,
    resourceGroupName: p.resourceGroupName,
    keyVaultName: seg(p, 0),
  };
}
/** Builds a Key Vault id. */
export function keyVaultResourceId(p: KeyVaultIdParts): string {
  return `${resourceGroupResourceId(p)}/providers/Microsoft.KeyVault/vaults/${p.keyVaultName}`;
}

/** Parses a storage account id. */
export function parseStorageAccountId(id: string): StorageAccountIdParts {
  const p = expectType(id, 'Microsoft.Storage', ['storageAccounts']);
  return {
    subscriptionId: p.subscriptionId,
    resourceGroupName: p.resourceGroupName,
    storageAccountName: seg(p, 0),
  };
}
/** Builds a storage account id. */
export function storageAccountResourceId(p: StorageAccountIdParts): string {
  return `${resourceGroupResourceId(p)}/providers/Microsoft.Storage/storageAccounts/${p.storageAccountName}`;
}
