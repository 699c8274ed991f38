import { render } from '@testing-library/react';
import { createMemoryRouter } from '@/app/router';
import { afterEach, beforeEach, expect } from 'vitest';
import { createArm, type Arm, type CreateArmOptions } from '@/azure/arm';
import { DemoCredential } from '@/azure/credentials';
import { createPendingOperationStore, memoryStorage } from '@/azure/operations/pending-operations';
import { createQueryClient } from '@/azure/query-client';
import { createTestServer, type TestServer, type TestServerOptions } from '@/mocks/node';
import { App } from '@/app/app';
import { attachContractRecorder, type ContractRecorder } from './contract/recorder';

/** What a test gets from {@link setupSimulatedArm}: the simulator, the real data layer, and the recorder. */
export interface SimulatedArm {
  server: TestServer;
  arm: Arm;
  credential: DemoCredential;
  recorder: ContractRecorder;
}

/**
 * Component tests against the same simulated tenant as the demo: a fresh tenant and a real `Arm`
 * (real pipeline, demo credential) per test, no waiting between polls, and every exchange checked
 * against the REST spec after the test. Call at the top of a `describe`.
 */
export function setupSimulatedArm(
  options: TestServerOptions & { arm?: Partial<CreateArmOptions> } = {},
): () => SimulatedArm {
  let current: SimulatedArm | undefined;
  beforeEach(() => {
    const server = createTestServer(options);
    server.listen();
    const credential = new DemoCredential();
    current = {
      server,
      credential,
      arm: createArm({
        credential,
        sleep: () => Promise.resolve(),
        pollIntervalMs: 0,
        retryDelayMs: 0,
        // Each test starts with no operation pending (sessionStorage would leak between tests).
        pendingOperations: createPendingOperationStore({ storage: memoryStorage() }),
        ...options.arm,
      }),
      recorder: attachContractRecorder(server.server),
    };
  });
  afterEach(async () => {
    if (!current) return;
    const { server, recorder } = current;
    current = undefined;
    try {
      expect((await recorder.exchanges()).length).toBeGreaterThan(0);
      await recorder.assertAllValid();
    } finally {
      recorder.dispose();
      server.close();
    }
  });
  return () => {
    if (!current) throw new Error('setupSimulatedArm: use the getter inside a test');
    return current;
  };
}

/**
 * Renders the real app (its providers, production QueryClient defaults, background-error toasts
 * and routes) at `url`, wired to the simulated tenant.
 */
export function renderAppAt(url: string, sim: SimulatedArm) {
  const queryClient = createQueryClient();
  const router = createMemoryRouter(url);
  const result = render(
    <App
      environment={{ demo: true, cloudName: 'Azure public cloud (simulated)' }}
      data={{ arm: sim.arm, queryClient }}
      router={router}
    />,
  );
  return { ...result, queryClient, router };
}
