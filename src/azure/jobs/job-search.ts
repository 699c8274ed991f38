/**
 * Every backup job of a set of subscriptions in a time window, streamed as it arrives, from two
 * sources:
 * - primary region: {@link primaryJobSource}: one Resource Graph query over
 *   `microsoft.dataprotection/backupvaults/backupjobs` (paged to the end), or where Resource Graph
 *   is refused or absent, each vault's `backupJobs` (every page, at most
 *   {@link VAULT_CONCURRENCY} vaults at once);
 * - secondary region: each Cross Region Restore vault's `fetchCrossRegionRestoreJobs` at its
 *   secondary region, with a `$filter` on the start of the window (every page).
 * A vault, subscription or region that fails becomes a warning while the others list. One refresh
 * of a source sends one list per vault (or per query), however many jobs are running.
 */
import { listAllInVault } from '../common/vault-lists';
import { ArmError, isArmError } from '../arm-error';
import type { BackupVaultResource } from '../backup-vaults/types';
import { crossRegionRestoreStatus, secondaryRegion } from '../backup-vaults/vault-rules';
import { mapConcurrently } from '../concurrency';
import { collectAll } from '../paging';
import type { ArmQueryContext } from '../query-context';
import { parseBackupVaultId } from '../resource-id';
import { backupJobsQuery, jobResourceFromGraphRow } from '../resource-graph/backup-job-query';
import { graphOrFallback, type GraphOrFallbackChunk } from '../resource-graph/graph-or-fallback';
import type { Location } from '../subscriptions/types';
import { jobRowFromResource, type JobRegion, type JobRow } from './job-row';
import type { AzureBackupJobResource } from './types';

/** At most this many vaults are listed at once. */
export const VAULT_CONCURRENCY = 6;

/** The time window of a search, epoch milliseconds; `to` open-ended when absent. */
export interface JobWindow {
  from: number;
  to?: number | undefined;
}

/** What to list. */
export interface JobSearchScope {
  subscriptions: readonly string[];
  window: JobWindow;
  /** Only jobs of this datasource type (the Workload type filter); all when absent. */
  workload?: string | undefined;
}

/** Where the rows of a search come from. */
export type JobSource = 'resourceGraph' | 'perVault' | 'crossRegion';

/** A part of the scope whose jobs could not be listed while the rest were. */
export interface JobSearchWarning {
  kind: 'subscription' | 'vault';
  region: JobRegion;
  /** Subscription id or vault id. */
  id: string;
  /** Vault name, or the subscription id. */
  name: string;
  error: ArmError;
}

/** One step of a search stream. */
export type JobSearchChunk =
  | GraphOrFallbackChunk<JobRow>
  | { kind: 'lists'; total: number }
  | { kind: 'listDone'; rows: JobRow[] }
  | { kind: 'warning'; warning: JobSearchWarning };

/** What a search has produced so far. */
export interface JobSearchResult {
  rows: JobRow[];
  source: JobSource;
  /** Lists (vaults or queries) answered / to answer. */
  lists: { done: number; total: number | undefined };
  /** True once every list has answered. */
  complete: boolean;
  /** Why the preferred source was not used, when a fallback answered. */
  fallbackReason: ArmError | undefined;
  /** Rows Resource Graph says match (sum over batches); undefined for lists per vault. */
  totalRecords: number | undefined;
  /** Resource Graph cut the result short without a way to page on. */
  truncated: boolean;
  warnings: JobSearchWarning[];
}

/** A search before its first chunk. */
export function emptyJobSearch(source: JobSource): JobSearchResult {
  return {
    rows: [],
    source,
    lists: { done: 0, total: undefined },
    complete: false,
    fallbackReason: undefined,
    totalRecords: undefined,
    truncated: false,
    warnings: [],
  };
}

/** Folds one chunk into the result (pure; the streamed query calls it per chunk). */
export function reduceJobSearch(acc: JobSearchResult, chunk: JobSearchChunk): JobSearchResult {
  switch (chunk.kind) {
    case 'page':
      return {
        ...acc,
        rows: chunk.rows.length > 0 ? acc.rows.concat(chunk.rows) : acc.rows,
        totalRecords: (acc.totalRecords ?? 0) + chunk.addTotal,
        truncated: acc.truncated || chunk.truncated,
      };
    case 'lists':
      return { ...acc, lists: { done: acc.lists.done, total: (acc.lists.total ?? 0) + chunk.total } };
    case 'listDone':
      return {
        ...acc,
        rows: chunk.rows.length > 0 ? acc.rows.concat(chunk.rows) : acc.rows,
        lists: { done: acc.lists.done + 1, total: acc.lists.total },
      };
    case 'fallback':
      return { ...acc, source: 'perVault', fallbackReason: chunk.reason, totalRecords: undefined };
    case 'warning':
      return { ...acc, warnings: [...acc.warnings, chunk.warning] };
    case 'done':
      return { ...acc, complete: true };
  }
}

/** What a search reads besides job lists, from the query cache (so a refresh does not re-list them). */
export interface JobSearchDeps {
  vaults(subscriptionId: string): Promise<BackupVaultResource[]>;
  locations(subscriptionId: string): Promise<readonly Location[]>;
  /** Clock for running jobs' elapsed time. */
  now(): number;
}

/**
 * True when a listed job is one the scope asks for: started inside the window (a job without a
 * start time is kept) and of the workload type, the filters Resource Graph applies server-side.
 */
export function inScope(row: JobRow, scope: JobSearchScope): boolean {
  if (scope.workload && row.datasourceType.toLowerCase() !== scope.workload.toLowerCase()) return false;
  const { window } = scope;
  if (row.startTime === undefined) return true;
  return row.startTime >= window.from && (window.to === undefined || row.startTime <= window.to);
}

/**
 * The `$filter` of `fetchCrossRegionRestoreJobs` for a window: `startTime ge '…'`, plus
 * `endTime le '…'` for a closed window (the bound on the job's start, read the right way round:
 * the CLI's `--end-time` compares the wrong way). Times are ISO 8601 UTC built from numbers, so no
 * user text reaches the filter.
 */
export function crossRegionJobsFilter(window: JobWindow): string {
  const iso = (ms: number) => new Date(ms).toISOString();
  const clauses = [`startTime ge '${iso(window.from)}'`];
  if (window.to !== undefined) clauses.push(`endTime le '${iso(window.to)}'`);
  return clauses.join(' and ');
}

/** The primary region's jobs; see the module comment. */
export async function* primaryJobSource(
  ctx: ArmQueryContext,
  deps: JobSearchDeps,
  scope: JobSearchScope,
  signal?: AbortSignal,
): AsyncGenerator<JobSearchChunk, void, undefined> {
  yield* graphOrFallback(
    ctx,
    {
      query: backupJobsQuery({
        from: scope.window.from,
        to: scope.window.to,
        datasourceTypes: scope.workload ? [scope.workload] : [],
      }),
      subscriptions: scope.subscriptions,
      signal,
    },
    (raw) => {
      const now = deps.now();
      return raw.flatMap((r) => {
        const resource = jobResourceFromGraphRow(r);
        const row = resource && jobRowFromResource(resource, 'primary', now);
        return row ? [row] : [];
      });
    },
    () => perVaultJobs(ctx, deps, scope, signal),
  );
}

/** The secondary region's jobs (cross-region restores); see the module comment. */
export async function* secondaryJobSource(
  ctx: ArmQueryContext,
  deps: JobSearchDeps,
  scope: JobSearchScope,
  signal?: AbortSignal,
): AsyncGenerator<JobSearchChunk, void, undefined> {
  const crrVaults: { vault: BackupVaultResource; subscriptionId: string }[] = [];
  for await (const item of vaultsOf(deps, scope, 'secondary')) {
    if ('warning' in item) yield item.warning;
    else if (crossRegionRestoreStatus(item.vault) === 'Enabled') crrVaults.push(item);
  }
  yield { kind: 'lists', total: crrVaults.length };
  const filter = crossRegionJobsFilter(scope.window);
  yield* mapConcurrently(crrVaults, VAULT_CONCURRENCY, ({ vault, subscriptionId }) =>
    listVault(deps, vault, 'secondary', scope, async () => {
      const p = parseBackupVaultId(vault.id ?? '');
      const secondary =
        secondaryRegion(vault, undefined) ?? secondaryRegion(vault, await deps.locations(subscriptionId));
      if (!secondary)
        throw new ArmError({
          status: 0,
          code: 'SecondaryRegionUnknown',
          message: `The secondary region of ${p.vaultName} is not known: ARM lists no replicated region and no pair for ${vault.location}.`,
        });
      return collectAll(
        ctx
          .dataProtection(p.subscriptionId)
          .fetchCrossRegionRestoreJobs.list(
            p.resourceGroupName,
            secondary,
            { sourceRegion: vault.location, sourceBackupVaultId: vault.id ?? '' },
            { abortSignal: signal, filter },
          ),
      );
    }),
  );
  yield { kind: 'done' };
}

/** Each vault's `backupJobs` list (the primary source without Resource Graph). */
export async function* perVaultJobs(
  ctx: ArmQueryContext,
  deps: JobSearchDeps,
  scope: JobSearchScope,
  signal?: AbortSignal,
): AsyncGenerator<JobSearchChunk, void, undefined> {
  const vaults: BackupVaultResource[] = [];
  for await (const item of vaultsOf(deps, scope, 'primary')) {
    if ('warning' in item) yield item.warning;
    else vaults.push(item.vault);
  }
  yield { kind: 'lists', total: vaults.length };
  yield* mapConcurrently(vaults, VAULT_CONCURRENCY, (vault) =>
    listVault(deps, vault, 'primary', scope, () =>
      listAllInVault(vault.id ?? '', (s) => ctx.dataProtection(s).jobs, signal),
    ),
  );
}

type VaultItem = { vault: BackupVaultResource; subscriptionId: string } | { warning: JobSearchChunk };

async function* vaultsOf(
  deps: JobSearchDeps,
  scope: JobSearchScope,
  region: JobRegion,
): AsyncGenerator<VaultItem, void, undefined> {
  for (const subscriptionId of scope.subscriptions) {
    let vaults: BackupVaultResource[];
    try {
      vaults = await deps.vaults(subscriptionId);
    } catch (error) {
      if (!isArmError(error) || error.isAborted) throw error;
      yield {
        warning: {
          kind: 'warning',
          warning: { kind: 'subscription', region, id: subscriptionId, name: subscriptionId, error },
        },
      };
      continue;
    }
    for (const vault of vaults) if (vault.id) yield { vault, subscriptionId };
  }
}

async function* listVault(
  deps: JobSearchDeps,
  vault: BackupVaultResource,
  region: JobRegion,
  scope: JobSearchScope,
  list: () => Promise<AzureBackupJobResource[]>,
): AsyncGenerator<JobSearchChunk, void, undefined> {
  const vaultId = vault.id ?? '';
  try {
    const resources = await list();
    const now = deps.now();
    const rows = resources.flatMap((resource) => {
      const row = jobRowFromResource(resource, region, now);
      return row && inScope(row, scope) ? [row] : [];
    });
    yield { kind: 'listDone', rows };
  } catch (error) {
    if (!isArmError(error) || error.isAborted) throw error;
    yield {
      kind: 'warning',
      warning: { kind: 'vault', region, id: vaultId, name: parseBackupVaultId(vaultId).vaultName, error },
    };
    yield { kind: 'listDone', rows: [] };
  }
}
