import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { createArm, type Arm } from '@/azure/arm';
import { DemoCredential } from '@/azure/credentials';
import { getCloud } from '@/azure/clouds';
import type { AppEnvironment } from './environment';

export interface Bootstrapped {
  arm: Arm;
  environment: AppEnvironment;
}

/**
 * Real sign-in (MSAL) is a later milestone. Until then a non-demo build has no token source,
 * and every ARM call fails with this message rather than silently showing nothing.
 */
class SignInNotConfiguredCredential implements TokenCredential {
  getToken(): Promise<AccessToken | null> {
    return Promise.reject(
      new Error('Sign-in to Azure is not set up in this build yet. Run `npm start` for the demo tenant.'),
    );
  }
}

/**
 * Chooses the far end of the transport. This is the only place that knows about demo mode: the
 * demo gets a demo credential and the msw worker answering ARM's URLs, loaded with a dynamic
 * import behind the build flag so production bundles never contain the simulator.
 */
export async function bootstrap(): Promise<Bootstrapped> {
  const cloud = getCloud(import.meta.env.VITE_AZURE_CLOUD);
  if (import.meta.env.VITE_DEMO === 'true') {
    const demo = await import('@/mocks/browser');
    await demo.startDemoWorker();
    return {
      arm: createArm({ credential: new DemoCredential(), cloud, pollIntervalMs: 1000 }),
      environment: {
        demo: true,
        cloudName: 'Azure public cloud (simulated)',
        accountLabel: 'Demo tenant',
        resetDemoTenant: () => {
          demo.resetDemoTenant();
          window.location.reload();
        },
      },
    };
  }
  return {
    arm: createArm({ credential: new SignInNotConfiguredCredential(), cloud }),
    environment: {
      demo: false,
      cloudName: cloud.displayName,
      accountLabel: 'Not signed in',
      notice:
        'Sign-in to Azure is not available in this build yet, so no Azure data can be shown. Run `npm start` to use the demo tenant.',
    },
  };
}
