import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';

/** How long the page's loads must have been quiet (one query settles as the next starts). */
const QUIET_MS = 300;
/** How long the page's first loads may take before deferred parts load anyway. */
const FALLBACK_MS = 3000;

/**
 * Renders its children (parts the first data row does not need: the account menu, the toaster)
 * once the page's first loads are done: a query has settled and nothing has fetched for a moment.
 * A page that reads nothing, or keeps loading (a long paged list), gets them after a short delay.
 * Their code then does not compete with the first page's data and code for the network.
 */
export function AfterFirstData({ children, fallback = null }: { children: ReactNode; fallback?: ReactNode }) {
  const queryClient = useQueryClient();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (ready) return;
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      clearTimeout(quiet);
      if (settled(queryClient)) quiet = setTimeout(() => settled(queryClient) && setReady(true), QUIET_MS);
    };
    const fallbackTimer = setTimeout(() => setReady(true), FALLBACK_MS);
    const unsubscribe = queryClient.getQueryCache().subscribe(check);
    check();
    return () => {
      clearTimeout(quiet);
      clearTimeout(fallbackTimer);
      unsubscribe();
    };
  }, [queryClient, ready]);
  return ready ? children : fallback;
}

function settled(queryClient: QueryClient): boolean {
  const queries = queryClient.getQueryCache().getAll();
  return queries.some((q) => q.state.status !== 'pending') && queryClient.isFetching() === 0;
}
