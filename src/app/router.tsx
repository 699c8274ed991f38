import { createBrowserRouter, type RouteObject } from 'react-router';
import { OverviewPage } from '@/features/overview/overview-page';
import { VaultsPage } from '@/features/vaults/vaults-page';
import { VaultPage } from '@/features/vaults/vault-page';
import { InstancesPage } from '@/features/instances/instances-page';
import { InstancePage } from '@/features/instances/instance-page';
import { JobsPage } from '@/features/jobs/jobs-page';
import { RestorePage } from '@/features/restore/restore-page';
import { JobDetailsPage } from '@/features/jobs/job-details-page';
import { AppShell } from './shell/app-shell';
import { RouteErrorPage } from './errors/route-error-page';
import { NotFoundPage } from './not-found-page';

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
