// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from './node';
import {
  Scenarios,
  parseScenarioParams,
  type FaultRequest,
  type ScenarioName,
  type ScenarioOptions,
} from './scenarios';
import {
  DEMO_INSTANCE_IDS,
  DEMO_RESTORE_TARGETS,
  DEMO_SUBSCRIPTIONS,
  DEMO_VAULT_IDS,
} from './tenant/demo-tenant';
import { ARM, arm } from '@/testing/contract/arm-fetch';

const RG = `/subscriptions/${DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId}/resourceGroups/rg-contoso-backup/providers/Microsoft.DataProtection`;
const enable = { properties: { featureSettings: { crossRegionRestoreSettings: { state: 'Enabled' } } } };
type Err = { error: { code: string; message: string } };
let t: TestServer | undefined;

function start(scenarios: readonly ScenarioName[] | Partial<ScenarioOptions>): TestServer {
  t = createTestServer({ scenarios, pollAdvanceMs: 0 });
  t.listen();
  return t;
}
afterEach(() => t?.close());

async function triggerCrr(targetDb: string) {
  const rps = await arm<{ value: { name: string }[] }>(
    'POST',
    `${RG}/locations/westus/fetchSecondaryRecoveryPoints`,
    { sourceBackupInstanceId: DEMO_INSTANCE_IDS.ordersDb, sourceRegion: 'eastus' },
  );
  return arm('POST', `${RG}/locations/westus/crossRegionRestore`, {
    restoreRequestObject: {
      objectType: 'AzureBackupRecoveryPointBasedRestoreRequest',
      recoveryPointId: rps.body.value[0]?.name,
      sourceDataStoreType: 'VaultStore',
      restoreTargetInfo: {
        objectType: 'RestoreTargetInfo',
        recoveryOption: 'FailIfExists',
        datasourceInfo: { resourceID: `${DEMO_RESTORE_TARGETS.pgServerId}/databases/${targetDb}` },
        datasourceAuthCredentials: {
          objectType: 'SecretStoreBasedAuthCredentials',
          secretStoreResource: { secretStoreType: 'AzureKeyVault', uri: DEMO_RESTORE_TARGETS.secretUri },
        },
      },
    },
    crossRegionRestoreDetails: { sourceRegion: 'eastus', sourceBackupInstanceId: DEMO_INSTANCE_IDS.ordersDb },
  });
}

describe('fault scenarios', () => {
  it('throttle: 429 + Retry-After on the first N calls, then normal answers', async () => {
    start({ names: ['throttle'], throttleCount: 2, retryAfterSeconds: 3 });
    for (let i = 0; i < 2; i++) {
      const r = await arm<Err>('GET', DEMO_VAULT_IDS.contosoPg);
      expect([r.status, r.headers.get('retry-after'), r.body.error.code]).toEqual([
        429,
        '3',
        'SubscriptionRequestsThrottled',
      ]);
      expect(r.headers.get('x-ms-request-id')).toBeTruthy();
    }
    expect((await arm('GET', DEMO_VAULT_IDS.contosoPg)).status).toBe(200);
  });

  it('server-error: the first GETs answer 500 then 503, writes are unaffected', async () => {
    start({ names: ['server-error'], serverErrorCount: 2 });
    expect((await arm<Err>('GET', DEMO_VAULT_IDS.contosoPg)).body.error.code).toBe('InternalServerError');
    const unavailable = await arm<Err>('GET', DEMO_VAULT_IDS.contosoPg);
    expect([unavailable.status, unavailable.headers.get('retry-after')]).toEqual([503, '1']);
    expect((await arm('GET', DEMO_VAULT_IDS.contosoPg)).status).toBe(200);
  });

  it("forbidden: 403 AuthorizationFailed naming the missing action in ARM's words", async () => {
    start(['forbidden']);
    expect((await arm('GET', DEMO_VAULT_IDS.contosoGrs)).status).toBe(200);
    const r = await arm<Err>('PATCH', DEMO_VAULT_IDS.contosoGrs, enable);
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('AuthorizationFailed');
    expect(r.body.error.message).toBe(
      `The client 'alex.demo@contoso.onmicrosoft.com' with object id '3f1d2c9a-7b4e-4a51-9c8d-2e6f0a1b5c77' does not have authorization to perform action 'Microsoft.DataProtection/backupVaults/write' over scope '${DEMO_VAULT_IDS.contosoGrs}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    );
    const crr = await triggerCrr('x');
    expect((crr.body as Err).error.message).toContain(
      "'Microsoft.DataProtection/locations/crossRegionRestore/action' over scope '" +
        `${RG}/locations/westus'`,
    );
  });

  it('vault-gone: 404 ResourceNotFound for that vault only', async () => {
    start({ names: ['vault-gone'], goneVault: 'contoso-pg-vault' });
    const r = await arm<Err>('GET', `${DEMO_VAULT_IDS.contosoPg}/backupInstances`);
    expect([r.status, r.body.error.code]).toEqual([404, 'ResourceNotFound']);
    expect((await arm('GET', DEMO_VAULT_IDS.contosoGrs)).status).toBe(200);
  });

  it('conflict: 409 on vault PATCH', async () => {
    start(['conflict']);
    const r = await arm<Err>('PATCH', DEMO_VAULT_IDS.contosoGrs, enable);
    expect([r.status, r.body.error.code]).toEqual([409, 'UserErrorAnotherOperationInProgress']);
  });

  it('slow: waits the configured latency before every answer, faults included', async () => {
    const events: string[] = [];
    const sleep = (ms: number) => {
      events.push(`sleep ${ms}`);
      return Promise.resolve();
    };
    const slow = new Scenarios({ names: ['slow', 'conflict'], latencyMs: 150 }, undefined, sleep);
    const read: FaultRequest = {
      method: 'GET',
      url: new URL(`${ARM}${DEMO_VAULT_IDS.contosoPg}`),
      body: undefined,
      action: 'x/read',
    };
    const answer = await slow.run(read, () => {
      events.push('answer');
      return Promise.resolve({ status: 200, body: { name: 'contoso-pg-vault' } });
    });
    expect(answer).toEqual({ status: 200, body: { name: 'contoso-pg-vault' } });
    const conflict = await slow.run({ ...read, method: 'PATCH', body: enable }, () => {
      events.push('never');
      return Promise.resolve({ status: 202 });
    });
    expect(conflict.status).toBe(409);
    expect(events).toEqual(['sleep 150', 'answer', 'sleep 150']);

    const fast = new Scenarios({ names: ['conflict'], latencyMs: 150 }, undefined, sleep);
    await fast.run(read, () => Promise.resolve({ status: 200 }));
    expect(events).toHaveLength(3);
  });

  it('restore-fails: the CRR job ends Failed with UserErrorDatabaseNameAlreadyInUse', async () => {
    const s = start(['restore-fails']);
    const trigger = await triggerCrr('a-brand-new-name');
    s.advance(3_000);
    const op = await arm<{ properties: { jobId: string } }>(
      'GET',
      trigger.headers.get('azure-asyncoperation') ?? '',
    );
    s.advance(10 * 60_000);
    const job = await arm<{ properties: { status: string; errorDetails: { code: string }[] } }>(
      'POST',
      `${RG}/locations/westus/fetchCrossRegionRestoreJob`,
      {
        sourceRegion: 'eastus',
        sourceBackupVaultId: DEMO_VAULT_IDS.contosoPg,
        jobId: op.body.properties.jobId,
      },
    );
    expect(job.body.properties.status).toBe('Failed');
    expect(job.body.properties.errorDetails[0]?.code).toBe('UserErrorDatabaseNameAlreadyInUse');
  });

  it('lro-fails: the vault update operation ends Failed and the vault is unchanged', async () => {
    const s = start(['lro-fails']);
    const patch = await arm('PATCH', DEMO_VAULT_IDS.contosoGrs, enable);
    s.advance(10_000);
    const op = await arm<{ status: string; error: { code: string } }>(
      'GET',
      patch.headers.get('azure-asyncoperation') ?? '',
    );
    expect(op.body.status).toBe('Failed');
    expect(op.body.error.code).toBe('CloudInternalError');
    const vault = await arm<{
      properties: { featureSettings: { crossRegionRestoreSettings: { state: string } } };
    }>('GET', DEMO_VAULT_IDS.contosoGrs);
    expect(vault.body.properties.featureSettings.crossRegionRestoreSettings.state).toBe('Disabled');
  });

  it('reads scenarios and their parameters from the URL', () => {
    expect(parseScenarioParams('?scenario=throttle,slow&throttleCount=3&latency=300&retryAfter=2')).toEqual({
      names: ['throttle', 'slow'],
      throttleCount: 3,
      latencyMs: 300,
      retryAfterSeconds: 2,
    });
    expect(parseScenarioParams('?latency=500')).toEqual({ names: ['slow'], latencyMs: 500 });
    expect(parseScenarioParams('?scenario=vault-gone&goneVault=contoso-grs-vault')).toEqual({
      names: ['vault-gone'],
      goneVault: 'contoso-grs-vault',
    });
    expect(parseScenarioParams('?foo=1')).toBeUndefined();
  });
});
