import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { scopedQueryKeyHashFn } from '@/azure/account-scope';
import type { AuthSession, AuthSnapshot } from './auth-session';
import { followAccountScope } from './follow-account-scope';

function fakeSession(initial: AuthSnapshot) {
  let snapshot = initial;
  const listeners = new Set<() => void>();
  const session: AuthSession = {
    kind: 'msal',
    getSnapshot: () => snapshot,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    signIn: () => Promise.resolve(),
    signInAgain: () => Promise.resolve(),
    signOut: () => Promise.resolve(),
    switchTenant: () => Promise.resolve(),
  };
  const set = (next: AuthSnapshot) => {
    snapshot = next;
    listeners.forEach((l) => l());
  };
  return { session, set };
}

describe('followAccountScope', () => {
  it('empties the query cache when the account or tenant changes, and only then', () => {
    const { session, set } = fakeSession({ status: 'signedIn', scope: 'alex|contoso' });
    const client = new QueryClient({
      defaultOptions: {
        queries: { queryKeyHashFn: scopedQueryKeyHashFn(() => session.getSnapshot().scope) },
      },
    });
    followAccountScope(session, client);
    client.setQueryData(['arm', 'subscriptions'], ['contoso']);

    set({
      status: 'signedIn',
      scope: 'alex|contoso',
      error: 'a failed renewal changes the snapshot, not the scope',
    });
    expect(client.getQueryCache().getAll()).toHaveLength(1);

    set({ status: 'signedIn', scope: 'alex|fabrikam' });
    expect(client.getQueryCache().getAll()).toHaveLength(0);
    set({ status: 'signedIn', scope: 'alex|contoso' });
    expect(client.getQueryData(['arm', 'subscriptions'])).toBeUndefined();
  });
});
