// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../node';
import {
  DEMO_INSTANCE_IDS,
  DEMO_RESTORE_TARGETS,
  DEMO_SUBSCRIPTIONS,
  DEMO_VAULT_IDS,
} from '../tenant/demo-tenant';
import { ARM, arm, armListAll } from '@/testing/contract/arm-fetch';

const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const RG = `/subscriptions/${PROD}/resourceGroups/rg-contoso-backup/providers/Microsoft.DataProtection`;
let t: TestServer | undefined;

function start(options: Parameters<typeof createTestServer>[0] = {}): TestServer {
  t = createTestServer(options);
  t.listen();
  return t;
}
afterEach(() => t?.close());

const enable = { properties: { featureSettings: { crossRegionRestoreSettings: { state: 'Enabled' } } } };

describe('ARM habits', () => {
  it('puts request ids, the echoed correlation id and the read quota on every response, errors included', async () => {
    start();
    const okReply = await arm('GET', DEMO_VAULT_IDS.contosoPg, undefined, {
      'x-ms-correlation-request-id': 'corr-123',
    });
    const notFound = await arm('GET', `${RG}/backupVaults/missing`);
    for (const r of [okReply, notFound]) {
      expect(r.headers.get('x-ms-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(r.headers.get('x-ms-ratelimit-remaining-subscription-reads')).toMatch(/^\d+$/);
    }
    expect(okReply.headers.get('x-ms-correlation-request-id')).toBe('corr-123');
    expect(notFound.status).toBe(404);
    expect(notFound.body).toEqual({
      error: {
        code: 'ResourceNotFound',
        message: expect.stringContaining(
          "'Microsoft.DataProtection/backupVaults/missing' under resource group 'rg-contoso-backup'",
        ) as string,
      },
    });
  });

  it('answers 401 without a token, 400 for a missing or unknown api-version, 404 for unknown routes', async () => {
    start();
    const noAuth = await fetch(`${ARM}${DEMO_VAULT_IDS.contosoPg}?api-version=2025-07-01`);
    expect(noAuth.status).toBe(401);
    expect(((await noAuth.json()) as { error: { code: string } }).error.code).toBe('AuthenticationFailed');
    expect(noAuth.headers.get('x-ms-request-id')).toBeTruthy();
    const missing = await arm('GET', `${ARM}${DEMO_VAULT_IDS.contosoPg}`);
    expect([missing.status, (missing.body as { error: { code: string } }).error.code]).toEqual([
      400,
      'MissingApiVersionParameter',
    ]);
    const wrong = await arm('GET', `${ARM}${DEMO_VAULT_IDS.contosoPg}?api-version=2019-01-01`);
    expect([wrong.status, (wrong.body as { error: { code: string } }).error.code]).toEqual([
      400,
      'InvalidApiVersionParameter',
    ]);
    const unknownType = await arm('GET', `${RG}/backupWidgets`);
    expect([unknownType.status, (unknownType.body as { error: { code: string } }).error.code]).toEqual([
      404,
      'InvalidResourceType',
    ]);
    const unknownSub = await arm(
      'GET',
      '/subscriptions/00000000-0000-4000-8000-000000000000/providers/Microsoft.DataProtection/backupVaults',
    );
    expect((unknownSub.body as { error: { code: string } }).error.code).toBe('SubscriptionNotFound');
  });

  it('pages with an absolute nextLink carrying api-version and $skipToken', async () => {
    start({ pageSizes: { instances: 2 } });
    const first = await arm<{ value: unknown[]; nextLink: string }>(
      'GET',
      `${DEMO_VAULT_IDS.contosoPg}/backupInstances`,
    );
    expect(first.body.value).toHaveLength(2);
    const next = new URL(first.body.nextLink);
    expect(next.origin).toBe(ARM);
    expect(next.searchParams.get('api-version')).toBe('2025-07-01');
    expect(next.searchParams.get('$skipToken')).toBeTruthy();
    const all = await armListAll('GET', `${DEMO_VAULT_IDS.contosoPg}/backupInstances`);
    expect([all.items.length, all.pages]).toEqual([5, 3]);
  });

  it('defaults to 50 instances per page (bulk)', async () => {
    start({ scale: 120, tenant: undefined });
    const vaults = await armListAll<{ id: string }>(
      'GET',
      `/subscriptions/${t?.tenant.listSubscriptions()[3]?.subscriptionId ?? ''}/providers/Microsoft.DataProtection/backupVaults`,
    );
    const first = await arm<{ value: unknown[]; nextLink?: string }>(
      'GET',
      `${vaults.items[0]?.id ?? ''}/backupInstances`,
    );
    expect(first.body.value).toHaveLength(50);
    expect(first.body.nextLink).toBeTruthy();
  });

  it('serves subscriptions, locations with paired regions for every vault region, and restore targets', async () => {
    start();
    const subs = await arm<{ value: { displayName: string }[] }>(
      'GET',
      `${ARM}/subscriptions?api-version=2022-12-01`,
    );
    expect(subs.body.value.map((s) => s.displayName)).toEqual([
      'Contoso Production',
      'Contoso Dev/Test',
      'Fabrikam Shared',
    ]);
    const locs = await arm<{ value: { name: string; metadata: { pairedRegion: { name: string }[] } }[] }>(
      'GET',
      `${ARM}/subscriptions/${PROD}/locations?api-version=2022-12-01`,
    );
    const pairs = new Map(locs.body.value.map((l) => [l.name, l.metadata.pairedRegion[0]?.name]));
    for (const [a, b] of [
      ['eastus', 'westus'],
      ['westeurope', 'northeurope'],
      ['centralus', 'eastus2'],
      ['southeastasia', 'eastasia'],
    ]) {
      expect(pairs.get(a ?? '')).toBe(b);
      expect(pairs.get(b ?? '')).toBe(a);
    }
    const server = await arm<{ properties: { userVisibleState: string } }>(
      'GET',
      `${ARM}${DEMO_RESTORE_TARGETS.pgServerId}?api-version=2017-12-01`,
    );
    expect(server.body.properties.userVisibleState).toBe('Ready');
    const secrets = await arm<{ value: { name: string }[] }>(
      'GET',
      `${ARM}${DEMO_RESTORE_TARGETS.keyVaultId}/secrets?api-version=2023-07-01`,
    );
    expect(secrets.body.value.map((s) => s.name)).toContain('pg-admin-credentials');
    const containers = await arm<{ value: { name: string }[] }>(
      'GET',
      `${ARM}${DEMO_RESTORE_TARGETS.storageAccountId}/blobServices/default/containers?api-version=2023-05-01`,
    );
    expect(containers.body.value.map((c) => c.name)).toContain('restores');
  });
});

describe('long-running operations', () => {
  it('vault PATCH: 202, status advances with the simulated clock, the final GET shows the change', async () => {
    const s = start({ pollAdvanceMs: 0, timings: { retryAfterSeconds: 2 } });
    const patch = await arm('PATCH', DEMO_VAULT_IDS.contosoGrs, enable);
    expect(patch.status).toBe(202);
    expect(patch.headers.get('retry-after')).toBe('2');
    expect(patch.headers.get('location')).toContain('/operationResults/');
    const url = patch.headers.get('azure-asyncoperation') ?? '';
    const running = await arm<{ status: string; endTime: string }>('GET', url);
    expect(running.body).toMatchObject({ status: 'Inprogress', endTime: '0001-01-01T00:00:00Z' });
    expect(
      (await arm<{ properties: { provisioningState: string } }>('GET', DEMO_VAULT_IDS.contosoGrs)).body
        .properties.provisioningState,
    ).toBe('Updating');
    expect((await arm('GET', patch.headers.get('location') ?? '')).status).toBe(202);
    s.advance(6_000);
    expect((await arm<{ status: string }>('GET', url)).body.status).toBe('Succeeded');
    const vault = await arm<{
      properties: { featureSettings: { crossRegionRestoreSettings: { state: string } } };
    }>('GET', DEMO_VAULT_IDS.contosoGrs);
    expect(vault.body.properties.featureSettings.crossRegionRestoreSettings.state).toBe('Enabled');
  });

  it('refuses Enabled -> Disabled with the recorded 400', async () => {
    start();
    const r = await arm<{ error: { code: string; message: string } }>('PATCH', DEMO_VAULT_IDS.contosoPg, {
      properties: { featureSettings: { crossRegionRestoreSettings: { state: 'Disabled' } } },
    });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({
      code: 'UserErrorCrossRegionRestoreStateChangeNotAllowed',
      message: 'CrossRegionRestore state cannot be changed from Enabled to Disabled.',
      target: null,
      details: null,
    });
  });

  it('crossRegionRestore: the operation result carries the job id; the job runs to Completed with sub-tasks', async () => {
    const s = start({ pollAdvanceMs: 0 });
    const rps = await arm<{ value: { name: string }[] }>(
      'POST',
      `${RG}/locations/westus/fetchSecondaryRecoveryPoints`,
      { sourceBackupInstanceId: DEMO_INSTANCE_IDS.billingDb, sourceRegion: 'eastus' },
    );
    const body = {
      restoreRequestObject: {
        objectType: 'AzureBackupRecoveryPointBasedRestoreRequest',
        recoveryPointId: rps.body.value[0]?.name,
        sourceDataStoreType: 'VaultStore',
        restoreTargetInfo: {
          objectType: 'RestoreFilesTargetInfo',
          recoveryOption: 'FailIfExists',
          restoreLocation: 'westus',
          targetDetails: {
            url: DEMO_RESTORE_TARGETS.containerUrl,
            filePrefix: 'billing',
            restoreTargetLocationType: 'AzureBlobs',
          },
        },
      },
      crossRegionRestoreDetails: {
        sourceRegion: 'eastus',
        sourceBackupInstanceId: DEMO_INSTANCE_IDS.billingDb,
      },
    };
    const trigger = await arm('POST', `${RG}/locations/westus/crossRegionRestore`, body);
    expect(trigger.status).toBe(202);
    s.advance(3_000);
    const op = await arm<{ status: string; properties: { jobId: string } }>(
      'GET',
      trigger.headers.get('azure-asyncoperation') ?? '',
    );
    expect(op.body.status).toBe('Succeeded');
    const jobId = op.body.properties.jobId;
    const result = await arm<{ jobId: string; objectType: string }>(
      'GET',
      trigger.headers.get('location') ?? '',
    );
    expect(result.body).toEqual({ jobId, objectType: 'OperationJobExtendedInfo' });
    const fetchJob = () =>
      arm<{
        properties: {
          status: string;
          isCrossRegionRestore: boolean;
          extendedInfo: { subTasks: { taskStatus: string; taskProgress: string | null }[] };
        };
      }>('POST', `${RG}/locations/westus/fetchCrossRegionRestoreJob`, {
        sourceRegion: 'eastus',
        sourceBackupVaultId: DEMO_VAULT_IDS.contosoPg,
        jobId,
      });
    s.advance(60_000);
    const running = await fetchJob();
    expect(running.body.properties.status).toBe('InProgress');
    expect(running.body.properties.isCrossRegionRestore).toBe(true);
    expect(running.body.properties.extendedInfo.subTasks.map((x) => x.taskStatus)).toEqual([
      'Completed',
      'InProgress',
      'NotStarted',
    ]);
    s.advance(3 * 60_000);
    expect((await fetchJob()).body.properties.status).toBe('Completed');
    const primaryJobs = await armListAll<{ id: string }>('GET', `${DEMO_VAULT_IDS.contosoPg}/backupJobs`);
    expect(primaryJobs.items.some((j) => j.id === jobId)).toBe(false);
  });
});
