import { describe, expect, it } from 'vitest';
import type { Location } from '../subscriptions/types';
import type { BackupVaultResource } from './types';
import {
  CRR_IRREVERSIBLE,
  CRR_NEEDS_GRS,
  crossRegionRestoreStatus,
  crossRegionRestoreUpdateRule,
  secondaryRegion,
  storageRedundancy,
} from './vault-rules';

function vault(
  overrides: Partial<BackupVaultResource['properties']> = {},
  location = 'eastus',
): BackupVaultResource {
  return {
    id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/v',
    name: 'v',
    location,
    properties: { storageSettings: [{ datastoreType: 'VaultStore', type: 'GeoRedundant' }], ...overrides },
  };
}

const LOCATIONS: Location[] = [
  { name: 'eastus', displayName: 'East US', metadata: { pairedRegion: [{ name: 'westus' }] } },
  { name: 'westus', displayName: 'West US', metadata: { pairedRegion: [{ name: 'eastus' }] } },
];

describe('storage redundancy', () => {
  it('reads the vault store entry even when another datastore comes first', () => {
    const v = vault({
      storageSettings: [
        { datastoreType: 'OperationalStore', type: 'LocallyRedundant' },
        { datastoreType: 'VaultStore', type: 'ZoneRedundant' },
      ],
    });
    expect(storageRedundancy(v)).toBe('ZoneRedundant');
  });

  it('is Unknown when ARM sends no storage settings', () => {
    expect(storageRedundancy(vault({ storageSettings: [] }))).toBe('Unknown');
  });
});

describe('Cross Region Restore status and update rule', () => {
  it('treats a geo-redundant vault without featureSettings (real ARM) as Disabled and enableable', () => {
    const v = vault();
    expect(crossRegionRestoreStatus(v)).toBe('Disabled');
    expect(crossRegionRestoreUpdateRule(v)).toEqual({ canEnable: true, canDisable: false });
  });

  it('treats null featureSettings like absent', () => {
    expect(crossRegionRestoreStatus(vault({ featureSettings: null }))).toBe('Disabled');
  });

  it('never offers Disable once enabled', () => {
    const v = vault({ featureSettings: { crossRegionRestoreSettings: { state: 'Enabled' } } });
    expect(crossRegionRestoreStatus(v)).toBe('Enabled');
    expect(crossRegionRestoreUpdateRule(v)).toEqual({
      canEnable: false,
      canDisable: false,
      reason: CRR_IRREVERSIBLE,
    });
  });

  it.each(['LocallyRedundant', 'ZoneRedundant'] as const)('is Not available on a %s vault', (type) => {
    const v = vault({ storageSettings: [{ datastoreType: 'VaultStore', type }] });
    expect(crossRegionRestoreStatus(v)).toBe('NotAvailable');
    expect(crossRegionRestoreUpdateRule(v)).toEqual({
      canEnable: false,
      canDisable: false,
      reason: CRR_NEEDS_GRS,
    });
  });

  it('waits while the vault is updating', () => {
    const rule = crossRegionRestoreUpdateRule(vault({ provisioningState: 'Updating' }));
    expect(rule.canEnable).toBe(false);
    expect(rule.reason).toMatch(/being updated/);
  });
});

describe('secondary region', () => {
  it('prefers replicatedRegions', () => {
    expect(secondaryRegion(vault({ replicatedRegions: ['centralus'] }), LOCATIONS)).toBe('centralus');
  });

  it('falls back to the paired region from the locations API', () => {
    expect(secondaryRegion(vault({ replicatedRegions: null }), LOCATIONS)).toBe('westus');
  });

  it('is undefined for vaults that do not replicate', () => {
    const v = vault({ storageSettings: [{ datastoreType: 'VaultStore', type: 'LocallyRedundant' }] });
    expect(secondaryRegion(v, LOCATIONS)).toBeUndefined();
  });

  it('is undefined while locations are not known and ARM gave no replicated region', () => {
    expect(secondaryRegion(vault(), undefined)).toBeUndefined();
  });
});
