/**
 * Every backup instance of a set of subscriptions, streamed page by page: from Resource Graph (one
 * query, paged to the end), or, where Resource Graph is refused or absent, per vault with
 * `backupInstances.list` (at most 6 vaults at once). The stream's chunks are reduced by
 * {@link reduceInstanceSearch} into what the grid shows while later pages still load.
 */
import { listAllInVault } from '../common/vault-lists';
import { isArmError, type ArmError } from '../arm-error';
import { crossRegionRestoreStatus, secondaryRegion } from '../backup-vaults/vault-rules';
import type { BackupVaultResource } from '../backup-vaults/types';
import { mapConcurrently } from '../concurrency';
import { collectAll } from '../paging';
import type { ArmQueryContext } from '../query-context';
import { parseBackupVaultId, sameResourceId } from '../resource-id';
import {
  backupInstancesQuery,
  rowMatchesFilter,
  type BackupInstanceFilter,
} from '../resource-graph/backup-instance-query';
import { graphOrFallback, type GraphOrFallbackChunk } from '../resource-graph/graph-or-fallback';
import type { Location } from '../subscriptions/types';
import {
  instanceRowFromResource,
  parseResourceGraphInstanceRow,
  type BackupInstanceRow,
} from './instance-row';

/** At most this many vaults are listed at once without Resource Graph. */
export const FALLBACK_VAULT_CONCURRENCY = 6;

/** What to list: the scope and the server-side filter. */
export interface InstanceSearchScope {
  subscriptions: readonly string[];
  filter?: BackupInstanceFilter | undefined;
}

/** A part of the scope that could not be listed while the rest was. */
export interface InstanceSearchWarning {
  kind: 'subscription' | 'vault';
  /** Subscription id or vault id. */
  id: string;
  /** Vault name, or the subscription id. */
  name: string;
  error: ArmError;
}

/** One step of the stream. */
export type InstanceSearchChunk =
  | GraphOrFallbackChunk<BackupInstanceRow>
  | { kind: 'vaults'; total: number }
  | { kind: 'vaultDone'; rows: BackupInstanceRow[] }
  | { kind: 'warning'; warning: InstanceSearchWarning };

/** The accumulated result the grid renders. */
export interface InstanceSearchResult {
  rows: BackupInstanceRow[];
  /** Rows Resource Graph says match (sum over batches); undefined in the per-vault fallback. */
  totalRecords: number | undefined;
  pagesLoaded: number;
  /** True once the last page (or vault) has arrived. */
  complete: boolean;
  source: 'resourceGraph' | 'perVault';
  /** Why Resource Graph was not used (its error), in the fallback. */
  fallbackReason: ArmError | undefined;
  /** Resource Graph cut the result short without a way to page on. */
  truncated: boolean;
  /** Vaults listed so far / to list, in the fallback. */
  vaults: { done: number; total: number | undefined };
  warnings: InstanceSearchWarning[];
}

/** The result before the first chunk. */
export const EMPTY_INSTANCE_SEARCH: InstanceSearchResult = {
  rows: [],
  totalRecords: undefined,
  pagesLoaded: 0,
  complete: false,
  source: 'resourceGraph',
  fallbackReason: undefined,
  truncated: false,
  vaults: { done: 0, total: undefined },
  warnings: [],
};

/** Folds one chunk into the result (pure; the streamed query calls it per chunk). */
export function reduceInstanceSearch(
  acc: InstanceSearchResult,
  chunk: InstanceSearchChunk,
): InstanceSearchResult {
  switch (chunk.kind) {
    case 'page':
      return {
        ...acc,
        rows: acc.rows.concat(chunk.rows),
        totalRecords: (acc.totalRecords ?? 0) + chunk.addTotal,
        pagesLoaded: acc.pagesLoaded + 1,
        truncated: acc.truncated || chunk.truncated,
      };
    case 'fallback':
      return { ...acc, source: 'perVault', fallbackReason: chunk.reason, totalRecords: undefined };
    case 'vaults':
      return { ...acc, vaults: { done: acc.vaults.done, total: (acc.vaults.total ?? 0) + chunk.total } };
    case 'vaultDone':
      return {
        ...acc,
        rows: chunk.rows.length > 0 ? acc.rows.concat(chunk.rows) : acc.rows,
        pagesLoaded: acc.pagesLoaded + 1,
        vaults: { done: acc.vaults.done + 1, total: acc.vaults.total },
      };
    case 'warning':
      return { ...acc, warnings: [...acc.warnings, chunk.warning] };
    case 'done':
      return {
        ...acc,
        complete: true,
        totalRecords: acc.source === 'perVault' ? acc.rows.length : (acc.totalRecords ?? acc.rows.length),
      };
  }
}

/** Streams the instances of `scope`; see the module comment. */
export async function* searchBackupInstances(
  ctx: ArmQueryContext,
  scope: InstanceSearchScope,
  signal?: AbortSignal,
): AsyncGenerator<InstanceSearchChunk, void, undefined> {
  yield* graphOrFallback(
    ctx,
    { query: backupInstancesQuery(scope.filter), subscriptions: scope.subscriptions, signal },
    (raw) =>
      raw.flatMap((r) => {
        const row = parseResourceGraphInstanceRow(r);
        return row ? [row] : [];
      }),
    () => listPerVault(ctx, scope, signal),
  );
}

async function* listPerVault(
  ctx: ArmQueryContext,
  scope: InstanceSearchScope,
  signal: AbortSignal | undefined,
): AsyncGenerator<InstanceSearchChunk, void, undefined> {
  const wanted = scope.filter?.vaultIds ?? [];
  const vaultJobs: { vault: BackupVaultResource; locations: () => Promise<readonly Location[]> }[] = [];
  for (const subscriptionId of scope.subscriptions) {
    let vaults: BackupVaultResource[];
    try {
      vaults = await collectAll(
        ctx.dataProtection(subscriptionId).backupVaults.listInSubscription({ abortSignal: signal }),
      );
    } catch (error) {
      if (!isArmError(error) || error.isAborted) throw error;
      yield {
        kind: 'warning',
        warning: { kind: 'subscription', id: subscriptionId, name: subscriptionId, error },
      };
      continue;
    }
    let locations: Promise<readonly Location[]> | undefined;
    // Locations are needed only for a vault whose secondary region ARM does not list.
    const lazyLocations = () =>
      (locations ??= collectAll(
        ctx.resources.subscriptions.listLocations(subscriptionId, { abortSignal: signal }),
      ).catch(() => []));
    for (const vault of vaults) {
      if (!vault.id) continue;
      if (wanted.length > 0 && !wanted.some((id) => sameResourceId(id, vault.id))) continue;
      vaultJobs.push({ vault, locations: lazyLocations });
    }
  }
  yield { kind: 'vaults', total: vaultJobs.length };
  yield* mapConcurrently(vaultJobs, FALLBACK_VAULT_CONCURRENCY, ({ vault, locations }) =>
    listVault(ctx, vault, locations, scope.filter, signal),
  );
}

async function* listVault(
  ctx: ArmQueryContext,
  vault: BackupVaultResource,
  locations: () => Promise<readonly Location[]>,
  filter: BackupInstanceFilter | undefined,
  signal: AbortSignal | undefined,
): AsyncGenerator<InstanceSearchChunk, void, undefined> {
  const vaultId = vault.id ?? '';
  const p = parseBackupVaultId(vaultId);
  try {
    const instances = await listAllInVault(vaultId, (s) => ctx.dataProtection(s).backupInstances, signal);
    const crr = crossRegionRestoreStatus(vault) === 'Enabled';
    const secondary = crr
      ? (secondaryRegion(vault, undefined) ?? secondaryRegion(vault, await locations()))
      : undefined;
    const rows = instances.flatMap((instance) => {
      const row = instanceRowFromResource(instance, {
        id: vaultId,
        location: vault.location,
        secondaryRegion: secondary,
      });
      return row && rowMatchesFilter(row, filter) ? [row] : [];
    });
    yield { kind: 'vaultDone', rows };
  } catch (error) {
    if (!isArmError(error) || error.isAborted) throw error;
    yield { kind: 'warning', warning: { kind: 'vault', id: vaultId, name: p.vaultName, error } };
    yield { kind: 'vaultDone', rows: [] };
  }
}
