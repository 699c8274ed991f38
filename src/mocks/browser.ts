// Demo entry point: the msw service worker answers https://management.azure.com from the simulated
// tenant; everything else goes to the network. Loaded only behind the demo build flag.

import { setupWorker, type SetupWorker } from 'msw/browser';
import { createHandlers } from './handlers';
import { parseScenarioParams, Scenarios } from './scenarios';
import { clearDemoState, openDemoSession, type DemoSession, type KeyValueStorage } from './persistence';

export {
  DEMO_SUBSCRIPTIONS,
  DEMO_VAULT_IDS,
  DEMO_INSTANCE_IDS,
  DEMO_RESTORE_TARGETS,
  DEMO_RESOURCE_GROUPS,
} from './tenant/demo-tenant';

let worker: SetupWorker | undefined;
let session: DemoSession | undefined;

function storage(): KeyValueStorage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}

export interface StartDemoWorkerOptions {
  /** Defaults to window.location.search: `?scenario=...`, `?scale=50000`, `?jobs=100000`. */
  search?: string;
  /** Service worker script URL (default /mockServiceWorker.js). */
  serviceWorkerUrl?: string;
  quiet?: boolean;
}

/** Starts the simulator in the browser, restoring the tab's state and scenario from sessionStorage. */
export async function startDemoWorker(options: StartDemoWorkerOptions = {}): Promise<SetupWorker> {
  if (worker) return worker;
  const search = options.search ?? (typeof window === 'undefined' ? '' : window.location.search);
  const params = new URLSearchParams(search);
  const count = (name: string) => {
    const value = Number(params.get(name));
    return Number.isFinite(value) && value > 0 ? Math.floor(value) : undefined;
  };
  session = openDemoSession({ storage: storage(), scale: count('scale'), jobs: count('jobs') });

  // A scenario in the URL replaces the stored one; otherwise the tab keeps what it had.
  const fromUrl = parseScenarioParams(params);
  const scenarios = fromUrl
    ? new Scenarios(fromUrl)
    : session.state.scenario
      ? Scenarios.fromJSON(session.state.scenario)
      : new Scenarios();
  const current = session;
  scenarios.onChange = () => current.persist(scenarios.toJSON());
  current.persist(scenarios.toJSON());

  worker = setupWorker(...createHandlers(current.tenant, scenarios));
  await worker.start({
    onUnhandledRequest: 'bypass',
    serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
    quiet: options.quiet ?? true,
  });
  return worker;
}

/**
 * Forgets every change made in this tab (the visible "Reset demo tenant" action) and rebuilds the
 * tenant from scratch with a fresh clock. Callers should reload the page (or drop their caches).
 */
export function resetDemoTenant(): void {
  clearDemoState(storage());
  if (!worker || !session) return;
  const scenarios = session.state.scenario ? Scenarios.fromJSON(session.state.scenario) : new Scenarios();
  session = openDemoSession({ storage: storage(), scale: session.state.scale, jobs: session.state.jobs });
  const current = session;
  scenarios.onChange = () => current.persist(scenarios.toJSON());
  current.persist(scenarios.toJSON());
  worker.resetHandlers(...createHandlers(current.tenant, scenarios));
}

/** The live demo session (tenant and clock), e.g. for a dev panel. */
export function getDemoSession(): DemoSession | undefined {
  return session;
}
