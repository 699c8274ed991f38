import { resourceIdKey } from '@/azure/resource-id';

/*
 * A vault update is a long-running operation. Its resume token is kept in sessionStorage while
 * it runs so that after a reload the page keeps following the same operation instead of offering
 * (and sending) the change a second time.
 */
const storageKey = (vaultId: string) => `crr-portal:vault-update:${resourceIdKey(vaultId)}`;

export function savePendingUpdate(vaultId: string, token: string): void {
  try {
    sessionStorage.setItem(storageKey(vaultId), token);
  } catch {
    // Without storage a reload loses the progress display, not the operation itself.
  }
}

export function loadPendingUpdate(vaultId: string): string | null {
  try {
    return sessionStorage.getItem(storageKey(vaultId));
  } catch {
    return null;
  }
}

export function clearPendingUpdate(vaultId: string): void {
  try {
    sessionStorage.removeItem(storageKey(vaultId));
  } catch {
    // Nothing to clear.
  }
}
