import { Spinner } from '@fluentui/react-components';
import type { ComponentType, ReactNode } from 'react';
import { lazyComponent } from '@/lib/lazy-component';
import { Route, Router, Switch, type BaseLocationHook } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { matchPath, NavigationProvider, PagePreloadContext, routeParser, useLocation } from '@/lib/router';
import { AppErrorBoundary } from './errors/app-error-boundary';
import { NotFoundPage } from './not-found-page';

/**
 * A page whose code is its own chunk, fetched the first time it is needed: the first paint needs
 * only the shell. `preload` lets a navigation fetch it before leaving the current page.
 */
function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  const { Component, preload } = lazyComponent(load, <Spinner label="Loading page…" labelPosition="below" />);
  return { Page: Component, preload };
}

const pages = {
  overview: lazyPage(() => import('@/features/overview/overview-page').then((m) => m.OverviewPage)),
  vaults: lazyPage(() => import('@/features/vaults/vaults-page').then((m) => m.VaultsPage)),
  vault: lazyPage(() => import('@/features/vaults/vault-page').then((m) => m.VaultPage)),
  instances: lazyPage(() => import('@/features/instances/instances-page').then((m) => m.InstancesPage)),
  instance: lazyPage(() => import('@/features/instances/instance-page').then((m) => m.InstancePage)),
  restore: lazyPage(() => import('@/features/restore/restore-page').then((m) => m.RestorePage)),
  jobs: lazyPage(() => import('@/features/jobs/jobs-page').then((m) => m.JobsPage)),
  job: lazyPage(() => import('@/features/jobs/job-details-page').then((m) => m.JobDetailsPage)),
};

interface AppRoute {
  path: string;
  page: keyof typeof pages;
  render: () => ReactNode;
}

const VAULT = '/vaults/:subscriptionId/:resourceGroupName/:vaultName';
const INSTANCE = '/instances/:subscriptionId/:resourceGroupName/:vaultName/:backupInstanceName';
const { overview, vaults, vault, instances, instance, restore, jobs, job } = pages;

/** Every page and every filter is in the URL: support staff paste links to each other. */
export const APP_ROUTES: readonly AppRoute[] = [
  { path: '/', page: 'overview', render: () => <overview.Page /> },
  { path: '/vaults', page: 'vaults', render: () => <vaults.Page /> },
  { path: VAULT, page: 'vault', render: () => <vault.Page section="overview" /> },
  { path: `${VAULT}/properties`, page: 'vault', render: () => <vault.Page section="properties" /> },
  { path: '/instances', page: 'instances', render: () => <instances.Page /> },
  { path: INSTANCE, page: 'instance', render: () => <instance.Page /> },
  { path: `${INSTANCE}/restore`, page: 'restore', render: () => <restore.Page /> },
  { path: '/jobs', page: 'jobs', render: () => <jobs.Page /> },
  {
    path: '/jobs/:region/:subscriptionId/:resourceGroupName/:vaultName/:jobId',
    page: 'job',
    render: () => <job.Page />,
  },
];

/** The deployment's base path (Vite's `base`) without its trailing slash: '' at the root. */
const APP_BASE = import.meta.env.BASE_URL.replace(/\/$/, '');

/** Fetches the code of the page the browser's URL names (the first load's page). */
export function preloadCurrentPage(): Promise<unknown> | undefined {
  const path = window.location.pathname;
  const inApp = path.toLowerCase().startsWith(APP_BASE.toLowerCase())
    ? path.slice(APP_BASE.length) || '/'
    : path;
  return preloadPage(inApp);
}

/** Fetches the code of the page at `path` (nothing when it is loaded or no page matches). */
export function preloadPage(path: string): Promise<unknown> | undefined {
  const route = APP_ROUTES.find((r) => matchPath(r.path, path) !== null);
  return route ? pages[route.page].preload() : undefined;
}

/** The page of the current URL; a render error stays inside the page (the shell keeps working). */
export function AppRoutes() {
  const { pathname } = useLocation();
  return (
    <AppErrorBoundary key={pathname} onRetry={() => window.location.reload()}>
      <Switch>
        {APP_ROUTES.map((route) => (
          <Route key={route.path} path={route.path}>
            {route.render()}
          </Route>
        ))}
        <Route>
          <NotFoundPage />
        </Route>
      </Switch>
    </AppErrorBoundary>
  );
}

/** Where the app reads and changes its URL: the browser by default, memory in tests. */
export interface AppRouter {
  hook?: BaseLocationHook;
  searchHook?: () => string;
  /** Navigates a memory router (tests); the browser router navigates through links. */
  navigate?: (to: string) => void;
}

/** A router over an in-memory URL (tests render the app's own routes at a URL). */
export function createMemoryRouter(url: string): Required<AppRouter> {
  const memory = memoryLocation({ path: url, record: true });
  return { hook: memory.hook, searchHook: memory.searchHook, navigate: (to) => memory.navigate(to) };
}

/** The routing context: the deployment's base path, the URL source, page preloads. */
export function AppRouterProvider({ router, children }: { router?: AppRouter; children: ReactNode }) {
  return (
    <Router
      base={APP_BASE}
      parser={routeParser}
      {...(router?.hook ? { hook: router.hook } : {})}
      {...(router?.searchHook ? { searchHook: router.searchHook } : {})}
    >
      <PagePreloadContext.Provider value={preloadPage}>
        <NavigationProvider>{children}</NavigationProvider>
      </PagePreloadContext.Provider>
    </Router>
  );
}
