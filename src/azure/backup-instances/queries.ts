import { mutationOptions, queryOptions } from '@tanstack/react-query';
import type { LroProgress } from '../lro';
import type { OperationJobExtendedInfo } from '../operations/types';
import { collectAll } from '../paging';
import type { ArmQueryContext, OperationStartedInfo } from '../query-context';
import { armKeys, armMutationKeys } from '../query-keys';
import {
  backupVaultResourceId,
  jobNameFromJobId,
  parseBackupInstanceId,
  parseBackupVaultId,
} from '../resource-id';
import { createInstanceGraphQueries } from './graph-queries';
import type { AzureBackupRestoreRequest } from './types';

/** Variables of the validate / trigger cross-region restore mutations. */
export interface CrossRegionRestoreVariables {
  /** Source backup instance (in the primary region). */
  instanceId: string;
  /** Primary region (the vault's location). */
  sourceRegion: string;
  /** Secondary region to restore in (`replicatedRegions[0]` or the paired region). */
  secondaryRegion: string;
  /** The restore request (target server or storage container...). */
  restoreRequestObject: AzureBackupRestoreRequest;
  /** Progress after every poll. */
  onProgress?: (progress: LroProgress) => void;
  /** Called once ARM accepted the request; persist the URL to resume after a reload. */
  onOperationStarted?: (info: OperationStartedInfo) => void;
}

/** Result of a validate / trigger cross-region restore. */
export interface CrossRegionRestoreResult {
  /** Raw final result. */
  result: OperationJobExtendedInfo;
  /** `jobId` as ARM returned it (a job resource id in real ARM, a GUID in the spec example). */
  jobId: string | null;
  /** The job GUID (name), for `fetchCrossRegionRestoreJob`. */
  jobName: string | null;
  /** Operation URL that was polled, if any. */
  operationUrl: string | undefined;
}

/** Query and mutation factories for backup instances and the CRR actions. */
export function createBackupInstanceQueries(ctx: ArmQueryContext) {
  const run = async (
    action: 'beginValidateCrossRegionRestore' | 'beginTriggerCrossRegionRestore',
    v: CrossRegionRestoreVariables,
  ): Promise<CrossRegionRestoreResult> => {
    const p = parseBackupInstanceId(v.instanceId);
    // The CRR actions live on the vault's resource group, at the secondary region.
    const poller = await ctx.dataProtection(p.subscriptionId).backupInstances[action](
      p.resourceGroupName,
      v.secondaryRegion,
      {
        restoreRequestObject: v.restoreRequestObject,
        crossRegionRestoreDetails: { sourceRegion: v.sourceRegion, sourceBackupInstanceId: v.instanceId },
      },
      { ...(v.onProgress ? { onProgress: v.onProgress } : {}) },
    );
    if (poller.operationUrl)
      v.onOperationStarted?.({ operationUrl: poller.operationUrl, resumeToken: poller.resumeToken });
    const result = await poller.pollUntilDone();
    const jobId = result.jobId ?? null;
    return {
      result,
      jobId,
      jobName: jobId ? jobNameFromJobId(jobId) : null,
      operationUrl: poller.operationUrl,
    };
  };

  return {
    queries: {
      ...createInstanceGraphQueries(ctx),
      /** Every instance of a vault (all pages). */
      list: (vaultId: string) =>
        queryOptions({
          queryKey: armKeys.backupInstanceList(vaultId),
          queryFn: ({ signal }) => {
            const p = parseBackupVaultId(vaultId);
            return collectAll(
              ctx
                .dataProtection(p.subscriptionId)
                .backupInstances.list(p.resourceGroupName, p.vaultName, { abortSignal: signal }),
            );
          },
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
          mutationFn: (v) => run('beginValidateCrossRegionRestore', v),
        }),
      /**
       * `crossRegionRestore`; never retried (a second call would start a second restore). On
       * success the source vault's job queries (primary and cross-region) are invalidated.
       */
      triggerCrossRegionRestore: (instanceId?: string) =>
        mutationOptions<CrossRegionRestoreResult, Error, CrossRegionRestoreVariables>({
          mutationKey: armMutationKeys.triggerCrossRegionRestore(instanceId),
          retry: false,
          mutationFn: (v) => run('beginTriggerCrossRegionRestore', v),
          onSuccess: async (_result, v, _onMutateResult, context) => {
            const vaultId = backupVaultResourceId(parseBackupInstanceId(v.instanceId));
            await context.client.invalidateQueries({ queryKey: armKeys.jobs(vaultId) });
          },
        }),
    },
  };
}
