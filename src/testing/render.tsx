import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { AppRouterProvider, createMemoryRouter } from '@/app/router';
import { AppShell } from '@/app/shell/app-shell';
import { DataLayerContext } from '@/app/with-data';
import { createArm } from '@/azure/arm';

/** A QueryClient per test, retries off, so a test sees the first failure and nothing leaks. */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
}

export interface RenderOptions {
  queryClient?: QueryClient;
  wrapper?: (children: ReactNode) => ReactElement;
}

export function renderWithProviders(
  ui: ReactElement,
  options: RenderOptions = {},
): RenderResult & { queryClient: QueryClient } {
  const queryClient = options.queryClient ?? createTestQueryClient();
  const inner = options.wrapper ? options.wrapper(ui) : ui;
  const result = render(
    <FluentProvider theme={webLightTheme}>
      <QueryClientProvider client={queryClient}>{inner}</QueryClientProvider>
    </FluentProvider>,
  );
  return { ...result, queryClient };
}

/**
 * Renders the app's shell and routes at a URL with an in-memory router, for tests of pages that
 * read no ARM data: the data layer's credential refuses every token.
 */
export function renderShellAt(
  url: string,
  options: RenderOptions = {},
): RenderResult & { queryClient: QueryClient; router: ReturnType<typeof createMemoryRouter> } {
  const router = createMemoryRouter(url);
  const queryClient = options.queryClient ?? createTestQueryClient();
  const arm = createArm({
    credential: {
      getToken: () => Promise.reject(new Error('This test has no ARM: it renders the shell only.')),
    },
  });
  const result = renderWithProviders(
    <DataLayerContext.Provider value={{ queryClient, arm }}>
      <AppRouterProvider router={router}>
        <AppShell />
      </AppRouterProvider>
    </DataLayerContext.Provider>,
    { ...options, queryClient },
  );
  return { ...result, router };
}
