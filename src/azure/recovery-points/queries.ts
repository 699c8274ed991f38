import { queryOptions } from '@tanstack/react-query';
import { collectAll } from '../paging';
import type { ArmQueryContext } from '../query-context';
import { armKeys } from '../query-keys';
import { parseBackupInstanceId } from '../resource-id';

/** Time window for primary recovery points. */
export interface RecoveryPointWindow {
  from?: Date | string | undefined;
  to?: Date | string | undefined;
}

const iso = (d: Date | string | undefined): string | undefined =>
  d === undefined ? undefined : typeof d === 'string' ? new Date(d).toISOString() : d.toISOString();

/**
 * OData filter of the recovery point lists (spec `RecoveryPointsFilters`: startDate/endDate),
 * e.g. `startDate eq '2025-01-01T00:00:00.000Z' and endDate eq '2025-01-31T00:00:00.000Z'`.
 */
export function recoveryPointTimeFilter(window: RecoveryPointWindow): string | undefined {
  const parts: string[] = [];
  const from = iso(window.from);
  const to = iso(window.to);
  if (from) parts.push(`startDate eq '${from}'`);
  if (to) parts.push(`endDate eq '${to}'`);
  return parts.length ? parts.join(' and ') : undefined;
}

/** Query factories for recovery points (primary and secondary region). */
export function createRecoveryPointQueries(ctx: ArmQueryContext) {
  return {
    queries: {
      /** Primary-region recovery points of an instance in a time window (all pages). */
      list: (instanceId: string, window: RecoveryPointWindow = {}) =>
        queryOptions({
          queryKey: armKeys.recoveryPointList(instanceId, { from: iso(window.from), to: iso(window.to) }),
          queryFn: ({ signal }) => {
            const p = parseBackupInstanceId(instanceId);
            return collectAll(
              ctx
                .dataProtection(p.subscriptionId)
                .recoveryPoints.list(p.resourceGroupName, p.vaultName, p.backupInstanceName, {
                  abortSignal: signal,
                  filter: recoveryPointTimeFilter(window),
                }),
            );
          },
        }),
      /** Recovery points replicated to the secondary region (all pages). */
      secondary: (instanceId: string, regions: { sourceRegion: string; secondaryRegion: string }) =>
        queryOptions({
          queryKey: armKeys.secondaryRecoveryPointList(instanceId, regions),
          queryFn: ({ signal }) => {
            const p = parseBackupInstanceId(instanceId);
            return collectAll(
              ctx
                .dataProtection(p.subscriptionId)
                .fetchSecondaryRecoveryPoints.list(
                  p.resourceGroupName,
                  regions.secondaryRegion,
                  { sourceBackupInstanceId: instanceId, sourceRegion: regions.sourceRegion },
                  { abortSignal: signal },
                ),
            );
          },
        }),
    },
  };
}
