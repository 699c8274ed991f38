// Microsoft.Resources as JSON: subscriptions, their locations (with paired regions, which the app
// reads to name the Secondary Region) and resource groups.

import { REGIONS, type RegionInfo } from '../../tenant/regions';
import type { ResourceGroup, Subscription } from '../../tenant/types';

export function serializeSubscription(sub: Subscription): Record<string, unknown> {
  return {
    id: `/subscriptions/${sub.subscriptionId}`,
    authorizationSource: 'RoleBased',
    managedByTenants: [],
    subscriptionId: sub.subscriptionId,
    tenantId: sub.tenantId,
    displayName: sub.displayName,
    state: sub.state,
    subscriptionPolicies: {
      locationPlacementId: 'Public_2014-09-01',
      quotaId: sub.quotaId,
      spendingLimit: 'Off',
    },
  };
}

export function serializeLocation(subscriptionId: string, region: RegionInfo): Record<string, unknown> {
  return {
    id: `/subscriptions/${subscriptionId}/locations/${region.name}`,
    name: region.name,
    type: 'Region',
    displayName: region.displayName,
    regionalDisplayName: region.regionalDisplayName,
    metadata: {
      regionType: 'Physical',
      regionCategory: 'Recommended',
      geography: region.geography,
      geographyGroup: region.geographyGroup,
      longitude: region.longitude,
      latitude: region.latitude,
      physicalLocation: region.physicalLocation,
      pairedRegion: [
        {
          name: region.pairedRegion,
          id: `/subscriptions/${subscriptionId}/locations/${region.pairedRegion}`,
        },
      ],
    },
  };
}

export function allLocations(subscriptionId: string): Record<string, unknown>[] {
  return REGIONS.map((r) => serializeLocation(subscriptionId, r));
}

export function serializeResourceGroup(rg: ResourceGroup): Record<string, unknown> {
  return {
    id: `/subscriptions/${rg.subscriptionId}/resourceGroups/${rg.name}`,
    name: rg.name,
    type: 'Microsoft.Resources/resourceGroups',
    location: rg.location,
    properties: { provisioningState: 'Succeeded' },
  };
}
