import { describe, expect, it } from 'vitest';
import { instanceRowFromResource, parseResourceGraphInstanceRow } from './instance-row';

const VAULT = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/v1';
const ID = `${VAULT}/backupInstances/pg-orders-db-1`;

describe('parseResourceGraphInstanceRow', () => {
  it('reads the projected columns of backupInstancesQuery', () => {
    const row = parseResourceGraphInstanceRow({
      id: ID,
      name: 'pg-orders-db-1',
      location: 'eastus',
      resourceGroup: 'rg',
      subscriptionId: 's1',
      vaultId: VAULT,
      friendlyName: 'pg/orders-db',
      protectionState: 'ProtectionConfigured',
      protectionStatus: { status: 'ProtectionConfigured', errorDetails: null },
      dataSourceInfo: {
        resourceID:
          '/subscriptions/s1/resourceGroups/d/providers/Microsoft.DBforPostgreSQL/servers/pg/databases/orders-db',
        resourceName: 'orders-db',
        datasourceType: 'Microsoft.DBforPostgreSQL/servers/databases',
      },
      dataSourceSetInfo: { resourceName: 'pg' },
      policyId: `${VAULT}/backupPolicies/daily`,
      extendedProperties: {
        protectedPrimaryRegion: 'eastus',
        protectedSecondaryRegion: 'westus',
        protectionStateInSecondaryRegion: 'ProtectionConfigured',
        allowedOperations: ['RestoreToSecondaryRegion', null],
        recoveryPointInfo: { latestRecoveryPointInSecondaryRegion: '2025-11-03T01:02:03.0000000Z' },
        policyExtendedInfo: { rpoWarningThresholdInSecondaryRegion: '1.21:00:00' },
      },
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
      policyName: 'daily',
      hasExtendedProperties: true,
      primaryRegion: 'eastus',
      secondaryRegion: 'westus',
      protectionStateInSecondaryRegion: 'ProtectionConfigured',
      allowedOperations: ['RestoreToSecondaryRegion'],
      recoveryPoints: {
        latestPrimary: undefined,
        oldestPrimary: undefined,
        latestSecondary: Date.parse('2025-11-03T01:02:03Z'),
        oldestSecondary: undefined,
      },
      rpoThresholdMs: { primary: undefined, secondary: 45 * 3_600_000 },
    });
  });

  it('treats null and empty values as absent and ignores rows that are not instances', () => {
    const row = parseResourceGraphInstanceRow({
      id: ID,
      name: null,
      friendlyName: null,
      vaultId: null,
      location: '',
      dataSourceInfo: null,
      extendedProperties: null,
      protectionStatus: {
        status: 'ProtectionError',
        errorDetails: { code: 'UserErrorMSIMissingPermissions' },
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
