// Microsoft.Resources: subscriptions, their locations and resource groups.

import { ok, pageOf } from '../arm-response';
import { allLocations, serializeResourceGroup, serializeSubscription } from '../serializers/resources';
import { param, route, type Route } from './route';

const SUBSCRIPTIONS_API_VERSIONS = ['2022-12-01', '2021-01-01', '2020-01-01'];
const RESOURCE_GROUPS_API_VERSIONS = ['2021-04-01', '2022-09-01', '2024-03-01'];

export function resourcesRoutes(): Route[] {
  return [
    route(
      'GET',
      '/subscriptions',
      SUBSCRIPTIONS_API_VERSIONS,
      'Microsoft.Resources/subscriptions/read',
      (ctx) => {
        const subs = ctx.tenant.listSubscriptions();
        return ok({
          ...pageOf(ctx, subs, ctx.tenant.pageSizes.subscriptions, serializeSubscription),
          count: { type: 'Total', value: subs.length },
        });
      },
    ),
    route(
      'GET',
      '/subscriptions/{subscriptionId}',
      SUBSCRIPTIONS_API_VERSIONS,
      'Microsoft.Resources/subscriptions/read',
      (ctx, params) =>
        ok(serializeSubscription(ctx.tenant.requireSubscription(param(params, 'subscriptionId')))),
    ),
    route(
      'GET',
      '/subscriptions/{subscriptionId}/locations',
      SUBSCRIPTIONS_API_VERSIONS,
      'Microsoft.Resources/subscriptions/locations/read',
      (ctx, params) => {
        const sub = ctx.tenant.requireSubscription(param(params, 'subscriptionId'));
        return ok({ value: allLocations(sub.subscriptionId) });
      },
    ),
    route(
      'GET',
      '/subscriptions/{subscriptionId}/resourcegroups',
      RESOURCE_GROUPS_API_VERSIONS,
      'Microsoft.Resources/subscriptions/resourceGroups/read',
      (ctx, params) => {
        const subscriptionId = param(params, 'subscriptionId');
        ctx.tenant.requireSubscription(subscriptionId);
        const groups = ctx.tenant.listResourceGroups(subscriptionId);
        return ok(pageOf(ctx, groups, ctx.tenant.pageSizes.resources, serializeResourceGroup));
      },
    ),
    route(
      'GET',
      '/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}',
      RESOURCE_GROUPS_API_VERSIONS,
      'Microsoft.Resources/subscriptions/resourceGroups/read',
      (ctx, params) => {
        const rg = ctx.tenant.requireResourceGroup(
          param(params, 'subscriptionId'),
          param(params, 'resourceGroupName'),
        );
        return ok(serializeResourceGroup(rg));
      },
    ),
  ];
}
