import { hashKey, type QueryKey } from '@tanstack/react-query';

/**
 * "Whose data is this?" One string names the signed-in account and the tenant it works in; every
 * per-user thing the app keeps (query cache entries, remembered choices, form drafts, pending
 * operations) is keyed by it, so switching account or tenant can never show one directory's data
 * in another. The app reads the current scope through a function (`createArm({ accountScope })`,
 * `arm.accountScope()`), because the scope changes while the app runs.
 */

/** The scope of the simulated tenant (demo build and tests). */
export const DEMO_ACCOUNT_SCOPE = 'demo';

/** The scope while nobody is signed in: nothing is stored under it. */
export const SIGNED_OUT_SCOPE = 'signed-out';

const PREFIX = 'crr-portal:scoped:';

/**
 * The scope of an account in a tenant: MSAL's `homeAccountId` (`<object id>.<home tenant id>`)
 * plus the tenant the user works in now (a guest account has one home and many tenants).
 */
export function accountScope(homeAccountId: string, tenantId: string): string {
  return `${homeAccountId}|${tenantId}`.toLowerCase();
}

/** Storage key of a per-user item: `crr-portal:scoped:<scope>:<name>`. */
export function scopedStorageKey(scope: string, name: string): string {
  return `${PREFIX}${encodeURIComponent(scope)}:${name}`;
}

/** The scope a storage key belongs to, or undefined for keys that are not per-user. */
export function scopeOfStorageKey(key: string): string | undefined {
  if (!key.startsWith(PREFIX)) return undefined;
  const rest = key.slice(PREFIX.length);
  const end = rest.indexOf(':');
  if (end < 0) return undefined;
  try {
    return decodeURIComponent(rest.slice(0, end));
  } catch {
    return undefined;
  }
}

/** The part of `Storage` the clean-up needs (sessionStorage, localStorage or a test double). */
export interface ScopedStorage {
  readonly length: number;
  key(index: number): string | null;
  removeItem(key: string): void;
}

/**
 * Removes the per-user items of every scope `drop` selects (e.g. the scope being left, or every
 * scope but the current one). Returns the number of items removed. Storage that throws (disabled,
 * sandboxed) is skipped: nothing can have been stored there either.
 */
export function clearScopedStorage(
  storage: ScopedStorage | undefined,
  drop: (scope: string) => boolean,
): number {
  if (!storage) return 0;
  try {
    const doomed: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      const scope = key === null ? undefined : scopeOfStorageKey(key);
      if (key !== null && scope !== undefined && drop(scope)) doomed.push(key);
    }
    for (const key of doomed) storage.removeItem(key);
    return doomed.length;
  } catch {
    return 0;
  }
}

/**
 * A TanStack Query `queryKeyHashFn` that files every query under the current scope, so a cache
 * entry made for one account or tenant is never served to another, even by a request that was
 * still in flight when the user switched. Pass it in the QueryClient's default query options.
 */
export function scopedQueryKeyHashFn(scope: () => string): (queryKey: QueryKey) => string {
  return (queryKey) => hashKey([scope(), ...queryKey]);
}
