/*
 * Azure's rules for storage redundancy and Cross Region Restore, in one place so every page
 * (vault properties, restore wizard, instance filters) decides the same way.
 */
import { pairedRegion } from '../regions';
import type { Location } from '../subscriptions/types';
import type { BackupVaultResource } from './types';

/** Storage redundancy of a vault's vault store. */
export type StorageRedundancy = 'GeoRedundant' | 'LocallyRedundant' | 'ZoneRedundant' | 'Unknown';

/** Cross Region Restore as the UI reports it: `NotAvailable` when the vault is not geo-redundant. */
export type CrossRegionRestoreStatus = 'Enabled' | 'Disabled' | 'NotAvailable';

/**
 * The vault store's redundancy. ARM lists one entry per datastore; the vault store is what
 * replicates, so it wins over any other entry.
 */
export function storageRedundancy(vault: BackupVaultResource): StorageRedundancy {
  const settings = vault.properties.storageSettings ?? [];
  const entry = settings.find((s) => s.datastoreType === 'VaultStore') ?? settings[0];
  return entry?.type ?? 'Unknown';
}

/** True when the vault's data is replicated to a paired region (the only case CRR exists). */
export function isGeoRedundant(vault: BackupVaultResource): boolean {
  return storageRedundancy(vault) === 'GeoRedundant';
}

/**
 * Cross Region Restore state. Real ARM omits `featureSettings` on vaults where it was never
 * set, which means Disabled.
 */
export function crossRegionRestoreStatus(vault: BackupVaultResource): CrossRegionRestoreStatus {
  if (vault.properties.featureSettings?.crossRegionRestoreSettings?.state === 'Enabled') return 'Enabled';
  return isGeoRedundant(vault) ? 'Disabled' : 'NotAvailable';
}

/** Whether the Cross Region Restore setting can be changed now, and if not, why not. */
export interface CrossRegionRestoreUpdateRule {
  canEnable: boolean;
  canDisable: boolean;
  /** Why the setting cannot be changed (shown next to the disabled control). */
  reason?: string;
}

/** Why Cross Region Restore cannot be enabled on a locally or zone-redundant vault. */
export const CRR_NEEDS_GRS = 'Cross Region Restore needs a geo-redundant vault';
/** Why an enabled Cross Region Restore offers no Disable (Azure refuses it with a 400). */
export const CRR_IRREVERSIBLE = 'Once enabled, Cross Region Restore cannot be disabled';

/**
 * Azure refuses enabling CRR on LRS/ZRS vaults and refuses Enabled -> Disabled (400, seen in
 * the recordings), so the UI offers neither instead of letting the user run into the error.
 */
export function crossRegionRestoreUpdateRule(vault: BackupVaultResource): CrossRegionRestoreUpdateRule {
  const status = crossRegionRestoreStatus(vault);
  if (status === 'NotAvailable') return { canEnable: false, canDisable: false, reason: CRR_NEEDS_GRS };
  const state = vault.properties.provisioningState;
  if (state === 'Updating' || state === 'Provisioning') {
    return {
      canEnable: false,
      canDisable: false,
      reason: 'The vault is being updated; wait until it finishes',
    };
  }
  if (status === 'Enabled') return { canEnable: false, canDisable: false, reason: CRR_IRREVERSIBLE };
  return { canEnable: true, canDisable: false };
}

/**
 * The vault's secondary region: `replicatedRegions[0]` where ARM provides it (PowerShell uses
 * exactly that), else the primary region's pair as published by the locations API.
 * Undefined for vaults that do not replicate.
 */
export function secondaryRegion(
  vault: BackupVaultResource,
  locations: readonly Location[] | undefined,
): string | undefined {
  if (!isGeoRedundant(vault)) return undefined;
  const replicated = vault.properties.replicatedRegions?.find((r) => r !== '');
  if (replicated) return replicated;
  return locations ? pairedRegion(locations, vault.location) : undefined;
}

/** The PATCH body that turns Cross Region Restore on. */
export const ENABLE_CROSS_REGION_RESTORE_PATCH = {
  properties: { featureSettings: { crossRegionRestoreSettings: { state: 'Enabled' as const } } },
};
