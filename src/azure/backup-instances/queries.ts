import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { listAllInVault } from '../common/vault-lists';
import type { ArmPoller, LroProgress } from '../lro';
import { startTracked, type OperationDefinition } from '../operations/follow';
import { parseOperationJobExtendedInfo } from '../operations/job-info';
import type { OperationJobExtendedInfo } from '../operations/types';
import type { ArmQueryContext } from '../query-context';
import { armKeys, armMutationKeys } from '../query-keys';
import { backupVaultResourceId, jobNameFromJobId, parseBackupInstanceId } from '../resource-id';
import { buildCrossRegionRestoreRequest, type CrossRegionRestoreInput } from '../restore/restore-request';
import { createInstanceGraphQueries } from './graph-queries';

/**
 * Variables of the validate / trigger cross-region restore mutations: what to restore where (the
 * body is built by {@link buildCrossRegionRestoreRequest}, the one builder).
 */
export interface CrossRegionRestoreVariables extends CrossRegionRestoreInput {
  /** Progress after every poll. */
  onProgress?: (progress: LroProgress) => void;
}

/** Result of a validate / trigger cross-region restore. */
export interface CrossRegionRestoreResult {
  /** Raw final result. */
  result: OperationJobExtendedInfo;
  /** `jobId` as ARM returned it (a job resource id in real ARM, a GUID in the spec example). */
  jobId: string | null;
  /** The job GUID (name), for `fetchCrossRegionRestoreJob`. */
  jobName: string | null;
}

function toResult(result: OperationJobExtendedInfo): CrossRegionRestoreResult {
  const jobId = result.jobId ?? null;
  return { result, jobId, jobName: jobId ? jobNameFromJobId(jobId) : null };
}

/** After a restore started: the source vault's jobs (primary and cross-region) are stale. */
async function afterCrossRegionRestore(client: QueryClient, instanceId: string) {
  const vaultId = backupVaultResourceId(parseBackupInstanceId(instanceId));
  await Promise.all([
    client.invalidateQueries({ queryKey: armKeys.jobs(vaultId) }),
    // The Backup jobs page lists the new restore job across subscriptions.
    client.invalidateQueries({ queryKey: armKeys.jobSearches() }),
  ]);
}

/** How a cross-region restore is followed (also after a reload); see `operations/follow.ts`. */
export const crossRegionRestoreOperation: OperationDefinition<CrossRegionRestoreResult> = {
  mutationKey: (instanceId) => armMutationKeys.triggerCrossRegionRestore(instanceId),
  resumeOptions: {
    finalStateVia: 'location',
    mapResult: (body) => toResult(parseOperationJobExtendedInfo(body)),
  },
  afterSuccess: (client, instanceId) => afterCrossRegionRestore(client, instanceId),
};

/** Query and mutation factories for backup instances and the CRR actions. */
export function createBackupInstanceQueries(ctx: ArmQueryContext) {
  const begin = (
    action: 'beginValidateCrossRegionRestore' | 'beginTriggerCrossRegionRestore',
    v: CrossRegionRestoreVariables,
  ): Promise<ArmPoller<OperationJobExtendedInfo>> => {
    const p = parseBackupInstanceId(v.instanceId);
    // The CRR actions live on the vault's resource group, at the secondary region.
    return ctx
      .dataProtection(p.subscriptionId)
      .backupInstances[action](p.resourceGroupName, v.secondaryRegion, buildCrossRegionRestoreRequest(v), {
        ...(v.onProgress ? { onProgress: v.onProgress } : {}),
      });
  };

  return {
    queries: {
      ...createInstanceGraphQueries(ctx),
      /** Every instance of a vault (all pages). */
      list: (vaultId: string) =>
        queryOptions({
          queryKey: armKeys.backupInstanceList(vaultId),
          queryFn: ({ signal }) =>
            listAllInVault(vaultId, (s) => ctx.dataProtection(s).backupInstances, signal),
        }),
      /** One instance. */
      detail: (instanceId: string) =>
        queryOptions({
          queryKey: armKeys.backupInstanceDetail(instanceId),
          queryFn: ({ signal }) => {
            const p = parseBackupInstanceId(instanceId);
            return ctx
              .dataProtection(p.subscriptionId)
              .backupInstances.get(p.resourceGroupName, p.vaultName, p.backupInstanceName, {
                abortSignal: signal,
              });
          },
        }),
    },
    mutations: {
      /** `validateCrossRegionRestore`; never retried; nothing to invalidate. */
      validateCrossRegionRestore: (instanceId?: string) =>
        mutationOptions<CrossRegionRestoreResult, Error, CrossRegionRestoreVariables>({
          mutationKey: armMutationKeys.validateCrossRegionRestore(instanceId),
          retry: false,
          mutationFn: async (v) =>
            toResult(await (await begin('beginValidateCrossRegionRestore', v)).pollUntilDone()),
        }),
      /**
       * `crossRegionRestore`; never retried and never sent while one is pending for the same
       * source instance (a second call would start a second restore): the operation is kept in
       * the pending-operation store until it ends. On success the source vault's job queries
       * (primary and cross-region) are invalidated.
       */
      triggerCrossRegionRestore: (instanceId?: string) =>
        mutationOptions<CrossRegionRestoreResult, Error, CrossRegionRestoreVariables>({
          mutationKey: armMutationKeys.triggerCrossRegionRestore(instanceId),
          retry: false,
          mutationFn: async (v) =>
            toResult(
              await startTracked(
                ctx.pendingOperations,
                { kind: 'crossRegionRestore', resourceId: v.instanceId },
                () => begin('beginTriggerCrossRegionRestore', v),
              ),
            ),
          onSuccess: (_result, v, _onMutateResult, context) =>
            afterCrossRegionRestore(context.client, v.instanceId),
        }),
    },
  };
}
