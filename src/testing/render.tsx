import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';

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

/** Renders route objects at a URL with an in-memory router (the app's own routes in tests). */
export function renderRoutes(
  routes: RouteObject[],
  initialEntry: string,
  options: RenderOptions = {},
): RenderResult & { queryClient: QueryClient; router: ReturnType<typeof createMemoryRouter> } {
  const router = createMemoryRouter(routes, { initialEntries: [initialEntry] });
  const result = renderWithProviders(<RouterProvider router={router} />, options);
  return { ...result, router };
}
