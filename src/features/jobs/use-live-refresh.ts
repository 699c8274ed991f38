import { useCallback, useEffect, useRef, useState } from 'react';
import { LiveRefresh, type LiveRefreshState, type RefreshOutcome } from '@/azure/jobs/live-refresh';

/**
 * One {@link LiveRefresh} for the component's lifetime (a new one when `resetKey` changes), running
 * the latest `refresh`. `observe` reports data that arrived by other means; `refreshNow` is the
 * Refresh button.
 */
export function useLiveRefresh(refresh: () => Promise<RefreshOutcome>, resetKey: string) {
  const refreshRef = useRef(refresh);
  useEffect(() => {
    refreshRef.current = refresh;
  });
  const controller = useRef<LiveRefresh | undefined>(undefined);
  const [state, setState] = useState<LiveRefreshState>();
  useEffect(() => {
    const live = new LiveRefresh({ refresh: () => refreshRef.current(), onChange: setState });
    controller.current = live;
    return () => {
      live.dispose();
      controller.current = undefined;
    };
  }, [resetKey]);
  const observe = useCallback((outcome: Pick<RefreshOutcome, 'inProgress'>) => {
    controller.current?.observe(outcome);
  }, []);
  const refreshNow = useCallback(() => controller.current?.refreshNow() ?? Promise.resolve(), []);
  return { state, observe, refreshNow };
}
