import type { TokenCredential } from '@azure/core-auth';
import type { HttpClient } from '@azure/core-rest-pipeline';
import { DEMO_ACCOUNT_SCOPE } from './account-scope';
import { ArmClient } from './arm-client';
import { createBackupInstanceQueries } from './backup-instances/queries';
import { createBackupVaultQueries } from './backup-vaults/queries';
import { getCloud, type AzureCloud, type AzureCloudName } from './clouds';
import { DataProtectionClient } from './data-protection-client';
import { createJobQueries } from './jobs/queries';
import type { ArmPoller, BeginOperationOptions } from './lro';
import type { ArmQueryContext } from './query-context';
import { createRecoveryPointQueries } from './recovery-points/queries';
import { ResourcesClient } from './resources-client';
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
   * The current account scope (see `account-scope.ts`), read on every use because it changes when
   * the user signs in, switches tenant or signs out. Default: the demo scope.
   */
  accountScope?: () => string;
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
  /** Long-running operations. */
  readonly operations: {
    /** Continue polling an operation after a reload, from a saved operation URL or resume token. */
    resume<T = unknown>(operationUrlOrToken: string, options?: BeginOperationOptions<T>): ArmPoller<T>;
  };
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
  const ctx: ArmQueryContext = { client, dataProtection, resources };
  return {
    cloud,
    accountScope: options.accountScope ?? (() => DEMO_ACCOUNT_SCOPE),
    client,
    resources,
    dataProtection,
    tenants: createTenantQueries(client),
    subscriptions: createSubscriptionQueries(ctx),
    backupVaults: createBackupVaultQueries(ctx),
    backupInstances: createBackupInstanceQueries(ctx),
    recoveryPoints: createRecoveryPointQueries(ctx),
    jobs: createJobQueries(ctx),
    operations: {
      resume: <T = unknown>(operationUrlOrToken: string, resumeOptions?: BeginOperationOptions<T>) =>
        client.resumeOperation<T>(operationUrlOrToken, resumeOptions),
    },
  };
}
