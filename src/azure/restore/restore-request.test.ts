// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssues, getContractValidator, loadSpec } from '@/testing/contract';
import { recordingsDir } from '@/testing/contract/spec-loader';
import { buildCrossRegionRestoreRequest, type CrossRegionRestoreInput } from './restore-request';

const SUB = '8f4a6c2e-3b1d-4e7a-9c5f-1d2e3f4a5b6c';
const INSTANCE = `/subscriptions/${SUB}/resourceGroups/rg-backup/providers/Microsoft.DataProtection/backupVaults/v1/backupInstances/pg-orders`;
const SERVER = `/subscriptions/${SUB}/resourceGroups/rg-restore/providers/Microsoft.DBforPostgreSQL/servers/pg-restore-westus`;

const asDatabase: CrossRegionRestoreInput = {
  instanceId: INSTANCE,
  sourceRegion: 'East US',
  secondaryRegion: 'westus',
  recoveryPointId: '67fd20be3eb94f6aa88505364c51d0e9',
  target: {
    kind: 'database',
    serverId: SERVER,
    serverLocation: 'westus',
    databaseName: 'orders-db-drill-2',
    secretUri: 'https://kv-restore-westus.vault.azure.net/secrets/pg-admin-credentials',
  },
};
const asFiles: CrossRegionRestoreInput = {
  ...asDatabase,
  target: {
    kind: 'files',
    containerUrl: 'https://strestorewestus.blob.core.windows.net/restores/',
    filePrefix: 'orders',
  },
};

describe('the cross-region restore request builder', () => {
  it('builds a restore as database exactly like the recorded CLI request (spec property names)', () => {
    expect(buildCrossRegionRestoreRequest(asDatabase)).toEqual({
      restoreRequestObject: {
        objectType: 'AzureBackupRecoveryPointBasedRestoreRequest',
        recoveryPointId: '67fd20be3eb94f6aa88505364c51d0e9',
        restoreTargetInfo: {
          datasourceAuthCredentials: {
            objectType: 'SecretStoreBasedAuthCredentials',
            secretStoreResource: {
              secretStoreType: 'AzureKeyVault',
              uri: 'https://kv-restore-westus.vault.azure.net/secrets/pg-admin-credentials',
            },
          },
          datasourceInfo: {
            datasourceType: 'Microsoft.DBforPostgreSQL/servers/databases',
            objectType: 'Datasource',
            resourceID: `${SERVER}/databases/orders-db-drill-2`,
            resourceLocation: 'westus',
            resourceName: 'orders-db-drill-2',
            resourceType: 'Microsoft.DBforPostgreSQL/servers/databases',
            resourceUri: '',
          },
          datasourceSetInfo: {
            datasourceType: 'Microsoft.DBforPostgreSQL/servers/databases',
            objectType: 'DatasourceSet',
            resourceID: SERVER,
            resourceLocation: 'westus',
            resourceName: 'pg-restore-westus',
            resourceType: 'Microsoft.DBforPostgreSQL/servers',
            resourceUri: '',
          },
          objectType: 'RestoreTargetInfo',
          recoveryOption: 'FailIfExists',
          restoreLocation: 'westus',
        },
        sourceDataStoreType: 'VaultStore',
      },
      crossRegionRestoreDetails: { sourceBackupInstanceId: INSTANCE, sourceRegion: 'eastus' },
    });
  });

  it('builds a restore as files with the container URL as given, without a trailing slash', () => {
    expect(buildCrossRegionRestoreRequest(asFiles).restoreRequestObject.restoreTargetInfo).toEqual({
      objectType: 'RestoreFilesTargetInfo',
      recoveryOption: 'FailIfExists',
      restoreLocation: 'westus',
      targetDetails: {
        filePrefix: 'orders',
        restoreTargetLocationType: 'AzureBlobs',
        url: 'https://strestorewestus.blob.core.windows.net/restores',
      },
    });
  });

  describe.skipIf(!loadSpec().available)('against the 2025-07-01 spec and the real requests', () => {
    const validator = getContractValidator();

    it.each([
      ['database', asDatabase],
      ['files', asFiles],
    ])('restore as %s validates as the body of both CRR actions', (_kind, input) => {
      const body = buildCrossRegionRestoreRequest(input);
      for (const op of [
        'BackupInstances_TriggerCrossRegionRestore',
        'BackupInstances_ValidateCrossRegionRestore',
      ])
        expect(formatIssues(validator?.validateRequestBody(op, body) ?? [])).toBe('');
    });

    it('has the same keys as the request the Azure CLI really sent (resourceId spelled as in the spec)', () => {
      const recording = JSON.parse(
        readFileSync(path.join(recordingsDir(), 'test_dataprotection_cross_region_restore.json'), 'utf8'),
      ) as { requestBody: unknown }[];
      const real = recording[4]?.requestBody as Record<string, unknown>;
      const ours = buildCrossRegionRestoreRequest(asDatabase) as unknown as Record<string, unknown>;
      const keys = (v: unknown, prefix = ''): string[] =>
        v && typeof v === 'object'
          ? Object.entries(v).flatMap(([k, child]) => [`${prefix}${k}`, ...keys(child, `${prefix}${k}.`)])
          : [];
      // The CLI adds a top-level objectType the spec lacks, spells resourceID as resourceId and sends value: null.
      const normalise = (list: string[]) =>
        list
          .filter((k) => k !== 'objectType' && !k.endsWith('secretStoreResource.value'))
          .map((k) => k.replace(/resourceId$/, 'resourceID'))
          .sort();
      expect(normalise(keys(ours))).toEqual(normalise(keys(real)));
    });
  });
});
