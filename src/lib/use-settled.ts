import { useEffect, useState } from 'react';

/**
 * The value of something loading, waited for in state rather than by suspending: React holds back
 * a suspended boundary's reveal for up to 300 ms, which the first data row must not wait for.
 * `ready` is the value when it is already in (then `load` is never called); otherwise `load` runs
 * once per mount and the value arrives with a re-render. A failed load throws from the render, for
 * the nearest error boundary.
 */
export function useSettled<T>(load: () => Promise<T>, ready: T | undefined): T | undefined {
  // Boxed: the value may itself be a function (a page component).
  const [settled, setSettled] = useState<{ value: T } | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);
  const waiting = ready === undefined && settled === undefined;
  useEffect(() => {
    if (!waiting) return;
    let live = true;
    load().then(
      (value) => live && setSettled({ value }),
      (reason: unknown) => live && setError(reason instanceof Error ? reason : new Error(String(reason))),
    );
    return () => {
      live = false;
    };
    // `load` is read when the wait starts; a new function for the same thing must not restart it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [waiting]);
  if (error) throw error;
  return ready ?? settled?.value;
}
