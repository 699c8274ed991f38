/*
 * The one store of long-running operations this tab has started and not yet seen finish. Each
 * entry is written *before* the request that starts the operation is sent and completed with
 * ARM's operation URL (or the poller's resume token) as soon as ARM accepts it, so a reload, a
 * closed panel or a crashed tab can never lead to the same work being sent twice: the page finds
 * the entry and follows the operation instead of offering to start it again.
 *
 * Entries live in sessionStorage (per tab, gone when the tab closes) under keys that carry the
 * account scope, so one account never sees another's operations.
 */
import { DEMO_ACCOUNT_SCOPE, scopedStorageKey } from '../account-scope';
import { isRecord } from '../common/is-record';
import { resourceIdKey } from '../resource-id';

/** What kind of operation an entry follows; each kind has its own follow-up rules. */
export type PendingOperationKind = 'vaultUpdate' | 'crossRegionRestore';

/** One operation started in this tab. */
export interface PendingOperation {
  /** Kind of operation. */
  kind: PendingOperationKind;
  /** The resource it acts on, as given: the vault for `vaultUpdate`, the source backup instance for `crossRegionRestore`. */
  resourceId: string;
  /** When the starting request was sent (ISO 8601). */
  startedAt: string;
  /**
   * ARM's operation URL or the poller's resume token. Absent while the starting request has been
   * sent but not answered: after a reload such an entry means "Azure may or may not have
   * started it", which the page must say instead of offering to send it again.
   */
  resumeToken?: string | undefined;
  /** JSON data the page needs to show the operation again after a reload (e.g. a restore's target). */
  detail?: unknown;
}

/** See the module comment. */
export interface PendingOperationStore {
  /** The entry for a kind and resource (ids compared case-insensitively). */
  get: (kind: PendingOperationKind, resourceId: string) => PendingOperation | undefined;
  /**
   * The stored text of an entry: a stable snapshot for `useSyncExternalStore` (equal strings for
   * an unchanged entry), `null` when there is none.
   */
  snapshot: (kind: PendingOperationKind, resourceId: string) => string | null;
  /** Every entry of the current scope, optionally of one kind. */
  list: (kind?: PendingOperationKind) => PendingOperation[];
  /** Writes (or replaces) an entry. */
  put: (operation: PendingOperation) => void;
  /** Removes an entry. */
  remove: (kind: PendingOperationKind, resourceId: string) => void;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe: (listener: () => void) => () => void;
}

/** Options of {@link createPendingOperationStore}. */
export interface PendingOperationStoreOptions {
  /** Where entries live; default `sessionStorage`, or memory when storage is unavailable. */
  storage?: Storage | undefined;
  /** The signed-in account (and tenant) the entries belong to; default the demo scope. */
  scope?: () => string;
}

const PROBE_KEY = 'crr-portal:operation-probe';

/** Creates the store; see {@link PendingOperationStore}. */
export function createPendingOperationStore(
  options: PendingOperationStoreOptions = {},
): PendingOperationStore {
  const storage = options.storage ?? defaultStorage();
  const scope = options.scope ?? (() => DEMO_ACCOUNT_SCOPE);
  const listeners = new Set<() => void>();
  // A per-user key (account-scope.ts): leaving an account or tenant clears its operations too.
  const scopePrefix = () => scopedStorageKey(scope(), 'operation:');
  const keyOf = (kind: PendingOperationKind, resourceId: string) =>
    `${scopePrefix()}${kind}:${resourceIdKey(resourceId)}`;
  const notify = () => listeners.forEach((listener) => listener());

  const read = (raw: string | null): PendingOperation | undefined => {
    if (!raw) return undefined;
    try {
      const value: unknown = JSON.parse(raw);
      return isPendingOperation(value) ? value : undefined;
    } catch {
      return undefined;
    }
  };

  return {
    get: (kind, resourceId) => read(storage.getItem(keyOf(kind, resourceId))),
    snapshot: (kind, resourceId) => storage.getItem(keyOf(kind, resourceId)),
    list: (kind) => {
      const prefix = scopePrefix();
      const out: PendingOperation[] = [];
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (!key?.startsWith(prefix)) continue;
        const entry = read(storage.getItem(key));
        if (entry && (!kind || entry.kind === kind)) out.push(entry);
      }
      return out;
    },
    put: (operation) => {
      storage.setItem(keyOf(operation.kind, operation.resourceId), JSON.stringify(operation));
      notify();
    },
    remove: (kind, resourceId) => {
      storage.removeItem(keyOf(kind, resourceId));
      notify();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function isPendingOperation(value: unknown): value is PendingOperation {
  return (
    isRecord(value) &&
    (value['kind'] === 'vaultUpdate' || value['kind'] === 'crossRegionRestore') &&
    typeof value['resourceId'] === 'string' &&
    typeof value['startedAt'] === 'string' &&
    (value['resumeToken'] === undefined || typeof value['resumeToken'] === 'string')
  );
}

/** sessionStorage where it works (it throws in some privacy modes), else memory for this page. */
function defaultStorage(): Storage {
  try {
    const probe = PROBE_KEY;
    globalThis.sessionStorage.setItem(probe, '1');
    globalThis.sessionStorage.removeItem(probe);
    return globalThis.sessionStorage;
  } catch {
    return memoryStorage();
  }
}

/** A `Storage` in memory (tests, and browsers that refuse sessionStorage). */
export function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (index) => [...map.keys()][index] ?? null,
    removeItem: (key) => {
      map.delete(key);
    },
    setItem: (key, value) => {
      map.set(key, String(value));
    },
  };
}
