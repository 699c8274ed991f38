import { QueryClient } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createArm } from './arm';
import { ArmError } from './arm-error';
import { DemoCredential } from './credentials';
import { createPendingOperationStore, memoryStorage } from './operations/pending-operations';
import { createQueryClient, shouldRetryQuery } from './query-client';
import { armKeys, armMutationKeys } from './query-keys';
import { backupInstanceResourceId, backupJobResourceId, backupVaultResourceId } from './resource-id';
import { ARM, SUB, installMswServer } from './test-utils';
import { createBackupVaultQueries } from './backup-vaults/queries';
import { createSubscriptionQueries } from './subscriptions/queries';

const server = installMswServer();
const vaultId = backupVaultResourceId({
  subscriptionId: SUB.toUpperCase(),
  resourceGroupName: 'RG1',
  vaultName: 'Vault1',
});
const otherVaultId = backupVaultResourceId({
  subscriptionId: SUB,
  resourceGroupName: 'rg1',
  vaultName: 'vault2',
});
const instanceId = backupInstanceResourceId({
  subscriptionId: SUB,
  resourceGroupName: 'rg1',
  vaultName: 'vault1',
  backupInstanceName: 'bi1',
});

function startsWith(key: readonly unknown[], prefix: readonly unknown[]): boolean {
  return prefix.every((p, i) => JSON.stringify(p) === JSON.stringify(key[i]));
}

describe('query keys', () => {
  it('put everything of a vault under its node, and vaults under their subscription', () => {
    const vaultNode = armKeys.backupVault(vaultId);
    expect(vaultNode.slice(0, 3)).toEqual(['arm', SUB.toLowerCase(), 'backupVaults']);
    const inVault = [
      armKeys.backupVaultDetail(vaultId),
      armKeys.backupInstanceList(vaultId),
      armKeys.backupInstanceDetail(instanceId),
      armKeys.recoveryPointList(instanceId, { from: '2025-01-01T00:00:00.000Z' }),
      armKeys.secondaryRecoveryPointList(instanceId, { sourceRegion: 'East US', secondaryRegion: 'westus' }),
      armKeys.jobList(vaultId),
      armKeys.jobDetail(
        backupJobResourceId({
          subscriptionId: SUB,
          resourceGroupName: 'rg1',
          vaultName: 'VAULT1',
          jobId: 'j1',
        }),
      ),
      armKeys.crossRegionJobList({ vaultId, sourceRegion: 'eastus', secondaryRegion: 'westus' }),
    ];
    for (const key of inVault) {
      expect(startsWith(key, vaultNode)).toBe(true);
      expect(startsWith(key, armKeys.subscription(SUB))).toBe(true);
    }
    for (const key of [
      armKeys.backupVaultList(SUB),
      armKeys.backupVaultDetail(otherVaultId),
      armKeys.locations(SUB),
      armKeys.subscriptionList(),
    ]) {
      expect(startsWith(key, vaultNode)).toBe(false);
    }
    expect(startsWith(armKeys.subscriptionList(), armKeys.subscription(SUB))).toBe(false);
    expect(
      armKeys.secondaryRecoveryPointList(instanceId, { sourceRegion: 'East US', secondaryRegion: 'West US' }),
    ).toEqual(
      armKeys.secondaryRecoveryPointList(instanceId, { sourceRegion: 'eastus', secondaryRegion: 'westus' }),
    );
  });

  it('scope mutation keys to one instance when given', () => {
    expect(armMutationKeys.triggerCrossRegionRestore(instanceId)).toEqual([
      'arm',
      'mutation',
      'triggerCrossRegionRestore',
      instanceId.toLowerCase(),
    ]);
  });
});

describe('shouldRetryQuery', () => {
  it('retries only network/invalid-response errors, once', () => {
    const network = ArmError.network({}, new Error('offline'));
    const invalid = ArmError.invalidResponse({ status: 200 }, 'x');
    expect([
      shouldRetryQuery(0, network),
      shouldRetryQuery(1, network),
      shouldRetryQuery(0, invalid),
    ]).toEqual([true, false, true]);
    for (const status of [400, 401, 403, 404, 409, 429, 500, 503]) {
      expect(shouldRetryQuery(0, ArmError.fromResponse({ status }, ''))).toBe(false);
    }
    expect(shouldRetryQuery(0, new TypeError('bug'))).toBe(false);
  });

  it('is the default of createQueryClient, with retry-free mutations', () => {
    const qc = createQueryClient();
    expect(qc.getDefaultOptions().queries?.retry).toBe(shouldRetryQuery);
    expect(qc.getDefaultOptions().queries?.staleTime).toBe(30_000);
    expect(qc.getDefaultOptions().mutations?.retry).toBe(false);
  });
});

describe('Arm facade', () => {
  const vaultPath = `/subscriptions/${SUB.toUpperCase()}/resourceGroups/RG1/providers/Microsoft.DataProtection/backupVaults/Vault1`;

  it('vault detail query fetches the vault', async () => {
    server.use(
      http.get(`${ARM}${vaultPath}`, () =>
        HttpResponse.json({ name: 'Vault1', location: 'eastus', properties: { storageSettings: [] } }),
      ),
    );
    const arm = createArm({ credential: new DemoCredential() });
    const qc = new QueryClient();
    const vault = await qc.fetchQuery(arm.group(createBackupVaultQueries).queries.detail(vaultId));
    expect(vault.name).toBe('Vault1');
  });

  it('update mutation runs the LRO, sets the vault detail and invalidates exactly its list and Resource Graph rows', async () => {
    const store = createPendingOperationStore({ storage: memoryStorage() });
    const seenWhilePolling: (string | undefined)[] = [];
    server.use(
      http.patch(
        `${ARM}${vaultPath}`,
        () =>
          new HttpResponse(null, {
            status: 202,
            headers: {
              'azure-asyncoperation': `${ARM}${vaultPath}/operationStatus/op?api-version=2025-07-01`,
            },
          }),
      ),
      http.get(`${ARM}${vaultPath}/operationStatus/op`, () => {
        seenWhilePolling.push(store.get('vaultUpdate', vaultId)?.resumeToken);
        return HttpResponse.json({ status: 'Succeeded' });
      }),
      http.get(`${ARM}${vaultPath}`, () =>
        HttpResponse.json({
          name: 'Vault1',
          location: 'eastus',
          properties: {
            storageSettings: [],
            featureSettings: { crossRegionRestoreSettings: { state: 'Enabled' } },
          },
        }),
      ),
    );
    const arm = createArm({
      credential: new DemoCredential(),
      sleep: () => Promise.resolve(),
      pendingOperations: store,
    });
    const qc = new QueryClient();
    qc.setQueryData(armKeys.backupVaultList(SUB), ['old']);
    qc.setQueryData(armKeys.backupInstanceList(vaultId), ['untouched']);
    qc.setQueryData(armKeys.backupVaultDetail(otherVaultId), { name: 'other' });
    qc.setQueryData(armKeys.backupInstanceSearch([SUB], { secondaryRegion: 'protected' }), { rows: [] });
    const options = arm.group(createBackupVaultQueries).mutations.update();
    const observer = qc.getMutationCache().build(qc, options);
    const result = await observer.execute({
      vaultId,
      patch: { properties: { featureSettings: { crossRegionRestoreSettings: { state: 'Enabled' } } } },
    });
    expect(result.properties.featureSettings?.crossRegionRestoreSettings?.state).toBe('Enabled');
    expect(qc.getQueryData(armKeys.backupVaultDetail(vaultId))).toEqual(result);
    expect(qc.getQueryState(armKeys.backupVaultList(SUB))?.isInvalidated).toBe(true);
    expect(qc.getQueryState(armKeys.backupInstanceList(vaultId))?.isInvalidated).toBe(false);
    expect(qc.getQueryState(armKeys.backupVaultDetail(otherVaultId))?.isInvalidated).toBe(false);
    // Cross Region Restore changes the instances' secondary region as Resource Graph reports it.
    expect(
      qc.getQueryState(armKeys.backupInstanceSearch([SUB], { secondaryRegion: 'protected' }))?.isInvalidated,
    ).toBe(true);
    // The operation was recorded (resumable) while it ran, and forgotten once it ended.
    expect(seenWhilePolling).toHaveLength(1);
    expect(seenWhilePolling[0]).toContain(`${vaultPath}/operationStatus/op?api-version=2025-07-01`);
    expect(store.get('vaultUpdate', vaultId)).toBeUndefined();
    expect(options.retry).toBe(false);
  });

  it('locations query and pairedRegion give the secondary region', async () => {
    server.use(
      http.get(`${ARM}/subscriptions/${SUB}/locations`, ({ request }) => {
        expect(new URL(request.url).searchParams.get('api-version')).toBe('2022-12-01');
        return HttpResponse.json({
          value: [
            {
              name: 'eastus',
              displayName: 'East US',
              metadata: { pairedRegion: [{ name: 'westus', id: '/subscriptions/x/locations/westus' }] },
            },
            { name: 'westus', displayName: 'West US', metadata: { pairedRegion: [{ name: 'eastus' }] } },
          ],
        });
      }),
    );
    const { pairedRegion } = await import('./regions');
    const arm = createArm({ credential: new DemoCredential() });
    const locations = await new QueryClient().fetchQuery(
      arm.group(createSubscriptionQueries).queries.locations(SUB),
    );
    expect(pairedRegion(locations, 'East US')).toBe('westus');
    expect(pairedRegion(locations, 'nowhere')).toBeUndefined();
  });
});
