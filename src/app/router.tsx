import { createBrowserRouter, type RouteObject } from 'react-router';
import { lazy } from 'react';
import { AppShell } from './shell/app-shell';
import { RouteErrorPage } from './errors/route-error-page';
import { NotFoundPage } from './not-found-page';

// Each page is its own chunk, fetched when first opened: the first paint needs only the shell.
const OverviewPage = lazy(() =>
  import('@/features/overview/overview-page').then((m) => ({ default: m.OverviewPage })),
);
const VaultsPage = lazy(() =>
  import('@/features/vaults/vaults-page').then((m) => ({ default: m.VaultsPage })),
);
const VaultPage = lazy(() => import('@/features/vaults/vault-page').then((m) => ({ default: m.VaultPage })));
const InstancesPage = lazy(() =>
  import('@/features/instances/instances-page').then((m) => ({ default: m.InstancesPage })),
);
const InstancePage = lazy(() =>
  import('@/features/instances/instance-page').then((m) => ({ default: m.InstancePage })),
);
const JobsPage = lazy(() => import('@/features/jobs/jobs-page').then((m) => ({ default: m.JobsPage })));
const RestorePage = lazy(() =>
  import('@/features/restore/restore-page').then((m) => ({ default: m.RestorePage })),
);
const JobDetailsPage = lazy(() =>
  import('@/features/jobs/job-details-page').then((m) => ({ default: m.JobDetailsPage })),
);

/** Every page and every filter is in the URL: support staff paste links to each other. */
export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <OverviewPage /> },
          { path: 'vaults', element: <VaultsPage /> },
          {
            path: 'vaults/:subscriptionId/:resourceGroupName/:vaultName',
            element: <VaultPage section="overview" />,
          },
          {
            path: 'vaults/:subscriptionId/:resourceGroupName/:vaultName/properties',
            element: <VaultPage section="properties" />,
          },
          { path: 'instances', element: <InstancesPage /> },
          {
            path: 'instances/:subscriptionId/:resourceGroupName/:vaultName/:backupInstanceName',
            element: <InstancePage />,
          },
          {
            path: 'instances/:subscriptionId/:resourceGroupName/:vaultName/:backupInstanceName/restore',
            element: <RestorePage />,
          },
          { path: 'jobs', element: <JobsPage /> },
          {
            path: 'jobs/:region/:subscriptionId/:resourceGroupName/:vaultName/:jobId',
            element: <JobDetailsPage />,
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

/** The browser router; `basename` lets the app be hosted under a path (Vite's `base`). */
export function createAppRouter() {
  return createBrowserRouter(routes, { basename: import.meta.env.BASE_URL });
}

/** The router the app renders (browser in the app, memory in tests). */
export type AppRouter = ReturnType<typeof createAppRouter>;
