// The simulated clock. Every time-dependent answer (LRO status, job progress, which recovery points
// exist or have replicated) is derived from `now()`, never stored, so advancing the clock is all a
// test needs to do and the demo moves forward with real time.

export interface SimClock {
  /** Simulated epoch milliseconds. */
  now(): number;
  /** Moves simulated time forward (both kinds of clock). */
  advance(ms: number): void;
  /** Simulated time at which the tenant was built; demo data is laid out relative to it. */
  readonly startedAt: number;
  /** Total manual advance so far (persisted by the browser entry point). */
  readonly offset: number;
}

/** A clock that only moves when told to: for tests. */
export function createManualClock(startedAt: number): SimClock {
  let offset = 0;
  return {
    startedAt,
    get offset() {
      return offset;
    },
    now: () => startedAt + offset,
    advance(ms: number) {
      if (ms < 0) throw new Error('The simulated clock cannot go backwards');
      offset += ms;
    },
  };
}

/**
 * A clock that follows wall time from `startedAt` (the demo), plus any manual advance.
 * `realNow` is injectable so tests can drive it too.
 */
export function createRealTimeClock(
  startedAt: number,
  initialOffset = 0,
  realNow: () => number = () => Date.now(),
): SimClock {
  let offset = initialOffset;
  return {
    startedAt,
    get offset() {
      return offset;
    },
    now: () => Math.max(startedAt, realNow()) + offset,
    advance(ms: number) {
      if (ms < 0) throw new Error('The simulated clock cannot go backwards');
      offset += ms;
    },
  };
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
