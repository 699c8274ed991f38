/**
 * Runs `work` for every item with at most `limit` running at once and yields what each produces
 * as soon as it is produced (not in input order), so a list can grow while the slow parts load.
 * A failure inside `work` is the caller's to turn into a value; an exception ends the iteration.
 */
export async function* mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => AsyncIterable<R>,
): AsyncGenerator<R, void, undefined> {
  const queue: R[] = [];
  let failure: { error: unknown } | undefined;
  let running = 0;
  let next = 0;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const start = () => {
    while (running < Math.max(1, limit) && next < items.length && !failure) {
      const item = items[next++] as T;
      running++;
      void (async () => {
        try {
          for await (const value of work(item)) {
            queue.push(value);
            notify();
          }
        } catch (error) {
          failure ??= { error };
        } finally {
          running--;
          start();
          notify();
        }
      })();
    }
  };
  start();
  while (true) {
    if (queue.length > 0) {
      yield queue.shift() as R;
      continue;
    }
    if (failure) throw failure.error;
    if (running === 0 && next >= items.length) return;
    await new Promise<void>((resolve) => (wake = resolve));
  }
}
