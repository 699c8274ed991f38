import { Toaster } from '@fluentui/react-components';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { flushSync } from 'react-dom';
import { RouterProvider } from 'react-router';
import { useState, useSyncExternalStore } from 'react';
import type { Arm } from '@/azure/arm';
import { ArmContext } from '@/azure/arm-context';
import { SignInAgainContext } from '@/components/sign-in-again';
import { AuthSessionContext, demoAuthSession, type AuthSession } from './auth/auth-session';
import { AppErrorBoundary } from './errors/app-error-boundary';
import { BackgroundErrorToasts } from './background-error-toasts';
import { AppThemeProvider } from './theme/app-theme-provider';
import { EnvironmentContext, type AppEnvironment } from './environment';
import { createAppRouter, type AppRouter } from './router';
import { APP_TOASTER_ID } from './toaster';

export const TOASTER_ID = APP_TOASTER_ID;

/** ReactDOM's flushSync in the shape RouterProvider takes (what react-router/dom passes). */
const flushRouterUpdate = (update: () => unknown): undefined => {
  flushSync(update);
};

/** The data layer of an account scope (see `bootstrap.ts`: one per signed-in account and tenant). */
export type ArmForScope = (accountScope: string) => Arm;

export interface AppProps {
  environment: AppEnvironment;
  queryClient: QueryClient;
  /** The data layer, or how to get the one of the current account scope. */
  arm: Arm | ArmForScope;
  /** Who is signed in (MSAL in real mode); the demo session when omitted. */
  session?: AuthSession;
  /** The browser router by default; tests pass a memory router over the same routes. */
  router?: AppRouter;
}

export function App({ environment, queryClient, arm, session = demoAuthSession, router: given }: AppProps) {
  const [router] = useState(() => given ?? createAppRouter());
  const [signInAgain] = useState(() =>
    session.kind === 'msal' ? () => void session.signInAgain() : undefined,
  );
  const { scope } = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const currentArm = typeof arm === 'function' ? arm(scope) : arm;
  return (
    <AppThemeProvider>
      <AppErrorBoundary>
        <EnvironmentContext.Provider value={environment}>
          <AuthSessionContext.Provider value={session}>
            <SignInAgainContext.Provider value={signInAgain}>
              <ArmContext.Provider value={currentArm}>
                <QueryClientProvider client={queryClient}>
                  <Toaster toasterId={TOASTER_ID} position="top-end" />
                  <BackgroundErrorToasts toasterId={TOASTER_ID} />
                  {/* flushSync lets a navigation opt out of startTransition (see account-menu.tsx). */}
                  <RouterProvider router={router} flushSync={flushRouterUpdate} />
                </QueryClientProvider>
              </ArmContext.Provider>
            </SignInAgainContext.Provider>
          </AuthSessionContext.Provider>
        </EnvironmentContext.Provider>
      </AppErrorBoundary>
    </AppThemeProvider>
  );
}
