/**
 * Hierarchical TanStack Query keys. Everything ARM lives under `['arm', <subscription lower-case>]`;
 * a vault's node holds its detail, instances, recovery points and jobs, so invalidating a
 * subscription or a vault prefix hits exactly its subtree. Resource nodes use
 * {@link resourceIdKey} (lower-cased ids), regions are normalised (`East US` -> `eastus`).
 *
 * ```
 * ['arm', 'subscriptions']                                   tenant's subscription list
 * ['arm', 'tenants']                                         directories the user belongs to
 * ['arm', sub, 'locations']
 * ['arm', sub, 'backupVaults', 'list']
 * ['arm', sub, 'backupVaults', vaultKey, 'detail']
 * ['arm', sub, 'backupVaults', vaultKey, 'backupInstances', 'list']
 * ['arm', sub, 'backupVaults', vaultKey, 'backupInstances', instanceKey, 'detail']
 * ['arm', sub, 'backupVaults', vaultKey, 'backupInstances', instanceKey, 'recoveryPoints', {from, to}]
 * ['arm', sub, 'backupVaults', vaultKey, 'backupInstances', instanceKey, 'secondaryRecoveryPoints', {...}]
 * ['arm', sub, 'backupVaults', vaultKey, 'jobs', 'list']
 * ['arm', sub, 'backupVaults', vaultKey, 'jobs', jobKey, 'detail']
 * ['arm', sub, 'backupVaults', vaultKey, 'jobs', 'crossRegion', {...}]
 * ['arm', sub, 'backupVaults', vaultKey, 'backupInstances', instanceKey, 'resourceGraphRow']
 * ['arm', 'resourceGraph', 'backupInstances', {subscriptions, filter}]       across subscriptions
 * ['arm', 'resourceGraph', 'backupInstanceCounts', {subscriptions, filter}]
 * ['arm', sub, 'restoreTargets', kind]                       servers, key vaults, storage accounts
 * ['arm', sub, 'restoreTargets', kind, resourceKey, child]    a key vault's secrets, an account's containers
 * ['arm', sub, 'authorization', ...]                          permissions, role assignments and definitions
 * ['arm', 'jobSearch', 'primary' | 'secondary', {subscriptions, from, to, workload}]
 * ['arm', 'pendingOperation', kind, resourceKey]               an operation followed after a reload
 * ```
 * Resource Graph queries span subscriptions, so they live under `['arm', 'resourceGraph']` with
 * sorted, lower-cased subscription ids and a normalised filter (equal views share one cache entry).
 */
import type { JobSearchScope } from './jobs/job-search';
import { normaliseRegion } from './regions';
import {
  normaliseBackupInstanceFilter,
  type BackupInstanceFilter,
} from './resource-graph/backup-instance-query';
import {
  backupVaultResourceId,
  parseBackupInstanceId,
  parseBackupJobId,
  parseBackupVaultId,
  parseResourceGroupId,
  parseResourceId,
  resourceIdKey,
} from './resource-id';

const lower = (s: string): string => s.toLowerCase();

function vaultIdOfInstance(instanceId: string): string {
  return backupVaultResourceId(parseBackupInstanceId(instanceId));
}

function vaultIdOfJob(jobId: string): string {
  return backupVaultResourceId(parseBackupJobId(jobId));
}

function graphScope(subscriptions: readonly string[], filter: BackupInstanceFilter | undefined) {
  return {
    subscriptions: [...new Set(subscriptions.map(lower))].sort(),
    filter: normaliseBackupInstanceFilter(filter),
  };
}

/** Time window of a recovery point list (ISO strings or undefined). */
export interface RecoveryPointRange {
  from?: string | undefined;
  to?: string | undefined;
}

/** The restore target lists of a subscription. */
export type RestoreTargetKind = 'postgresServers' | 'keyVaults' | 'storageAccounts';

/** The subscription of an id, or '' for a value that is not one yet (a form field being filled in). */
const subscriptionOfId = (id: string): string => {
  try {
    return lower(parseResourceGroupId(id).subscriptionId);
  } catch {
    return '';
  }
};

/** Query key factory; see the module comment for the tree. */
export const armKeys = {
  /** An operation of this tab followed to its end (see `operations/follow.ts`). */
  pendingOperation: (kind: string, resourceId: string) =>
    ['arm', 'pendingOperation', kind, resourceIdKey(resourceId)] as const,
  /** Every ARM query. */
  all: () => ['arm'] as const,
  /** The signed-in user's subscriptions (tenant level, not below one subscription). */
  subscriptionList: () => ['arm', 'subscriptions'] as const,
  /** The directories (tenants) the signed-in user belongs to. */
  tenantList: () => ['arm', 'tenants'] as const,
  /** Everything of one subscription. */
  subscription: (subscriptionId: string) => ['arm', lower(subscriptionId)] as const,
  /** Locations of one subscription. */
  locations: (subscriptionId: string) => ['arm', lower(subscriptionId), 'locations'] as const,
  /** Every vault query of a subscription. */
  backupVaults: (subscriptionId: string) => ['arm', lower(subscriptionId), 'backupVaults'] as const,
  /** Vault list of a subscription. */
  backupVaultList: (subscriptionId: string) =>
    ['arm', lower(subscriptionId), 'backupVaults', 'list'] as const,
  /** One vault's subtree (detail, instances, recovery points, jobs). */
  backupVault: (vaultId: string) => {
    const p = parseBackupVaultId(vaultId);
    return ['arm', lower(p.subscriptionId), 'backupVaults', resourceIdKey(vaultId)] as const;
  },
  /** One vault's detail. */
  backupVaultDetail: (vaultId: string) => [...armKeys.backupVault(vaultId), 'detail'] as const,
  /** Instances of a vault. */
  backupInstanceList: (vaultId: string) =>
    [...armKeys.backupVault(vaultId), 'backupInstances', 'list'] as const,
  /** One instance's subtree. */
  backupInstance: (instanceId: string) =>
    [
      ...armKeys.backupVault(vaultIdOfInstance(instanceId)),
      'backupInstances',
      resourceIdKey(instanceId),
    ] as const,
  /** One instance's detail. */
  backupInstanceDetail: (instanceId: string) => [...armKeys.backupInstance(instanceId), 'detail'] as const,
  /** One instance as Resource Graph describes it (with its extended properties). */
  backupInstanceRow: (instanceId: string) =>
    [...armKeys.backupInstance(instanceId), 'resourceGraphRow'] as const,
  /** Every Resource Graph query. */
  resourceGraph: () => ['arm', 'resourceGraph'] as const,
  /** Backup instances across subscriptions (the Backup instances grid). */
  backupInstanceSearch: (subscriptions: readonly string[], filter?: BackupInstanceFilter) =>
    [...armKeys.resourceGraph(), 'backupInstances', graphScope(subscriptions, filter)] as const,
  /** Instance counts per vault across subscriptions. */
  backupInstanceCounts: (subscriptions: readonly string[], filter?: BackupInstanceFilter) =>
    [...armKeys.resourceGraph(), 'backupInstanceCounts', graphScope(subscriptions, filter)] as const,
  /** Primary recovery points of an instance in a time window. */
  recoveryPointList: (instanceId: string, range: RecoveryPointRange = {}) =>
    [
      ...armKeys.backupInstance(instanceId),
      'recoveryPoints',
      { from: range.from ?? null, to: range.to ?? null },
    ] as const,
  /** Secondary-region recovery points of an instance. */
  secondaryRecoveryPointList: (
    instanceId: string,
    regions: { sourceRegion: string; secondaryRegion: string },
    range: RecoveryPointRange = {},
  ) =>
    [
      ...armKeys.backupInstance(instanceId),
      'secondaryRecoveryPoints',
      {
        sourceRegion: normaliseRegion(regions.sourceRegion),
        secondaryRegion: normaliseRegion(regions.secondaryRegion),
        from: range.from ?? null,
        to: range.to ?? null,
      },
    ] as const,
  /** Every job query of a vault (primary and cross-region). */
  jobs: (vaultId: string) => [...armKeys.backupVault(vaultId), 'jobs'] as const,
  /** Primary-region jobs of a vault. */
  jobList: (vaultId: string) => [...armKeys.jobs(vaultId), 'list'] as const,
  /** One primary-region job (by full job resource id). */
  jobDetail: (jobId: string) =>
    [...armKeys.jobs(vaultIdOfJob(jobId)), resourceIdKey(jobId), 'detail'] as const,
  /** Cross-region restore jobs of a vault. */
  crossRegionJobs: (vaultId: string) => [...armKeys.jobs(vaultId), 'crossRegion'] as const,
  /** Cross-region restore job list of a vault as seen from a secondary region. */
  crossRegionJobList: (args: {
    vaultId: string;
    sourceRegion: string;
    secondaryRegion: string;
    filter?: string | undefined;
  }) =>
    [
      ...armKeys.crossRegionJobs(args.vaultId),
      'list',
      {
        sourceRegion: normaliseRegion(args.sourceRegion),
        secondaryRegion: normaliseRegion(args.secondaryRegion),
        filter: args.filter ?? null,
      },
    ] as const,
  /** Every job search across subscriptions (the Backup jobs page). */
  jobSearches: () => ['arm', 'jobSearch'] as const,
  /**
   * Jobs of one region across subscriptions in a window; subscriptions sorted and lower-cased so
   * equal scopes share one cache entry.
   */
  jobSearch: (region: 'primary' | 'secondary', scope: JobSearchScope) =>
    [
      ...armKeys.jobSearches(),
      region,
      {
        subscriptions: [...new Set(scope.subscriptions.map(lower))].sort(),
        from: scope.window.from,
        to: scope.window.to ?? null,
        workload: scope.workload?.toLowerCase() ?? null,
      },
    ] as const,
  /** One cross-region restore job. */
  crossRegionJobDetail: (args: {
    vaultId: string;
    sourceRegion: string;
    secondaryRegion: string;
    jobId: string;
  }) =>
    [
      ...armKeys.crossRegionJobs(args.vaultId),
      'detail',
      {
        sourceRegion: normaliseRegion(args.sourceRegion),
        secondaryRegion: normaliseRegion(args.secondaryRegion),
        jobId: lower(args.jobId),
      },
    ] as const,
  /** Restore targets of one kind in a subscription (every region). */
  restoreTargets: (subscriptionId: string, kind: RestoreTargetKind) =>
    ['arm', lower(subscriptionId), 'restoreTargets', kind] as const,
  /** A child list of one restore target (a key vault's secrets, a storage account's containers). */
  restoreTargetChildren: (kind: RestoreTargetKind, resourceId: string, child: 'secrets' | 'containers') =>
    [
      ...armKeys.restoreTargets(subscriptionOfId(resourceId), kind),
      resourceIdKey(resourceId),
      child,
    ] as const,
  /** Everything the authorization API told about a subscription's scopes. */
  authorization: (subscriptionId: string) => ['arm', lower(subscriptionId), 'authorization'] as const,
  /** The caller's permissions at a resource group. */
  permissions: (resourceGroupId: string) =>
    [
      ...armKeys.authorization(subscriptionOfId(resourceGroupId)),
      'permissions',
      resourceIdKey(resourceGroupId),
    ] as const,
  /** A principal's role assignments that apply to a scope. */
  roleAssignments: (scope: string, principalId: string) =>
    [
      ...armKeys.authorization(subscriptionOfScope(scope)),
      'roleAssignments',
      resourceIdKey(scope),
      principalId.toLowerCase(),
    ] as const,
  /** One role definition (by its full id; tenant-level ids have no subscription). */
  roleDefinition: (roleDefinitionId: string) =>
    ['arm', 'roleDefinitions', resourceIdKey(roleDefinitionId)] as const,
};

function subscriptionOfScope(scope: string): string {
  return lower(parseResourceId(scope).subscriptionId ?? '');
}

/** Mutation keys (so the UI can find in-flight duplicates with `useMutationState`/`useIsMutating`). */
export const armMutationKeys = {
  /** A role assignment PUT; scoped to one scope when given. */
  createRoleAssignment: (scope?: string) =>
    scope
      ? (['arm', 'mutation', 'createRoleAssignment', resourceIdKey(scope)] as const)
      : (['arm', 'mutation', 'createRoleAssignment'] as const),
  /** Vault PATCH; scoped to one vault when given. */
  updateBackupVault: (vaultId?: string) =>
    vaultId
      ? (['arm', 'mutation', 'updateBackupVault', resourceIdKey(vaultId)] as const)
      : (['arm', 'mutation', 'updateBackupVault'] as const),
  /** validateCrossRegionRestore; scoped to one source instance when given. */
  validateCrossRegionRestore: (instanceId?: string) =>
    instanceId
      ? (['arm', 'mutation', 'validateCrossRegionRestore', resourceIdKey(instanceId)] as const)
      : (['arm', 'mutation', 'validateCrossRegionRestore'] as const),
  /** crossRegionRestore; scoped to one source instance when given. */
  triggerCrossRegionRestore: (instanceId?: string) =>
    instanceId
      ? (['arm', 'mutation', 'triggerCrossRegionRestore', resourceIdKey(instanceId)] as const)
      : (['arm', 'mutation', 'triggerCrossRegionRestore'] as const),
};
