import { describe, expect, it } from 'vitest';
import {
  LIVE_REFRESH_INTERVALS,
  LiveRefresh,
  nextRefreshDelay,
  type PageVisibility,
  type RefreshOutcome,
} from './live-refresh';

/** Timers and a clock that move only when the test says so. */
function manualTime() {
  let now = 0;
  let nextHandle = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    timers: {
      setTimeout: (callback: () => void, ms: number) => {
        const handle = nextHandle++;
        pending.set(handle, { at: now + ms, callback });
        return handle;
      },
      clearTimeout: (handle: unknown) => void pending.delete(handle as number),
    },
    /** Due time of the one pending timer (undefined when none). */
    nextDue: () => [...pending.values()].map((t) => t.at).sort((a, b) => a - b)[0],
    pendingCount: () => pending.size,
    /** Moves the clock to the next timer and runs it. */
    async runNext() {
      const [handle, timer] = [...pending.entries()].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
      if (handle === undefined || !timer) throw new Error('no timer pending');
      pending.delete(handle);
      now = timer.at;
      timer.callback();
      // Let the round's promise chain settle.
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
  };
}

function visibility(initiallyHidden = false) {
  let hidden = initiallyHidden;
  const listeners = new Set<() => void>();
  const v: PageVisibility & { set(hidden: boolean): void } = {
    isHidden: () => hidden,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    set(next) {
      hidden = next;
      for (const l of listeners) l();
    },
  };
  return v;
}

function setup(outcomes: RefreshOutcome[], hidden = false) {
  const time = manualTime();
  const vis = visibility(hidden);
  let rounds = 0;
  const live = new LiveRefresh({
    refresh: () => Promise.resolve(outcomes[Math.min(rounds++, outcomes.length - 1)] as RefreshOutcome),
    timers: time.timers,
    visibility: vis,
    now: time.now,
  });
  return { time, vis, live, rounds: () => rounds };
}

const RUNNING: RefreshOutcome = { inProgress: true, throttled: false };
const IDLE: RefreshOutcome = { inProgress: false, throttled: false };
const { visibleMs, hiddenMs, maxMs } = LIVE_REFRESH_INTERVALS;

describe('live refresh', () => {
  it('refreshes every visible interval while a job runs, and stops when none does', async () => {
    const { time, live, rounds } = setup([RUNNING, RUNNING, IDLE]);
    live.observe(RUNNING);
    expect(live.current.phase).toBe('live');
    expect(time.nextDue()).toBe(visibleMs);
    await time.runNext();
    expect(rounds()).toBe(1);
    expect(time.nextDue()).toBe(2 * visibleMs);
    await time.runNext();
    await time.runNext();
    expect(rounds()).toBe(3);
    expect(live.current.phase).toBe('stopped');
    expect(time.pendingCount()).toBe(0);
  });

  it('never starts when nothing is in progress', () => {
    const { time, live } = setup([RUNNING]);
    live.observe(IDLE);
    expect(live.current.phase).toBe('stopped');
    expect(time.pendingCount()).toBe(0);
  });

  it('slows down while the tab is hidden and speeds up when it is shown again', async () => {
    const { time, vis, live } = setup([RUNNING]);
    live.observe(RUNNING);
    vis.set(true);
    expect(time.nextDue()).toBe(hiddenMs);
    await time.runNext();
    expect(time.now()).toBe(hiddenMs);
    expect(time.nextDue()).toBe(2 * hiddenMs);
    vis.set(false);
    // Planned from the last round: visibleMs after it.
    expect(time.nextDue()).toBe(hiddenMs + visibleMs);
    expect(time.pendingCount()).toBe(1);
  });

  it('starts hidden at the hidden pace', () => {
    const { time, live } = setup([RUNNING], true);
    live.observe(RUNNING);
    expect(time.nextDue()).toBe(hiddenMs);
  });

  it('lengthens the interval after a 429, never below Retry-After, and resets after a clean round', async () => {
    const throttled = (retryAfterMs?: number): RefreshOutcome => ({
      inProgress: true,
      throttled: true,
      retryAfterMs,
    });
    const { time, live } = setup([throttled(), throttled(90_000), throttled(), RUNNING]);
    live.observe(RUNNING);
    await time.runNext(); // round 1: throttled
    expect(live.current.throttled).toBe(true);
    expect(live.current.delayMs).toBe(2 * visibleMs);
    await time.runNext(); // round 2: throttled, Retry-After 90 s beats 4 x 10 s
    expect(live.current.delayMs).toBe(90_000);
    await time.runNext(); // round 3: throttled again
    expect(live.current.delayMs).toBe(8 * visibleMs);
    await time.runNext(); // round 4: clean
    expect(live.current.throttled).toBe(false);
    expect(live.current.delayMs).toBe(visibleMs);
  });

  it('caps the lengthened interval', () => {
    expect(nextRefreshDelay({ hidden: true, throttledRounds: 10 })).toBe(maxMs);
    expect(nextRefreshDelay({ hidden: false, throttledRounds: 1, retryAfterMs: 10 * maxMs })).toBe(maxMs);
    expect(nextRefreshDelay({ hidden: false, throttledRounds: 0, retryAfterMs: 90_000 })).toBe(visibleMs);
  });

  it('a manual refresh runs at once and replans from its end', async () => {
    const { time, live, rounds } = setup([RUNNING]);
    live.observe(RUNNING);
    await live.refreshNow();
    expect(rounds()).toBe(1);
    expect(time.pendingCount()).toBe(1);
    expect(time.nextDue()).toBe(visibleMs);
    expect(live.current.lastRefreshedAt).toBe(0);
  });

  it('a manual refresh restarts a stopped view when a job runs again', async () => {
    const { time, live } = setup([RUNNING]);
    live.observe(IDLE);
    await live.refreshNow();
    expect(live.current.phase).toBe('live');
    expect(time.pendingCount()).toBe(1);
  });

  it('stops everything when disposed', () => {
    const { time, vis, live } = setup([RUNNING]);
    live.observe(RUNNING);
    live.dispose();
    expect(time.pendingCount()).toBe(0);
    vis.set(true);
    expect(time.pendingCount()).toBe(0);
  });
});

describe('live refresh and data from elsewhere', () => {
  it('new data keeps the planned round and the backoff', async () => {
    const { time, live } = setup([{ inProgress: true, throttled: true }]);
    live.observe(RUNNING);
    await time.runNext();
    const due = time.nextDue();
    expect(live.current.delayMs).toBe(2 * visibleMs);
    live.observe(RUNNING);
    expect(time.nextDue()).toBe(due);
    expect(time.pendingCount()).toBe(1);
    expect(live.current.throttled).toBe(true);
  });

  it('new data without running jobs stops polling', () => {
    const { time, live } = setup([RUNNING]);
    live.observe(RUNNING);
    live.observe(IDLE);
    expect(time.pendingCount()).toBe(0);
    expect(live.current.phase).toBe('stopped');
  });
});
