import { Toaster } from '@fluentui/react-components';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { useState } from 'react';
import type { Arm } from '@/azure/arm';
import { ArmContext } from '@/azure/arm-context';
import { AppErrorBoundary } from './errors/app-error-boundary';
import { BackgroundErrorToasts } from './background-error-toasts';
import { AppThemeProvider } from './theme/app-theme-provider';
import { EnvironmentContext, type AppEnvironment } from './environment';
import { createAppRouter, type AppRouter } from './router';

export const TOASTER_ID = 'app-toaster';

export interface AppProps {
  environment: AppEnvironment;
  queryClient: QueryClient;
  arm: Arm;
  /** The browser router by default; tests pass a memory router over the same routes. */
  router?: AppRouter;
}

export function App({ environment, queryClient, arm, router: given }: AppProps) {
  const [router] = useState(() => given ?? createAppRouter());
  return (
    <AppThemeProvider>
      <AppErrorBoundary>
        <EnvironmentContext.Provider value={environment}>
          <ArmContext.Provider value={arm}>
            <QueryClientProvider client={queryClient}>
              <Toaster toasterId={TOASTER_ID} position="top-end" />
              <BackgroundErrorToasts toasterId={TOASTER_ID} />
              <RouterProvider router={router} />
            </QueryClientProvider>
          </ArmContext.Provider>
        </EnvironmentContext.Provider>
      </AppErrorBoundary>
    </AppThemeProvider>
  );
}
