import { QueryClientProvider } from '@tanstack/react-query';
import { createContext, use, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { ArmContext } from '@/azure/arm-context';
import { useAuthSession } from './auth/auth-session';
import type { DataLayer } from './data-layer';

/** The data layer, or the promise of it while its chunk loads (see `bootstrap.ts`). */
export const DataLayerContext = createContext<DataLayer | Promise<DataLayer> | null>(null);

/**
 * Gives its children the query cache and the ARM facade of the current account scope. Suspends
 * while the data layer loads, so only the parts that read data wait for it: the shell around them
 * is already on screen.
 */
export function WithData({ children }: { children: ReactNode }) {
  const source = useContext(DataLayerContext);
  if (!source) throw new Error('WithData needs a DataLayerContext provider (src/app/app.tsx).');
  const data = source instanceof Promise ? use(source) : source;
  const { session } = useAuthSession();
  const { scope } = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const arm = typeof data.arm === 'function' ? data.arm(scope) : data.arm;
  return (
    <QueryClientProvider client={data.queryClient}>
      <ArmContext.Provider value={arm}>{children}</ArmContext.Provider>
    </QueryClientProvider>
  );
}
