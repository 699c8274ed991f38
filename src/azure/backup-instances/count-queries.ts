import { queryOptions } from '@tanstack/react-query';
import type { ArmQueryContext } from '../query-context';
import { armKeys } from '../query-keys';
import { resourceIdKey } from '../resource-id';
import {
  instanceCountByVaultQuery,
  type BackupInstanceFilter,
} from '../resource-graph/backup-instance-query';
import { ResourceGraphClient } from '../resource-graph/resource-graph-client';

/** Instance counts per vault, from one `summarize count() by vaultId`. */
export interface InstanceCounts {
  /** Count per vault, keyed by the vault id's {@link resourceIdKey}. */
  byVault: Record<string, number>;
  /** Sum over vaults. */
  total: number;
  /** Resource Graph cut the summary short (more than it can page). */
  truncated: boolean;
}

/**
 * Backup instance counts per vault (the vault lists' Backup instances column). A group of its own:
 * the vault pages need it without the instance search and rows of the Backup instances page.
 */
export function createInstanceCountQueries(ctx: ArmQueryContext) {
  const graph = new ResourceGraphClient(ctx.client);
  return {
    /** Instance counts per vault of the scope, from one summarize query (paged if needed). */
    countsByVault: (subscriptions: readonly string[], filter?: BackupInstanceFilter) =>
      queryOptions({
        queryKey: armKeys.backupInstanceCounts(subscriptions, filter),
        queryFn: async ({ signal }): Promise<InstanceCounts> => {
          const result = await graph.queryAll<{ vaultId?: unknown; count_?: unknown }>({
            query: instanceCountByVaultQuery(filter),
            subscriptions,
            signal,
          });
          const byVault: Record<string, number> = {};
          let total = 0;
          for (const row of result.rows) {
            if (typeof row.vaultId !== 'string' || row.vaultId === '' || typeof row.count_ !== 'number')
              continue;
            const key = resourceIdKey(row.vaultId);
            byVault[key] = (byVault[key] ?? 0) + row.count_;
            total += row.count_;
          }
          return { byVault, total, truncated: result.truncated };
        },
      }),
  };
}
