import type { QueryClient } from '@tanstack/react-query';
import type { AuthSession } from './auth-session';

/**
 * Empties the query cache whenever the session's account scope changes (sign-in, sign-out, another
 * account or tenant), before React renders the new scope: cached data of one directory is never on
 * screen in another, and requests still in flight for the old one are cancelled. Per-user storage
 * is cleared by the session itself, which knows the scope it leaves. Returns the unsubscribe.
 */
export function followAccountScope(session: AuthSession, queryClient: QueryClient): () => void {
  let current = session.getSnapshot().scope;
  return session.subscribe(() => {
    const next = session.getSnapshot().scope;
    if (next === current) return;
    current = next;
    void queryClient.cancelQueries();
    queryClient.clear();
  });
}
