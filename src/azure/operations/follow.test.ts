import { QueryClient } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createArm } from '../arm';
import { ArmError } from '../arm-error';
import { DemoCredential } from '../credentials';
import { armKeys } from '../query-keys';
import { ARM, FILES_RESTORE_TARGET, SUB, installMswServer } from '../test-utils';
import { createPendingOperationStore, memoryStorage, type PendingOperationStore } from './pending-operations';
import { createBackupInstanceQueries } from '../backup-instances/queries';
import { createArmOperations } from './arm-operations';

const server = installMswServer();
const RG = `/subscriptions/${SUB}/resourceGroups/rg1/providers/Microsoft.DataProtection`;
const VAULT_ID = `${RG}/backupVaults/v1`;
const INSTANCE_ID = `${VAULT_ID}/backupInstances/pg-orders`;
const CRR = `${ARM}${RG}/locations/westus/crossRegionRestore`;
const OP_STATUS = `${ARM}${RG}/locations/westus/operationStatus/op1`;
const OP_RESULT = `${ARM}/subscriptions/${SUB}/providers/Microsoft.DataProtection/locations/westus/operationResults/op1`;
const JOB_ID = `${VAULT_ID}/backupJobs/11111111-aaaa-bbbb-cccc-222222222222`;

const restore = {
  instanceId: INSTANCE_ID,
  sourceRegion: 'eastus',
  secondaryRegion: 'westus',
  recoveryPointId: 'rp1',
  target: FILES_RESTORE_TARGET,
};

function setup(store: PendingOperationStore = createPendingOperationStore({ storage: memoryStorage() })) {
  const arm = createArm({
    credential: new DemoCredential(),
    sleep: () => Promise.resolve(),
    pendingOperations: store,
  });
  const qc = new QueryClient();
  return {
    arm,
    qc,
    store,
    trigger: () =>
      qc
        .getMutationCache()
        .build(qc, arm.group(createBackupInstanceQueries).mutations.triggerCrossRegionRestore())
        .execute(restore),
  };
}

const accepted = () =>
  new HttpResponse(null, {
    status: 202,
    headers: {
      'azure-asyncoperation': `${OP_STATUS}?api-version=2025-07-01`,
      location: `${OP_RESULT}?api-version=2025-07-01`,
    },
  });

describe('a cross-region restore is never sent twice', () => {
  it('refuses a second trigger while the first is still running', async () => {
    const { store, trigger } = setup();
    let posts = 0;
    let secondAttempt: unknown;
    server.use(
      http.post(CRR, () => {
        posts++;
        return accepted();
      }),
      http.get(OP_STATUS, async () => {
        // While the first restore runs, the user (or a double-click) tries again.
        secondAttempt ??= await setupWith(store)
          .trigger()
          .catch((e: unknown) => e);
        return HttpResponse.json({ status: 'Succeeded' });
      }),
      http.get(OP_RESULT, () => HttpResponse.json({ objectType: 'OperationJobExtendedInfo', jobId: JOB_ID })),
    );
    const result = await trigger();
    expect(result.jobName).toBe('11111111-aaaa-bbbb-cccc-222222222222');
    expect(posts).toBe(1);
    expect(secondAttempt).toBeInstanceOf(ArmError);
    expect((secondAttempt as ArmError).code).toBe('OperationAlreadyStarted');
    expect(store.list()).toEqual([]);
  });

  it('keeps an unanswered trigger as unconfirmed, and a follow says so instead of resending', async () => {
    const { store, trigger, arm, qc } = setup();
    server.use(http.post(CRR, () => HttpResponse.error()));
    await expect(trigger()).rejects.toMatchObject({ code: 'NetworkError' });
    const kept = store.get('crossRegionRestore', INSTANCE_ID);
    expect(kept?.resourceId).toBe(INSTANCE_ID);
    expect(kept?.resumeToken).toBeUndefined();
    await expect(trigger()).rejects.toMatchObject({ code: 'OperationAlreadyStarted' });
    const followed = await qc.fetchQuery(
      arm.group(createArmOperations).queries.follow('crossRegionRestore', INSTANCE_ID),
    );
    expect(followed.state).toBe('unconfirmed');
  });

  it('a trigger Azure refused (403) is forgotten: nothing started', async () => {
    const { store, trigger } = setup();
    server.use(
      http.post(CRR, () =>
        HttpResponse.json({ error: { code: 'AuthorizationFailed', message: 'no' } }, { status: 403 }),
      ),
    );
    await expect(trigger()).rejects.toMatchObject({ status: 403 });
    expect(store.list()).toEqual([]);
  });
});

describe('following an operation after a reload', () => {
  it('resumes from the stored token, runs the same follow-up as the mutation, then forgets it', async () => {
    const store = createPendingOperationStore({ storage: memoryStorage() });
    store.put({
      kind: 'crossRegionRestore',
      resourceId: INSTANCE_ID,
      startedAt: '2025-01-01T00:00:00Z',
      resumeToken: `${OP_STATUS}?api-version=2025-07-01`,
    });
    let polls = 0;
    server.use(
      http.get(OP_STATUS, () => {
        polls++;
        return HttpResponse.json(
          polls < 2
            ? { status: 'Inprogress' }
            : { status: 'Succeeded', properties: { objectType: 'OperationJobExtendedInfo', jobId: JOB_ID } },
        );
      }),
    );
    const { arm, qc } = setupWith(store);
    qc.setQueryData(armKeys.jobList(VAULT_ID), []);
    const followed = await qc.fetchQuery(
      arm.group(createArmOperations).queries.follow('crossRegionRestore', INSTANCE_ID),
    );
    expect(followed.state === 'succeeded' && followed.result.jobName).toBe(
      '11111111-aaaa-bbbb-cccc-222222222222',
    );
    expect(polls).toBe(2);
    expect(qc.getQueryState(armKeys.jobList(VAULT_ID))?.isInvalidated).toBe(true);
    expect(store.list()).toEqual([]);
  });

  it('keeps the operation when polling fails in transit, and forgets it when it failed in Azure', async () => {
    const store = createPendingOperationStore({ storage: memoryStorage() });
    const entry = {
      kind: 'crossRegionRestore' as const,
      resourceId: INSTANCE_ID,
      startedAt: '2025-01-01T00:00:00Z',
      resumeToken: `${OP_STATUS}?api-version=2025-07-01`,
    };
    store.put(entry);
    const { arm, qc } = setupWith(store);
    server.use(http.get(OP_STATUS, () => HttpResponse.error()));
    await expect(
      qc.fetchQuery(arm.group(createArmOperations).queries.follow('crossRegionRestore', INSTANCE_ID)),
    ).rejects.toMatchObject({ code: 'NetworkError' });
    expect(store.get('crossRegionRestore', INSTANCE_ID)).toEqual(entry);

    server.use(
      http.get(OP_STATUS, () =>
        HttpResponse.json({
          status: 'Failed',
          error: { code: 'UserErrorDatabaseNameAlreadyInUse', message: 'taken' },
        }),
      ),
    );
    await expect(
      qc.fetchQuery(arm.group(createArmOperations).queries.follow('crossRegionRestore', INSTANCE_ID)),
    ).rejects.toMatchObject({ code: 'UserErrorDatabaseNameAlreadyInUse' });
    expect(store.list()).toEqual([]);
  });
});

describe('the pending-operation store', () => {
  it('keeps each account scope apart and compares ids case-insensitively', () => {
    const storage = memoryStorage();
    let account = 'alice';
    const store = createPendingOperationStore({ storage, scope: () => account });
    store.put({ kind: 'vaultUpdate', resourceId: VAULT_ID, startedAt: 'now', resumeToken: 't' });
    expect(store.get('vaultUpdate', VAULT_ID.toUpperCase())?.resumeToken).toBe('t');
    account = 'bob';
    expect(store.get('vaultUpdate', VAULT_ID)).toBeUndefined();
    expect(store.list()).toEqual([]);
  });

  it('ignores entries it cannot read', () => {
    const storage = memoryStorage();
    const store = createPendingOperationStore({ storage });
    store.put({ kind: 'vaultUpdate', resourceId: VAULT_ID, startedAt: 'now' });
    const key = storage.key(0) ?? '';
    storage.setItem(key, '{not json');
    expect(store.get('vaultUpdate', VAULT_ID)).toBeUndefined();
  });
});

function setupWith(store: PendingOperationStore) {
  return setup(store);
}
