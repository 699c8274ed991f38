// msw/node entry point for vitest: a fresh simulated tenant per test, scenarios, a clock the test
// advances, and direct access to the model for assertions.

import { setupServer, type SetupServer } from 'msw/node';
import { createHandlers } from './handlers';
import { createScenarios, type ScenarioName, type ScenarioOptions, type Scenarios } from './scenarios';
import { createManualClock, type SimClock } from './tenant/clock';
import { createDemoTenant } from './tenant/demo-tenant';
import type { Tenant } from './tenant/tenant';
import type { PageSizes, Timings } from './tenant/types';

export { ARM_ORIGIN } from './handlers';
// For harnesses that build a tenant of their own (the e2e fake of a second Entra ID directory).
export { Tenant, TENANT_ID as DEMO_TENANT_ID } from './tenant/tenant';

/** Fixed so snapshots and assertions are stable: 2025-11-04T09:00:00Z. */
export const TEST_CLOCK_START = Date.UTC(2025, 10, 4, 9, 0, 0);

export interface TestServerOptions {
  seed?: number;
  /** Simulated start time (default TEST_CLOCK_START). */
  startAt?: number;
  /** Extra generated instances (bulk). */
  scale?: number;
  /** Generated jobs over the bulk vaults (the benchmark's 100,000), as the demo's `?jobs=`. */
  jobs?: number;
  scenarios?: readonly ScenarioName[] | Partial<ScenarioOptions>;
  pageSizes?: Partial<PageSizes>;
  /** Default: real durations, Retry-After 0 so a client under test never sleeps. */
  timings?: Partial<Timings>;
  /**
   * Simulated ms that pass on each poll of an unfinished operation, as if the client had waited.
   * Default 2000 so a client polling an LRO finishes without the test advancing the clock; set 0 to
   * drive time only through `clock.advance`.
   */
  pollAdvanceMs?: number;
  /** Build your own tenant instead of the demo tenant. */
  tenant?: (clock: SimClock) => Tenant;
}

export interface TestServer {
  server: SetupServer;
  tenant: Tenant;
  clock: SimClock;
  scenarios: Scenarios;
  /** Shorthand for clock.advance + applying finished operations. */
  advance(ms: number): void;
  /** Starts listening (onUnhandledRequest: 'error' so stray traffic fails the test). */
  listen(): void;
  close(): void;
}

export function createTestServer(options: TestServerOptions = {}): TestServer {
  const clock = createManualClock(options.startAt ?? TEST_CLOCK_START);
  const tenant =
    options.tenant?.(clock) ??
    createDemoTenant({
      seed: options.seed,
      clock,
      scale: options.scale,
      jobs: options.jobs,
      pageSizes: options.pageSizes,
      timings: { retryAfterSeconds: 0, ...options.timings },
    });
  const scenarios = createScenarios(options.scenarios ?? {});
  const server = setupServer(
    ...createHandlers(tenant, scenarios, { pollAdvanceMs: options.pollAdvanceMs ?? 2000 }),
  );
  return {
    server,
    tenant,
    clock,
    scenarios,
    advance(ms: number) {
      clock.advance(ms);
      tenant.settle();
    },
    listen() {
      server.listen({ onUnhandledRequest: 'error' });
    },
    close() {
      server.close();
    },
  };
}
