import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { LroProgress } from '../lro';
import { startTracked, type OperationDefinition } from '../operations/follow';
import { collectAll } from '../paging';
import type { ArmQueryContext } from '../query-context';
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
}

/**
 * After a vault update: the cache holds the operation's final vault; the vault list is stale, and
 * so are Resource Graph's instance rows (Cross Region Restore gives them a secondary region).
 */
async function afterVaultUpdate(client: QueryClient, vaultId: string, vault: BackupVaultResource) {
  client.setQueryData(armKeys.backupVaultDetail(vaultId), vault);
  await Promise.all([
    client.invalidateQueries({
      queryKey: armKeys.backupVaultList(parseBackupVaultId(vaultId).subscriptionId),
      exact: true,
    }),
    client.invalidateQueries({ queryKey: armKeys.resourceGraph() }),
  ]);
}

/** How a vault update is followed (also after a reload); see `operations/follow.ts`. */
export const vaultUpdateOperation: OperationDefinition<BackupVaultResource> = {
  mutationKey: (vaultId) => armMutationKeys.updateBackupVault(vaultId),
  resumeOptions: { finalStateVia: 'original-uri' },
  afterSuccess: afterVaultUpdate,
  afterForgotten: (client, vaultId) =>
    client.invalidateQueries({ queryKey: armKeys.backupVaultDetail(vaultId) }),
};

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
       * final GET result and its subscription's vault list is invalidated (nothing else). The
       * operation is kept in the pending-operation store until it ends, so a reload follows it.
       * Never retried automatically.
       */
      update: (vaultId?: string) =>
        mutationOptions<BackupVaultResource, Error, UpdateBackupVaultVariables>({
          mutationKey: armMutationKeys.updateBackupVault(vaultId),
          retry: false,
          mutationFn: (variables) => {
            const p = parseBackupVaultId(variables.vaultId);
            return startTracked(
              ctx.pendingOperations,
              { kind: 'vaultUpdate', resourceId: variables.vaultId },
              () =>
                ctx
                  .dataProtection(p.subscriptionId)
                  .backupVaults.beginUpdate(p.resourceGroupName, p.vaultName, variables.patch, {
                    ...(variables.onProgress ? { onProgress: variables.onProgress } : {}),
                  }),
            );
          },
          onSuccess: (vault, variables, _onMutateResult, context) =>
            afterVaultUpdate(context.client, variables.vaultId, vault),
        }),
    },
  };
}
