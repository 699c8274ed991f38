import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import {
  accountScope,
  clearScopedStorage,
  scopedQueryKeyHashFn,
  scopedStorageKey,
  scopeOfStorageKey,
} from './account-scope';
import { createPendingOperationStore } from './operations/pending-operations';

const ALEX_CONTOSO = accountScope('3f1d2c9a-7b4e.72f988bf-0000', '72F988BF-0000');
const ALEX_FABRIKAM = accountScope('3f1d2c9a-7b4e.72f988bf-0000', 'b0c1d2e3-fab');

describe('account scope', () => {
  it('names account and tenant, case-insensitively', () => {
    expect(ALEX_CONTOSO).toBe('3f1d2c9a-7b4e.72f988bf-0000|72f988bf-0000');
    expect(ALEX_CONTOSO).not.toBe(ALEX_FABRIKAM);
  });

  it('round-trips the scope through a storage key and ignores keys that are not per-user', () => {
    const key = scopedStorageKey(ALEX_CONTOSO, 'subscriptions');
    expect(key).toBe('crr-portal:scoped:3f1d2c9a-7b4e.72f988bf-0000%7C72f988bf-0000:subscriptions');
    expect(scopeOfStorageKey(key)).toBe(ALEX_CONTOSO);
    expect(scopeOfStorageKey('crr-portal:theme')).toBeUndefined();
    expect(scopeOfStorageKey('msal.account.keys')).toBeUndefined();
  });

  it('clears the items of the scopes it is told to drop and nothing else', () => {
    sessionStorage.clear();
    sessionStorage.setItem(scopedStorageKey(ALEX_CONTOSO, 'draft:crr'), 'Enabled');
    sessionStorage.setItem(scopedStorageKey(ALEX_CONTOSO, 'subscriptions'), '[]');
    sessionStorage.setItem(scopedStorageKey(ALEX_FABRIKAM, 'subscriptions'), '[]');
    sessionStorage.setItem('crr-portal:theme', 'dark');
    expect(clearScopedStorage(sessionStorage, (scope) => scope === ALEX_CONTOSO)).toBe(2);
    expect(Object.keys(sessionStorage).sort()).toEqual(
      [scopedStorageKey(ALEX_FABRIKAM, 'subscriptions'), 'crr-portal:theme'].sort(),
    );
  });

  it('files the same query key under different cache entries per scope', () => {
    let scope = ALEX_CONTOSO;
    const client = new QueryClient({
      defaultOptions: { queries: { queryKeyHashFn: scopedQueryKeyHashFn(() => scope) } },
    });
    client.setQueryData(['arm', 'subscriptions'], ['contoso']);
    scope = ALEX_FABRIKAM;
    expect(client.getQueryData(['arm', 'subscriptions'])).toBeUndefined();
    client.setQueryData(['arm', 'subscriptions'], ['fabrikam']);
    scope = ALEX_CONTOSO;
    expect(client.getQueryData(['arm', 'subscriptions'])).toEqual(['contoso']);
  });
});

describe('pending operations are per-user items', () => {
  it('are cleared with the scope they were started in', () => {
    sessionStorage.clear();
    let scope = ALEX_CONTOSO;
    const store = createPendingOperationStore({ storage: sessionStorage, scope: () => scope });
    const vault = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/v';
    store.put({
      kind: 'vaultUpdate',
      resourceId: vault,
      startedAt: '2026-11-30T10:00:00Z',
      resumeToken: 't',
    });
    scope = ALEX_FABRIKAM;
    expect(store.get('vaultUpdate', vault)).toBeUndefined();
    scope = ALEX_CONTOSO;
    expect(store.get('vaultUpdate', vault)?.resumeToken).toBe('t');

    clearScopedStorage(sessionStorage, (s) => s === ALEX_CONTOSO);
    expect(store.get('vaultUpdate', vault)).toBeUndefined();
  });
});
