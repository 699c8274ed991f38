import { describe, expect, it } from 'vitest';
import type { AzureBackupRecoveryPointResource } from '../recovery-points/types';
import {
  containerNameProblem,
  databaseNameProblem,
  defaultRecoveryPoint,
  filePrefixProblem,
  overwritesSource,
  recoveryPointTier,
  restoreModesFor,
  targetRegionProblem,
} from './restore-rules';

describe('field rules of the restore wizard', () => {
  it('database names: PostgreSQL identifiers Azure accepts, never a reserved one', () => {
    expect(databaseNameProblem('orders-db-drill-2')).toBeUndefined();
    expect(databaseNameProblem('_orders_2025')).toBeUndefined();
    expect(databaseNameProblem('')).toBe('Enter a name for the restored database.');
    expect(databaseNameProblem('2orders')).toBe('The name must start with a letter or an underscore.');
    expect(databaseNameProblem('orders db')).toBe(
      'Use only letters, digits, hyphens (-) and underscores (_) in the name.',
    );
    expect(databaseNameProblem('a'.repeat(63))).toBeUndefined();
    expect(databaseNameProblem('a'.repeat(64))).toBe(
      'The name is 64 characters long; at most 63 are allowed.',
    );
    expect(databaseNameProblem('Postgres')).toBe(
      '"Postgres" is reserved on every PostgreSQL server; choose another name.',
    );
  });

  it('the target must be in the secondary region, compared as ARM names regions', () => {
    expect(targetRegionProblem('westus', 'West US', 'West US')).toBeUndefined();
    expect(targetRegionProblem('eastus', 'westus', 'West US')).toBe(
      'It must be in the Secondary Region (West US); it is in eastus.',
    );
    expect(targetRegionProblem(undefined, 'westus', 'West US')).toBe(
      'It must be in the Secondary Region (West US).',
    );
  });

  it('a restore never overwrites its source database (ids compared case-insensitively)', () => {
    const source =
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/servers/pg/databases/orders-db';
    expect(overwritesSource(source.toUpperCase(), source)).toBe(true);
    expect(overwritesSource(`${source}-2`, source)).toBe(false);
  });

  it('container names follow Azure Storage rules', () => {
    expect(containerNameProblem('restores')).toBeUndefined();
    expect(containerNameProblem('ab')).toBe('A container name is 3 to 63 characters long.');
    expect(containerNameProblem('Restores')).toBe(
      'Use only lower-case letters, digits and hyphens in a container name.',
    );
    expect(containerNameProblem('-restores')).toBe(
      'A container name starts and ends with a letter or a digit.',
    );
    expect(containerNameProblem('re--stores')).toBe('A container name cannot contain two hyphens in a row.');
    expect(containerNameProblem('')).toBe('Choose a container.');
  });

  it('file name prefixes are plain names', () => {
    expect(filePrefixProblem('orders-db.2025_01')).toBeUndefined();
    expect(filePrefixProblem('')).toBe('Enter a file name prefix.');
    expect(filePrefixProblem('a/b')).toBe(
      'Use only letters, digits, dots, hyphens and underscores in the prefix.',
    );
  });

  it('flexible-server backups restore as files only', () => {
    expect(restoreModesFor('Microsoft.DBforPostgreSQL/flexibleServers')).toEqual(['files']);
    expect(restoreModesFor('Microsoft.DBforPostgreSQL/servers/databases')).toEqual(['database', 'files']);
  });
});

describe('recovery point tiers', () => {
  const point = (name: string, time: string, stores: string[]): AzureBackupRecoveryPointResource => ({
    name,
    properties: {
      objectType: 'AzureBackupDiscreteRecoveryPoint',
      recoveryPointTime: time,
      recoveryPointDataStoresDetails: stores.map((type) => ({ type })),
    },
  });

  it('a point only in the archive store needs rehydration; one in both is restorable', () => {
    expect(recoveryPointTier(point('a', '2025-01-01T00:00:00Z', ['ArchiveStore']))).toBe('archive');
    expect(recoveryPointTier(point('b', '2025-01-01T00:00:00Z', ['VaultStore', 'ArchiveStore']))).toBe(
      'vault',
    );
    expect(recoveryPointTier(point('c', '2025-01-01T00:00:00Z', ['VaultStore']))).toBe('vault');
  });

  it('preselects the newest restorable point, whatever order ARM listed them in', () => {
    const points = [
      point('old', '2025-01-01T00:00:00Z', ['VaultStore']),
      point('archived-newest', '2025-01-03T00:00:00Z', ['ArchiveStore']),
      point('newest-vault', '2025-01-02T00:00:00Z', ['VaultStore']),
    ];
    expect(defaultRecoveryPoint(points)?.name).toBe('newest-vault');
    expect(defaultRecoveryPoint([])).toBeUndefined();
  });
});
