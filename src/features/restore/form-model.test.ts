import { describe, expect, it } from 'vitest';
import type { AzureBackupRecoveryPointResource } from '@/azure/recovery-points/types';
import {
  evaluateForm,
  stepComplete,
  type FormValues,
  type RestoreSource,
  type TargetLists,
} from './form-model';
import { fieldOfError } from './validation-errors';
import { ArmError } from '@/azure/arm-error';

const SUB = '8f4a6c2e-3b1d-4e7a-9c5f-1d2e3f4a5b6c';
const RG = `/subscriptions/${SUB}/resourceGroups/rg-restore`;
const SERVER = `${RG}/providers/Microsoft.DBforPostgreSQL/servers/pg-restore-westus`;
const EAST_SERVER = `${RG}/providers/Microsoft.DBforPostgreSQL/servers/pg-staging-eastus`;
const KV = `${RG}/providers/Microsoft.KeyVault/vaults/kv-restore-westus`;
const SA = `${RG}/providers/Microsoft.Storage/storageAccounts/strestorewestus`;
const SOURCE_DB = `/subscriptions/${SUB}/resourceGroups/rg-data/providers/Microsoft.DBforPostgreSQL/servers/pg-contoso-prod/databases/orders-db`;

const source: RestoreSource = {
  instanceId: `/subscriptions/${SUB}/resourceGroups/rg-backup/providers/Microsoft.DataProtection/backupVaults/v/backupInstances/orders`,
  vaultId: `/subscriptions/${SUB}/resourceGroups/rg-backup/providers/Microsoft.DataProtection/backupVaults/v`,
  subscriptionId: SUB,
  subscriptionLabel: 'Contoso Production',
  datasourceType: 'Microsoft.DBforPostgreSQL/servers/databases',
  sourceDatabaseId: SOURCE_DB,
  sourceRegion: 'eastus',
  secondaryRegion: 'westus',
  locations: [
    { name: 'westus', displayName: 'West US' },
    { name: 'eastus', displayName: 'East US' },
  ],
};

const point = (name: string, store: string): AzureBackupRecoveryPointResource => ({
  name,
  properties: {
    objectType: 'AzureBackupDiscreteRecoveryPoint',
    recoveryPointTime: '2025-11-03T01:00:00Z',
    recoveryPointDataStoresDetails: [{ type: store }],
  },
});

const lists: TargetLists = {
  secondaryPoints: [point('rp-new', 'VaultStore'), point('rp-old', 'ArchiveStore')],
  servers: [
    { id: SERVER, name: 'pg-restore-westus', location: 'westus' },
    { id: EAST_SERVER, name: 'pg-staging-eastus', location: 'eastus' },
  ],
  keyVaults: [
    { id: KV, name: 'kv-restore-westus', location: 'westus', properties: { enableRbacAuthorization: true } },
  ],
  secrets: [
    {
      name: 'pg-admin-credentials',
      properties: { secretUri: 'https://kv-restore-westus.vault.azure.net/secrets/pg-admin-credentials' },
    },
  ],
  storageAccounts: [
    {
      id: SA,
      name: 'strestorewestus',
      location: 'westus',
      properties: { primaryEndpoints: { blob: 'https://strestorewestus.blob.core.windows.net/' } },
    },
  ],
  containers: [{ name: 'restores' }],
};

const database: FormValues = {
  step: 'parameters',
  recoveryPoint: 'rp-new',
  mode: 'database',
  server: SERVER,
  databaseName: 'orders-db-drill-2',
  keyVault: KV,
  secret: 'pg-admin-credentials',
  storageAccount: '',
  container: '',
  filePrefix: '',
};

describe('the wizard form', () => {
  it('turns complete database values into the restore input and the permission targets', () => {
    const form = evaluateForm(database, source, lists);
    expect(form.errors).toEqual({});
    expect(form.input?.target).toEqual({
      kind: 'database',
      serverId: SERVER,
      serverLocation: 'westus',
      databaseName: 'orders-db-drill-2',
      secretUri: 'https://kv-restore-westus.vault.azure.net/secrets/pg-admin-credentials',
    });
    expect(form.permissionTargets?.kind).toBe('database');
    expect(stepComplete('parameters', form)).toBe(true);
  });

  it('puts every rule on its field: region, pasted ids, archive points, names', () => {
    const form = evaluateForm(
      { ...database, recoveryPoint: 'rp-old', server: EAST_SERVER, databaseName: '9lives', secret: '' },
      source,
      lists,
    );
    expect(form.errors).toEqual({
      recoveryPoint: expect.stringContaining(
        'This recovery point is in the archive tier. Archive-tier points must be rehydrated',
      ) as string,
      server: 'It must be in the Secondary Region (West US); it is in East US.',
      databaseName: 'The name must start with a letter or an underscore.',
      secret: 'Choose the secret that holds the connection string.',
    });
    expect(form.input).toBeUndefined();
    const pasted = (server: string) => evaluateForm({ ...database, server }, source, lists).errors.server;
    expect(pasted('not-an-id')).toBe(
      'This is not the resource ID of an Azure Database for PostgreSQL single server.',
    );
    expect(pasted(SERVER.replace(SUB, '2b7e9d14-6a3c-4f8b-a1e2-7c9d0e1f2a3b'))).toBe(
      "Cross Region Restore restores into the vault's own subscription (Contoso Production); this ID is in another one.",
    );
    expect(pasted(`${RG}/providers/Microsoft.DBforPostgreSQL/servers/nope`)).toBe(
      'No PostgreSQL single server with this ID is visible to you in Contoso Production.',
    );
    expect(
      pasted(
        SERVER.toUpperCase().replace('/SUBSCRIPTIONS/', '/subscriptions/').replace(SUB.toUpperCase(), SUB),
      ),
    ).toBeUndefined();
  });

  it('refuses to overwrite the source database', () => {
    const sameServerSource = { ...source, sourceDatabaseId: `${SERVER}/databases/orders-db` };
    expect(
      evaluateForm({ ...database, databaseName: 'orders-db' }, sameServerSource, lists).errors.databaseName,
    ).toBe('A restore never overwrites the database it restores from; choose another name.');
  });

  it('restores as files with a container URL from the account endpoint; container names follow the rules', () => {
    const files: FormValues = {
      ...database,
      mode: 'files',
      storageAccount: SA,
      container: 'restores',
      filePrefix: 'orders',
    };
    const form = evaluateForm(files, source, lists);
    expect(form.input?.target).toEqual({
      kind: 'files',
      containerUrl: 'https://strestorewestus.blob.core.windows.net/restores',
      filePrefix: 'orders',
    });
    expect(evaluateForm({ ...files, container: 'Restores' }, source, lists).errors.container).toBe(
      'Use only lower-case letters, digits and hyphens in a container name.',
    );
    expect(evaluateForm({ ...files, container: 'archive' }, source, lists).errors.container).toBe(
      'The storage account strestorewestus has no container named archive; create it first or choose one from the list.',
    );
  });

  it('offers flexible-server backups as files only', () => {
    const flexible = { ...source, datasourceType: 'Microsoft.DBforPostgreSQL/flexibleServers' };
    const form = evaluateForm(database, flexible, lists);
    expect([form.modes, form.mode, form.errors.mode]).toEqual([
      ['files'],
      'files',
      'Azure Database for PostgreSQL flexible server backups can only be restored as files.',
    ]);
  });

  it('waits for lists still loading instead of calling the values wrong', () => {
    const form = evaluateForm(database, source, { ...lists, servers: undefined, secondaryPoints: undefined });
    expect(form.waiting).toEqual(['recoveryPoint', 'server']);
    expect(form.errors).toEqual({});
    expect(stepComplete('basics', form)).toBe(false);
  });

  it('maps validation codes to the field they are about', () => {
    const error = (code: string) => new ArmError({ status: 200, code, message: 'x' });
    expect(fieldOfError(error('UserErrorDatabaseNameAlreadyInUse'), 'database')).toBe('databaseName');
    expect(fieldOfError(error('UserErrorTargetNotInSecondaryRegion'), 'files')).toBe('storageAccount');
    expect(fieldOfError(error('UserErrorMissingPermissionsOnSecretStore'), 'database')).toBe('permissions');
    expect(fieldOfError(error('CloudInternalError'), 'database')).toBeUndefined();
  });
});
