import { queryOptions } from '@tanstack/react-query';
import { collectAll } from '../paging';
import type { ArmQueryContext } from '../query-context';
import { armKeys } from '../query-keys';
import { parseBackupInstanceId } from '../resource-id';
import type { AzureBackupRecoveryPointResource } from './types';

/** Time window of a recovery point list (either region). */
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

/**
 * The points of `points` inside the window. Both lists take the window as `$filter` in the
 * request; the secondary one is filtered here again because no recording shows the service
 * honouring it there (the CLI never sends it: `--use-secondary-region` silently drops time filters).
 */
export function withinWindow(
  points: readonly AzureBackupRecoveryPointResource[],
  window: RecoveryPointWindow,
): AzureBackupRecoveryPointResource[] {
  const from = window.from === undefined ? -Infinity : new Date(window.from).getTime();
  const to = window.to === undefined ? Infinity : new Date(window.to).getTime();
  return points.filter((p) => {
    const t = Date.parse(p.properties?.recoveryPointTime ?? '');
    return !Number.isNaN(t) && t >= from && t <= to;
  });
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
      /**
       * Recovery points replicated to the secondary region in a time window (all pages); the
       * window is sent as `$filter` and applied again to the answer ({@link withinWindow}).
       */
      secondary: (
        instanceId: string,
        regions: { sourceRegion: string; secondaryRegion: string },
        window: RecoveryPointWindow = {},
      ) =>
        queryOptions({
          queryKey: armKeys.secondaryRecoveryPointList(instanceId, regions, {
            from: iso(window.from),
            to: iso(window.to),
          }),
          queryFn: async ({ signal }) => {
            const p = parseBackupInstanceId(instanceId);
            const points = await collectAll(
              ctx
                .dataProtection(p.subscriptionId)
                .fetchSecondaryRecoveryPoints.list(
                  p.resourceGroupName,
                  regions.secondaryRegion,
                  { sourceBackupInstanceId: instanceId, sourceRegion: regions.sourceRegion },
                  { abortSignal: signal, filter: recoveryPointTimeFilter(window) },
                ),
            );
            return withinWindow(points, window);
          },
        }),
    },
  };
}
