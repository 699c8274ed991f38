import { describe, expect, it } from 'vitest';
import { instanceRowFromResource, parseResourceGraphInstanceRow } from './instance-row';

const VAULT = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/v1';
const ID = `${VAULT}/backupInstances/pg-orders-db-1`;

describe('parseResourceGraphInstanceRow', () => {
  it('reads the grid columns of backupInstancesQuery, taking names and scopes from the ids', () => {
    const row = parseResourceGraphInstanceRow({
      id: ID,
      location: 'eastus',
      friendlyName: 'pg/orders-db',
      protectionState: 'ProtectionConfigured',
      datasourceId:
        '/subscriptions/s1/resourceGroups/d/providers/Microsoft.DBforPostgreSQL/servers/pg/databases/orders-db',
      datasourceType: 'Microsoft.DBforPostgreSQL/servers/databases',
      secondaryRegion: 'westus',
      latestRecoveryPointInPrimaryRegion: '2025-11-04T01:02:03.0000000Z',
      latestRecoveryPointInSecondaryRegion: '2025-11-03T01:02:03.0000000Z',
      rpoWarningThresholdInSecondaryRegion: '1.21:00:00',
    });
    expect(row).toEqual({
      id: ID,
      key: ID.toLowerCase(),
      name: 'pg-orders-db-1',
      friendlyName: 'pg/orders-db',
      subscriptionId: 's1',
      resourceGroup: 'rg',
      vaultId: VAULT,
      vaultName: 'v1',
      location: 'eastus',
      datasource: {
        id: '/subscriptions/s1/resourceGroups/d/providers/Microsoft.DBforPostgreSQL/servers/pg/databases/orders-db',
        name: 'orders-db',
        serverName: 'pg',
        type: 'Microsoft.DBforPostgreSQL/servers/databases',
      },
      protectionState: 'ProtectionConfigured',
      protectionErrorCode: undefined,
      policyName: undefined,
      hasExtendedProperties: true,
      detailed: false,
      primaryRegion: 'eastus',
      secondaryRegion: 'westus',
      protectionStateInSecondaryRegion: undefined,
      allowedOperations: [],
      recoveryPoints: {
        latestPrimary: Date.parse('2025-11-04T01:02:03Z'),
        oldestPrimary: undefined,
        latestSecondary: Date.parse('2025-11-03T01:02:03Z'),
        oldestSecondary: undefined,
      },
      rpoThresholdMs: { primary: undefined, secondary: 45 * 3_600_000 },
    });
  });

  it('reads a whole row (the detail query) with every extended property', () => {
    const row = parseResourceGraphInstanceRow({
      id: ID,
      name: 'pg-orders-db-1',
      location: 'eastus',
      properties: {
        friendlyName: 'pg/orders-db',
        currentProtectionState: 'ProtectionConfigured',
        protectionStatus: { status: 'ProtectionConfigured', errorDetails: null },
        dataSourceInfo: {
          resourceID:
            '/subscriptions/s1/resourceGroups/d/providers/Microsoft.DBforPostgreSQL/flexibleServers/flex',
          resourceName: 'flex',
          datasourceType: 'Microsoft.DBforPostgreSQL/flexibleServers',
        },
        dataSourceSetInfo: null,
        policyInfo: { policyId: `${VAULT}/backupPolicies/daily` },
        backupInstanceExtendedProperties: {
          vaultId: VAULT,
          protectedPrimaryRegion: 'eastus',
          protectedSecondaryRegion: 'westus',
          protectionStateInSecondaryRegion: 'ProtectionConfigured',
          allowedOperations: ['RestoreToSecondaryRegion', null],
          recoveryPointInfo: { oldestRecoveryPointInPrimaryRegion: '2025-10-01T00:00:00Z' },
          policyExtendedInfo: { rpoWarningThresholdInPrimaryRegion: '1.12:00:00' },
        },
      },
    });
    expect(row).toMatchObject({
      detailed: true,
      policyName: 'daily',
      secondaryRegion: 'westus',
      protectionStateInSecondaryRegion: 'ProtectionConfigured',
      allowedOperations: ['RestoreToSecondaryRegion'],
      datasource: { name: 'flex', serverName: undefined, type: 'Microsoft.DBforPostgreSQL/flexibleServers' },
      recoveryPoints: { oldestPrimary: Date.parse('2025-10-01T00:00:00Z'), latestSecondary: undefined },
      rpoThresholdMs: { primary: 36 * 3_600_000, secondary: undefined },
    });
  });

  it('treats null and empty values as absent and ignores rows that are not instances', () => {
    const row = parseResourceGraphInstanceRow({
      id: ID,
      name: null,
      location: '',
      properties: {
        friendlyName: null,
        dataSourceInfo: null,
        backupInstanceExtendedProperties: null,
        protectionStatus: {
          status: 'ProtectionError',
          errorDetails: { code: 'UserErrorMSIMissingPermissions' },
        },
      },
    });
    expect(row).toMatchObject({
      name: 'pg-orders-db-1',
      friendlyName: 'pg-orders-db-1',
      vaultId: VAULT,
      location: undefined,
      hasExtendedProperties: false,
      secondaryRegion: undefined,
      protectionState: 'ProtectionError',
      protectionErrorCode: 'UserErrorMSIMissingPermissions',
      datasource: { id: undefined, name: undefined, serverName: undefined, type: undefined },
    });
    expect(parseResourceGraphInstanceRow({ id: `${VAULT}/backupJobs/j1` })).toBeUndefined();
    expect(parseResourceGraphInstanceRow({ vaultId: VAULT, count_: 3 })).toBeUndefined();
    expect(parseResourceGraphInstanceRow(null)).toBeUndefined();
  });
});

describe('instanceRowFromResource', () => {
  it('takes regions from the vault and has no recovery point times', () => {
    const row = instanceRowFromResource(
      {
        id: ID,
        name: 'pg-orders-db-1',
        properties: {
          friendlyName: 'pg/orders-db',
          objectType: 'BackupInstance',
          dataSourceInfo: {
            resourceID:
              '/subscriptions/s1/resourceGroups/d/providers/Microsoft.DBforPostgreSQL/flexibleServers/flex',
            datasourceType: 'Microsoft.DBforPostgreSQL/flexibleServers',
          },
          policyInfo: { policyId: `${VAULT}/backupPolicies/p` },
          currentProtectionState: 'ProtectionConfigured',
        },
      },
      { id: VAULT, location: 'eastus', secondaryRegion: 'westus' },
    );
    expect(row).toMatchObject({
      hasExtendedProperties: false,
      primaryRegion: 'eastus',
      secondaryRegion: 'westus',
      datasource: { name: 'flex', serverName: undefined, type: 'Microsoft.DBforPostgreSQL/flexibleServers' },
      recoveryPoints: { latestSecondary: undefined },
    });
  });
});
