// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MINUTE } from './clock';
import { BUILT_IN_ROLES } from './authorization';
import { DEMO_INSTANCE_IDS, DEMO_RESTORE_TARGETS, DEMO_VAULT_IDS } from './demo-tenant';
import { demoCrossRegionRestoreInput } from './demo-requests';
import type { ModelError } from './errors';
import { demo, instance, vault } from './test-tenant';

describe('cross-region restore job lifecycle', () => {
  it('runs In progress -> Completed with progress, in the secondary region only', () => {
    const t = demo();
    const pg = vault(t, DEMO_VAULT_IDS.contosoPg);
    const op = t.triggerCrossRegionRestore(demoCrossRegionRestoreInput(t, 'orders-db-drill-42'));
    expect(op.jobId).toContain('/backupJobs/');
    t.clock.advance(t.timings.crrTriggerMs + MINUTE);
    const running = t.listCrossRegionRestoreJobs(pg).find((j) => j.job.id === op.jobId);
    expect(running?.status).toBe('InProgress');
    expect(running?.progress).toBeGreaterThan(0);
    expect(t.listJobs(pg).some((j) => j.job.id === op.jobId)).toBe(false);
    t.clock.advance(t.timings.crrJobMs);
    expect(t.listCrossRegionRestoreJobs(pg).find((j) => j.job.id === op.jobId)?.status).toBe('Completed');
  });

  it('fails with UserErrorDatabaseNameAlreadyInUse when the target database exists', () => {
    const t = demo();
    const op = t.triggerCrossRegionRestore(demoCrossRegionRestoreInput(t, 'orders-db'));
    t.clock.advance(t.timings.crrTriggerMs + t.timings.crrJobMs);
    const job = t
      .listCrossRegionRestoreJobs(vault(t, DEMO_VAULT_IDS.contosoPg))
      .find((j) => j.job.id === op.jobId);
    expect(job?.status).toBe('Failed');
    expect(job?.job.error?.code).toBe('UserErrorDatabaseNameAlreadyInUse');
  });

  it('refuses recovery points not yet in the secondary region and CRR on vaults without it', () => {
    const t = demo();
    const req = demoCrossRegionRestoreInput(t, 'x');
    const newestPrimary = t.primaryRecoveryPoints(instance(t, DEMO_INSTANCE_IDS.ordersDb))[0];
    expect(() =>
      t.triggerCrossRegionRestore({ ...req, recoveryPointId: newestPrimary?.recoveryPointId ?? '' }),
    ).toThrow(expect.objectContaining({ code: 'UserErrorRecoveryPointNotFound' }) as ModelError);
    expect(() => t.triggerCrossRegionRestore({ ...req, location: 'eastus2' })).toThrow(
      expect.objectContaining({ code: 'UserErrorInvalidSecondaryRegion' }) as ModelError,
    );
  });
});

describe('validateCrossRegionRestore fails with the codes Azure uses', () => {
  /** Runs a validation to its end and returns the failure code, or 'Succeeded'. */
  function validate(t: ReturnType<typeof demo>, input: ReturnType<typeof demoCrossRegionRestoreInput>) {
    const op = t.validateCrossRegionRestore(input);
    t.clock.advance(t.timings.validateMs);
    return op.error?.code ?? 'Succeeded';
  }

  it('a database name already in use on the target server (orders-db and orders-db-drill exist)', () => {
    const t = demo();
    expect(validate(t, demoCrossRegionRestoreInput(t, 'orders-db-drill'))).toBe(
      'UserErrorDatabaseNameAlreadyInUse',
    );
    expect(validate(t, demoCrossRegionRestoreInput(t, 'orders-db'))).toBe(
      'UserErrorDatabaseNameAlreadyInUse',
    );
    expect(validate(t, demoCrossRegionRestoreInput(t, 'orders-db-drill-2'))).toBe('Succeeded');
  });

  it('a target outside the secondary region, as a database or as files; the trigger refuses it too', () => {
    const t = demo();
    const base = demoCrossRegionRestoreInput(t, 'orders-db-drill-2');
    const eastDb = {
      ...base,
      target: { ...base.target, databaseId: `${DEMO_RESTORE_TARGETS.eastUsServerId}/databases/orders-copy` },
    };
    const eastFiles = {
      ...base,
      target: {
        kind: 'files' as const,
        containerUrl: DEMO_RESTORE_TARGETS.eastUsContainerUrl,
        filePrefix: 'orders',
      },
    };
    expect(validate(t, eastDb)).toBe('UserErrorTargetNotInSecondaryRegion');
    expect(validate(t, eastFiles)).toBe('UserErrorTargetNotInSecondaryRegion');
    expect(() => t.triggerCrossRegionRestore(eastDb)).toThrow(
      expect.objectContaining({ status: 400, code: 'UserErrorTargetNotInSecondaryRegion' }) as ModelError,
    );
  });

  it("the vault identity lacking Key Vault Secrets User, until the role is granted; a trigger's job fails with it", () => {
    const t = demo();
    const base = demoCrossRegionRestoreInput(t, 'orders-db-drill-2');
    const drill = { ...base, target: { ...base.target, secretUri: DEMO_RESTORE_TARGETS.drillSecretUri } };
    expect(validate(t, drill)).toBe('UserErrorMissingPermissionsOnSecretStore');
    const op = t.triggerCrossRegionRestore(drill);
    t.clock.advance(t.timings.crrTriggerMs + t.timings.crrJobMs);
    const job = t
      .listCrossRegionRestoreJobs(vault(t, DEMO_VAULT_IDS.contosoPg))
      .find((j) => j.job.id === op.jobId);
    expect([job?.status, job?.job.error?.code]).toEqual([
      'Failed',
      'UserErrorMissingPermissionsOnSecretStore',
    ]);

    t.createRoleAssignment({
      scope: DEMO_RESTORE_TARGETS.drillKeyVaultId,
      name: '6f1c1d2e-0000-4000-8000-000000000001',
      roleDefinitionId: `/subscriptions/x/providers/Microsoft.Authorization/roleDefinitions/${BUILT_IN_ROLES.keyVaultSecretsUser?.id ?? ''}`,
      principalId: vault(t, DEMO_VAULT_IDS.contosoPg).principalId,
      principalType: 'ServicePrincipal',
      createdBy: 'test',
    });
    expect(validate(t, drill)).toBe('Succeeded');
  });

  it('the vault identity lacking Reader on the server, or Storage Blob Data Contributor on the account', () => {
    const t = demo();
    const principal = vault(t, DEMO_VAULT_IDS.contosoPg).principalId;
    const keep = t.roleAssignments.filter(
      (a) => a.principalId !== principal || a.roleDefinitionId === BUILT_IN_ROLES.keyVaultSecretsUser?.id,
    );
    t.roleAssignments.splice(0, t.roleAssignments.length, ...keep);
    const base = demoCrossRegionRestoreInput(t, 'orders-db-drill-2');
    expect(validate(t, base)).toBe('UserErrorMSIMissingPermissions');
    const files = {
      ...base,
      target: {
        kind: 'files' as const,
        containerUrl: DEMO_RESTORE_TARGETS.containerUrl,
        filePrefix: 'orders',
      },
    };
    expect(validate(t, files)).toBe('UserErrorMSIMissingPermissions');
  });

  it('a recovery point in the archive tier (older than 21 days for the single-server databases)', () => {
    const t = demo();
    const orders = instance(t, DEMO_INSTANCE_IDS.ordersDb);
    const archived = t.secondaryRecoveryPoints(orders).find((rp) => rp.tier === 'archive');
    expect(archived).toBeDefined();
    const input = {
      ...demoCrossRegionRestoreInput(t, 'orders-db-drill-2'),
      recoveryPointId: archived?.recoveryPointId ?? '',
    };
    expect(validate(t, input)).toBe('UserErrorArchivedRecoveryPointNeedsRehydration');
    expect(t.secondaryRecoveryPoints(orders)[0]?.tier).toBe('vault');
  });
});
