// @vitest-environment node
// The real client against the simulator: every operation the app uses, all traffic recorded and
// validated against the spec. This is where "client, simulator and spec agree" is proven.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectAll } from '@/azure/paging';
import { createArm, type Arm } from '@/azure/arm';
import { DemoCredential } from '@/azure/credentials';
import { jobNameFromJobId, parseBackupInstanceId, parseBackupVaultId } from '@/azure/resource-id';
import {
  buildCrossRegionRestoreRequest,
  type CrossRegionRestoreInput,
} from '@/azure/restore/restore-request';
import {
  defaultRecoveryPoint,
  recoveryPointTier,
  restoreModesFor,
  targetRegionProblem,
} from '@/azure/restore/restore-rules';
import { createTestServer, type TestServer } from '@/mocks/node';
import { QueryClient } from '@tanstack/react-query';
import { BUILT_IN_ROLES } from '@/azure/authorization/built-in-roles';
import {
  DEMO_INSTANCE_IDS,
  DEMO_RESTORE_TARGETS,
  DEMO_SUBSCRIPTIONS,
  DEMO_VAULT_IDS,
} from '@/mocks/tenant/demo-tenant';
import { attachContractRecorder, type ContractRecorder } from './recorder';
import { specAvailability, specSuite } from './contract-suite';
import { createAuthorizationQueries } from '@/azure/authorization/queries';
import { createRestoreTargetQueries } from '@/azure/restore-targets/queries';

const title = specAvailability.available
  ? 'the client against the simulator, validated against the spec'
  : `client contract SKIPPED: ${specAvailability.reason}`;

const noWait = () => Promise.resolve();

specSuite(title, () => {
  let ts: TestServer;
  let recorder: ContractRecorder;
  let arm: Arm;
  const prod = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;

  beforeEach(() => {
    ts = createTestServer();
    ts.listen();
    recorder = attachContractRecorder(ts.server);
    arm = createArm({ credential: new DemoCredential(), sleep: noWait, pollIntervalMs: 0 });
  });

  afterEach(async () => {
    try {
      const exchanges = await recorder.exchanges();
      // Guard against a recorder that saw nothing (which would make the assertion vacuous).
      expect(exchanges.length).toBeGreaterThan(0);
      await recorder.assertAllValid();
    } finally {
      recorder.dispose();
      ts.close();
    }
  });

  it('reads subscriptions, locations and vaults, and enables Cross Region Restore (PATCH, long-running)', async () => {
    const subscriptions = await collectAll(arm.resources.subscriptions.list());
    expect(subscriptions.map((s) => s.displayName)).toEqual(
      expect.arrayContaining(['Contoso Production', 'Contoso Dev/Test', 'Fabrikam Shared']),
    );
    const locations = await collectAll(arm.resources.subscriptions.listLocations(prod));
    expect(locations.find((l) => l.name === 'eastus')?.metadata?.pairedRegion?.[0]?.name).toBe('westus');

    const dp = arm.dataProtection(prod);
    const vaults = await collectAll(dp.backupVaults.listInSubscription());
    expect(vaults.map((v) => v.name)).toEqual(
      expect.arrayContaining(['contoso-pg-vault', 'contoso-grs-vault']),
    );

    const grs = parseBackupVaultId(DEMO_VAULT_IDS.contosoGrs);
    const updated = await dp.backupVaults.beginUpdateAndWait(grs.resourceGroupName, grs.vaultName, {
      properties: { featureSettings: { crossRegionRestoreSettings: { state: 'Enabled' } } },
    });
    expect(updated.properties.featureSettings?.crossRegionRestoreSettings?.state).toBe('Enabled');
    const again = await dp.backupVaults.get(grs.resourceGroupName, grs.vaultName);
    expect(again.properties.featureSettings?.crossRegionRestoreSettings?.state).toBe('Enabled');
  });

  it('lists instances and primary and secondary recovery points', async () => {
    const dp = arm.dataProtection(prod);
    const bi = parseBackupInstanceId(DEMO_INSTANCE_IDS.ordersDb);
    const instances = await collectAll(dp.backupInstances.list(bi.resourceGroupName, bi.vaultName));
    expect(instances.length).toBeGreaterThanOrEqual(5);
    const instance = await dp.backupInstances.get(bi.resourceGroupName, bi.vaultName, bi.backupInstanceName);
    expect(instance.id?.toLowerCase()).toBe(DEMO_INSTANCE_IDS.ordersDb.toLowerCase());

    const primary = await collectAll(
      dp.recoveryPoints.list(bi.resourceGroupName, bi.vaultName, bi.backupInstanceName),
    );
    expect(primary.length).toBeGreaterThanOrEqual(30);
    const secondary = await collectAll(
      dp.fetchSecondaryRecoveryPoints.list(bi.resourceGroupName, 'westus', {
        sourceBackupInstanceId: DEMO_INSTANCE_IDS.ordersDb,
        sourceRegion: 'eastus',
      }),
    );
    expect(secondary.length).toBeGreaterThan(0);
    expect(secondary.length).toBeLessThanOrEqual(primary.length);
  });

  it('validates and triggers a cross-region restore, then finds its job in the secondary region', async () => {
    const dp = arm.dataProtection(prod);
    const bi = parseBackupInstanceId(DEMO_INSTANCE_IDS.ordersDb);
    const [point] = await collectAll(
      dp.fetchSecondaryRecoveryPoints.list(bi.resourceGroupName, 'westus', {
        sourceBackupInstanceId: DEMO_INSTANCE_IDS.ordersDb,
        sourceRegion: 'eastus',
      }),
    );
    const recoveryPointId = point?.name ?? '';
    expect(recoveryPointId).not.toBe('');
    // The app's one builder makes the body; the recorder checks it against the spec.
    const body = buildCrossRegionRestoreRequest({
      instanceId: DEMO_INSTANCE_IDS.ordersDb,
      sourceRegion: 'eastus',
      secondaryRegion: 'westus',
      recoveryPointId,
      target: {
        kind: 'database',
        serverId: DEMO_RESTORE_TARGETS.pgServerId,
        serverLocation: 'westus',
        databaseName: 'orders-db-restored',
        secretUri: DEMO_RESTORE_TARGETS.secretUri,
      },
    });

    await dp.backupInstances.beginValidateCrossRegionRestoreAndWait(bi.resourceGroupName, 'westus', body);
    const result = await dp.backupInstances.beginTriggerCrossRegionRestoreAndWait(
      bi.resourceGroupName,
      'westus',
      body,
    );
    const jobId = result.jobId;
    expect(jobId).toBeTruthy();

    const jobs = await collectAll(
      dp.fetchCrossRegionRestoreJobs.list(bi.resourceGroupName, 'westus', {
        sourceRegion: 'eastus',
        sourceBackupVaultId: DEMO_VAULT_IDS.contosoPg,
      }),
    );
    expect(jobs.some((j) => j.properties?.isCrossRegionRestore === true)).toBe(true);
    const jobName = jobNameFromJobId(String(jobId));
    const job = await dp.fetchCrossRegionRestoreJob.get(bi.resourceGroupName, 'westus', {
      sourceRegion: 'eastus',
      sourceBackupVaultId: DEMO_VAULT_IDS.contosoPg,
      jobId: jobName,
    });
    expect(job.properties?.operation).toMatch(/restore/i);
  });

  it("checks the restore's permissions, grants the missing role, and the next check and validation see it", async () => {
    const qc = new QueryClient();
    const principalId = ts.tenant.getVaultById(DEMO_VAULT_IDS.contosoPg)?.principalId ?? '';
    const keyVaults = await qc.fetchQuery(arm.group(createRestoreTargetQueries).queries.keyVaults(prod));
    const drill = keyVaults.find((k) => k.name === 'kv-drill-westus');
    if (!drill?.id) throw new Error('kv-drill-westus is not listed');
    const args = {
      vaultId: DEMO_VAULT_IDS.contosoPg,
      principalId,
      targets: {
        kind: 'database' as const,
        serverId: DEMO_RESTORE_TARGETS.pgServerId,
        keyVault: { ...drill, id: drill.id },
      },
    };
    const before = await qc.fetchQuery(arm.group(createAuthorizationQueries).queries.restoreCheck(args));
    expect(before.caller.status.state).toBe('granted');
    expect(before.identity.map((c) => [c.requirement.role.name, c.status.state, c.grant?.state])).toEqual([
      ['Reader', 'granted', undefined],
      ['Key Vault Secrets User', 'missing', 'yes'],
    ]);
    await qc
      .getMutationCache()
      .build(qc, arm.group(createAuthorizationQueries).mutations.grantRole())
      .execute({ scope: drill.id, role: BUILT_IN_ROLES.keyVaultSecretsUser, principalId });
    const after = await qc.fetchQuery(arm.group(createAuthorizationQueries).queries.restoreCheck(args));
    expect(after.nothingMissing).toBe(true);
    expect(after.identity[1]?.status).toEqual({ state: 'granted', grantedBy: ['Key Vault Secrets User'] });
  });

  it('lists the restore targets of a subscription, with secrets and containers', async () => {
    const qc = new QueryClient();
    const servers = await qc.fetchQuery(arm.group(createRestoreTargetQueries).queries.postgresServers(prod));
    expect(servers.map((s) => [s.name, s.location])).toEqual(
      expect.arrayContaining([
        ['pg-restore-westus', 'westus'],
        ['pg-staging-eastus', 'eastus'],
      ]),
    );
    const secrets = await qc.fetchQuery(
      arm.group(createRestoreTargetQueries).queries.secrets(DEMO_RESTORE_TARGETS.keyVaultId),
    );
    expect(secrets.map((s) => s.properties?.secretUri)).toContain(DEMO_RESTORE_TARGETS.secretUri);
    const accounts = await qc.fetchQuery(arm.group(createRestoreTargetQueries).queries.storageAccounts(prod));
    expect(accounts.map((a) => a.name).sort()).toEqual(['stcontosoeastus', 'strestorewestus']);
    const containers = await qc.fetchQuery(
      arm.group(createRestoreTargetQueries).queries.containers(DEMO_RESTORE_TARGETS.storageAccountId),
    );
    expect(containers.map((c) => c.name)).toEqual(['restores', 'audit-logs']);
  });

  it('lists and reads primary-region jobs', async () => {
    const dp = arm.dataProtection(prod);
    const vault = parseBackupVaultId(DEMO_VAULT_IDS.contosoPg);
    const jobs = await collectAll(dp.jobs.list(vault.resourceGroupName, vault.vaultName));
    expect(jobs.length).toBeGreaterThan(10);
    const first = jobs[0];
    const job = await dp.jobs.get(vault.resourceGroupName, vault.vaultName, first?.name ?? '');
    expect(job.name).toBe(first?.name);
  });
});

describe.skipIf(!specAvailability.available)(
  'the restore rules of src/azure agree with the simulated Azure (by test, not by import)',
  () => {
    let ts: TestServer;
    let arm: Arm;
    beforeEach(() => {
      ts = createTestServer();
      ts.listen();
      arm = createArm({ credential: new DemoCredential(), sleep: noWait, pollIntervalMs: 0 });
    });
    afterEach(() => ts.close());

    const validate = async (instanceId: string, target: CrossRegionRestoreInput['target']) => {
      const dp = arm.dataProtection(DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId);
      const bi = parseBackupInstanceId(instanceId);
      const [point] = await collectAll(
        dp.fetchSecondaryRecoveryPoints.list(bi.resourceGroupName, 'westus', {
          sourceBackupInstanceId: instanceId,
          sourceRegion: 'eastus',
        }),
      );
      const body = buildCrossRegionRestoreRequest({
        instanceId,
        sourceRegion: 'eastus',
        secondaryRegion: 'westus',
        recoveryPointId: point?.name ?? '',
        target,
      });
      return dp.backupInstances
        .beginValidateCrossRegionRestoreAndWait(bi.resourceGroupName, 'westus', body)
        .then(
          () => 'Succeeded',
          (error: unknown) => (error as { code?: string }).code,
        );
    };
    const database = (serverId: string, serverLocation: string): CrossRegionRestoreInput['target'] => ({
      kind: 'database',
      serverId,
      serverLocation,
      databaseName: 'agreement-check',
      secretUri: DEMO_RESTORE_TARGETS.secretUri,
    });
    const files: CrossRegionRestoreInput['target'] = {
      kind: 'files',
      containerUrl: DEMO_RESTORE_TARGETS.containerUrl,
      filePrefix: 'agreement-check',
    };

    it('flexible-server backups restore as files only; single-server databases either way', async () => {
      const flex = ts.tenant.getInstanceById(DEMO_INSTANCE_IDS.analyticsFlex)?.datasourceType;
      const single = ts.tenant.getInstanceById(DEMO_INSTANCE_IDS.ordersDb)?.datasourceType;
      expect(restoreModesFor(flex)).toEqual(['files']);
      expect(restoreModesFor(single)).toEqual(['database', 'files']);
      expect(
        await validate(DEMO_INSTANCE_IDS.analyticsFlex, database(DEMO_RESTORE_TARGETS.pgServerId, 'westus')),
      ).toBe('UserErrorRestoreAsDatabaseNotSupported');
      expect(await validate(DEMO_INSTANCE_IDS.analyticsFlex, files)).toBe('Succeeded');
      expect(
        await validate(DEMO_INSTANCE_IDS.ordersDb, database(DEMO_RESTORE_TARGETS.pgServerId, 'westus')),
      ).toBe('Succeeded');
    });

    it('a target outside the secondary region is refused by both', async () => {
      expect(targetRegionProblem('eastus', 'westus', 'West US')).toBeDefined();
      expect(
        await validate(DEMO_INSTANCE_IDS.ordersDb, database(DEMO_RESTORE_TARGETS.eastUsServerId, 'eastus')),
      ).toBe('UserErrorTargetNotInSecondaryRegion');
    });

    it('an archive-tier point is not offered by the app and refused by Azure', async () => {
      const dp = arm.dataProtection(DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId);
      const bi = parseBackupInstanceId(DEMO_INSTANCE_IDS.ordersDb);
      const points = await collectAll(
        dp.fetchSecondaryRecoveryPoints.list(bi.resourceGroupName, 'westus', {
          sourceBackupInstanceId: DEMO_INSTANCE_IDS.ordersDb,
          sourceRegion: 'eastus',
        }),
      );
      const archived = points.find((p) => recoveryPointTier(p) === 'archive');
      expect(archived).toBeDefined();
      expect(defaultRecoveryPoint(points)?.name).not.toBe(archived?.name);
      const body = buildCrossRegionRestoreRequest({
        instanceId: DEMO_INSTANCE_IDS.ordersDb,
        sourceRegion: 'eastus',
        secondaryRegion: 'westus',
        recoveryPointId: archived?.name ?? '',
        target: files,
      });
      await expect(
        dp.backupInstances.beginValidateCrossRegionRestoreAndWait(bi.resourceGroupName, 'westus', body),
      ).rejects.toMatchObject({ code: 'UserErrorArchivedRecoveryPointNeedsRehydration' });
    });
  },
);
