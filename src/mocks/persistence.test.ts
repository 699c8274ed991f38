// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES } from './tenant/authorization';
import { DEMO_RESTORE_TARGETS, DEMO_VAULT_IDS } from './tenant/demo-tenant';
import { demoCrossRegionRestoreInput } from './tenant/demo-requests';
import { DEMO_STORAGE_KEY, clearDemoState, openDemoSession, type KeyValueStorage } from './persistence';
import { Scenarios } from './scenarios';

class FakeStorage implements KeyValueStorage {
  readonly data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
}

describe('demo persistence across a reload', () => {
  it('keeps ?jobs= for the tab (a reload without it builds the same jobs) and rebuilds when it changes', () => {
    const storage = new FakeStorage();
    const jobsOf = (session: ReturnType<typeof openDemoSession>) =>
      [...session.tenant.vaults.values()].reduce(
        (n, v) =>
          n +
          (v.generatedJobs
            ? session.tenant.listJobs(v).length + session.tenant.listCrossRegionRestoreJobs(v).length
            : 0),
        0,
      );
    const first = openDemoSession({ storage, jobs: 500 });
    expect([first.state.jobs, jobsOf(first)]).toEqual([500, 500]);
    const reloaded = openDemoSession({ storage });
    expect([reloaded.state.startedAt, jobsOf(reloaded)]).toEqual([first.state.startedAt, 500]);
    const changed = openDemoSession({ storage, jobs: 700 });
    expect(jobsOf(changed)).toBe(700);
  });

  it('replays enabled CRR and a triggered restore job, whose progress continues with real time', () => {
    const storage = new FakeStorage();
    let wall = Date.UTC(2025, 10, 4, 9, 0, 0);
    const first = openDemoSession({ storage, realNow: () => wall });
    const grs = first.tenant.getVaultById(DEMO_VAULT_IDS.contosoGrs);
    if (!grs) throw new Error('no vault');
    first.tenant.patchVault(grs, {
      properties: { featureSettings: { crossRegionRestoreSettings: { state: 'Enabled' } } },
    });
    const op = first.tenant.triggerCrossRegionRestore(
      demoCrossRegionRestoreInput(first.tenant, 'orders-reload'),
    );
    first.persist(new Scenarios({ names: ['slow'] }).toJSON());
    expect(storage.getItem(DEMO_STORAGE_KEY)).toContain('crossRegionRestore');

    // "Reload": a new session from the same storage, 10 seconds later.
    wall += 10_000;
    const second = openDemoSession({ storage, realNow: () => wall });
    expect(second.tenant.getVaultById(DEMO_VAULT_IDS.contosoGrs)?.crrState).toBe('Enabled');
    const pg = second.tenant.getVaultById(DEMO_VAULT_IDS.contosoPg);
    if (!pg) throw new Error('no vault');
    const job = () => second.tenant.listCrossRegionRestoreJobs(pg).find((j) => j.job.id === op.jobId);
    expect(job()?.status).toBe('InProgress');
    wall += 10 * 60_000;
    expect(job()?.status).toBe('Completed');
    expect(second.state.scenario?.options.names).toEqual(['slow']);
  });

  it('replays a granted role and a quick restore: the next validation sees the role, the job keeps its length', () => {
    const storage = new FakeStorage();
    let wall = Date.UTC(2025, 10, 4, 9, 0, 0);
    const first = openDemoSession({ storage, realNow: () => wall });
    const pg = first.tenant.getVaultById(DEMO_VAULT_IDS.contosoPg);
    if (!pg) throw new Error('no vault');
    first.tenant.createRoleAssignment({
      scope: DEMO_RESTORE_TARGETS.drillKeyVaultId,
      name: '0f9e8d7c-1111-4222-8333-444455556666',
      roleDefinitionId: `/providers/Microsoft.Authorization/roleDefinitions/${BUILT_IN_ROLES.keyVaultSecretsUser?.id ?? ''}`,
      principalId: pg.principalId,
      principalType: 'ServicePrincipal',
      createdBy: 'test',
    });
    new Scenarios({ names: ['quick-restore'], restoreJobSeconds: 20 }).applyToTenant(first.tenant);
    const op = first.tenant.triggerCrossRegionRestore(
      demoCrossRegionRestoreInput(first.tenant, 'orders-quick'),
    );

    wall += 10_000;
    const second = openDemoSession({ storage, realNow: () => wall });
    const count = (t: typeof second.tenant) =>
      t.roleAssignments.filter((a) => a.principalId === pg.principalId).length;
    expect(count(second.tenant)).toBe(count(first.tenant));
    const job = () => second.tenant.listCrossRegionRestoreJobs(pg).find((j) => j.job.id === op.jobId);
    expect(job()?.job.durationMs).toBe(20_000);
    wall += 15_000;
    expect(job()?.status).toBe('Completed');
  });

  it('reset forgets everything', () => {
    const storage = new FakeStorage();
    const first = openDemoSession({ storage });
    const grs = first.tenant.getVaultById(DEMO_VAULT_IDS.contosoGrs);
    if (!grs) throw new Error('no vault');
    first.tenant.patchVault(grs, { tags: { x: 'y' } });
    clearDemoState(storage);
    expect(storage.getItem(DEMO_STORAGE_KEY)).toBeNull();
    expect(openDemoSession({ storage }).tenant.journal.entries).toHaveLength(0);
  });
});
