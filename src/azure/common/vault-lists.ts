import type { OperationOptions } from '../data-protection-client';
import { collectAll, type PagedAsyncIterableIterator } from '../paging';
import { parseBackupVaultId } from '../resource-id';

/** A list of a vault's children in the DataProtection client (`backupInstances`, `jobs`). */
export interface VaultChildList<T> {
  list(
    resourceGroupName: string,
    vaultName: string,
    options?: OperationOptions,
  ): PagedAsyncIterableIterator<T>;
}

/**
 * Every item of one of a vault's child lists, all pages (every `nextLink` followed).
 *
 * @param listIn the list in the vault's subscription, e.g. `(s) => ctx.dataProtection(s).jobs`.
 */
export function listAllInVault<T>(
  vaultId: string,
  listIn: (subscriptionId: string) => VaultChildList<T>,
  signal: AbortSignal | undefined,
): Promise<T[]> {
  const p = parseBackupVaultId(vaultId);
  return collectAll(listIn(p.subscriptionId).list(p.resourceGroupName, p.vaultName, { abortSignal: signal }));
}
