import { mutationOptions, queryOptions } from '@tanstack/react-query';
import type { LroProgress } from '../lro';
import { collectAll } from '../paging';
import type { ArmQueryContext, OperationStartedInfo } from '../query-context';
import { armKeys, armMutationKeys } from '../query-keys';
import { parseBackupVaultId } from '../resource-id';
import type { BackupVaultResource, PatchResourceRequestInput } from './types';

/** Variables of the vault update mutation. */
export interface UpdateBackupVaultVariables {
  /** Vault to PATCH. */
  vaultId: string;
  /** PATCH body, e.g. `{ properties: { featureSettings: { crossRegionRestoreSettings: { state: 'Enabled' } } } }`. */
  patch: PatchResourceRequestInput;
  /** Progress after every poll. */
  onProgress?: (progress: LroProgress) => void;
  /** Called once ARM accepted the change and handed out an operation URL. */
  onOperationStarted?: (info: OperationStartedInfo) => void;
}

/** Query and mutation factories for backup vaults. */
export function createBackupVaultQueries(ctx: ArmQueryContext) {
  return {
    queries: {
      /** Every vault of a subscription (all pages). */
      list: (subscriptionId: string) =>
        queryOptions({
          queryKey: armKeys.backupVaultList(subscriptionId),
          queryFn: ({ signal }) =>
            collectAll(
              ctx.dataProtection(subscriptionId).backupVaults.listInSubscription({ abortSignal: signal }),
            ),
        }),
      /** One vault. */
      detail: (vaultId: string) =>
        queryOptions({
          queryKey: armKeys.backupVaultDetail(vaultId),
          queryFn: ({ signal }) => {
            const p = parseBackupVaultId(vaultId);
            return ctx
              .dataProtection(p.subscriptionId)
              .backupVaults.get(p.resourceGroupName, p.vaultName, { abortSignal: signal });
          },
        }),
    },
    mutations: {
      /**
       * PATCH a vault and wait for the operation; on success the vault's detail is replaced by the
       * final GET result and its subscription's vault list is invalidated (nothing else).
       * Never retried automatically.
       */
      update: (vaultId?: string) =>
        mutationOptions<BackupVaultResource, Error, UpdateBackupVaultVariables>({
          mutationKey: armMutationKeys.updateBackupVault(vaultId),
          retry: false,
          mutationFn: async (variables) => {
            const p = parseBackupVaultId(variables.vaultId);
            const poller = await ctx
              .dataProtection(p.subscriptionId)
              .backupVaults.beginUpdate(p.resourceGroupName, p.vaultName, variables.patch, {
                ...(variables.onProgress ? { onProgress: variables.onProgress } : {}),
              });
            if (poller.operationUrl)
              variables.onOperationStarted?.({
                operationUrl: poller.operationUrl,
                resumeToken: poller.resumeToken,
              });
            return poller.pollUntilDone();
          },
          onSuccess: async (vault, variables, _onMutateResult, context) => {
            const p = parseBackupVaultId(variables.vaultId);
            context.client.setQueryData(armKeys.backupVaultDetail(variables.vaultId), vault);
            await context.client.invalidateQueries({
              queryKey: armKeys.backupVaultList(p.subscriptionId),
              exact: true,
            });
          },
        }),
    },
  };
}
