import { queryOptions } from '@tanstack/react-query';
import { collectAll } from '../paging';
import type { ArmQueryContext } from '../query-context';
import { armKeys } from '../query-keys';
import { RESOURCES_API_VERSION } from '../resources-client';
import type { Tenant } from './types';

/**
 * Query factories for the directories of the signed-in user (`GET /tenants`). ARM answers this
 * for every tenant the account belongs to, whichever tenant issued the token, which is what the
 * tenant switcher lists.
 */
export function createTenantQueries({ client }: ArmQueryContext) {
  return {
    queries: {
      /** Every tenant the user belongs to (all pages). */
      list: () =>
        queryOptions({
          queryKey: armKeys.tenantList(),
          queryFn: ({ signal }) =>
            collectAll(client.list<Tenant>({ path: '/tenants', apiVersion: RESOURCES_API_VERSION, signal })),
        }),
    },
  };
}

/** A tenant's name for people: display name, else default domain, else its id. */
export function tenantLabel(tenant: Tenant | undefined, tenantId: string): string {
  return tenant?.displayName ?? tenant?.defaultDomain ?? tenantId;
}
