import { afterEach, beforeEach, expect } from 'vitest';
import type { ReactNode } from 'react';
import { createArm, type Arm } from '@/azure/arm';
import { ArmContext } from '@/azure/arm-context';
import { DemoCredential } from '@/azure/credentials';
import { createTestServer, type TestServer, type TestServerOptions } from '@/mocks/node';
import { routes } from '@/app/router';
import { AppThemeProvider } from '@/app/theme/app-theme-provider';
import { attachContractRecorder, type ContractRecorder } from './contract/recorder';
import { renderRoutes } from './render';

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
export function setupSimulatedArm(options: TestServerOptions = {}): () => SimulatedArm {
  let current: SimulatedArm | undefined;
  beforeEach(() => {
    const server = createTestServer(options);
    server.listen();
    const credential = new DemoCredential();
    current = {
      server,
      credential,
      arm: createArm({ credential, sleep: () => Promise.resolve(), pollIntervalMs: 0, retryDelayMs: 0 }),
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

/** Renders the whole app's routes at `url`, wired to the simulated tenant. */
export function renderAppAt(url: string, sim: SimulatedArm) {
  return renderRoutes(routes, url, {
    wrapper: (children: ReactNode) => (
      <AppThemeProvider>
        <ArmContext.Provider value={sim.arm}>{children}</ArmContext.Provider>
      </AppThemeProvider>
    ),
  });
}
