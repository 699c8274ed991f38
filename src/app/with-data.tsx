import { QueryClientProvider } from '@tanstack/react-query';
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { ArmContext } from '@/azure/arm-context';
import { useAuthSession } from './auth/auth-session';
import type { DataLayer } from './data-layer';
import { useSettled } from '@/lib/use-settled';

/** The data layer, or the promise of it while its chunk loads (see `bootstrap.ts`). */
export const DataLayerContext = createContext<DataLayer | Promise<DataLayer> | null>(null);

/**
 * Gives its children the query cache and the ARM facade of the current account scope, showing
 * `fallback` while the data layer loads: only the parts that read data wait, the shell around them
 * is on screen. It waits in state, not by suspending: React holds back the reveal of suspended
 * content for up to 300 ms after a fallback showed, which would delay the first data row.
 */
export function WithData({ children, fallback = null }: { children: ReactNode; fallback?: ReactNode }) {
  const data = useDataLayer();
  const { session } = useAuthSession();
  const { scope } = useSyncExternalStore(session.subscribe, session.getSnapshot);
  if (!data) return fallback;
  const arm = typeof data.arm === 'function' ? data.arm(scope) : data.arm;
  return (
    <QueryClientProvider client={data.queryClient}>
      <ArmContext.Provider value={arm}>{children}</ArmContext.Provider>
    </QueryClientProvider>
  );
}

type Settling = Promise<DataLayer> & { status?: string; value?: DataLayer };

function useDataLayer(): DataLayer | undefined {
  const source = useContext(DataLayerContext);
  if (!source) throw new Error('WithData needs a DataLayerContext provider (src/app/app.tsx).');
  const ready =
    source instanceof Promise
      ? (source as Settling).status === 'fulfilled'
        ? (source as Settling).value
        : undefined
      : source;
  return useSettled(() => source as Promise<DataLayer>, ready);
}
