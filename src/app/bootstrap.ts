import type { TokenCredential } from '@azure/core-auth';
import type { QueryClient } from '@tanstack/react-query';
import { scopedQueryKeyHashFn } from '@/azure/account-scope';
import { createArm, type Arm } from '@/azure/arm';
import type { ConfigProblem } from '@/azure/azure-config';
import { AzurePublicCloud, type AzureCloud } from '@/azure/clouds';
import { DemoCredential } from '@/azure/credentials';
import { createQueryClient } from '@/azure/query-client';
import { demoAuthSession, type AuthSession } from './auth/auth-session';
import { followAccountScope } from './auth/follow-account-scope';
import type { ArmForScope } from './app';
import type { AppEnvironment } from './environment';

/** What `main.tsx` renders: the app, or the start-up page listing configuration problems. */
export type Bootstrapped =
  | {
      kind: 'app';
      arm: ArmForScope;
      environment: AppEnvironment;
      session: AuthSession;
      queryClient: QueryClient;
    }
  | { kind: 'invalidConfig'; problems: readonly ConfigProblem[] };

/**
 * Chooses the far end of the transport. This is the only place that knows about demo mode: the
 * demo gets a demo credential and the msw worker answering ARM's URLs; real mode gets the MSAL
 * session. Each side is a dynamic import behind the build flag, so the production bundle never
 * contains the simulator and the demo bundle never contains MSAL.
 */
export async function bootstrap(): Promise<Bootstrapped> {
  if (import.meta.env.VITE_DEMO === 'true') {
    const demo = await import('@/mocks/browser');
    await demo.startDemoWorker();
    return assemble(demoAuthSession, new DemoCredential(), AzurePublicCloud, {
      demo: true,
      cloudName: 'Azure public cloud (simulated)',
      resetDemoTenant: () => {
        demo.resetDemoTenant();
        window.location.reload();
      },
    });
  } else {
    const { startRealMode } = await import('./real-mode');
    const real = startRealMode(
      import.meta.env,
      new URL(import.meta.env.BASE_URL, window.location.origin).href,
    );
    if (real.kind === 'invalidConfig') return real;
    return assemble(real.session, real.credential, real.cloud, {
      demo: false,
      cloudName: real.cloud.displayName,
    });
  }
}

function assemble(
  session: AuthSession,
  credential: TokenCredential,
  cloud: AzureCloud,
  environment: AppEnvironment,
): Bootstrapped {
  const scope = () => session.getSnapshot().scope;
  // Cache entries are filed under the account scope: one tenant's data is never served to another.
  const queryClient = createQueryClient({
    defaultOptions: { queries: { queryKeyHashFn: scopedQueryKeyHashFn(scope) } },
  });
  followAccountScope(session, queryClient);
  // One Arm (pipeline, token cache) per account scope: the bearer policy caches the token it got,
  // and a token of one account or tenant must never be sent for another.
  let current: { scope: string; arm: Arm } | undefined;
  const armForScope: ArmForScope = (accountScope) => {
    if (current?.scope !== accountScope) {
      current = {
        scope: accountScope,
        arm: createArm({
          credential,
          cloud,
          accountScope: () => accountScope,
          ...(environment.demo ? { pollIntervalMs: 1000 } : {}),
        }),
      };
    }
    return current.arm;
  };
  return { kind: 'app', session, environment, queryClient, arm: armForScope };
}
