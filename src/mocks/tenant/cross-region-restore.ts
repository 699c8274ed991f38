// Cross Region Restore rules: which calls the secondary region accepts (CRR enabled, the URL names
// the vault's secondary region, the body its primary), what validation checks on the target, and
// what a triggered restore does (a job in the secondary region that may clash with an existing
// database; a successful one creates that database).

import { resourceNotFound, userError, type ModelError } from './errors';
import { idKey, instanceResourceId, parseVaultChildId, vaultResourceId } from './ids';
import { databaseNameAlreadyInUse, recommendedFor, withRecommendation, type Failure } from './job-errors';
import type { Operations } from './operations';
import { hash32, type Prng } from './prng';
import { normalizeRegion } from './regions';
import type { Registry } from './registry';
import { findRecoveryPoint, makeJob, secondaryRecoveryPoints } from './schedule';
import { allows, type Operation as RbacOperation } from './authorization';
import type {
  BackupInstance,
  KeyVault,
  Operation,
  PgServer,
  RecoveryPoint,
  StorageAccount,
  Timings,
  Vault,
} from './types';

/** Where a cross-region call is made: the resource group and secondary region in its URL. */
export interface CrossRegionScope {
  subscriptionId: string;
  resourceGroup: string;
  /** The region in the URL: must be the vault's secondary region. */
  location: string;
}

export interface CrossRegionRestoreInput extends CrossRegionScope {
  sourceBackupInstanceId: string;
  sourceRegion: string;
  recoveryPointId: string;
  target:
    | { kind: 'database'; databaseId: string; secretUri: string | undefined }
    | { kind: 'files'; containerUrl: string; filePrefix: string };
}

/** What the restore rules act on. */
export interface RestoreContext {
  registry: Registry;
  operations: Operations;
  timings: Timings;
  /** The tenant's stream: restore job names are part of what a journal replay must reproduce. */
  rng: Prng;
}

/**
 * The checks every cross-region call makes: CRR enabled on the vault, the URL names the vault's
 * secondary region, and the body's source region is the vault's region.
 */
export function assertCrossRegionRequest(
  registry: Registry,
  vault: Vault,
  location: string,
  sourceRegion: string,
): void {
  if (vault.crrState !== 'Enabled') {
    // Code chosen by us (documented): the service refuses CRR calls on vaults without the feature.
    throw userError(
      400,
      'UserErrorCrossRegionRestoreNotEnabled',
      `Cross Region Restore is not enabled for the backup vault '${vault.name}'.`,
      [
        'Enable Cross Region Restore in the vault properties, then retry once the backup items are available in the secondary region.',
      ],
    );
  }
  const secondary = registry.secondaryRegionOf(vault);
  if (!secondary || normalizeRegion(location) !== secondary) {
    throw userError(
      400,
      'UserErrorInvalidSecondaryRegion',
      `'${location}' is not the secondary region of the backup vault '${vault.name}'. Use '${secondary ?? 'none'}'.`,
    );
  }
  if (normalizeRegion(sourceRegion) !== normalizeRegion(vault.location)) {
    throw userError(
      400,
      'UserErrorInvalidSourceRegion',
      `'${sourceRegion}' is not the region of the backup vault '${vault.name}' ('${vault.location}').`,
    );
  }
}

/** The vault a fetchCrossRegionRestoreJob(s) request names, checked against the URL's region. */
export function crossRegionVault(
  registry: Registry,
  scope: CrossRegionScope,
  vaultId: string,
  sourceRegion: string,
): Vault {
  const parsed = parseVaultChildId(vaultId);
  const vault = parsed
    ? registry.getVaultById(vaultResourceId(parsed.subscriptionId, parsed.resourceGroup, parsed.vaultName))
    : undefined;
  return inSecondaryRegion(registry, scope, sourceRegion, vault && { vault, source: vault }, () =>
    resourceNotFound(
      'Microsoft.DataProtection/backupVaults',
      parsed?.vaultName ?? vaultId,
      parsed?.resourceGroup ?? '',
    ),
  );
}

/** The instance a fetchSecondaryRecoveryPoints request names, checked against the URL's region. */
export function crossRegionInstance(
  registry: Registry,
  scope: CrossRegionScope,
  instanceId: string,
  sourceRegion: string,
): BackupInstance {
  const bi = registry.getInstanceById(instanceId);
  const vault = bi ? registry.getVaultById(bi.vaultId) : undefined;
  return inSecondaryRegion(registry, scope, sourceRegion, bi && vault && { vault, source: bi }, () => {
    const parsed = parseVaultChildId(instanceId);
    return resourceNotFound(
      'Microsoft.DataProtection/backupVaults/backupInstances',
      `${parsed?.vaultName ?? ''}/${parsed?.childName ?? instanceId}`,
      parsed?.resourceGroup ?? '',
    );
  });
}

/**
 * What a cross-region read names, once the URL's resource group exists (404 otherwise), the
 * source exists (`notFound` otherwise) and the regions fit its vault.
 */
function inSecondaryRegion<T>(
  registry: Registry,
  scope: CrossRegionScope,
  sourceRegion: string,
  found: { vault: Vault; source: T } | undefined,
  notFound: () => ModelError,
): T {
  registry.requireResourceGroup(scope.subscriptionId, scope.resourceGroup);
  if (!found) throw notFound();
  assertCrossRegionRequest(registry, found.vault, scope.location, sourceRegion);
  return found.source;
}

/** validateCrossRegionRestore: checks the target; `failure` (lro-fails) overrides the verdict. */
export function validateCrossRegionRestore(
  ctx: RestoreContext,
  req: CrossRegionRestoreInput,
  at: number,
  failure: Failure | undefined,
): Operation {
  const checked = checkRestore(ctx.registry, req, at);
  return ctx.operations.start({
    ...operationScope(req, checked.vault, at),
    kind: 'validateCrossRegionRestore',
    durationMs: ctx.timings.validateMs,
    failure:
      failure ?? requestProblem(ctx.registry, req, checked) ?? runtimeProblem(ctx.registry, req, checked),
  });
}

/**
 * crossRegionRestore: refuses what the request itself gets wrong, then starts a restore job in the
 * secondary region. What only shows when the job runs (a database that exists by now, a role the
 * vault's identity lacks) fails the job, as in Azure. `failure` (restore-fails) makes the job fail;
 * `jobMs` (quick-restore) sets how long it runs.
 */
export function triggerCrossRegionRestore(
  ctx: RestoreContext,
  req: CrossRegionRestoreInput,
  at: number,
  failure: Failure | undefined,
  jobMs?: number,
): Operation {
  const checked = checkRestore(ctx.registry, req, at);
  const { vault, bi, rp } = checked;
  const problem = requestProblem(ctx.registry, req, checked);
  if (problem) throw userError(400, problem.code, problem.message, recommendedFor(problem.code));

  const database =
    req.target.kind === 'database' ? targetDatabase(ctx.registry, req.target.databaseId) : undefined;
  const jobFailure = failure ?? runtimeProblem(ctx.registry, req, checked);
  const jobName = ctx.rng.guid();
  const durationMs = jobMs ?? ctx.timings.crrJobMs;
  const job = makeJob(bi, {
    name: jobName,
    operation: 'Restore',
    startTime: at + ctx.timings.crrTriggerMs,
    durationMs: jobFailure ? Math.round(durationMs * 0.4) : durationMs,
    finalStatus: jobFailure ? 'Failed' : 'Completed',
    error: jobFailure ? withRecommendation(jobFailure) : undefined,
    isUserTriggered: true,
    isCrossRegionRestore: true,
    dataBytes: 1_800 * 1024 * 1024 + (hash32(jobName) % 900) * 1024 * 1024,
    restore: {
      recoveryPointId: rp.recoveryPointId,
      recoveryPointTime: rp.time,
      destination: req.target.kind === 'database' ? req.target.databaseId : req.target.containerUrl,
      asFiles: req.target.kind === 'files',
      sourceRegion: normalizeRegion(req.sourceRegion),
    },
  });
  vault.crrJobs.push(job);
  // A successful restore creates the database, so restoring the same name again will clash.
  if (jobFailure === undefined && database) database.server.databases.push(database.name);
  return ctx.operations.start({
    ...operationScope(req, vault, at),
    kind: 'crossRegionRestore',
    durationMs: ctx.timings.crrTriggerMs,
    jobId: job.id,
  });
}

function operationScope(req: CrossRegionRestoreInput, vault: Vault, at: number) {
  return {
    subscriptionId: req.subscriptionId,
    resourceGroup: req.resourceGroup,
    location: normalizeRegion(req.location),
    vaultId: vault.id,
    startTime: at,
  };
}

/** The synchronous checks of validate and trigger: the source instance and a replicated recovery point. */
function checkRestore(registry: Registry, req: CrossRegionRestoreInput, at: number): CheckedRestore {
  registry.requireResourceGroup(req.subscriptionId, req.resourceGroup);
  const parsed = parseVaultChildId(req.sourceBackupInstanceId);
  if (!parsed?.childName) {
    throw userError(
      400,
      'UserErrorInvalidInput',
      `'${req.sourceBackupInstanceId}' is not a valid backup instance ARM id.`,
    );
  }
  const vault = registry.getVaultById(
    vaultResourceId(parsed.subscriptionId, parsed.resourceGroup, parsed.vaultName),
  );
  const bi = vault ? registry.getInstanceById(instanceResourceId(vault.id, parsed.childName)) : undefined;
  if (!vault || !bi) {
    throw resourceNotFound(
      'Microsoft.DataProtection/backupVaults/backupInstances',
      `${parsed.vaultName}/${parsed.childName}`,
      parsed.resourceGroup,
    );
  }
  assertCrossRegionRequest(registry, vault, req.location, req.sourceRegion);
  const rp = findRecoveryPoint(secondaryRecoveryPoints(bi, vault.crrEnabledAt, at), req.recoveryPointId);
  if (!rp) {
    throw userError(
      400,
      'UserErrorRecoveryPointNotFound',
      `The recovery point '${req.recoveryPointId}' is not available in the secondary region.`,
      [
        'Pick a recovery point listed by fetchSecondaryRecoveryPoints. Recovery points take up to 12 hours to replicate.',
      ],
    );
  }
  if (bi.datasourceType === 'Microsoft.DBforPostgreSQL/flexibleServers' && req.target.kind === 'database') {
    throw userError(
      400,
      'UserErrorRestoreAsDatabaseNotSupported',
      'Azure Database for PostgreSQL flexible server backups can only be restored as files.',
    );
  }
  return { vault, bi, rp, secondary: normalizeRegion(req.location) };
}

/** What the synchronous checks established. */
interface CheckedRestore {
  vault: Vault;
  bi: BackupInstance;
  rp: RecoveryPoint;
  /** The vault's secondary region (the URL's, once checked). */
  secondary: string;
}

/**
 * What is wrong with the request itself: a point only in the archive tier, a target that does not
 * exist or is outside the secondary region, a secret store that is not a key vault secret.
 * Validation fails with it and the trigger refuses it (400).
 */
function requestProblem(
  registry: Registry,
  req: CrossRegionRestoreInput,
  checked: CheckedRestore,
): Failure | undefined {
  if (checked.rp.tier === 'archive') {
    return {
      code: 'UserErrorArchivedRecoveryPointNeedsRehydration',
      message: `The recovery point '${checked.rp.recoveryPointId}' is in the archive tier. Rehydrate it to the vault tier before restoring it; Cross Region Restore cannot restore from the archive tier.`,
    };
  }
  const outside = (kind: string, name: string, location: string): Failure => ({
    code: 'UserErrorTargetNotInSecondaryRegion',
    message: `The target ${kind} '${name}' is in '${location}'. A cross-region restore must target a resource in the secondary region '${checked.secondary}'.`,
  });
  if (req.target.kind === 'files') {
    const container = targetContainer(registry, req.target.containerUrl);
    if (!container.account || !container.exists) {
      return {
        code: 'UserErrorContainerNotAccessible',
        message: `The container '${req.target.containerUrl}' could not be accessed by the backup vault's managed identity.`,
      };
    }
    if (normalizeRegion(container.account.location) !== checked.secondary)
      return outside('storage account', container.account.name, container.account.location);
    return undefined;
  }
  const database = targetDatabase(registry, req.target.databaseId);
  if (!database)
    return {
      code: 'UserErrorDBNotFound',
      message: 'The target Azure Database for PostgreSQL server could not be found.',
    };
  if (normalizeRegion(database.server.location) !== checked.secondary)
    return outside('server', database.server.name, database.server.location);
  const secret = targetSecret(registry, req.target.secretUri);
  if ('problem' in secret) return secret.problem;
  return undefined;
}

/**
 * What only shows when the restore runs: the database name is taken by now, or the vault's
 * managed identity lacks a role on a target. Validation reports it; a triggered job fails with it.
 */
function runtimeProblem(
  registry: Registry,
  req: CrossRegionRestoreInput,
  checked: CheckedRestore,
): Failure | undefined {
  const principal = checked.vault.principalId;
  const lacks = (scope: string, op: RbacOperation) => !allows(registry.roleAssignments, principal, scope, op);
  if (req.target.kind === 'files') {
    const { account, containerId } = targetContainer(registry, req.target.containerUrl);
    if (account && containerId && lacks(containerId, { dataAction: BLOB_WRITE })) {
      return {
        code: 'UserErrorMSIMissingPermissions',
        message: `The backup vault's managed identity is missing the 'Storage Blob Data Contributor' role on the storage account '${account.name}'.`,
      };
    }
    return undefined;
  }
  const database = targetDatabase(registry, req.target.databaseId);
  if (!database) return undefined;
  if (database.exists) return databaseNameAlreadyInUse(database.name, database.server.name);
  if (lacks(database.server.id, { action: 'Microsoft.DBforPostgreSQL/servers/read' })) {
    return {
      code: 'UserErrorMSIMissingPermissions',
      message: `The backup vault's managed identity is missing the 'Reader' role on the target Azure Database for PostgreSQL server '${database.server.name}'.`,
    };
  }
  const secret = targetSecret(registry, req.target.secretUri);
  if ('keyVault' in secret && lacks(secret.keyVault.id, { dataAction: SECRET_READ })) {
    return {
      code: 'UserErrorMissingPermissionsOnSecretStore',
      message: `The backup vault's managed identity cannot read secrets of the key vault '${secret.keyVault.name}'. Assign it the 'Key Vault Secrets User' role on the key vault.`,
    };
  }
  return undefined;
}

const BLOB_WRITE = 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write';
const SECRET_READ = 'Microsoft.KeyVault/vaults/secrets/getSecret/action';

/** The key vault and secret a secret URI names, or what is wrong with it. */
function targetSecret(
  registry: Registry,
  secretUri: string | undefined,
): { keyVault: KeyVault } | { problem: Failure } {
  if (!secretUri)
    return {
      problem: {
        code: 'UserErrorInvalidSecretStore',
        message: 'No secret store was provided for the target database credentials.',
      },
    };
  const kvMatch = /^https:\/\/([^.]+)\.vault\.azure\.net\/secrets\/([^/?]+)/i.exec(secretUri);
  const kv = kvMatch?.[1] ? byName(registry.keyVaults.values(), kvMatch[1]) : undefined;
  if (!kv)
    return {
      problem: {
        code: 'UserErrorInvalidSecretStore',
        message: `The secret store '${secretUri}' is not a valid Azure Key Vault secret URI.`,
      },
    };
  if (!kv.secrets.some((s) => s.name.toLowerCase() === kvMatch?.[2]?.toLowerCase())) {
    return {
      problem: {
        code: 'UserErrorInvalidSecret',
        message: `The secret '${kvMatch?.[2] ?? ''}' was not found in the key vault '${kv.name}'.`,
      },
    };
  }
  return { keyVault: kv };
}

/** The storage account and container a container URL names (blob endpoint of an account here). */
function targetContainer(
  registry: Registry,
  containerUrl: string,
): { account: StorageAccount | undefined; exists: boolean; containerId: string | undefined } {
  const m = /^https:\/\/([^.]+)\.blob\.core\.windows\.net\/([^/?]+)/i.exec(containerUrl);
  const account = m?.[1] ? byName(registry.storageAccounts.values(), m[1]) : undefined;
  const container = account?.containers.find((c) => c.name.toLowerCase() === m?.[2]?.toLowerCase());
  return {
    account,
    exists: container !== undefined,
    containerId:
      account && container ? `${account.id}/blobServices/default/containers/${container.name}` : undefined,
  };
}

/** The server a target database id names (if it exists), and whether the database already does. */
function targetDatabase(
  registry: Registry,
  databaseId: string,
): { server: PgServer; name: string; exists: boolean } | undefined {
  const m = /^(.*\/providers\/Microsoft\.DBforPostgreSQL\/servers\/[^/]+)\/databases\/[^/]+$/i.exec(
    databaseId,
  );
  const server = m?.[1] ? registry.pgServers.get(idKey(m[1])) : undefined;
  if (!server) return undefined;
  const name = databaseId.split('/').pop() ?? '';
  return { server, name, exists: server.databases.some((d) => d.toLowerCase() === name.toLowerCase()) };
}

function byName<T extends { name: string }>(items: Iterable<T>, name: string): T | undefined {
  return [...items].find((i) => i.name.toLowerCase() === name.toLowerCase());
}
