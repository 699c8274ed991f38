import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ArmError } from './arm-error';
import { DataProtectionClient } from './data-protection-client';
import type { LroProgress } from './lro';
import { ARM, FILES_RESTORE_REQUEST_OBJECT, SUB, makeTestClient, installMswServer } from './test-utils';

const server = installMswServer();
const RG = `/subscriptions/${SUB}/resourceGroups/rg1/providers/Microsoft.DataProtection`;
const VAULT = `${RG}/backupVaults/v1`;
// Resource-group scoped operationStatus, as real ARM hands out for cross-region restore.
const OP_STATUS = `${ARM}${RG}/locations/westus/operationStatus/op1?api-version=2025-07-01&t=1&s=sig`;
const OP_RESULT = `${ARM}/subscriptions/${SUB}/providers/Microsoft.DataProtection/locations/westus/operationResults/op1?api-version=2025-07-01&t=2`;

const vaultBody = (state: string) => ({
  id: VAULT,
  name: 'v1',
  location: 'eastus',
  properties: {
    storageSettings: [{ datastoreType: 'VaultStore', type: 'GeoRedundant' }],
    featureSettings: { crossRegionRestoreSettings: { state } },
  },
});

const restoreRequest = {
  restoreRequestObject: FILES_RESTORE_REQUEST_OBJECT,
  crossRegionRestoreDetails: {
    sourceRegion: 'eastus',
    sourceBackupInstanceId: `${VAULT}/backupInstances/bi1`,
  },
};

/** ARM accepting a cross-region restore: 202 with both polling headers, as recorded. */
function acceptCrossRegionRestore(extraHeaders: Record<string, string> = {}) {
  return http.post(
    `${ARM}${RG}/locations/westus/crossRegionRestore`,
    () =>
      new HttpResponse(null, {
        status: 202,
        headers: { 'azure-asyncoperation': OP_STATUS, location: OP_RESULT, ...extraHeaders },
      }),
  );
}

describe('long-running operations', () => {
  it('PATCH vault: polls Azure-AsyncOperation honouring Retry-After, then GETs the vault', async () => {
    let polls = 0;
    const requests: string[] = [];
    server.use(
      http.patch(`${ARM}${VAULT}`, async ({ request }) => {
        requests.push(`PATCH ${JSON.stringify(await request.json())}`);
        return new HttpResponse(null, {
          status: 202,
          headers: { 'azure-asyncoperation': OP_STATUS, location: OP_RESULT, 'retry-after': '3' },
        });
      }),
      http.get(`${ARM}${RG}/locations/westus/operationStatus/op1`, ({ request }) => {
        requests.push(`GET ${request.url}`);
        polls++;
        return polls === 1
          ? HttpResponse.json({ status: 'Inprogress' }, { headers: { 'retry-after': '2' } })
          : HttpResponse.json({ status: 'SUCCEEDED' });
      }),
      http.get(`${ARM}${VAULT}`, () => {
        requests.push('GET vault');
        return HttpResponse.json(vaultBody('Enabled'));
      }),
    );
    const { client, sleeps } = makeTestClient();
    const dp = new DataProtectionClient(client, SUB);
    const progress: LroProgress[] = [];
    const poller = await dp.backupVaults.beginUpdate(
      'rg1',
      'v1',
      { properties: { featureSettings: { crossRegionRestoreSettings: { state: 'Enabled' } } } },
      { onProgress: (p) => progress.push(p) },
    );
    expect(poller.operationUrl).toBe(OP_STATUS);
    const vault = await poller.pollUntilDone();
    expect(vault.properties.featureSettings?.crossRegionRestoreSettings?.state).toBe('Enabled');
    expect(sleeps).toEqual([3000, 2000]);
    expect(requests).toEqual([
      'PATCH {"properties":{"featureSettings":{"crossRegionRestoreSettings":{"state":"Enabled"}}}}',
      `GET ${OP_STATUS}`,
      `GET ${OP_STATUS}`,
      'GET vault',
    ]);
    expect(progress.map((p) => [p.state, p.status])).toEqual([
      ['running', 'Inprogress'],
      ['succeeded', 'SUCCEEDED'],
    ]);
  });

  it('uses the default poll interval when no Retry-After is sent', async () => {
    let polls = 0;
    server.use(
      http.patch(
        `${ARM}${VAULT}`,
        () => new HttpResponse(null, { status: 202, headers: { 'azure-asyncoperation': OP_STATUS } }),
      ),
      http.get(`${ARM}${RG}/locations/westus/operationStatus/op1`, () =>
        HttpResponse.json({ status: ++polls < 3 ? 'Running' : 'Succeeded' }),
      ),
      http.get(`${ARM}${VAULT}`, () => HttpResponse.json(vaultBody('Enabled'))),
    );
    const { client, sleeps } = makeTestClient({ pollIntervalMs: 1234 });
    await new DataProtectionClient(client, SUB).backupVaults.beginUpdateAndWait('rg1', 'v1', {});
    expect(sleeps).toEqual([1234, 1234, 1234]);
  });

  it('a Failed operation surfaces its error as ArmError with the polling request id', async () => {
    server.use(
      acceptCrossRegionRestore(),
      http.get(`${ARM}${RG}/locations/westus/operationStatus/op1`, () =>
        HttpResponse.json(
          {
            status: 'failed',
            error: {
              code: 'UserErrorMSIMissingPermissions',
              message: 'The vault identity lacks Reader on the server.',
              details: null,
            },
          },
          { headers: { 'x-ms-request-id': 'poll-req', 'x-ms-correlation-request-id': 'poll-corr' } },
        ),
      ),
    );
    const { client } = makeTestClient();
    const dp = new DataProtectionClient(client, SUB);
    const e = (await dp.backupInstances
      .beginTriggerCrossRegionRestoreAndWait('rg1', 'westus', restoreRequest)
      .catch((x: unknown) => x)) as ArmError;
    expect(e).toBeInstanceOf(ArmError);
    expect([e.code, e.message, e.operationStatus, e.kind]).toEqual([
      'UserErrorMSIMissingPermissions',
      'The vault identity lacks Reader on the server.',
      'Failed',
      'operationFailed',
    ]);
    expect([e.requestId, e.correlationRequestId]).toEqual(['poll-req', 'poll-corr']);
  });

  it('Canceled without an error body still becomes an ArmError', async () => {
    server.use(
      http.post(
        `${ARM}${RG}/locations/westus/validateCrossRegionRestore`,
        () => new HttpResponse(null, { status: 202, headers: { 'azure-asyncoperation': OP_STATUS } }),
      ),
      http.get(`${ARM}${RG}/locations/westus/operationStatus/op1`, () =>
        HttpResponse.json({ status: 'Canceled' }),
      ),
    );
    const { client } = makeTestClient();
    const dp = new DataProtectionClient(client, SUB);
    await expect(
      dp.backupInstances.beginValidateCrossRegionRestoreAndWait('rg1', 'westus', restoreRequest),
    ).rejects.toMatchObject({
      code: 'OperationCanceled',
      operationStatus: 'Canceled',
    });
  });

  it('crossRegionRestore: final-state-via location yields the job id; the request is POSTed once', async () => {
    let posts = 0;
    let body: unknown;
    server.use(
      http.post(`${ARM}${RG}/locations/westus/crossRegionRestore`, async ({ request }) => {
        posts++;
        body = await request.json();
        return new HttpResponse(null, {
          status: 202,
          headers: { 'azure-asyncoperation': OP_STATUS, location: OP_RESULT, 'retry-after': '60' },
        });
      }),
      http.get(`${ARM}${RG}/locations/westus/operationStatus/op1`, () =>
        HttpResponse.json({
          status: 'Succeeded',
          properties: { objectType: 'OperationJobExtendedInfo', jobId: 'from-status' },
        }),
      ),
      http.get(
        `${ARM}/subscriptions/${SUB}/providers/Microsoft.DataProtection/locations/westus/operationResults/op1`,
        () =>
          HttpResponse.json({
            objectType: 'OperationJobExtendedInfo',
            jobId: `${VAULT}/backupJobs/job-guid`,
          }),
      ),
    );
    const { client, sleeps } = makeTestClient();
    const result = await new DataProtectionClient(
      client,
      SUB,
    ).backupInstances.beginTriggerCrossRegionRestoreAndWait('rg1', 'westus', restoreRequest);
    expect(result).toEqual({ objectType: 'OperationJobExtendedInfo', jobId: `${VAULT}/backupJobs/job-guid` });
    expect(posts).toBe(1);
    expect(body).toEqual(restoreRequest);
    expect(sleeps).toEqual([60_000]);
  });

  it('Location-style operation: 202 means running, 200 means done', async () => {
    let polls = 0;
    server.use(
      http.post(
        `${ARM}${RG}/locations/westus/crossRegionRestore`,
        () => new HttpResponse(null, { status: 202, headers: { location: OP_RESULT, 'retry-after': '1' } }),
      ),
      http.get(
        `${ARM}/subscriptions/${SUB}/providers/Microsoft.DataProtection/locations/westus/operationResults/op1`,
        () => {
          polls++;
          return polls < 3
            ? new HttpResponse(null, { status: 202, headers: { location: OP_RESULT, 'retry-after': '4' } })
            : HttpResponse.json({ objectType: 'OperationJobExtendedInfo', jobId: 'job-42' });
        },
      ),
    );
    const { client, sleeps } = makeTestClient();
    const poller = await new DataProtectionClient(client, SUB).backupInstances.beginTriggerCrossRegionRestore(
      'rg1',
      'westus',
      restoreRequest,
    );
    expect(poller.operationUrl).toBe(OP_RESULT);
    await expect(poller.pollUntilDone()).resolves.toEqual({
      objectType: 'OperationJobExtendedInfo',
      jobId: 'job-42',
    });
    expect(polls).toBe(3);
    expect(sleeps).toEqual([1000, 4000, 4000]);
  });

  it('resumes from a saved operation URL after a reload (status body carries the job id)', async () => {
    const polled: string[] = [];
    let polls = 0;
    server.use(
      http.get(`${ARM}${RG}/locations/westus/operationStatus/op1`, ({ request }) => {
        polled.push(request.url);
        polls++;
        return polls === 1
          ? HttpResponse.json({ status: 'InProgress' }, { headers: { 'retry-after': '5' } })
          : HttpResponse.json({
              status: 'Succeeded',
              properties: { objectType: 'OperationJobExtendedInfo', jobId: 'job-7' },
            });
      }),
    );
    const { client, sleeps } = makeTestClient();
    const poller = await client.resumeOperation<{ jobId: string }>(OP_STATUS);
    await expect(poller.pollUntilDone()).resolves.toEqual({
      objectType: 'OperationJobExtendedInfo',
      jobId: 'job-7',
    });
    expect(polled).toEqual([OP_STATUS, OP_STATUS]);
    expect(sleeps).toEqual([5000]);
  });

  it('resumes from a resume token, fetching the final Location result', async () => {
    server.use(
      acceptCrossRegionRestore(),
      http.get(`${ARM}${RG}/locations/westus/operationStatus/op1`, () =>
        HttpResponse.json({ status: 'Succeeded' }),
      ),
      http.get(
        `${ARM}/subscriptions/${SUB}/providers/Microsoft.DataProtection/locations/westus/operationResults/op1`,
        () => HttpResponse.json({ objectType: 'OperationJobExtendedInfo', jobId: 'job-9' }),
      ),
    );
    const first = makeTestClient();
    const poller = await new DataProtectionClient(
      first.client,
      SUB,
    ).backupInstances.beginTriggerCrossRegionRestore('rg1', 'westus', restoreRequest);
    const token = poller.resumeToken;
    expect(token).toBeDefined();
    // "Reload": a brand-new client continues from the saved token.
    const second = makeTestClient();
    const resumed = await second.client.resumeOperation(token ?? '');
    await expect(resumed.pollUntilDone()).resolves.toEqual({
      objectType: 'OperationJobExtendedInfo',
      jobId: 'job-9',
    });
  });

  it('200 with a body is done at once; 202 without an operation URL is an InvalidResponse', async () => {
    server.use(
      http.patch(`${ARM}${VAULT}`, () => HttpResponse.json(vaultBody('Disabled'))),
      http.post(
        `${ARM}${RG}/locations/westus/crossRegionRestore`,
        () => new HttpResponse(null, { status: 202 }),
      ),
    );
    const { client, sleeps } = makeTestClient();
    const dp = new DataProtectionClient(client, SUB);
    const poller = await dp.backupVaults.beginUpdate('rg1', 'v1', {});
    expect(poller.isDone()).toBe(true);
    expect(poller.operationUrl).toBeUndefined();
    expect((await poller.pollUntilDone()).name).toBe('v1');
    expect(sleeps).toEqual([]);
    await expect(
      dp.backupInstances.beginTriggerCrossRegionRestore('rg1', 'westus', restoreRequest),
    ).rejects.toMatchObject({
      code: 'InvalidResponse',
    });
  });
});
