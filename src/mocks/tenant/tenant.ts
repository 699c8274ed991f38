// The simulated tenant: the registry of resources plus the clock, and a thin facade over the modules
// that hold the rules (schedule, operations, vault rules, cross-region restore) so handlers and
// tests make one call. Handlers only translate HTTP to these calls; everything time-dependent is
// derived from the clock at read time.

import { createRoleAssignment, type RoleAssignmentInput } from './authorization';
import { MINUTE, type SimClock } from './clock';
import {
  crossRegionInstance,
  crossRegionVault,
  triggerCrossRegionRestore,
  validateCrossRegionRestore,
  type CrossRegionRestoreInput,
  type CrossRegionScope,
  type RestoreContext,
} from './cross-region-restore';
import { resourceNotFound } from './errors';
import { generatedJobs } from './bulk-jobs';
import { Journal, type JournalEntry } from './journal';
import { Operations, type OperationStatus } from './operations';
import { Prng } from './prng';
import { Registry } from './registry';
import {
  findJobView,
  findRecoveryPoint,
  primaryJobs,
  primaryRecoveryPoints,
  secondaryRecoveryPoints,
  startedJobs,
  type JobView,
} from './schedule';
import { startVaultPatch } from './vault-rules';
import type {
  BackupInstance,
  Operation,
  OutcomeOverrides,
  PageSizes,
  RecoveryPoint,
  RoleAssignment,
  Timings,
  Vault,
} from './types';

export type { CrossRegionRestoreInput } from './cross-region-restore';
export type { JournalEntry } from './journal';
export type { JobView } from './schedule';

export const DEFAULT_PAGE_SIZES: PageSizes = {
  subscriptions: 50,
  vaults: 50,
  instances: 50,
  recoveryPoints: 50,
  jobs: 100,
  resources: 100,
};

export const DEFAULT_TIMINGS: Timings = {
  vaultPatchMs: 6_000,
  validateMs: 4_000,
  crrTriggerMs: 3_000,
  crrJobMs: 3 * MINUTE,
  retryAfterSeconds: 2,
};

export const TENANT_ID = '72f988bf-0000-4c6b-9d3c-5e2a1f0c7a11';
export const DEMO_USER = {
  upn: 'alex.demo@contoso.onmicrosoft.com',
  objectId: '3f1d2c9a-7b4e-4a51-9c8d-2e6f0a1b5c77',
};

export interface TenantOptions {
  seed: number;
  clock: SimClock;
  pageSizes?: Partial<PageSizes>;
  timings?: Partial<Timings>;
}

export class Tenant extends Registry {
  readonly seed: number;
  readonly clock: SimClock;
  readonly rng: Prng;
  readonly pageSizes: PageSizes;
  readonly timings: Timings;
  readonly operations: Operations;
  readonly journal = new Journal();
  private readonly jobCache = new Map<string, { version: string; views: JobView[] }>();
  /** Set by outcome scenarios (restore-fails, lro-fails); copied into each journal entry. */
  overrides: OutcomeOverrides = {};

  constructor(options: TenantOptions) {
    super();
    this.seed = options.seed;
    this.clock = options.clock;
    this.rng = new Prng(options.seed);
    this.pageSizes = { ...DEFAULT_PAGE_SIZES, ...options.pageSizes };
    this.timings = { ...DEFAULT_TIMINGS, ...options.timings };
    this.operations = new Operations(this.rng, this);
  }

  now(): number {
    return this.clock.now();
  }

  // ---------------------------------------------------------------- derived from the clock

  primaryRecoveryPoints(bi: BackupInstance, now = this.now()): RecoveryPoint[] {
    return primaryRecoveryPoints(bi, now);
  }

  secondaryRecoveryPoints(bi: BackupInstance, now = this.now()): RecoveryPoint[] {
    return secondaryRecoveryPoints(bi, this.getVaultById(bi.vaultId)?.crrEnabledAt, now);
  }

  /** A recovery point of the primary region by id (case-insensitive). */
  findRecoveryPoint(
    bi: BackupInstance,
    recoveryPointId: string,
    now = this.now(),
  ): RecoveryPoint | undefined {
    return findRecoveryPoint(this.primaryRecoveryPoints(bi, now), recoveryPointId);
  }

  /**
   * Primary-region jobs, newest first. Derived anew at most once per simulated second per vault:
   * paging a vault of 2,800 jobs asks for the same list once per page.
   */
  listJobs(vault: Vault, now = this.now()): JobView[] {
    const second = Math.floor(now / 1000);
    const version = `${second}:${vault.instanceIds.length}:${vault.storedJobs.length}`;
    const cached = this.jobCache.get(vault.id);
    if (cached?.version === version) return cached.views;
    const generated = generatedJobs(vault, () => this.listInstances(vault)).primary;
    const views = vault.generatedJobs
      ? startedJobs([...vault.storedJobs, ...generated], now)
      : primaryJobs(this.listInstances(vault), vault.storedJobs, now);
    this.jobCache.set(vault.id, { version, views });
    return views;
  }

  findJob(vault: Vault, jobName: string, now = this.now()): JobView | undefined {
    return findJobView(this.listJobs(vault, now), jobName);
  }

  /** Secondary-region jobs (cross-region restores), newest first. */
  listCrossRegionRestoreJobs(vault: Vault, now = this.now()): JobView[] {
    if (!vault.generatedJobs) return startedJobs(vault.crrJobs, now);
    const generated = generatedJobs(vault, () => this.listInstances(vault)).secondary;
    return startedJobs([...vault.crrJobs, ...generated], now);
  }

  // ---------------------------------------------------------------- operations

  getOperation(id: string): Operation | undefined {
    return this.operations.get(id);
  }

  operationStatus(op: Operation, now = this.now()): OperationStatus {
    return this.operations.status(op, now);
  }

  /** Applies the effects of operations that have finished by `now`; called before every request. */
  settle(now = this.now()): void {
    this.operations.settle(now);
  }

  pendingVaultOperation(vault: Vault, now = this.now()): Operation | undefined {
    return this.operations.pendingVaultOperation(vault, now);
  }

  // ---------------------------------------------------------------- cross-region reads

  crossRegionVault(scope: CrossRegionScope, vaultId: string, sourceRegion: string): Vault {
    return crossRegionVault(this, scope, vaultId, sourceRegion);
  }

  crossRegionInstance(scope: CrossRegionScope, instanceId: string, sourceRegion: string): BackupInstance {
    return crossRegionInstance(this, scope, instanceId, sourceRegion);
  }

  // ---------------------------------------------------------------- mutations (journaled)

  /** PATCH backupVaults/{name}: refuses synchronously (400/409) or starts the update operation. */
  patchVault(vault: Vault, body: unknown, at = this.now()): Operation {
    return this.journaled({
      kind: 'patchVault',
      at,
      vaultId: vault.id,
      body,
      overrides: { lro: this.overrides.lro },
    });
  }

  validateCrossRegionRestore(request: CrossRegionRestoreInput, at = this.now()): Operation {
    const overrides = { lro: this.overrides.lro };
    return this.journaled({ kind: 'validateCrossRegionRestore', at, request, overrides });
  }

  triggerCrossRegionRestore(request: CrossRegionRestoreInput, at = this.now()): Operation {
    const overrides = { crrJob: this.overrides.crrJob, crrJobMs: this.overrides.crrJobMs };
    return this.journaled({ kind: 'crossRegionRestore', at, request, overrides });
  }

  /**
   * PUT roleAssignments/{name}: stores the assignment (journaled, so a reload keeps it) unless
   * Azure would refuse it; `created` is false when the same assignment was PUT again.
   */
  createRoleAssignment(
    input: RoleAssignmentInput,
    at = this.now(),
  ): { assignment: RoleAssignment; created: boolean } {
    const result = createRoleAssignment(this.roleAssignments, input, at);
    if (result.created) this.journal.record({ kind: 'createRoleAssignment', at, input });
    return result;
  }

  /** Re-applies recorded mutations (same seed => same ids); used after a page reload. */
  replay(entries: readonly JournalEntry[]): void {
    this.journal.replay(entries, (entry) => {
      this.settle(entry.at);
      if (entry.kind === 'createRoleAssignment')
        createRoleAssignment(this.roleAssignments, entry.input, entry.at);
      else this.apply(entry);
    });
    this.settle();
  }

  private journaled(entry: Exclude<JournalEntry, { kind: 'createRoleAssignment' }>): Operation {
    const op = this.apply(entry);
    this.journal.record(entry);
    return op;
  }

  /** Runs a mutation with the overrides recorded in its entry (live or replayed alike). */
  private apply(entry: Exclude<JournalEntry, { kind: 'createRoleAssignment' }>): Operation {
    const ctx: RestoreContext = {
      registry: this,
      operations: this.operations,
      timings: this.timings,
      rng: this.rng,
    };
    switch (entry.kind) {
      case 'patchVault': {
        const vault = this.getVaultById(entry.vaultId);
        // Live calls pass an existing vault; only a replayed entry can name one that is gone.
        if (!vault) throw resourceNotFound('Microsoft.DataProtection/backupVaults', entry.vaultId, '');
        return startVaultPatch(
          this.operations,
          this.timings,
          vault,
          entry.body,
          entry.at,
          entry.overrides.lro,
        );
      }
      case 'validateCrossRegionRestore':
        return validateCrossRegionRestore(ctx, entry.request, entry.at, entry.overrides.lro);
      case 'crossRegionRestore':
        return triggerCrossRegionRestore(
          ctx,
          entry.request,
          entry.at,
          entry.overrides.crrJob,
          entry.overrides.crrJobMs,
        );
    }
  }
}
