import { lazy, Suspense, useState } from 'react';
import { SignInAgainContext } from '@/components/sign-in-again';
import { AuthSessionContext, demoAuthSession, type AuthSession } from './auth/auth-session';
import type { DataLayer } from './data-layer';
import { AppErrorBoundary } from './errors/app-error-boundary';
import { AppThemeProvider } from './theme/app-theme-provider';
import { EnvironmentContext, type AppEnvironment } from './environment';
import { AppRouterProvider, type AppRouter } from './router';
import { AppShell } from './shell/app-shell';
import { AfterFirstData } from './after-first-data';
import { DataLayerContext, WithData } from './with-data';

// Toasts report background failures of data already on screen: they can wait for the first data.
const AppToasts = lazy(() => import('./app-toasts').then((m) => ({ default: m.AppToasts })));

export interface AppProps {
  environment: AppEnvironment;
  /** The query cache and ARM facade, or the promise of them while their chunk loads. */
  data: DataLayer | Promise<DataLayer>;
  /** Who is signed in (MSAL in real mode); the demo session when omitted. */
  session?: AuthSession;
  /** The browser's URL by default; tests pass a memory router (`createMemoryRouter`). */
  router?: AppRouter;
}

export function App({ environment, data, session = demoAuthSession, router }: AppProps) {
  const [signInAgain] = useState(() =>
    session.kind === 'msal' ? () => void session.signInAgain() : undefined,
  );
  return (
    <AppThemeProvider>
      <AppErrorBoundary>
        <EnvironmentContext.Provider value={environment}>
          <AuthSessionContext.Provider value={session}>
            <SignInAgainContext.Provider value={signInAgain}>
              <DataLayerContext.Provider value={data}>
                <Suspense fallback={null}>
                  <WithData>
                    <AfterFirstData>
                      <AppToasts />
                    </AfterFirstData>
                  </WithData>
                </Suspense>
                <AppRouterProvider {...(router ? { router } : {})}>
                  <AppShell />
                </AppRouterProvider>
              </DataLayerContext.Provider>
            </SignInAgainContext.Provider>
          </AuthSessionContext.Provider>
        </EnvironmentContext.Provider>
      </AppErrorBoundary>
    </AppThemeProvider>
  );
}
