// @vitest-environment node
// Contract suite: the simulator answers every operation the app uses as the 2025-07-01
// DataProtection spec and the 2022-04-01 Authorization spec say (the validator's own tests are in
// validator.test.ts, the spec's examples and the real ARM recordings in spec-evidence.test.ts).
// Without ../shared/azure-spec it reports itself skipped.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer } from '@/mocks/node';
import {
  DEMO_INSTANCE_IDS,
  DEMO_RESTORE_TARGETS,
  DEMO_SUBSCRIPTIONS,
  DEMO_VAULT_IDS,
} from '@/mocks/tenant/demo-tenant';
import { arm, armListAll } from './arm-fetch';
import { APP_OPERATIONS, CONTRACT_TITLE, specSuite } from './contract-suite';
import { demoCrossRegionRestoreRequest } from '@/mocks/tenant/demo-requests';
import { attachContractRecorder } from './recorder';

const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const RG_PATH = `/subscriptions/${PROD}/resourceGroups/rg-contoso-backup/providers/Microsoft.DataProtection`;

specSuite(CONTRACT_TITLE, () => {
  describe('the simulator answers every operation as the spec says', () => {
    const t = createTestServer({ pageSizes: { instances: 2, recoveryPoints: 7, jobs: 20, vaults: 1 } });
    const recorder = attachContractRecorder(t.server);
    const seen = new Set<string>();
    const deviations = new Set<string>();
    beforeAll(() => t.listen());
    afterEach(async () => {
      for (const e of await recorder.exchanges()) {
        if (e.result.operationId) seen.add(e.result.operationId);
        for (const d of e.result.deviationsUsed) deviations.add(d);
      }
      await recorder.assertAllValid();
      recorder.clear();
    });
    afterAll(() => {
      recorder.dispose();
      t.close();
    });

    it('vaults: list in subscription / resource group (paged), get', async () => {
      const all = await armListAll(
        'GET',
        `/subscriptions/${PROD}/providers/Microsoft.DataProtection/backupVaults`,
      );
      expect(all.items.length).toBe(2);
      expect(all.pages).toBe(2);
      await armListAll('GET', `${RG_PATH}/backupVaults`);
      expect((await arm('GET', DEMO_VAULT_IDS.contosoPg)).status).toBe(200);
    });

    it('vault PATCH: 202 + polling at vault scope, operation results, refusals', async () => {
      const patch = await arm('PATCH', DEMO_VAULT_IDS.contosoGrs, {
        properties: { featureSettings: { crossRegionRestoreSettings: { state: 'Enabled' } } },
      });
      expect(patch.status).toBe(202);
      const asyncUrl = patch.headers.get('azure-asyncoperation') ?? '';
      const location = patch.headers.get('location') ?? '';
      expect(asyncUrl).toContain('/backupVaults/contoso-grs-vault/operationStatus/');
      let status = '';
      for (let i = 0; i < 10 && status !== 'Succeeded'; i++)
        status = String((await arm('GET', asyncUrl)).body.status);
      expect(status).toBe('Succeeded');
      expect((await arm('GET', location)).status).toBe(200);
      const opId = /operationStatus\/([^?]+)/.exec(asyncUrl)?.[1] ?? '';
      expect((await arm('GET', `${DEMO_VAULT_IDS.contosoGrs}/operationResults/${opId}`)).status).toBe(200);
      const refused = await arm('PATCH', DEMO_VAULT_IDS.contosoPg, {
        properties: { featureSettings: { crossRegionRestoreSettings: { state: 'Disabled' } } },
      });
      expect(refused.status).toBe(400);
      const lrs = await arm('PATCH', DEMO_VAULT_IDS.contosoLrs, {
        properties: { featureSettings: { crossRegionRestoreSettings: { state: 'Enabled' } } },
      });
      expect(lrs.status).toBe(400);
    });

    it('instances and recovery points (paged, $filter)', async () => {
      const list = await armListAll<{ id: string; name: string }>(
        'GET',
        `${DEMO_VAULT_IDS.contosoPg}/backupInstances`,
      );
      expect(list.items.length).toBe(5);
      expect(list.pages).toBe(3);
      expect((await arm('GET', DEMO_INSTANCE_IDS.ordersDb)).status).toBe(200);
      const filter = encodeURIComponent(
        `startDate eq '2025-10-20T00:00:00.0000000Z' and endDate eq '2033-06-16T00:00:00.0000000Z'`,
      );
      const rps = await armListAll<{ name: string }>(
        'GET',
        `${DEMO_INSTANCE_IDS.ordersDb}/recoveryPoints?$filter=${filter}`,
      );
      expect(rps.items.length).toBeGreaterThan(10);
      const first = rps.items[0]?.name ?? '';
      expect((await arm('GET', `${DEMO_INSTANCE_IDS.ordersDb}/recoveryPoints/${first}`)).status).toBe(200);
    });

    it('cross-region restore: secondary recovery points, validate, trigger, CRR jobs', async () => {
      const sec = await armListAll<{ name: string }>(
        'POST',
        `${RG_PATH}/locations/westus/fetchSecondaryRecoveryPoints`,
        {
          sourceBackupInstanceId: DEMO_INSTANCE_IDS.ordersDb,
          sourceRegion: 'eastus',
        },
      );
      expect(sec.pages).toBeGreaterThan(1);
      // Later pages also answer a GET on nextLink (autorest's pageable convention).
      const firstPage = await arm<{ nextLink: string }>(
        'POST',
        `${RG_PATH}/locations/westus/fetchSecondaryRecoveryPoints`,
        { sourceBackupInstanceId: DEMO_INSTANCE_IDS.ordersDb, sourceRegion: 'eastus' },
      );
      const viaGet = await arm<{ value: unknown[] }>('GET', firstPage.body.nextLink);
      expect([viaGet.status, viaGet.body.value.length]).toEqual([200, 7]);
      const rpId = sec.items[0]?.name ?? '';

      const validate = await arm(
        'POST',
        `${RG_PATH}/locations/westus/validateCrossRegionRestore`,
        demoCrossRegionRestoreRequest(rpId, 'orders-db-contract'),
      );
      expect(validate.status).toBe(202);
      const vUrl = validate.headers.get('azure-asyncoperation') ?? '';
      expect(vUrl).toContain(
        '/resourceGroups/rg-contoso-backup/providers/Microsoft.DataProtection/locations/westus/operationStatus/',
      );
      const opId = /operationStatus\/([^?]+)/.exec(vUrl)?.[1] ?? '';
      // The same operation through the spec's subscription- and resource-group-scoped status URLs.
      expect(
        (
          await arm(
            'GET',
            `/subscriptions/${PROD}/providers/Microsoft.DataProtection/locations/westus/operationStatus/${opId}`,
          )
        ).status,
      ).toBe(200);
      expect((await arm('GET', `${RG_PATH}/operationStatus/${opId}`)).status).toBe(200);
      let v = '';
      for (let i = 0; i < 10 && v !== 'Succeeded'; i++) v = String((await arm('GET', vUrl)).body.status);
      expect(v).toBe('Succeeded');

      const trigger = await arm(
        'POST',
        `${RG_PATH}/locations/westus/crossRegionRestore`,
        demoCrossRegionRestoreRequest(rpId, 'orders-db-contract'),
      );
      expect(trigger.status).toBe(202);
      const tUrl = trigger.headers.get('azure-asyncoperation') ?? '';
      let op: Record<string, unknown> = {};
      for (let i = 0; i < 10 && op.status !== 'Succeeded'; i++) op = (await arm('GET', tUrl)).body;
      const jobId = String((op.properties as { jobId?: string } | undefined)?.jobId);
      expect(jobId).toContain('/backupJobs/');
      const final = await arm<{ jobId: string }>('GET', trigger.headers.get('location') ?? '');
      expect(final.body.jobId).toBe(jobId);

      const jobsBody = { sourceRegion: 'eastus', sourceBackupVaultId: DEMO_VAULT_IDS.contosoPg };
      const jobs = await armListAll<{ name: string; properties: { isCrossRegionRestore: boolean } }>(
        'POST',
        `${RG_PATH}/locations/westus/fetchCrossRegionRestoreJobs`,
        jobsBody,
      );
      expect(jobs.items.some((j) => jobId.endsWith(j.name))).toBe(true);
      const filtered = await arm<{ value: unknown[] }>(
        'POST',
        `${RG_PATH}/locations/westus/fetchCrossRegionRestoreJobs?$filter=${encodeURIComponent("status eq 'Failed'")}`,
        jobsBody,
      );
      expect(filtered.body.value.length).toBe(2);
      t.advance(10 * 60_000);
      const job = await arm<{ properties: { status: string } }>(
        'POST',
        `${RG_PATH}/locations/westus/fetchCrossRegionRestoreJob`,
        { ...jobsBody, jobId: jobId.split('/').pop() },
      );
      expect(job.body.properties.status).toBe('Completed');
    });

    it('primary-region jobs: list (paged) and get', async () => {
      const jobs = await armListAll<{ name: string }>('GET', `${DEMO_VAULT_IDS.contosoPg}/backupJobs`);
      expect(jobs.pages).toBeGreaterThan(1);
      expect(
        (await arm('GET', `${DEMO_VAULT_IDS.contosoPg}/backupJobs/${jobs.items[0]?.name ?? ''}`)).status,
      ).toBe(200);
    });

    it('authorization: permissions, role assignments (filters, create, 409), role definitions', async () => {
      const auth = 'providers/Microsoft.Authorization';
      const v = 'api-version=2022-04-01';
      expect(
        (await arm('GET', `/subscriptions/${PROD}/resourcegroups/rg-contoso-backup/${auth}/permissions?${v}`))
          .status,
      ).toBe(200);
      const principal = t.tenant.getVaultById(DEMO_VAULT_IDS.contosoPg)?.principalId ?? '';
      const list = await arm<{ value: { properties: { roleDefinitionId: string } }[] }>(
        'GET',
        `${DEMO_RESTORE_TARGETS.keyVaultId}/${auth}/roleAssignments?$filter=${encodeURIComponent(`principalId eq '${principal}'`)}&${v}`,
      );
      expect(list.body.value.length).toBe(1);
      const container = `${DEMO_RESTORE_TARGETS.storageAccountId}/blobServices/default/containers/restores`;
      expect(
        (await arm('GET', `${container}/${auth}/roleAssignments?$filter=principalId eq '${principal}'&${v}`))
          .status,
      ).toBe(200);
      expect(
        (await arm('GET', `/subscriptions/${PROD}/${auth}/roleAssignments?$filter=atScope()&${v}`)).status,
      ).toBe(200);
      const roleDefinitionId = list.body.value[0]?.properties.roleDefinitionId ?? '';
      expect((await arm('GET', `${roleDefinitionId}?${v}`)).status).toBe(200);
      expect(
        (await arm('GET', `/${auth}/roleDefinitions/${roleDefinitionId.split('/').pop() ?? ''}?${v}`)).status,
      ).toBe(200);
      const body = {
        properties: { roleDefinitionId, principalId: principal, principalType: 'ServicePrincipal' },
      };
      const put = (name: string) =>
        arm('PUT', `${DEMO_RESTORE_TARGETS.drillKeyVaultId}/${auth}/roleAssignments/${name}?${v}`, body);
      expect((await put('5c0ffee0-0000-4000-8000-000000000001')).status).toBe(201);
      expect((await put('5c0ffee0-0000-4000-8000-000000000002')).status).toBe(409);
    });

    it('error answers match the default error schemas', async () => {
      expect((await arm('GET', `${RG_PATH}/backupVaults/no-such-vault`)).status).toBe(404);
      expect(
        (
          await arm('POST', `${RG_PATH}/locations/westus/fetchSecondaryRecoveryPoints`, {
            sourceBackupInstanceId: DEMO_INSTANCE_IDS.ordersDb,
            sourceRegion: 'westus',
          })
        ).status,
      ).toBe(400);
    });

    it('covered every operation the app uses', () => {
      expect([...APP_OPERATIONS].filter((op) => !seen.has(op))).toEqual([]);
      // The simulator behaves like real ARM, so the deviations it needs are the recorded ones.
      expect([...deviations].sort()).toEqual([
        'job-isCrossRegionRestore',
        'job-sourceDataStoreType',
        'null-for-absent-optional',
        'rg-scoped-location-operation-status',
      ]);
    });
  });
});
