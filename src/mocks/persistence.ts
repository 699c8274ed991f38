// The demo's state survives a reload in the same tab: sessionStorage keeps the build recipe (seed,
// scale, jobs, clock origin) and the journal of mutations; reloading rebuilds the tenant and replays it.

import { createRealTimeClock, type SimClock } from './tenant/clock';
import { createDemoTenant, DEMO_SEED } from './tenant/demo-tenant';
import type { JournalEntry, Tenant, TenantOptions } from './tenant/tenant';
import type { ScenarioState } from './scenarios';

export const DEMO_STORAGE_KEY = 'crr-portal.demo-tenant.v1';

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface PersistedDemoState {
  version: 1;
  seed: number;
  scale: number;
  /** Generated bulk jobs (`?jobs=`), 0 for none. */
  jobs: number;
  startedAt: number;
  clockOffset: number;
  journal: JournalEntry[];
  scenario: ScenarioState | undefined;
}

export function loadDemoState(storage: KeyValueStorage | undefined): PersistedDemoState | undefined {
  const raw = storage?.getItem(DEMO_STORAGE_KEY);
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as Partial<PersistedDemoState>;
    if (
      parsed.version !== 1 ||
      typeof parsed.seed !== 'number' ||
      typeof parsed.startedAt !== 'number' ||
      !Array.isArray(parsed.journal)
    )
      return undefined;
    return {
      version: 1,
      seed: parsed.seed,
      scale: typeof parsed.scale === 'number' ? parsed.scale : 0,
      jobs: typeof parsed.jobs === 'number' ? parsed.jobs : 0,
      startedAt: parsed.startedAt,
      clockOffset: typeof parsed.clockOffset === 'number' ? parsed.clockOffset : 0,
      journal: parsed.journal,
      scenario: parsed.scenario,
    };
  } catch {
    return undefined;
  }
}

export function saveDemoState(storage: KeyValueStorage | undefined, state: PersistedDemoState): void {
  try {
    storage?.setItem(DEMO_STORAGE_KEY, JSON.stringify(state));
  } catch {
    // Quota or privacy mode: the demo still works, it just forgets on reload.
  }
}

export function clearDemoState(storage: KeyValueStorage | undefined): void {
  storage?.removeItem(DEMO_STORAGE_KEY);
}

export interface DemoSessionOptions {
  storage: KeyValueStorage | undefined;
  /** Used when nothing is stored (a fresh tab) or when `scale` or `jobs` differs from the stored one. */
  seed?: number;
  scale?: number;
  jobs?: number;
  /** Wall clock, injectable for tests. */
  realNow?: () => number;
  pageSizes?: TenantOptions['pageSizes'];
  timings?: TenantOptions['timings'];
}

export interface DemoSession {
  tenant: Tenant;
  clock: SimClock;
  state: PersistedDemoState;
  /** Writes the current state (journal, clock offset, scenario) to storage. */
  persist(scenario?: ScenarioState): void;
}

/** Restores the tenant from storage (replaying the journal) or builds a fresh one, and keeps it persisted. */
export function openDemoSession(options: DemoSessionOptions): DemoSession {
  const realNow = options.realNow ?? (() => Date.now());
  const stored = loadDemoState(options.storage);
  const wantedScale = options.scale ?? stored?.scale ?? 0;
  const wantedJobs = options.jobs ?? stored?.jobs ?? 0;
  const reuse =
    stored !== undefined &&
    stored.scale === wantedScale &&
    stored.jobs === wantedJobs &&
    (options.seed === undefined || options.seed === stored.seed);
  const state: PersistedDemoState = reuse
    ? stored
    : {
        version: 1,
        seed: options.seed ?? DEMO_SEED,
        scale: wantedScale,
        jobs: wantedJobs,
        startedAt: realNow(),
        clockOffset: 0,
        journal: [],
        scenario: stored?.scenario,
      };
  const clock = createRealTimeClock(state.startedAt, state.clockOffset, realNow);
  const tenant = createDemoTenant({
    seed: state.seed,
    clock,
    scale: state.scale,
    jobs: state.jobs,
    pageSizes: options.pageSizes,
    timings: options.timings,
  });
  tenant.replay(state.journal);
  const session: DemoSession = {
    tenant,
    clock,
    state,
    persist(scenario?: ScenarioState) {
      state.journal = [...tenant.journal.entries];
      state.clockOffset = clock.offset;
      if (scenario) state.scenario = scenario;
      saveDemoState(options.storage, state);
    },
  };
  tenant.journal.onRecord = () => session.persist();
  session.persist();
  return session;
}
