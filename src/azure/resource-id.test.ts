import { describe, expect, it } from 'vitest';
import {
  ResourceIdError,
  backupInstanceResourceId,
  backupJobResourceId,
  backupVaultResourceId,
  jobNameFromJobId,
  keyVaultResourceId,
  parseBackupInstanceId,
  parseBackupJobId,
  parseBackupVaultId,
  parseKeyVaultId,
  parsePostgresDatabaseId,
  parsePostgresServerId,
  parseRecoveryPointId,
  parseResourceGroupId,
  parseResourceId,
  parseStorageAccountId,
  postgresDatabaseResourceId,
  postgresServerResourceId,
  recoveryPointResourceId,
  resourceIdKey,
  sameResourceId,
  storageAccountResourceId,
} from './resource-id';

const base = { subscriptionId: '00000000-0000-0000-0000-000000000000', resourceGroupName: 'clitest-dpp-rg' };

describe('resource ids', () => {
  it.each([
    [parseBackupVaultId, backupVaultResourceId, { ...base, vaultName: 'vault1' }],
    [
      parseBackupInstanceId,
      backupInstanceResourceId,
      { ...base, vaultName: 'vault1', backupInstanceName: 'srv-db-123' },
    ],
    [
      parseRecoveryPointId,
      recoveryPointResourceId,
      { ...base, vaultName: 'v', backupInstanceName: 'bi', recoveryPointId: 'rp' },
    ],
    [
      parseBackupJobId,
      backupJobResourceId,
      { ...base, vaultName: 'v', jobId: '97383d04-728c-4656-afe4-02d673374382' },
    ],
    [parsePostgresServerId, postgresServerResourceId, { ...base, serverName: 's1', flexible: false }],
    [parsePostgresServerId, postgresServerResourceId, { ...base, serverName: 'flex1', flexible: true }],
    [
      parsePostgresDatabaseId,
      postgresDatabaseResourceId,
      { ...base, serverName: 's1', databaseName: 'postgres', flexible: false },
    ],
    [parseKeyVaultId, keyVaultResourceId, { ...base, keyVaultName: 'kv1' }],
    [parseStorageAccountId, storageAccountResourceId, { ...base, storageAccountName: 'acct1' }],
  ] as [(id: string) => object, (p: never) => string, object][])('round-trips %#', (parse, build, parts) => {
    const id = build(parts as never);
    expect(parse(id)).toEqual(parts);
    expect(build(parse(id) as never)).toBe(id);
  });

  it('parses ids with the casing real ARM and the spec use, keeping names as given', () => {
    const id =
      '/subscriptions/04CF684A-d41f/resourceGroups/000Pikumar/providers/microsoft.dataprotection/BackupVaults/PratikVault/BackupInstances/Harshitbi1';
    expect(parseBackupInstanceId(id)).toEqual({
      subscriptionId: '04CF684A-d41f',
      resourceGroupName: '000Pikumar',
      vaultName: 'PratikVault',
      backupInstanceName: 'Harshitbi1',
    });
    expect(parseResourceGroupId(id)).toEqual({
      subscriptionId: '04CF684A-d41f',
      resourceGroupName: '000Pikumar',
    });
  });

  it('compares case-insensitively and normalises keys', () => {
    const a = '/subscriptions/ABC/resourceGroups/RG/providers/Microsoft.DataProtection/backupVaults/V1/';
    const b = 'subscriptions/abc/resourcegroups/rg/providers/microsoft.dataprotection/Backupvaults/v1';
    expect(resourceIdKey(a)).toBe(
      '/subscriptions/abc/resourcegroups/rg/providers/microsoft.dataprotection/backupvaults/v1',
    );
    expect(sameResourceId(a, b)).toBe(true);
    expect(sameResourceId(a, `${b}x`)).toBe(false);
    expect(sameResourceId(a, undefined)).toBe(false);
  });

  it('rejects ids of the wrong type or malformed ids', () => {
    const vault = backupVaultResourceId({ ...base, vaultName: 'v' });
    expect(() => parseBackupInstanceId(vault)).toThrow(ResourceIdError);
    expect(() => parseBackupVaultId(`${vault}/backupInstances/bi`)).toThrow(ResourceIdError);
    expect(() => parseKeyVaultId(vault)).toThrow(ResourceIdError);
    expect(() => parseResourceId('not-an-id')).toThrow(ResourceIdError);
    expect(() => parseResourceId('/subscriptions/s/resourceGroups/rg/providers/Microsoft.X/things')).toThrow(
      ResourceIdError,
    );
  });

  it('gives the generic parts of an id', () => {
    const p = parseResourceId(
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/v/backupJobs/j',
    );
    expect([p.provider, p.resourceType, p.name]).toEqual([
      'Microsoft.DataProtection',
      'Microsoft.DataProtection/backupVaults/backupJobs',
      'j',
    ]);
  });

  it('extracts the job GUID from a job resource id or a bare GUID', () => {
    const job = backupJobResourceId({ ...base, vaultName: 'v', jobId: 'c60cb49-63e8' });
    expect(jobNameFromJobId(job)).toBe('c60cb49-63e8');
    expect(jobNameFromJobId('c60cb49-63e8')).toBe('c60cb49-63e8');
  });
});
