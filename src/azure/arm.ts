import type { TokenCredential } from '@azure/core-auth';
import type { HttpClient } from '@azure/core-rest-pipeline';
import { DEMO_ACCOUNT_SCOPE } from './account-scope';
import { ArmClient } from './arm-client';
import { getCloud, type AzureCloud, type AzureCloudName } from './clouds';
import { DataProtectionClient } from './data-protection-client';
import { createPendingOperationStore, type PendingOperationStore } from './operations/pending-operations';
import type { ArmQueryContext } from './query-context';
import { ResourcesClient } from './resources-client';
import type { SleepFn } from './sleep';

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

/** Makes the factories of one resource type from what they share (see {@link Arm.group}). */
export type ArmQueryGroup<T> = (ctx: ArmQueryContext) => T;

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
  /**
   * The query and mutation factories of one resource type, e.g.
   * `arm.group(createBackupVaultQueries).queries.list(subscriptionId)`; made once per Arm. Each page
   * imports the groups it uses, so its chunk carries them and the data layer does not grow with
   * every resource type.
   */
  group<T>(factory: ArmQueryGroup<T>): T;
}

/**
 * Creates the data-layer facade: one {@link ArmClient} (pipeline, token cache), per-subscription
 * {@link DataProtectionClient}s, and the `queryOptions` / `mutationOptions` factories of each
 * resource type on demand. Components use it as
 * `useQuery(useArm().group(createBackupVaultQueries).queries.detail(vaultId))`.
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
  const groups = new Map<ArmQueryGroup<unknown>, unknown>();
  return {
    cloud,
    accountScope,
    client,
    resources,
    dataProtection,
    group: <T>(factory: ArmQueryGroup<T>): T => {
      if (!groups.has(factory)) groups.set(factory, factory(ctx));
      return groups.get(factory) as T;
    },
  };
}
