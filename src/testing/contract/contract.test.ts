// @vitest-environment node
// Contract suite: the simulator, the spec's own examples and the real ARM recordings, all checked
// against the 2025-07-01 DataProtection spec and the 2022-04-01 Authorization spec. Without
// ../shared/azure-spec it reports itself skipped.

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer } from '@/mocks/node';
import {
  DEMO_INSTANCE_IDS,
  DEMO_RESTORE_TARGETS,
  DEMO_SUBSCRIPTIONS,
  DEMO_VAULT_IDS,
} from '@/mocks/tenant/demo-tenant';
import { arm, armListAll } from './arm-fetch';
import { EXAMPLE_DEFECTS, KNOWN_DEVIATIONS } from './known-deviations';
import { demoCrossRegionRestoreRequest } from '@/mocks/tenant/demo-requests';
import { attachContractRecorder } from './recorder';
import { loadSpec, recordingsDir } from './spec-loader';
import { formatIssues, getContractValidator, type ValidationIssue } from './validator';

const availability = loadSpec();
const suite = availability.available ? describe : describe.skip;
const title = availability.available
  ? 'contract (DataProtection 2025-07-01, Authorization 2022-04-01)'
  : `contract SKIPPED: ${availability.reason}`;
if (!availability.available) console.warn(`[contract] ${title}`);

/** The operations the app uses; each must be exercised against the simulator and have its examples replayed. */
const OPERATIONS = [
  'BackupVaults_GetInSubscription',
  'BackupVaults_GetInResourceGroup',
  'BackupVaults_Get',
  'BackupVaults_Update',
  'BackupVaultOperationResults_Get',
  'BackupInstances_List',
  'BackupInstances_Get',
  'RecoveryPoints_List',
  'RecoveryPoints_Get',
  'FetchSecondaryRecoveryPoints_List',
  'BackupInstances_ValidateCrossRegionRestore',
  'BackupInstances_TriggerCrossRegionRestore',
  'FetchCrossRegionRestoreJobs_List',
  'FetchCrossRegionRestoreJob_Get',
  'Jobs_List',
  'Jobs_Get',
  'OperationStatus_Get',
  'OperationStatusResourceGroupContext_Get',
  'OperationStatusBackupVaultContext_Get',
  'OperationResult_Get',
  // Microsoft.Authorization: the restore wizard's permission check and grant. The client lists
  // `{scope}/providers/Microsoft.Authorization/roleAssignments`; for the scopes it uses the spec
  // names that URL with its more specific templates (resource, subscription).
  'Permissions_ListForResourceGroup',
  'RoleAssignments_ListForResource',
  'RoleAssignments_ListForSubscription',
  'RoleAssignments_Create',
  'RoleDefinitions_Get',
  'RoleDefinitions_GetById',
] as const;

const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const RG_PATH = `/subscriptions/${PROD}/resourceGroups/rg-contoso-backup/providers/Microsoft.DataProtection`;

suite(title, () => {
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
      expect([...OPERATIONS].filter((op) => !seen.has(op))).toEqual([]);
      // The simulator behaves like real ARM, so the deviations it needs are the recorded ones.
      expect([...deviations].sort()).toEqual([
        'job-isCrossRegionRestore',
        'job-sourceDataStoreType',
        'null-for-absent-optional',
        'rg-scoped-location-operation-status',
      ]);
    });
  });

  describe('the validator is not lenient', () => {
    const validator = getContractValidator();
    const vaultUrl = `https://management.azure.com${DEMO_VAULT_IDS.contosoPg}?api-version=2025-07-01`;
    const okVault = {
      id: DEMO_VAULT_IDS.contosoPg,
      name: 'v',
      type: 'Microsoft.DataProtection/backupVaults',
      location: 'eastus',
      properties: { storageSettings: [] },
    };

    it('reports operationId and JSON path for an unknown property', () => {
      const r = validator?.validateExchange({
        method: 'GET',
        url: vaultUrl,
        status: 200,
        responseBody: { ...okVault, properties: { storageSettings: [{ type: 'GeoRedundant', bogus: 1 }] } },
      });
      expect(r?.issues.map((i) => `${i.operationId} ${i.path}`)).toEqual([
        'BackupVaults_Get $.properties.storageSettings[0].bogus',
      ]);
    });

    it('refuses a wrong api-version, a missing required property and a wrong type', () => {
      const r = validator?.validateExchange({
        method: 'GET',
        url: vaultUrl.replace('2025-07-01', '2024-04-01'),
        status: 200,
        responseBody: { ...okVault, location: 5, properties: {} },
      });
      expect(formatIssues(r?.issues ?? [])).toMatch(/api-version/);
      expect(formatIssues(r?.issues ?? [])).toMatch(/\$\.location: must be string/);
      expect(formatIssues(r?.issues ?? [])).toMatch(
        /\$\.properties: must have required property 'storageSettings'/,
      );
    });

    it('dispatches on the discriminator and rejects unknown subtypes', () => {
      const url = `https://management.azure.com${DEMO_INSTANCE_IDS.ordersDb}/recoveryPoints?api-version=2025-07-01`;
      const bad = validator?.validateExchange({
        method: 'GET',
        url,
        status: 200,
        responseBody: { value: [{ properties: { objectType: 'NoSuchRecoveryPoint' } }] },
      });
      expect(formatIssues(bad?.issues ?? [])).toMatch(
        /RecoveryPoints_List response \$\.value\[0\]\.properties\.objectType: must be one of/,
      );
      const missing = validator?.validateExchange({
        method: 'GET',
        url,
        status: 200,
        responseBody: { value: [{ properties: { objectType: 'AzureBackupDiscreteRecoveryPoint' } }] },
      });
      expect(formatIssues(missing?.issues ?? [])).toMatch(/must have required property 'recoveryPointTime'/);
    });

    it('refuses read-only properties in requests and unknown paths under the provider', () => {
      const r = validator?.validateExchange({
        method: 'PATCH',
        url: vaultUrl,
        requestBody: { identity: { principalId: 'x' } },
        status: 202,
      });
      expect(formatIssues(r?.issues ?? [])).toMatch(/request \$\.identity\.principalId: read-only property/);
      const u = validator?.validateExchange({
        method: 'GET',
        url: `https://management.azure.com${DEMO_VAULT_IDS.contosoPg}/nonsense?api-version=2025-07-01`,
        status: 200,
        responseBody: {},
      });
      expect(u?.issues[0]?.message).toMatch(/matches no operation/);
    });

    it('checks Microsoft.Authorization traffic against its own spec and api-version', () => {
      const scope = DEMO_RESTORE_TARGETS.keyVaultId;
      const r = validator?.validateExchange({
        method: 'PUT',
        url: `https://management.azure.com${scope}/providers/Microsoft.Authorization/roleAssignments/5c0ffee0-0000-4000-8000-000000000001?api-version=2025-07-01`,
        requestBody: { properties: { roleDefinitionId: 'x', principalId: 'y', scope } },
        status: 201,
        responseBody: { properties: { roleDefinitionId: 'x' } },
      });
      expect(r?.operationId).toBe('RoleAssignments_Create');
      expect(formatIssues(r?.issues ?? [])).toMatch(/api-version is '2025-07-01', the spec is 2022-04-01/);
      expect(formatIssues(r?.issues ?? [])).toMatch(/request \$\.properties\.scope: read-only property/);
      expect(formatIssues(r?.issues ?? [])).toMatch(
        /response \$\.properties: must have required property 'principalId'/,
      );
      const byId = validator?.findOperation('GET', '/providers/Microsoft.Authorization/roleDefinitions/abc');
      expect(byId?.op.operationId).toBe('RoleDefinitions_GetById');
    });

    it('allows null for optional properties only through the documented deviation', () => {
      const url = `https://management.azure.com${DEMO_INSTANCE_IDS.ordersDb}/recoveryPoints?api-version=2025-07-01`;
      const body = {
        value: [{ properties: { objectType: 'AzureBackupDiscreteRecoveryPoint', recoveryPointTime: null } }],
      };
      const r = validator?.validateExchange({ method: 'GET', url, status: 200, responseBody: body });
      expect(formatIssues(r?.issues ?? [])).toMatch(/recoveryPointTime: must be string/);
    });
  });

  describe("the spec's own examples validate", () => {
    const validator = getContractValidator();
    const spec = availability.available ? availability.spec : undefined;
    for (const operationId of OPERATIONS) {
      it(operationId, () => {
        const op = validator?.operationById(operationId);
        expect(op, `${operationId} is in the spec`).toBeDefined();
        if (!op || !spec || !validator) return;
        const examples = (op.operation['x-ms-examples'] ?? {}) as Record<string, { $ref: string }>;
        expect(Object.keys(examples).length).toBeGreaterThan(0);
        const problems: ValidationIssue[] = [];
        for (const ref of Object.values(examples)) {
          const file = ref.$ref.replace(/^\.\//, '');
          const example = JSON.parse(readFileSync(path.resolve(path.dirname(op.file), ref.$ref), 'utf8')) as {
            parameters: Record<string, unknown>;
            responses: Record<string, { body?: unknown }>;
          };
          const allowed = EXAMPLE_DEFECTS.filter((d) => d.example === file).map((d) => d.path);
          const bodyParam = op.parameters.find((p) => p.in === 'body');
          if (
            bodyParam &&
            typeof bodyParam.name === 'string' &&
            example.parameters[bodyParam.name] !== undefined
          ) {
            problems.push(
              ...validator
                .validateRequestBody(operationId, example.parameters[bodyParam.name])
                .filter((i) => !allowed.includes(i.path)),
            );
          }
          for (const [status, response] of Object.entries(example.responses)) {
            if (response.body === undefined) continue;
            problems.push(
              ...validator
                .validateResponse(operationId, Number(status), response.body)
                .filter((i) => !allowed.includes(i.path))
                .map((i) => ({ ...i, message: `${file} (${status}): ${i.message}` })),
            );
          }
        }
        expect(formatIssues(problems)).toBe('');
      });
    }
  });

  describe('real ARM recordings validate with the known deviations, and each deviation is backed by one', () => {
    const validator = getContractValidator();
    const dir = recordingsDir(availability.available ? availability.spec.sharedDir : undefined);
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
    type Recorded = {
      method: string;
      uri: string;
      requestBody: unknown;
      status: number;
      responseBody: unknown;
      responseHeaders: Record<string, string>;
    };
    const load = (f: string) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Recorded[];

    it('every 2025-07-01 DataProtection exchange of the recordings validates (they hold no Authorization traffic)', () => {
      const problems: string[] = [];
      let checked = 0;
      for (const f of files) {
        load(f).forEach((e, i) => {
          if (!e.uri.includes('api-version=2025-07-01') || !/Microsoft\.DataProtection/i.test(e.uri)) return;
          // Recorded requests come from the CLI, not from our client: only ARM's answers are at issue here.
          const result = validator?.validateExchange({
            method: e.method,
            url: e.uri,
            status: e.status,
            responseBody: e.responseBody === '' ? undefined : e.responseBody,
            responseHeaders: e.responseHeaders,
          });
          if (!result?.checked) return;
          checked++;
          const issues = result.issues.filter((x) => x.part !== 'request');
          if (issues.length) problems.push(`${f} #${i}: ${formatIssues(issues)}`);
        });
      }
      expect(checked).toBeGreaterThan(50);
      expect(problems).toEqual([]);
    });

    it.each(KNOWN_DEVIATIONS.map((d) => [d.id, d] as const))(
      '%s is shown by its recorded exchanges',
      (_id, deviation) => {
        for (const ev of deviation.evidence) {
          const exchange = load(ev.recording)[ev.exchange];
          expect(exchange, `${ev.recording} #${ev.exchange}`).toBeDefined();
          if (!exchange) continue;
          if (deviation.kind === 'extra-path') {
            const text = JSON.stringify(exchange.responseHeaders) + exchange.uri;
            expect(text).toMatch(
              /\/resourceGroups\/[^/]+\/providers\/Microsoft\.DataProtection\/locations\/[^/]+\/operationStatus\//,
            );
          } else {
            const result = validator?.validateExchange({
              method: exchange.method,
              url: exchange.uri.replace(/api-version=[^&]+/, 'api-version=2025-07-01'),
              status: exchange.status,
              responseBody: exchange.responseBody,
            });
            expect(result?.deviationsUsed, `${ev.recording} #${ev.exchange} needs ${deviation.id}`).toContain(
              deviation.id,
            );
          }
        }
      },
    );
  });
});
