/* Microsoft.Resources subscription and location types (api-version 2022-12-01). */

/** Subscription state. */
export type SubscriptionState = 'Enabled' | 'Warned' | 'PastDue' | 'Disabled' | 'Deleted';

/** `subscriptionPolicies` of a subscription. */
export interface SubscriptionPolicies {
  readonly locationPlacementId?: string | null;
  readonly quotaId?: string | null;
  readonly spendingLimit?: 'On' | 'Off' | 'CurrentPeriodOff' | null;
}

/** A subscription (`GET /subscriptions`). */
export interface Subscription {
  /** `/subscriptions/{guid}`. */
  readonly id?: string;
  readonly subscriptionId?: string;
  readonly displayName?: string;
  readonly tenantId?: string | null;
  readonly state?: SubscriptionState | null;
  subscriptionPolicies?: SubscriptionPolicies | null;
  authorizationSource?: string | null;
  managedByTenants?: { readonly tenantId?: string | null }[] | null;
  tags?: Record<string, string> | null;
}

/** `SubscriptionListResult`. */
export interface SubscriptionListResult {
  value?: Subscription[] | null;
  nextLink?: string | null;
}

/** A region paired with another (`metadata.pairedRegion[]`). */
export interface PairedRegion {
  /** Programmatic name, e.g. `westus`. */
  readonly name?: string | null;
  readonly id?: string | null;
  readonly subscriptionId?: string | null;
}

/** `LocationMetadata`. */
export interface LocationMetadata {
  readonly regionType?: 'Physical' | 'Logical' | null;
  readonly regionCategory?: 'Recommended' | 'Extended' | 'Other' | null;
  readonly geography?: string | null;
  readonly geographyGroup?: string | null;
  readonly longitude?: string | null;
  readonly latitude?: string | null;
  readonly physicalLocation?: string | null;
  readonly pairedRegion?: PairedRegion[] | null;
  readonly homeLocation?: string | null;
}

/** A location (`GET /subscriptions/{id}/locations`). */
export interface Location {
  readonly id?: string;
  readonly subscriptionId?: string | null;
  /** Programmatic name, e.g. `eastus`. */
  readonly name?: string;
  readonly type?: 'Region' | 'EdgeZone' | null;
  /** e.g. `East US`. */
  readonly displayName?: string | null;
  /** e.g. `(US) East US`. */
  readonly regionalDisplayName?: string | null;
  metadata?: LocationMetadata | null;
  availabilityZoneMappings?: { logicalZone?: string | null; physicalZone?: string | null }[] | null;
}

/** `LocationListResult`. */
export interface LocationListResult {
  value?: Location[] | null;
  nextLink?: string | null;
}
