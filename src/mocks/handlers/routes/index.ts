// The route table of the simulated ARM, assembled from one module per resource provider. A new
// provider is a module exporting `() => Route[]`, added to PROVIDERS; unknown namespaces, 404s and
// the fault layer then cover it without further wiring.

import { authorizationRoutes } from './authorization';
import { crossRegionRestoreRoutes } from './cross-region-restore';
import { dataProtectionRoutes } from './data-protection';
import { operationRoutes } from './operations';
import { resourcesRoutes } from './resources';
import { resourceGraphRoutes } from './resource-graph';
import { restoreTargetRoutes } from './restore-targets';
import type { Route } from './route';

export { matchRoutes, type Params, type Route, type RouteMatch } from './route';

const PROVIDERS: readonly (() => Route[])[] = [
  resourcesRoutes, // Microsoft.Resources: subscriptions, locations, resource groups
  dataProtectionRoutes, // Microsoft.DataProtection: vaults, instances, recovery points, jobs
  crossRegionRestoreRoutes, // Microsoft.DataProtection: actions in the secondary region
  operationRoutes, // Microsoft.DataProtection: operationStatus / operationResults
  restoreTargetRoutes, // Microsoft.DBforPostgreSQL, Microsoft.KeyVault, Microsoft.Storage
  resourceGraphRoutes, // Microsoft.ResourceGraph: cross-subscription instance lists and counts
  authorizationRoutes, // Microsoft.Authorization: permissions, role assignments, role definitions
];

export function buildRoutes(): Route[] {
  return PROVIDERS.flatMap((routes) => routes());
}

/** The namespaces the routes serve: any other answers 404 InvalidResourceNamespace. */
export function namespacesOf(routes: readonly Route[]): string[] {
  return [...new Set(routes.map((r) => r.namespace))];
}
