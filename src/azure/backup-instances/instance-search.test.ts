import { QueryClient } from '@tanstack/react-query';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createArm } from '../arm';
import { DemoCredential } from '../credentials';
import { ARM, SUB, installMswServer } from '../test-utils';
import { EMPTY_INSTANCE_SEARCH, reduceInstanceSearch, type InstanceSearchChunk } from './instance-search';
import { createBackupInstanceQueries } from './queries';

const server = installMswServer();
const RG_URL = `${ARM}/providers/Microsoft.ResourceGraph/resources`;
const vaultId = (n: number) =>
  `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/vault-${n}`;

function arm() {
  return createArm({ credential: new DemoCredential(), sleep: () => Promise.resolve(), retryDelayMs: 0 });
}

function vault(n: number) {
  return {
    id: vaultId(n),
    name: `vault-${n}`,
    location: 'eastus',
    properties: {
      storageSettings: [{ datastoreType: 'VaultStore', type: n === 1 ? 'GeoRedundant' : 'LocallyRedundant' }],
      replicatedRegions: n === 1 ? ['westus'] : [],
      featureSettings: n === 1 ? { crossRegionRestoreSettings: { state: 'Enabled' } } : undefined,
    },
  };
}

function instance(n: number, i: number) {
  return {
    id: `${vaultId(n)}/backupInstances/bi-${i}`,
    name: `bi-${i}`,
    properties: {
      friendlyName: `srv-${n}/db-${i}`,
      objectType: 'BackupInstance',
      currentProtectionState: 'ProtectionConfigured',
      dataSourceInfo: {
        resourceID: `/subscriptions/${SUB}/resourceGroups/d/providers/Microsoft.DBforPostgreSQL/servers/srv-${n}/databases/db-${i}`,
        resourceName: `db-${i}`,
        datasourceType: 'Microsoft.DBforPostgreSQL/servers/databases',
      },
      policyInfo: { policyId: `${vaultId(n)}/backupPolicies/p` },
    },
  };
}

describe('reduceInstanceSearch', () => {
  it('accumulates pages and batch totals, and completes on done', () => {
    const chunks: InstanceSearchChunk[] = [
      { kind: 'page', rows: [], addTotal: 3, truncated: false },
      { kind: 'page', rows: [], addTotal: 0, truncated: false },
      { kind: 'page', rows: [], addTotal: 2, truncated: true },
      { kind: 'done' },
    ];
    const states = chunks.reduce<(typeof EMPTY_INSTANCE_SEARCH)[]>(
      (acc, c) => [...acc, reduceInstanceSearch(acc.at(-1) ?? EMPTY_INSTANCE_SEARCH, c)],
      [],
    );
    expect(states.map((s) => [s.totalRecords, s.pagesLoaded, s.complete, s.truncated])).toEqual([
      [3, 1, false, false],
      [3, 2, false, false],
      [5, 3, false, true],
      [5, 3, true, true],
    ]);
  });
});

describe('backupInstances.queries.search', () => {
  it('without Resource Graph (403) lists every vault, at most 6 at once, and keeps a failing vault as a warning', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const listed: string[] = [];
    server.use(
      http.post(RG_URL, () =>
        HttpResponse.json(
          { error: { code: 'AuthorizationFailed', message: 'no Resource Graph for you' } },
          { status: 403, headers: { 'x-ms-request-id': 'rg-403' } },
        ),
      ),
      http.get(`${ARM}/subscriptions/${SUB}/providers/Microsoft.DataProtection/backupVaults`, () =>
        HttpResponse.json({ value: Array.from({ length: 9 }, (_, i) => vault(i + 1)) }),
      ),
      http.get(
        `${ARM}/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/:vault/backupInstances`,
        async ({ params }) => {
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await delay(20);
          inFlight--;
          const n = Number(String(params.vault).replace('vault-', ''));
          listed.push(String(params.vault));
          if (n === 4)
            return HttpResponse.json(
              { error: { code: 'AuthorizationFailed', message: 'not on vault-4' } },
              { status: 403, headers: { 'x-ms-request-id': 'v4-403' } },
            );
          return HttpResponse.json({ value: [instance(n, 1), instance(n, 2)] });
        },
      ),
    );
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const result = await client.fetchQuery(
      arm()
        .group(createBackupInstanceQueries)
        .queries.search({ subscriptions: [SUB] }),
    );
    expect(maxInFlight).toBe(6);
    expect(listed).toHaveLength(9);
    expect(result.source).toBe('perVault');
    expect([
      result.fallbackReason?.status,
      result.fallbackReason?.code,
      result.fallbackReason?.requestId,
    ]).toEqual([403, 'AuthorizationFailed', 'rg-403']);
    expect(result.complete).toBe(true);
    expect(result.rows).toHaveLength(16);
    expect(result.totalRecords).toBe(16);
    expect(result.vaults).toEqual({ done: 9, total: 9 });
    expect(result.warnings.map((w) => [w.kind, w.name, w.error.requestId])).toEqual([
      ['vault', 'vault-4', 'v4-403'],
    ]);
    // Only the Cross Region Restore vault's instances have a secondary region.
    expect(
      result.rows
        .filter((r) => r.secondaryRegion === 'westus')
        .map((r) => r.friendlyName)
        .sort(),
    ).toEqual(['srv-1/db-1', 'srv-1/db-2']);
  });

  it('with the server-side filter, the fallback filters the listed rows the same way', async () => {
    server.use(
      http.post(RG_URL, () =>
        HttpResponse.json({ error: { code: 'AuthorizationFailed', message: 'x' } }, { status: 403 }),
      ),
      http.get(`${ARM}/subscriptions/${SUB}/providers/Microsoft.DataProtection/backupVaults`, () =>
        HttpResponse.json({ value: [vault(1), vault(2)] }),
      ),
      http.get(
        `${ARM}/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/:vault/backupInstances`,
        ({ params }) => {
          const n = Number(String(params.vault).replace('vault-', ''));
          return HttpResponse.json({ value: [instance(n, 1)] });
        },
      ),
    );
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const result = await client.fetchQuery(
      arm()
        .group(createBackupInstanceQueries)
        .queries.search({
          subscriptions: [SUB],
          filter: { secondaryRegion: 'protected' },
        }),
    );
    expect(result.rows.map((r) => r.friendlyName)).toEqual(['srv-1/db-1']);
  });

  it('a Resource Graph 400 (bad query) is an error, not a reason to fall back', async () => {
    server.use(
      http.post(RG_URL, () =>
        HttpResponse.json({ error: { code: 'BadRequest', message: 'Query is invalid.' } }, { status: 400 }),
      ),
    );
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await expect(
      client.fetchQuery(
        arm()
          .group(createBackupInstanceQueries)
          .queries.search({ subscriptions: [SUB] }),
      ),
    ).rejects.toMatchObject({
      status: 400,
      code: 'BadRequest',
    });
  });
});
