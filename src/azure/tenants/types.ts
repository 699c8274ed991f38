/* Microsoft.Resources tenant types (`GET /tenants`, api-version 2022-12-01). */

/** How the user belongs to the tenant. */
export type TenantCategory = 'Home' | 'ProjectedBy' | 'ManagedBy';

/** A directory the signed-in user belongs to (`TenantIdDescription`). */
export interface Tenant {
  /** `/tenants/{tenantId}`. */
  readonly id?: string;
  readonly tenantId?: string;
  readonly tenantCategory?: TenantCategory | null;
  readonly country?: string | null;
  readonly countryCode?: string | null;
  /** e.g. `Contoso`. */
  readonly displayName?: string | null;
  readonly domains?: string[] | null;
  /** e.g. `contoso.onmicrosoft.com`. */
  readonly defaultDomain?: string | null;
  /** e.g. `AAD`. */
  readonly tenantType?: string | null;
  readonly tenantBrandingLogoUrl?: string | null;
}

/** `TenantListResult`. */
export interface TenantListResult {
  value?: Tenant[] | null;
  nextLink?: string | null;
}
