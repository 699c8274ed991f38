import { queryOptions } from '@tanstack/react-query';
import { collectAll } from '../paging';
import type { ArmQueryContext } from '../query-context';
import { armKeys } from '../query-keys';

/** Regions and their pairs change about never; keep them a day. */
const LOCATIONS_STALE_MS = 24 * 60 * 60 * 1000;

/** Query factories for subscriptions and their locations. */
export function createSubscriptionQueries(ctx: ArmQueryContext) {
  return {
    queries: {
      /** Every subscription the user can see (all pages). */
      list: () =>
        queryOptions({
          queryKey: armKeys.subscriptionList(),
          queryFn: ({ signal }) => collectAll(ctx.resources.subscriptions.list({ abortSignal: signal })),
        }),
      /** Locations of a subscription, with `metadata.pairedRegion`; see `pairedRegion()`. */
      locations: (subscriptionId: string) =>
        queryOptions({
          queryKey: armKeys.locations(subscriptionId),
          queryFn: ({ signal }) =>
            collectAll(ctx.resources.subscriptions.listLocations(subscriptionId, { abortSignal: signal })),
          staleTime: LOCATIONS_STALE_MS,
        }),
    },
  };
}
