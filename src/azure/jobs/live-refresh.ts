/**
 * Keeps a job view current without hammering ARM. One "round" refreshes each source once (one
 * list per vault or query, never one request per job), so the traffic per interval does not grow
 * with the number of running jobs. Between rounds it waits:
 * - {@link LIVE_REFRESH_INTERVALS}.visibleMs while the tab is visible, hiddenMs while hidden;
 * - longer after a round that was throttled (429): the interval doubles per throttled round, and
 *   is never shorter than ARM's Retry-After, up to maxMs; a clean round resets it;
 * - not at all once no job is in progress (a manual refresh or new data can start it again).
 * Timers, clock and page visibility are injected so tests drive it without waiting.
 */

/** Waits between rounds, in milliseconds. */
export interface LiveRefreshIntervals {
  visibleMs: number;
  hiddenMs: number;
  /** Upper bound after throttling. */
  maxMs: number;
}

/** Default waits: 10 s visible, 60 s hidden, at most 5 minutes when throttled. */
export const LIVE_REFRESH_INTERVALS: LiveRefreshIntervals = {
  visibleMs: 10_000,
  hiddenMs: 60_000,
  maxMs: 5 * 60_000,
};

/** What a round (or a load) found. */
export interface RefreshOutcome {
  /** Some listed job is still running. */
  inProgress: boolean;
  /** ARM answered 429 to some request of the round (after the pipeline's own retries). */
  throttled: boolean;
  /** The longest Retry-After ARM asked for in the round. */
  retryAfterMs?: number | undefined;
}

/** The controller's state, for "last refreshed" and "next refresh" in the UI. */
export interface LiveRefreshState {
  /** `live`: a round is scheduled; `refreshing`: one runs; `stopped`: nothing in progress. */
  phase: 'live' | 'refreshing' | 'stopped';
  /** When the last round (or load) ended, epoch ms. */
  lastRefreshedAt: number | undefined;
  /** When the next round is due, while `live`. */
  nextAt: number | undefined;
  /** The wait before the next round. */
  delayMs: number | undefined;
  /** The last round was throttled, so the wait was lengthened. */
  throttled: boolean;
}

/** Timer functions (the browser's by default). */
export interface LiveRefreshTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Whether the page is hidden, and a way to hear when that changes. */
export interface PageVisibility {
  isHidden(): boolean;
  subscribe(listener: () => void): () => void;
}

/** Options of {@link LiveRefresh}. */
export interface LiveRefreshOptions {
  /** One round: refresh every source once and say what came back. */
  refresh: () => Promise<RefreshOutcome>;
  intervals?: LiveRefreshIntervals;
  timers?: LiveRefreshTimers;
  visibility?: PageVisibility;
  now?: () => number;
  /** Called on every state change. */
  onChange?: (state: LiveRefreshState) => void;
}

/** The browser's `document.visibilityState`, or "always visible" where there is no document. */
export const documentVisibility: PageVisibility = {
  isHidden: () => typeof document !== 'undefined' && document.visibilityState === 'hidden',
  subscribe: (listener) => {
    if (typeof document === 'undefined') return () => undefined;
    document.addEventListener('visibilitychange', listener);
    return () => document.removeEventListener('visibilitychange', listener);
  },
};

/**
 * The wait before the next round: the visible or hidden interval, doubled for each consecutive
 * throttled round and never shorter than Retry-After, capped at `maxMs`.
 */
export function nextRefreshDelay(
  input: { hidden: boolean; throttledRounds: number; retryAfterMs?: number | undefined },
  intervals: LiveRefreshIntervals = LIVE_REFRESH_INTERVALS,
): number {
  const base = input.hidden ? intervals.hiddenMs : intervals.visibleMs;
  if (input.throttledRounds <= 0) return base;
  const lengthened = Math.max(base * 2 ** input.throttledRounds, input.retryAfterMs ?? 0);
  return Math.min(intervals.maxMs, lengthened);
}

/** The controller; see the module comment. */
export class LiveRefresh {
  private readonly intervals: LiveRefreshIntervals;
  private readonly timers: LiveRefreshTimers;
  private readonly visibility: PageVisibility;
  private readonly now: () => number;
  private timer: unknown;
  private throttledRounds = 0;
  private retryAfterMs: number | undefined;
  private inProgress = false;
  private running = false;
  private disposed = false;
  private readonly unsubscribe: () => void;
  private state: LiveRefreshState = {
    phase: 'stopped',
    lastRefreshedAt: undefined,
    nextAt: undefined,
    delayMs: undefined,
    throttled: false,
  };

  constructor(private readonly options: LiveRefreshOptions) {
    this.intervals = options.intervals ?? LIVE_REFRESH_INTERVALS;
    this.timers = options.timers ?? {
      setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
    this.visibility = options.visibility ?? documentVisibility;
    this.now = options.now ?? (() => Date.now());
    this.unsubscribe = this.visibility.subscribe(() => this.reschedule());
  }

  /** The current state. */
  get current(): LiveRefreshState {
    return this.state;
  }

  /**
   * Data arrived without a round (first load, a refetch someone else started): start polling if a
   * job is in progress and none is planned, stop if none is. A planned round and the throttling
   * backoff are kept.
   */
  observe(outcome: Pick<RefreshOutcome, 'inProgress'>): void {
    if (this.disposed || this.running) return;
    this.inProgress = outcome.inProgress;
    if (this.state.lastRefreshedAt === undefined) this.state = { ...this.state, lastRefreshedAt: this.now() };
    if (this.inProgress && this.timer !== undefined) return;
    this.reschedule();
  }

  /** Runs a round now (the Refresh button); the backoff is kept if it is throttled again. */
  async refreshNow(): Promise<void> {
    if (this.disposed || this.running) return;
    this.clear();
    this.running = true;
    this.emit({ ...this.state, phase: 'refreshing', nextAt: undefined, delayMs: undefined });
    let outcome: RefreshOutcome;
    try {
      outcome = await this.options.refresh();
    } catch {
      // A round that failed outright keeps polling at the normal pace; errors are shown elsewhere.
      outcome = { inProgress: this.inProgress, throttled: false };
    } finally {
      this.running = false;
    }
    if (this.disposed) return;
    this.record(outcome);
    this.reschedule();
  }

  /** Stops every timer and listener. */
  dispose(): void {
    this.disposed = true;
    this.clear();
    this.unsubscribe();
  }

  private record(outcome: RefreshOutcome): void {
    this.inProgress = outcome.inProgress;
    this.throttledRounds = outcome.throttled ? this.throttledRounds + 1 : 0;
    this.retryAfterMs = outcome.throttled ? outcome.retryAfterMs : undefined;
    this.state = { ...this.state, lastRefreshedAt: this.now(), throttled: outcome.throttled };
  }

  /** (Re)plans the next round from the last one, e.g. after the tab became visible again. */
  private reschedule(): void {
    if (this.disposed || this.running) return;
    this.clear();
    if (!this.inProgress) {
      this.emit({ ...this.state, phase: 'stopped', nextAt: undefined, delayMs: undefined });
      return;
    }
    const delayMs = nextRefreshDelay(
      {
        hidden: this.visibility.isHidden(),
        throttledRounds: this.throttledRounds,
        retryAfterMs: this.retryAfterMs,
      },
      this.intervals,
    );
    const nextAt = (this.state.lastRefreshedAt ?? this.now()) + delayMs;
    this.timer = this.timers.setTimeout(
      () => {
        this.timer = undefined;
        void this.refreshNow();
      },
      Math.max(0, nextAt - this.now()),
    );
    this.emit({ ...this.state, phase: 'live', nextAt, delayMs });
  }

  private clear(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private emit(state: LiveRefreshState): void {
    this.state = state;
    this.options.onChange?.(state);
  }
}
