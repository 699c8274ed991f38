import type { TokenCredential } from '@azure/core-auth';
import type { HttpClient } from '@azure/core-rest-pipeline';
import { DEMO_ACCOUNT_SCOPE } from './account-scope';
import { ArmClient } from './arm-client';
import { createAuthorizationQueries } from './authorization/queries';
import {
  createBackupInstanceQueries,
  crossRegionRestoreOperation,
  type CrossRegionRestoreResult,
} from './backup-instances/queries';
import type { BackupVaultResource } from './backup-vaults/types';
import { createBackupVaultQueries, vaultUpdateOperation } from './backup-vaults/queries';
import { getCloud, type AzureCloud, type AzureCloudName } from './clouds';
import { DataProtectionClient } from './data-protection-client';
import { createJobQueries } from './jobs/queries';
import { createOperationQueries } from './operations/follow';
import { createPendingOperationStore, type PendingOperationStore } from './operations/pending-operations';
import type { ArmQueryContext } from './query-context';
import { createRecoveryPointQueries } from './recovery-points/queries';
import { ResourcesClient } from './resources-client';
import { createRestoreTargetQueries } from './restore-targets/queries';
import type { SleepFn } from './sleep';
import { createSubscriptionQueries } from './subscriptions/queries';
import { createTenantQueries } from './tenants/queries';

/** Options of {@link createArm}. */
export interface CreateArmOptions {
  /** Token source (MSAL credential in real mode, `DemoCredential` in demo/tests). */
  credential: TokenCredential;
  /** Cloud object or name (default public cloud). */
  cloud?: AzureCloud | AzureCloudName;
  /** HTTP client override (tests). */
  httpClient?: HttpClient;
  /** Wait between LRO polls without Retry-After (default 5000 ms). */
  pollIntervalMs?: number;
  /** First retry backoff for reads without Retry-After (default 800 ms, doubling). */
  retryDelayMs?: number;
  /** Max retries of reads (default 3). */
  maxRetries?: number;
  /** Injectable sleep for retries and polling (tests). */
  sleep?: SleepFn;
  /**
   * The signed-in account and tenant (see `account-scope.ts`), for keys of per-user state such as
   * pending operations; read on every use. Default: the demo scope (demo mode and tests).
   */
  accountScope?: () => string;
  /** Pending-operation store override (tests); default sessionStorage scoped by `accountScope`. */
  pendingOperations?: PendingOperationStore;
}

/** The data-layer facade the app puts into {@link ArmContext}. */
export interface Arm {
  /** Cloud in use. */
  readonly cloud: AzureCloud;
  /** Whose data this is now (account + tenant); key every per-user stored item with it. */
  accountScope(): string;
  /** Shared low-level client. */
  readonly client: ArmClient;
  /** Microsoft.Resources client. */
  readonly resources: ResourcesClient;
  /** DataProtection client of a subscription (cached, case-insensitive). */
  dataProtection(subscriptionId: string): DataProtectionClient;
  /** Directories (tenants) of the signed-in user. */
  readonly tenants: ReturnType<typeof createTenantQueries>;
  /** Subscriptions and locations. */
  readonly subscriptions: ReturnType<typeof createSubscriptionQueries>;
  /** Backup vaults. */
  readonly backupVaults: ReturnType<typeof createBackupVaultQueries>;
  /** Backup instances and the CRR actions. */
  readonly backupInstances: ReturnType<typeof createBackupInstanceQueries>;
  /** Recovery points (primary and secondary). */
  readonly recoveryPoints: ReturnType<typeof createRecoveryPointQueries>;
  /** Jobs (primary and cross-region). */
  readonly jobs: ReturnType<typeof createJobQueries>;
  /** Operations started in this tab: the pending-operation store and how to follow them. */
  readonly operations: ReturnType<typeof createArmOperations>;
  /** Restore targets: PostgreSQL servers, key vaults and secrets, storage accounts and containers. */
  readonly restoreTargets: ReturnType<typeof createRestoreTargetQueries>;
  /** Microsoft.Authorization: permissions, role assignments and definitions, the restore's permission check. */
  readonly authorization: ReturnType<typeof createAuthorizationQueries>;
}

function createArmOperations(ctx: ArmQueryContext) {
  return createOperationQueries<{
    vaultUpdate: BackupVaultResource;
    crossRegionRestore: CrossRegionRestoreResult;
  }>(ctx, {
    vaultUpdate: vaultUpdateOperation,
    crossRegionRestore: crossRegionRestoreOperation,
  });
}

/**
 * Creates the data-layer facade: one {@link ArmClient} (pipeline, token cache), per-subscription
 * {@link DataProtectionClient}s, and `queryOptions` / `mutationOptions` factories per resource
 * type. Components use it as `useQuery(useArm().backupVaults.queries.detail(vaultId))`.
 */
export function createArm(options: CreateArmOptions): Arm {
  const cloud =
    typeof options.cloud === 'string' ? getCloud(options.cloud) : (options.cloud ?? getCloud(undefined));
  const client = new ArmClient({
    credential: options.credential,
    cloud,
    ...(options.httpClient ? { httpClient: options.httpClient } : {}),
    ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    retry: {
      ...(options.retryDelayMs !== undefined ? { baseDelayMs: options.retryDelayMs } : {}),
      ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
    },
  });
  const resources = new ResourcesClient(client);
  const clients = new Map<string, DataProtectionClient>();
  const dataProtection = (subscriptionId: string): DataProtectionClient => {
    const key = subscriptionId.toLowerCase();
    let dp = clients.get(key);
    if (!dp) {
      dp = new DataProtectionClient(client, subscriptionId);
      clients.set(key, dp);
    }
    return dp;
  };
  const accountScope = options.accountScope ?? (() => DEMO_ACCOUNT_SCOPE);
  const pendingOperations = options.pendingOperations ?? createPendingOperationStore({ scope: accountScope });
  const ctx: ArmQueryContext = { client, dataProtection, resources, pendingOperations };
  return {
    cloud,
    accountScope,
    client,
    resources,
    dataProtection,
    tenants: createTenantQueries(client),
    subscriptions: createSubscriptionQueries(ctx),
    backupVaults: createBackupVaultQueries(ctx),
    backupInstances: createBackupInstanceQueries(ctx),
    recoveryPoints: createRecoveryPointQueries(ctx),
    jobs: createJobQueries(ctx),
    operations: createArmOperations(ctx),
    restoreTargets: createRestoreTargetQueries(ctx),
    authorization: createAuthorizationQueries(ctx),
  };
}
