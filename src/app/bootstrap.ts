import type { TokenCredential } from '@azure/core-auth';
import type { ConfigProblem } from '@/azure/azure-config';
import { AzurePublicCloud, type AzureCloud } from '@/azure/clouds';
import { DemoCredential } from '@/azure/credentials';
import { demoAuthSession, type AuthSession } from './auth/auth-session';
import type { DataLayer } from './data-layer';
import type { AppEnvironment } from './environment';
import { startRealMode } from './real-mode';

/** What `main.tsx` renders: the app, or the start-up page listing configuration problems. */
export type Bootstrapped =
  | {
      kind: 'app';
      environment: AppEnvironment;
      session: AuthSession;
      /** The data layer: a chunk fetched once `startLoading` runs. */
      data: Promise<DataLayer>;
      /**
       * Fetches what the shell does not need for its first paint (the data layer, and MSAL in real
       * mode). `main.tsx` calls it right after the first paint; until then only the shell loads.
       */
      startLoading: () => void;
    }
  | { kind: 'invalidConfig'; problems: readonly ConfigProblem[] };

/**
 * Chooses the far end of the transport. This is the only place that knows about demo mode: the
 * demo gets a demo credential and the msw worker answering ARM's URLs; real mode gets the MSAL
 * session. The demo side is a dynamic import behind the build flag, so the production bundle never
 * contains the simulator. Real mode's start-up is a static import: a dynamic one would be a
 * request of its own before the shell can render; in the demo build the flag makes it dead code,
 * and MSAL itself is a dynamic import (`auth/real-session.ts`), so the demo bundle never holds MSAL.
 */
export async function bootstrap(): Promise<Bootstrapped> {
  if (import.meta.env.VITE_DEMO === 'true') {
    const demo = await import('@/mocks/browser');
    await demo.startDemoWorker();
    return assemble(demoAuthSession, new DemoCredential(), AzurePublicCloud, () => undefined, {
      demo: true,
      cloudName: 'Azure public cloud (simulated)',
      resetDemoTenant: () => {
        demo.resetDemoTenant();
        window.location.reload();
      },
    });
  } else {
    const real = startRealMode(
      import.meta.env,
      new URL(import.meta.env.BASE_URL, window.location.origin).href,
    );
    if (real.kind === 'invalidConfig') return real;
    return assemble(real.session, real.credential, real.cloud, real.startSession, {
      demo: false,
      cloudName: real.cloud.displayName,
    });
  }
}

function assemble(
  session: AuthSession,
  credential: TokenCredential,
  cloud: AzureCloud,
  startSession: () => void,
  environment: AppEnvironment,
): Bootstrapped {
  let resolve: (data: DataLayer) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  // React's `use` reads a settled thenable's status synchronously: a page rendered after the data
  // layer is in does not suspend for a tick (and React does not hold its reveal back 300 ms).
  const data: Promise<DataLayer> & { status?: string; value?: DataLayer; reason?: unknown } = new Promise(
    (res, rej) => {
      resolve = (value) => {
        data.status = 'fulfilled';
        data.value = value;
        res(value);
      };
      reject = (error) => {
        data.status = 'rejected';
        data.reason = error;
        rej(error instanceof Error ? error : new Error(String(error)));
      };
    },
  );
  let started = false;
  const startLoading = () => {
    if (started) return;
    started = true;
    startSession();
    import('./data-layer')
      .then(({ createDataLayer }) =>
        resolve(
          createDataLayer(session, credential, cloud, environment.demo ? { pollIntervalMs: 1000 } : {}),
        ),
      )
      .catch(reject);
  };
  return { kind: 'app', session, environment, data, startLoading };
}
