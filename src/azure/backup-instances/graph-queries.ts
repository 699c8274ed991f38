import { experimental_streamedQuery as streamedQuery, queryOptions } from '@tanstack/react-query';
import type { ArmError } from '../arm-error';
import { crossRegionRestoreStatus, secondaryRegion } from '../backup-vaults/vault-rules';
import { collectAll } from '../paging';
import type { ArmQueryContext } from '../query-context';
import { armKeys } from '../query-keys';
import { backupVaultResourceId, parseBackupInstanceId } from '../resource-id';
import { isResourceGraphUnavailable } from '../resource-graph/availability';
import { backupInstanceDetailQuery } from '../resource-graph/backup-instance-query';
import { ResourceGraphClient } from '../resource-graph/resource-graph-client';
import {
  instanceRowFromResource,
  parseResourceGraphInstanceRow,
  type BackupInstanceRow,
} from './instance-row';
import {
  EMPTY_INSTANCE_SEARCH,
  reduceInstanceSearch,
  searchBackupInstances,
  type InstanceSearchScope,
} from './instance-search';

/** A large estate takes tens of requests to list; do not repeat that on every focus. */
const SEARCH_STALE_MS = 5 * 60_000;

/** One instance for its own page. */
export interface InstanceDetailRow {
  row: BackupInstanceRow;
  /** `resourceGraph`: with extended properties; `direct`: from GET instance + vault only. */
  source: 'resourceGraph' | 'direct';
  /** The Resource Graph refusal that made us read the instance directly, if any. */
  fallbackReason: ArmError | undefined;
}

/** Resource Graph based query factories of backup instances (merged into `backupInstances.queries`). */
export function createInstanceGraphQueries(ctx: ArmQueryContext) {
  const graph = new ResourceGraphClient(ctx.client);

  const direct = async (instanceId: string, signal: AbortSignal, reason: ArmError | undefined) => {
    const p = parseBackupInstanceId(instanceId);
    const dp = ctx.dataProtection(p.subscriptionId);
    const [instance, vault] = await Promise.all([
      dp.backupInstances.get(p.resourceGroupName, p.vaultName, p.backupInstanceName, { abortSignal: signal }),
      dp.backupVaults.get(p.resourceGroupName, p.vaultName, { abortSignal: signal }),
    ]);
    let secondary: string | undefined;
    if (crossRegionRestoreStatus(vault) === 'Enabled') {
      secondary =
        secondaryRegion(vault, undefined) ??
        secondaryRegion(
          vault,
          await collectAll(
            ctx.resources.subscriptions.listLocations(p.subscriptionId, { abortSignal: signal }),
          ),
        );
    }
    const row = instanceRowFromResource(instance, {
      id: vault.id ?? backupVaultResourceId(p),
      location: vault.location,
      secondaryRegion: secondary,
    });
    if (!row) throw new Error(`ARM returned no usable backup instance for ${instanceId}`);
    return { row, source: 'direct', fallbackReason: reason } satisfies InstanceDetailRow;
  };

  return {
    /**
     * Every instance of the scope, streamed: data is there after the first page (`pending` before),
     * `complete` once all pages arrived. A refetch keeps showing the old rows until the new list is
     * complete (`refetchMode: 'replace'`). Structural sharing is off: comparing 50,000 rows deeply
     * on every page would cost more than it saves.
     */
    search: (scope: InstanceSearchScope) =>
      queryOptions({
        queryKey: armKeys.backupInstanceSearch(scope.subscriptions, scope.filter),
        queryFn: streamedQuery({
          streamFn: ({ signal }) => searchBackupInstances(ctx, scope, signal),
          reducer: reduceInstanceSearch,
          initialValue: EMPTY_INSTANCE_SEARCH,
          refetchMode: 'replace',
        }),
        staleTime: SEARCH_STALE_MS,
        structuralSharing: false,
      }),
    /**
     * One instance with its extended properties from Resource Graph; without Resource Graph (or
     * before it has indexed a new instance) from GET instance + GET vault, without them.
     */
    row: (instanceId: string) =>
      queryOptions({
        queryKey: armKeys.backupInstanceRow(instanceId),
        queryFn: async ({ signal }): Promise<InstanceDetailRow> => {
          const p = parseBackupInstanceId(instanceId);
          let rows: unknown[];
          try {
            rows = (
              await graph.queryAll({
                query: backupInstanceDetailQuery([instanceId]),
                subscriptions: [p.subscriptionId],
                signal,
              })
            ).rows;
          } catch (error) {
            if (!isResourceGraphUnavailable(error)) throw error;
            return direct(instanceId, signal, error as ArmError);
          }
          const row = rows.map(parseResourceGraphInstanceRow).find((r) => r !== undefined);
          return row
            ? { row, source: 'resourceGraph', fallbackReason: undefined }
            : direct(instanceId, signal, undefined);
        },
      }),
  };
}
