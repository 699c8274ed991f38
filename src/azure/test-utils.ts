/* Test helpers for src/azure (msw/node server, client with recorded sleeps). Test-only. */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { ArmClient, type ArmClientOptions } from './arm-client';
import { DemoCredential } from './credentials';

/** Public-cloud ARM origin used by the tests. */
export const ARM = 'https://management.azure.com';
/** A subscription id for tests. */
export const SUB = '11111111-2222-3333-4444-555555555555';

/** Starts an msw server for the current test file; unhandled requests fail the test. */
export function installMswServer(): ReturnType<typeof setupServer> {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

/** A client whose sleeps are recorded (and skipped) so retry/poll delays can be asserted. */
export function makeTestClient(options: Partial<ArmClientOptions> = {}): {
  client: ArmClient;
  credential: DemoCredential;
  sleeps: number[];
} {
  const credential = new DemoCredential();
  const sleeps: number[] = [];
  const client = new ArmClient({
    credential,
    pollIntervalMs: 5000,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    ...options,
    retry: { jitter: 0, ...options.retry },
  });
  return { client, credential, sleeps };
}
