/*
 * Every query and mutation factory sends exactly the request the REST spec describes: method,
 * path, api-version, query string and body. msw matches paths only, so each request is recorded
 * and compared in full here.
 */
import { QueryClient } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { createArm } from './arm';
import { DemoCredential } from './credentials';
import { createPendingOperationStore, memoryStorage } from './operations/pending-operations';
import { ARM, FILES_RESTORE_REQUEST_OBJECT, FILES_RESTORE_TARGET, SUB, installMswServer } from './test-utils';
import { createBackupInstanceQueries } from './backup-instances/queries';
import { createBackupVaultQueries } from './backup-vaults/queries';
import { createJobQueries } from './jobs/queries';
import { createRecoveryPointQueries } from './recovery-points/queries';
import { createSubscriptionQueries } from './subscriptions/queries';

const server = installMswServer();
const RG = `/subscriptions/${SUB}/resourceGroups/rg1/providers/Microsoft.DataProtection`;
const VAULT_ID = `${RG}/backupVaults/vault1`;
const INSTANCE_ID = `${VAULT_ID}/backupInstances/pg-orders`;
const JOB_ID = `${VAULT_ID}/backupJobs/0b1c2d3e-0000-4000-8000-000000000001`;
const DP = 'api-version=2025-07-01';

interface Seen {
  method: string;
  url: string;
  body: unknown;
}
let seen: Seen[] = [];

beforeEach(() => {
  seen = [];
  server.use(
    http.all(`${ARM}/*`, async ({ request }) => {
      const text = await request.text();
      seen.push({
        method: request.method,
        url: request.url,
        body: text ? (JSON.parse(text) as unknown) : undefined,
      });
      const url = new URL(request.url);
      if (url.pathname.endsWith('/operationStatus/op1')) return HttpResponse.json({ status: 'Succeeded' });
      if (url.pathname.endsWith('/operationResults/op1'))
        return HttpResponse.json({ objectType: 'OperationJobExtendedInfo', jobId: JOB_ID });
      if (
        /\/(crossRegionRestore|validateCrossRegionRestore)$/.test(url.pathname) ||
        request.method === 'PATCH'
      )
        return new HttpResponse(null, {
          status: 202,
          headers: {
            'azure-asyncoperation': `${ARM}${RG}/locations/westus/operationStatus/op1?${DP}`,
            location: `${ARM}/subscriptions/${SUB}/providers/Microsoft.DataProtection/locations/westus/operationResults/op1?${DP}`,
          },
        });
      // Lists answer one empty page, single resources a minimal object.
      const isList =
        /\/(subscriptions|locations|backupVaults|backupInstances|recoveryPoints|backupJobs|fetchSecondaryRecoveryPoints|fetchCrossRegionRestoreJobs)$/.test(
          url.pathname,
        );
      return HttpResponse.json(isList ? { value: [] } : { id: url.pathname, name: 'x', properties: {} });
    }),
  );
});

const arm = () =>
  createArm({
    credential: new DemoCredential(),
    sleep: () => Promise.resolve(),
    pendingOperations: createPendingOperationStore({ storage: memoryStorage() }),
  });

const restore = {
  instanceId: INSTANCE_ID,
  sourceRegion: 'eastus',
  secondaryRegion: 'westus',
  recoveryPointId: 'rp1',
  target: FILES_RESTORE_TARGET,
};
const restoreBody = {
  restoreRequestObject: FILES_RESTORE_REQUEST_OBJECT,
  crossRegionRestoreDetails: { sourceRegion: 'eastus', sourceBackupInstanceId: INSTANCE_ID },
};

describe('queries send exactly the documented request', () => {
  const cases: [string, (qc: QueryClient, a: ReturnType<typeof arm>) => Promise<unknown>, Seen][] = [
    [
      'subscriptions',
      (qc, a) => qc.fetchQuery(a.group(createSubscriptionQueries).queries.list()),
      {
        method: 'GET',
        url: `${ARM}/subscriptions?api-version=2022-12-01`,
        body: undefined,
      },
    ],
    [
      'locations',
      (qc, a) => qc.fetchQuery(a.group(createSubscriptionQueries).queries.locations(SUB)),
      {
        method: 'GET',
        url: `${ARM}/subscriptions/${SUB}/locations?api-version=2022-12-01`,
        body: undefined,
      },
    ],
    [
      'vault list',
      (qc, a) => qc.fetchQuery(a.group(createBackupVaultQueries).queries.list(SUB)),
      {
        method: 'GET',
        url: `${ARM}/subscriptions/${SUB}/providers/Microsoft.DataProtection/backupVaults?${DP}`,
        body: undefined,
      },
    ],
    [
      'vault',
      (qc, a) => qc.fetchQuery(a.group(createBackupVaultQueries).queries.detail(VAULT_ID)),
      {
        method: 'GET',
        url: `${ARM}${VAULT_ID}?${DP}`,
        body: undefined,
      },
    ],
    [
      'instances',
      (qc, a) => qc.fetchQuery(a.group(createBackupInstanceQueries).queries.list(VAULT_ID)),
      {
        method: 'GET',
        url: `${ARM}${VAULT_ID}/backupInstances?${DP}`,
        body: undefined,
      },
    ],
    [
      'instance',
      (qc, a) => qc.fetchQuery(a.group(createBackupInstanceQueries).queries.detail(INSTANCE_ID)),
      {
        method: 'GET',
        url: `${ARM}${INSTANCE_ID}?${DP}`,
        body: undefined,
      },
    ],
    [
      'recovery points in a window',
      (qc, a) =>
        qc.fetchQuery(
          a.group(createRecoveryPointQueries).queries.list(INSTANCE_ID, {
            from: '2025-01-01T00:00:00Z',
            to: '2025-01-31T00:00:00Z',
          }),
        ),
      {
        method: 'GET',
        url: `${ARM}${INSTANCE_ID}/recoveryPoints?${DP}&$filter=${encodeURIComponent("startDate eq '2025-01-01T00:00:00.000Z' and endDate eq '2025-01-31T00:00:00.000Z'")}`,
        body: undefined,
      },
    ],
    [
      'secondary recovery points',
      (qc, a) =>
        qc.fetchQuery(
          a.group(createRecoveryPointQueries).queries.secondary(INSTANCE_ID, {
            sourceRegion: 'eastus',
            secondaryRegion: 'westus',
          }),
        ),
      {
        method: 'POST',
        url: `${ARM}${RG}/locations/westus/fetchSecondaryRecoveryPoints?${DP}`,
        body: { sourceBackupInstanceId: INSTANCE_ID, sourceRegion: 'eastus' },
      },
    ],
    [
      'primary jobs',
      (qc, a) => qc.fetchQuery(a.group(createJobQueries).queries.list(VAULT_ID)),
      {
        method: 'GET',
        url: `${ARM}${VAULT_ID}/backupJobs?${DP}`,
        body: undefined,
      },
    ],
    [
      'primary job',
      (qc, a) => qc.fetchQuery(a.group(createJobQueries).queries.detail(JOB_ID)),
      {
        method: 'GET',
        url: `${ARM}${JOB_ID}?${DP}`,
        body: undefined,
      },
    ],
    [
      'cross-region jobs',
      (qc, a) =>
        qc.fetchQuery(
          a.group(createJobQueries).queries.crossRegion({
            vaultId: VAULT_ID,
            sourceRegion: 'eastus',
            secondaryRegion: 'westus',
            filter: "startTime eq '2025-01-01'",
          }),
        ),
      {
        method: 'POST',
        url: `${ARM}${RG}/locations/westus/fetchCrossRegionRestoreJobs?${DP}&$filter=${encodeURIComponent("startTime eq '2025-01-01'")}`,
        body: { sourceRegion: 'eastus', sourceBackupVaultId: VAULT_ID },
      },
    ],
    [
      'cross-region job',
      (qc, a) =>
        qc.fetchQuery(
          a.group(createJobQueries).queries.crossRegionDetail({
            vaultId: VAULT_ID,
            sourceRegion: 'eastus',
            secondaryRegion: 'westus',
            jobId: JOB_ID,
          }),
        ),
      {
        method: 'POST',
        url: `${ARM}${RG}/locations/westus/fetchCrossRegionRestoreJob?${DP}`,
        body: {
          sourceRegion: 'eastus',
          sourceBackupVaultId: VAULT_ID,
          jobId: '0b1c2d3e-0000-4000-8000-000000000001',
        },
      },
    ],
  ];

  it.each(cases)('%s', async (_name, run, expected) => {
    await run(new QueryClient(), arm());
    // Compared as the browser serialises URLs (quotes in a query become %27).
    expect(seen).toEqual([{ ...expected, url: new URL(expected.url).href }]);
  });
});

describe('mutations send exactly the documented request, once', () => {
  it('vault update: one PATCH with the CRR body, then polls and GETs the vault', async () => {
    const qc = new QueryClient();
    const patch = {
      properties: { featureSettings: { crossRegionRestoreSettings: { state: 'Enabled' as const } } },
    };
    await qc
      .getMutationCache()
      .build(qc, arm().group(createBackupVaultQueries).mutations.update())
      .execute({ vaultId: VAULT_ID, patch });
    expect(seen.map((s) => [s.method, s.url])).toEqual([
      ['PATCH', `${ARM}${VAULT_ID}?${DP}`],
      ['GET', `${ARM}${RG}/locations/westus/operationStatus/op1?${DP}`],
      ['GET', `${ARM}${VAULT_ID}?${DP}`],
    ]);
    expect(seen[0]?.body).toEqual(patch);
  });

  it.each([
    ['validateCrossRegionRestore', 'validateCrossRegionRestore'],
    ['triggerCrossRegionRestore', 'crossRegionRestore'],
  ] as const)('%s: one POST at the secondary region with the spec body', async (mutation, action) => {
    const qc = new QueryClient();
    await qc
      .getMutationCache()
      .build(qc, arm().group(createBackupInstanceQueries).mutations[mutation]())
      .execute(restore);
    expect(seen.map((s) => [s.method, s.url])).toEqual([
      ['POST', `${ARM}${RG}/locations/westus/${action}?${DP}`],
      ['GET', `${ARM}${RG}/locations/westus/operationStatus/op1?${DP}`],
      [
        'GET',
        `${ARM}/subscriptions/${SUB}/providers/Microsoft.DataProtection/locations/westus/operationResults/op1?${DP}`,
      ],
    ]);
    expect(seen[0]?.body).toEqual(restoreBody);
  });
});
