import type { CrossRegionRestoreStatus, StorageRedundancy } from '@/azure/backup-vaults/vault-rules';
import { regionDisplayName } from '@/azure/regions';
import type { Location } from '@/azure/subscriptions/types';

/** Redundancy in the portal's words. */
export const REDUNDANCY_LABEL: Record<StorageRedundancy, string> = {
  GeoRedundant: 'Geo-redundant',
  LocallyRedundant: 'Locally redundant',
  ZoneRedundant: 'Zone-redundant',
  Unknown: 'Unknown',
};

export const CRR_LABEL: Record<CrossRegionRestoreStatus, string> = {
  Enabled: 'Enabled',
  Disabled: 'Disabled',
  NotAvailable: 'Not available',
};

/** "East US" for "eastus" when the locations API told us; the ARM name otherwise. */
export function regionLabel(name: string | undefined, locations: readonly Location[] | undefined): string {
  return name ? regionDisplayName(name, locations) : '—';
}
