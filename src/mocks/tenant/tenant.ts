// The simulated tenant: state plus the rules real Azure applies to it. Handlers only translate HTTP
// to these calls; everything time-dependent is derived from the clock at read time.

import { DAY, HOUR, MINUTE, type SimClock } from './clock';
import { ModelError, resourceNotFound, userError } from './errors';
import { idKey, parseVaultChildId, vaultResourceId } from './ids';
import { Prng, guidFromName, hash32, hexFromName } from './prng';
import { findRegion, normalizeRegion } from './regions';
import type {
  BackupInstance,
  Job,
  JobError,
  KeyVault,
  Operation,
  OutcomeOverrides,
  PageSizes,
  PgServer,
  RecoveryPoint,
  ResourceGroup,
  StorageAccount,
  Subscription,
  Timings,
  Vault,
} from './types';

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

/** Scheduled backups and their jobs are shown for this long (Resource Graph keeps 14 days). */
export const JOB_HISTORY_MS = 14 * DAY;

export const TENANT_ID = '72f988bf-0000-4c6b-9d3c-5e2a1f0c7a11';
export const DEMO_USER = {
  upn: 'alex.demo@contoso.onmicrosoft.com',
  objectId: '3f1d2c9a-7b4e-4a51-9c8d-2e6f0a1b5c77',
};

/** A mutation as recorded in the journal; replaying the journal on the same seed rebuilds the state. */
export type JournalEntry =
  | { kind: 'patchVault'; at: number; vaultId: string; body: unknown; overrides: OutcomeOverrides }
  | {
      kind: 'validateCrossRegionRestore';
      at: number;
      request: CrossRegionRestoreInput;
      overrides: OutcomeOverrides;
    }
  | { kind: 'crossRegionRestore'; at: number; request: CrossRegionRestoreInput; overrides: OutcomeOverrides };

export interface CrossRegionRestoreInput {
  subscriptionId: string;
  resourceGroup: string;
  /** The region in the URL: must be the vault's secondary region. */
  location: string;
  sourceBackupInstanceId: string;
  sourceRegion: string;
  recoveryPointId: string;
  target:
    | { kind: 'database'; databaseId: string; secretUri: string | undefined }
    | { kind: 'files'; containerUrl: string; filePrefix: string };
}

export interface TenantOptions {
  seed: number;
  clock: SimClock;
  pageSizes?: Partial<PageSizes>;
  timings?: Partial<Timings>;
}

export interface JobView {
  job: Job;
  status: 'InProgress' | Job['finalStatus'];
  endTime: number | undefined;
  /** 0..1 */
  progress: number;
}

export class Tenant {
  readonly seed: number;
  readonly clock: SimClock;
  readonly rng: Prng;
  readonly pageSizes: PageSizes;
  readonly timings: Timings;
  /** Set by outcome scenarios (restore-fails, lro-fails); copied into each journal entry. */
  overrides: OutcomeOverrides = {};
  /** Called after each journaled mutation (the browser entry point persists the journal). */
  onJournal: ((entry: JournalEntry) => void) | undefined;

  readonly subscriptions = new Map<string, Subscription>();
  readonly resourceGroups = new Map<string, ResourceGroup>();
  readonly vaults = new Map<string, Vault>();
  readonly instances = new Map<string, BackupInstance>();
  readonly operations = new Map<string, Operation>();
  readonly pgServers = new Map<string, PgServer>();
  readonly keyVaults = new Map<string, KeyVault>();
  readonly storageAccounts = new Map<string, StorageAccount>();
  readonly journal: JournalEntry[] = [];
  private readonly vaultOrder: Vault[] = [];

  constructor(options: TenantOptions) {
    this.seed = options.seed;
    this.clock = options.clock;
    this.rng = new Prng(options.seed);
    this.pageSizes = { ...DEFAULT_PAGE_SIZES, ...options.pageSizes };
    this.timings = { ...DEFAULT_TIMINGS, ...options.timings };
  }

  now(): number {
    return this.clock.now();
  }

  // ---------------------------------------------------------------- building

  addSubscription(sub: Subscription): Subscription {
    this.subscriptions.set(idKey(sub.subscriptionId), sub);
    return sub;
  }

  addResourceGroup(rg: ResourceGroup): ResourceGroup {
    this.resourceGroups.set(idKey(`${rg.subscriptionId}/${rg.name}`), rg);
    return rg;
  }

  addVault(
    init: Pick<Vault, 'subscriptionId' | 'resourceGroup' | 'name' | 'location' | 'redundancy'> &
      Partial<Pick<Vault, 'crrState' | 'crrEnabledAt' | 'softDeleteState' | 'immutabilityState' | 'tags'>>,
  ): Vault {
    const id = vaultResourceId(init.subscriptionId, init.resourceGroup, init.name);
    const vault: Vault = {
      id,
      name: init.name,
      subscriptionId: init.subscriptionId,
      resourceGroup: init.resourceGroup,
      location: init.location,
      redundancy: init.redundancy,
      crrState: init.crrState,
      crrEnabledAt: init.crrEnabledAt ?? (init.crrState === 'Enabled' ? 0 : undefined),
      softDeleteState: init.softDeleteState ?? 'On',
      immutabilityState: init.immutabilityState ?? 'Disabled',
      alertsForAllJobFailures: 'Enabled',
      principalId: guidFromName(`${id}#principal`),
      tags: init.tags ?? {},
      instanceIds: [],
      crrJobs: [],
      storedJobs: [],
    };
    this.vaults.set(idKey(id), vault);
    this.vaultOrder.push(vault);
    return vault;
  }

  addInstance(vault: Vault, instance: Omit<BackupInstance, 'id' | 'vaultId'>): BackupInstance {
    const bi: BackupInstance = {
      ...instance,
      id: `${vault.id}/backupInstances/${instance.name}`,
      vaultId: vault.id,
    };
    this.instances.set(idKey(bi.id), bi);
    vault.instanceIds.push(bi.id);
    return bi;
  }

  addPgServer(server: PgServer): PgServer {
    this.pgServers.set(idKey(server.id), server);
    return server;
  }

  addKeyVault(kv: KeyVault): KeyVault {
    this.keyVaults.set(idKey(kv.id), kv);
    return kv;
  }

  addStorageAccount(sa: StorageAccount): StorageAccount {
    this.storageAccounts.set(idKey(sa.id), sa);
    return sa;
  }

  // ---------------------------------------------------------------- reads

  listSubscriptions(): Subscription[] {
    return [...this.subscriptions.values()];
  }

  getSubscription(subscriptionId: string): Subscription | undefined {
    return this.subscriptions.get(idKey(subscriptionId));
  }

  requireSubscription(subscriptionId: string): Subscription {
    const sub = this.getSubscription(subscriptionId);
    if (!sub) {
      throw new ModelError({
        status: 404,
        code: 'SubscriptionNotFound',
        message: `The subscription '${subscriptionId}' could not be found.`,
      });
    }
    return sub;
  }

  getResourceGroup(subscriptionId: string, name: string): ResourceGroup | undefined {
    return this.resourceGroups.get(idKey(`${subscriptionId}/${name}`));
  }

  requireResourceGroup(subscriptionId: string, name: string): ResourceGroup {
    this.requireSubscription(subscriptionId);
    const rg = this.getResourceGroup(subscriptionId, name);
    if (!rg) {
      throw new ModelError({
        status: 404,
        code: 'ResourceGroupNotFound',
        message: `Resource group '${name}' could not be found.`,
      });
    }
    return rg;
  }

  listResourceGroups(subscriptionId: string): ResourceGroup[] {
    return [...this.resourceGroups.values()].filter(
      (rg) => idKey(rg.subscriptionId) === idKey(subscriptionId),
    );
  }

  listVaultsInSubscription(subscriptionId: string): Vault[] {
    const key = idKey(subscriptionId);
    return this.vaultOrder.filter((v) => idKey(v.subscriptionId) === key);
  }

  listVaultsInResourceGroup(subscriptionId: string, resourceGroup: string): Vault[] {
    return this.listVaultsInSubscription(subscriptionId).filter(
      (v) => idKey(v.resourceGroup) === idKey(resourceGroup),
    );
  }

  getVaultById(id: string): Vault | undefined {
    return this.vaults.get(idKey(id));
  }

  requireVault(subscriptionId: string, resourceGroup: string, name: string): Vault {
    this.requireResourceGroup(subscriptionId, resourceGroup);
    const vault = this.getVaultById(vaultResourceId(subscriptionId, resourceGroup, name));
    if (!vault) throw resourceNotFound('Microsoft.DataProtection/backupVaults', name, resourceGroup);
    return vault;
  }

  /** The secondary region: `replicatedRegions[0]` for GRS vaults, as real ARM reports it. */
  secondaryRegionOf(vault: Vault): string | undefined {
    if (vault.redundancy !== 'GeoRedundant') return undefined;
    return findRegion(vault.location)?.pairedRegion;
  }

  listInstances(vault: Vault): BackupInstance[] {
    return vault.instanceIds
      .map((id) => this.instances.get(idKey(id)))
      .filter((bi): bi is BackupInstance => bi !== undefined);
  }

  getInstanceById(id: string): BackupInstance | undefined {
    return this.instances.get(idKey(id));
  }

  requireInstance(vault: Vault, name: string): BackupInstance {
    const bi = this.getInstanceById(`${vault.id}/backupInstances/${name}`);
    if (!bi)
      throw resourceNotFound(
        'Microsoft.DataProtection/backupVaults/backupInstances',
        `${vault.name}/${name}`,
        vault.resourceGroup,
      );
    return bi;
  }

  /**
   * Recovery points in the primary region, newest first: one per day since `firstBackupAt`,
   * kept for `retentionDays`. Derived from the clock, so new ones appear as time passes.
   */
  primaryRecoveryPoints(bi: BackupInstance, now = this.now()): RecoveryPoint[] {
    const out: RecoveryPoint[] = [];
    const retention = bi.retentionDays * DAY;
    const last = Math.floor((now - bi.firstBackupAt) / DAY) + 1;
    for (let k = last; k >= 0; k--) {
      const rp = this.recoveryPointAt(bi, k);
      if (rp.time > now) continue;
      if (rp.time <= now - retention) break;
      out.push(rp);
    }
    return out;
  }

  /** Recovery points whose copy has reached the secondary region by `now`, newest first. */
  secondaryRecoveryPoints(bi: BackupInstance, now = this.now()): RecoveryPoint[] {
    const enabledAt = this.getVaultById(bi.vaultId)?.crrEnabledAt;
    if (enabledAt === undefined) return [];
    return this.primaryRecoveryPoints(bi, now).filter(
      (rp) => rp.replicatedAt !== undefined && rp.replicatedAt <= now && rp.replicatedAt >= enabledAt,
    );
  }

  private recoveryPointAt(bi: BackupInstance, k: number): RecoveryPoint {
    const rng = new Prng(hash32(`${bi.seed}:${k}`));
    const time = bi.firstBackupAt + k * DAY + rng.int(0, 20 * 60) * 1000;
    const lag = bi.replicationLagHours;
    const replicatedAt = lag ? time + rng.int(lag.min * 60, lag.max * 60) * MINUTE : undefined;
    return {
      recoveryPointId: hexFromName(`${bi.id}#rp${k}`, 32),
      time,
      expiry: time + bi.retentionDays * DAY,
      replicatedAt,
    };
  }

  findRecoveryPoint(
    bi: BackupInstance,
    recoveryPointId: string,
    secondary: boolean,
    now = this.now(),
  ): RecoveryPoint | undefined {
    const list = secondary ? this.secondaryRecoveryPoints(bi, now) : this.primaryRecoveryPoints(bi, now);
    return list.find((rp) => rp.recoveryPointId.toLowerCase() === recoveryPointId.toLowerCase());
  }

  /** Primary-region jobs: scheduled backups derived from the recovery-point schedule plus stored jobs. */
  listJobs(vault: Vault, now = this.now()): JobView[] {
    const jobs: Job[] = [];
    for (const bi of this.listInstances(vault)) jobs.push(...this.scheduledJobs(bi, now));
    jobs.push(...vault.storedJobs.filter((j) => j.startTime <= now));
    return jobs.sort((a, b) => b.startTime - a.startTime).map((j) => this.viewJob(j, now));
  }

  findJob(vault: Vault, jobName: string, now = this.now()): JobView | undefined {
    const key = jobName.toLowerCase();
    return this.listJobs(vault, now).find((v) => v.job.name.toLowerCase() === key);
  }

  listCrossRegionRestoreJobs(vault: Vault, now = this.now()): JobView[] {
    return vault.crrJobs
      .filter((j) => j.startTime <= now)
      .sort((a, b) => b.startTime - a.startTime)
      .map((j) => this.viewJob(j, now));
  }

  viewJob(job: Job, now = this.now()): JobView {
    const end = job.startTime + job.durationMs;
    if (now < end) {
      return {
        job,
        status: 'InProgress',
        endTime: undefined,
        progress: Math.max(0, (now - job.startTime) / job.durationMs),
      };
    }
    return { job, status: job.finalStatus, endTime: end, progress: 1 };
  }

  private scheduledJobs(bi: BackupInstance, now: number): Job[] {
    const jobs: Job[] = [];
    const from = now - JOB_HISTORY_MS;
    const last = Math.floor((now - bi.firstBackupAt) / DAY) + 1;
    for (let k = last; k >= 0; k--) {
      const rp = this.recoveryPointAt(bi, k);
      const rng = new Prng(hash32(`${bi.seed}:job:${k}`));
      const durationMs = rng.int(4 * 60, 25 * 60) * 1000;
      const start = rp.time - durationMs;
      if (start > now) continue;
      if (start < from) break;
      const warn = rng.chance(0.05);
      jobs.push(
        this.makeJob(bi, {
          name: guidFromName(`${bi.id}#backup${k}`),
          operation: 'Backup',
          startTime: start,
          durationMs,
          finalStatus: warn ? 'CompletedWithWarnings' : 'Completed',
          warning: warn ? BACKUP_WARNING : undefined,
          isUserTriggered: false,
          dataBytes: rng.int(200, 9000) * 1024 * 1024,
        }),
      );
      if (rng.chance(0.06)) {
        // A failed attempt earlier that day (no recovery point came of it).
        const error = rng.pick(BACKUP_FAILURES);
        const failStart = start - rng.int(1, 4) * HOUR;
        if (failStart >= from && failStart <= now) {
          jobs.push(
            this.makeJob(bi, {
              name: guidFromName(`${bi.id}#backupfail${k}`),
              operation: 'Backup',
              startTime: failStart,
              durationMs: rng.int(30, 300) * 1000,
              finalStatus: 'Failed',
              error,
              isUserTriggered: false,
              dataBytes: 0,
            }),
          );
        }
      }
    }
    return jobs;
  }

  makeJob(
    bi: BackupInstance,
    init: Pick<
      Job,
      'name' | 'operation' | 'startTime' | 'durationMs' | 'finalStatus' | 'isUserTriggered' | 'dataBytes'
    > &
      Partial<Pick<Job, 'error' | 'warning' | 'restore' | 'isCrossRegionRestore'>>,
  ): Job {
    const vault = this.getVaultById(bi.vaultId);
    if (!vault) throw new Error(`Instance ${bi.id} has no vault`);
    return {
      id: `${vault.id}/backupJobs/${init.name}`,
      vaultId: vault.id,
      instanceId: bi.id,
      error: undefined,
      warning: undefined,
      restore: undefined,
      isCrossRegionRestore: false,
      activityId: guidFromName(`${init.name}#activity`),
      ...init,
    };
  }

  // ---------------------------------------------------------------- operations

  getOperation(id: string): Operation | undefined {
    return this.operations.get(id);
  }

  operationStatus(op: Operation, now = this.now()): 'Inprogress' | 'Succeeded' | 'Failed' {
    return now < op.startTime + op.durationMs ? 'Inprogress' : op.outcome;
  }

  /** Applies the effects of operations that have finished by `now`; called before every request. */
  settle(now = this.now()): void {
    for (const op of this.operations.values()) {
      if (op.applied || now < op.startTime + op.durationMs) continue;
      op.applied = true;
      if (op.outcome !== 'Succeeded' || !op.pendingVaultChange) continue;
      const vault = this.getVaultById(op.vaultId);
      if (!vault) continue;
      const change = { ...op.pendingVaultChange };
      if (change.crrState === 'Enabled' && vault.crrState !== 'Enabled')
        change.crrEnabledAt = op.startTime + op.durationMs;
      Object.assign(vault, change);
    }
  }

  /** The running vault operation, if any: a vault updates one change at a time. */
  pendingVaultOperation(vault: Vault, now = this.now()): Operation | undefined {
    for (const op of this.operations.values()) {
      if (
        op.kind === 'vaultPatch' &&
        idKey(op.vaultId) === idKey(vault.id) &&
        now < op.startTime + op.durationMs
      )
        return op;
    }
    return undefined;
  }

  private newOperationId(): string {
    const text = `${this.rng.guid()};${this.rng.guid()}`;
    return toBase64(text);
  }

  private record(entry: JournalEntry, replaying: boolean): void {
    if (replaying) return;
    this.journal.push(entry);
    this.onJournal?.(entry);
  }

  /**
   * PATCH backupVaults/{name}. Validates synchronously like the service (400/409 before any LRO),
   * then returns the operation whose completion applies the change.
   */
  patchVault(vault: Vault, body: unknown, at = this.now(), replay?: JournalEntry): Operation {
    const overrides = replay ? replay.overrides : this.overrides;
    if (!isRecord(body))
      throw userError(
        400,
        'InvalidRequestContent',
        'The request content was invalid and could not be deserialized.',
      );
    if (this.pendingVaultOperation(vault, at)) {
      throw userError(
        409,
        'UserErrorAnotherOperationInProgress',
        'Another operation is in progress on this vault. Please retry after the current operation completes.',
        ['Wait for the ongoing operation on the backup vault to finish, then try again.'],
      );
    }
    const change: NonNullable<Operation['pendingVaultChange']> = {};
    const props = isRecord(body.properties) ? body.properties : {};
    const crr = readPath(props, ['featureSettings', 'crossRegionRestoreSettings', 'state']);
    if (crr !== undefined) {
      if (crr !== 'Enabled' && crr !== 'Disabled') {
        throw userError(
          400,
          'UserErrorInvalidInput',
          `'${JSON.stringify(crr)}' is not a valid value for crossRegionRestoreSettings.state. Allowed values are 'Enabled', 'Disabled'.`,
        );
      }
      if (crr === 'Enabled' && vault.redundancy !== 'GeoRedundant') {
        // Code chosen by us: real ARM refuses this, the recordings do not show the exact code.
        throw userError(
          400,
          'UserErrorCrossRegionRestoreNotSupportedForVaultRedundancy',
          `Cross Region Restore can be enabled only for vaults with GeoRedundant storage. Vault '${vault.name}' uses ${vault.redundancy} storage.`,
          ['Create a backup vault with GeoRedundant storage redundancy to use Cross Region Restore.'],
        );
      }
      if (crr === 'Disabled' && vault.crrState === 'Enabled') {
        throw userError(
          400,
          'UserErrorCrossRegionRestoreStateChangeNotAllowed',
          'CrossRegionRestore state cannot be changed from Enabled to Disabled.',
        );
      }
      if (crr !== vault.crrState) change.crrState = crr;
    }
    const softDelete = readPath(props, ['securitySettings', 'softDeleteSettings', 'state']);
    if (softDelete !== undefined) {
      if (softDelete !== 'On' && softDelete !== 'Off' && softDelete !== 'AlwaysOn') {
        throw userError(
          400,
          'UserErrorInvalidInput',
          `'${JSON.stringify(softDelete)}' is not a valid value for softDeleteSettings.state.`,
        );
      }
      if (vault.softDeleteState === 'AlwaysOn' && softDelete !== 'AlwaysOn') {
        throw userError(
          400,
          'UserErrorDisableSoftDeleteNotAllowed',
          'Cannot disable soft delete once set to AlwaysOn',
        );
      }
      change.softDeleteState = softDelete;
    }
    const alerts = readPath(props, [
      'monitoringSettings',
      'azureMonitorAlertSettings',
      'alertsForAllJobFailures',
    ]);
    if (alerts === 'Enabled' || alerts === 'Disabled') change.alertsForAllJobFailures = alerts;
    if (isRecord(body.tags)) {
      const tags: Record<string, string> = {};
      for (const [k, v] of Object.entries(body.tags)) if (typeof v === 'string') tags[k] = v;
      change.tags = tags;
    }

    const lroFailure = overrides.lro;
    const op: Operation = {
      id: this.newOperationId(),
      kind: 'vaultPatch',
      subscriptionId: vault.subscriptionId,
      resourceGroup: vault.resourceGroup,
      location: vault.location,
      vaultId: vault.id,
      startTime: at,
      durationMs: this.timings.vaultPatchMs,
      outcome: lroFailure ? 'Failed' : 'Succeeded',
      error: lroFailure
        ? {
            ...lroFailure,
            recommendedAction: ['Retry the operation. If the issue persists, contact Microsoft support.'],
          }
        : undefined,
      jobId: undefined,
      pendingVaultChange: change,
      applied: false,
    };
    this.operations.set(op.id, op);
    this.record(
      { kind: 'patchVault', at, vaultId: vault.id, body, overrides: { lro: overrides.lro } },
      replay !== undefined,
    );
    return op;
  }

  /** Common synchronous checks for validateCrossRegionRestore / crossRegionRestore. */
  /**
   * The checks every cross-region call makes: CRR enabled on the vault, the URL names the vault's
   * secondary region, and the body's source region is the vault's region.
   */
  assertCrossRegionRequest(vault: Vault, location: string, sourceRegion: string): void {
    if (vault.crrState !== 'Enabled') {
      // Code chosen by us (documented): the service refuses CRR calls on vaults without the feature.
      throw userError(
        400,
        'UserErrorCrossRegionRestoreNotEnabled',
        `Cross Region Restore is not enabled for the backup vault '${vault.name}'.`,
        [
          'Enable Cross Region Restore in the vault properties, then retry once the backup items are available in the secondary region.',
        ],
      );
    }
    const secondary = this.secondaryRegionOf(vault);
    if (!secondary || normalizeRegion(location) !== secondary) {
      throw userError(
        400,
        'UserErrorInvalidSecondaryRegion',
        `'${location}' is not the secondary region of the backup vault '${vault.name}'. Use '${secondary ?? 'none'}'.`,
      );
    }
    if (normalizeRegion(sourceRegion) !== normalizeRegion(vault.location)) {
      throw userError(
        400,
        'UserErrorInvalidSourceRegion',
        `'${sourceRegion}' is not the region of the backup vault '${vault.name}' ('${vault.location}').`,
      );
    }
  }

  private checkCrossRegionRestore(
    req: CrossRegionRestoreInput,
    at: number,
  ): { vault: Vault; bi: BackupInstance; rp: RecoveryPoint } {
    this.requireResourceGroup(req.subscriptionId, req.resourceGroup);
    const parsed = parseVaultChildId(req.sourceBackupInstanceId);
    if (!parsed?.childName) {
      throw userError(
        400,
        'UserErrorInvalidInput',
        `'${req.sourceBackupInstanceId}' is not a valid backup instance ARM id.`,
      );
    }
    const vault = this.getVaultById(
      vaultResourceId(parsed.subscriptionId, parsed.resourceGroup, parsed.vaultName),
    );
    const bi = vault ? this.getInstanceById(`${vault.id}/backupInstances/${parsed.childName}`) : undefined;
    if (!vault || !bi) {
      throw resourceNotFound(
        'Microsoft.DataProtection/backupVaults/backupInstances',
        `${parsed.vaultName}/${parsed.childName}`,
        parsed.resourceGroup,
      );
    }
    this.assertCrossRegionRequest(vault, req.location, req.sourceRegion);
    const rp = this.findRecoveryPoint(bi, req.recoveryPointId, true, at);
    if (!rp) {
      throw userError(
        400,
        'UserErrorRecoveryPointNotFound',
        `The recovery point '${req.recoveryPointId}' is not available in the secondary region.`,
        [
          'Pick a recovery point listed by fetchSecondaryRecoveryPoints. Recovery points take up to 12 hours to replicate.',
        ],
      );
    }
    if (bi.datasourceType === 'Microsoft.DBforPostgreSQL/flexibleServers' && req.target.kind === 'database') {
      throw userError(
        400,
        'UserErrorRestoreAsDatabaseNotSupported',
        'Azure Database for PostgreSQL flexible server backups can only be restored as files.',
      );
    }
    return { vault, bi, rp };
  }

  validateCrossRegionRestore(
    req: CrossRegionRestoreInput,
    at = this.now(),
    replay?: JournalEntry,
  ): Operation {
    const overrides = replay ? replay.overrides : this.overrides;
    const { vault } = this.checkCrossRegionRestore(req, at);
    const failure = overrides.lro ?? this.targetProblem(req);
    const op: Operation = {
      id: this.newOperationId(),
      kind: 'validateCrossRegionRestore',
      subscriptionId: req.subscriptionId,
      resourceGroup: req.resourceGroup,
      location: normalizeRegion(req.location),
      vaultId: vault.id,
      startTime: at,
      durationMs: this.timings.validateMs,
      outcome: failure ? 'Failed' : 'Succeeded',
      error: failure ? { ...failure, recommendedAction: recommendedFor(failure.code) } : undefined,
      jobId: undefined,
      pendingVaultChange: undefined,
      applied: false,
    };
    this.operations.set(op.id, op);
    this.record(
      { kind: 'validateCrossRegionRestore', at, request: req, overrides: { lro: overrides.lro } },
      replay !== undefined,
    );
    return op;
  }

  /** Target checks the validation step performs (the database-name clash only shows at restore time). */
  private targetProblem(req: CrossRegionRestoreInput): { code: string; message: string } | undefined {
    if (req.target.kind === 'files') {
      const account = /^https:\/\/([^.]+)\.blob\.core\.windows\.net\/([^/?]+)/i.exec(req.target.containerUrl);
      const sa = account?.[1]
        ? [...this.storageAccounts.values()].find((s) => s.name.toLowerCase() === account[1]?.toLowerCase())
        : undefined;
      if (!sa || !sa.containers.some((c) => c.name.toLowerCase() === account?.[2]?.toLowerCase())) {
        return {
          code: 'UserErrorContainerNotAccessible',
          message: `The container '${req.target.containerUrl}' could not be accessed by the backup vault's managed identity.`,
        };
      }
      return undefined;
    }
    const server = this.serverOfDatabase(req.target.databaseId);
    if (!server)
      return {
        code: 'UserErrorDBNotFound',
        message: 'The target Azure Database for PostgreSQL server could not be found.',
      };
    if (!req.target.secretUri)
      return {
        code: 'UserErrorInvalidSecretStore',
        message: 'No secret store was provided for the target database credentials.',
      };
    const kvMatch = /^https:\/\/([^.]+)\.vault\.azure\.net\/secrets\/([^/?]+)/i.exec(req.target.secretUri);
    const kv = kvMatch?.[1]
      ? [...this.keyVaults.values()].find((k) => k.name.toLowerCase() === kvMatch[1]?.toLowerCase())
      : undefined;
    if (!kv)
      return {
        code: 'UserErrorInvalidSecretStore',
        message: `The secret store '${req.target.secretUri}' is not a valid Azure Key Vault secret URI.`,
      };
    if (!kv.secrets.some((s) => s.name.toLowerCase() === kvMatch?.[2]?.toLowerCase())) {
      return {
        code: 'UserErrorInvalidSecret',
        message: `The secret '${kvMatch?.[2] ?? ''}' was not found in the key vault '${kv.name}'.`,
      };
    }
    return undefined;
  }

  serverOfDatabase(databaseId: string): PgServer | undefined {
    const m = /^(.*\/providers\/Microsoft\.DBforPostgreSQL\/servers\/[^/]+)\/databases\/[^/]+$/i.exec(
      databaseId,
    );
    return m?.[1] ? this.pgServers.get(idKey(m[1])) : undefined;
  }

  triggerCrossRegionRestore(req: CrossRegionRestoreInput, at = this.now(), replay?: JournalEntry): Operation {
    const overrides = replay ? replay.overrides : this.overrides;
    const { vault, bi, rp } = this.checkCrossRegionRestore(req, at);
    const problem = this.targetProblem(req);
    if (problem) throw userError(400, problem.code, problem.message, recommendedFor(problem.code));

    let failure: { code: string; message: string } | undefined = overrides.crrJob;
    if (!failure && req.target.kind === 'database') {
      const dbName = req.target.databaseId.split('/').pop() ?? '';
      const server = this.serverOfDatabase(req.target.databaseId);
      if (server?.databases.some((d) => d.toLowerCase() === dbName.toLowerCase())) {
        failure = {
          code: 'UserErrorDatabaseNameAlreadyInUse',
          message: `A database named '${dbName}' already exists on the target server '${server.name}'.`,
        };
      }
    }
    const jobName = this.rng.guid();
    const destination = req.target.kind === 'database' ? req.target.databaseId : req.target.containerUrl;
    const job = this.makeJob(bi, {
      name: jobName,
      operation: 'Restore',
      startTime: at + this.timings.crrTriggerMs,
      durationMs: failure ? Math.round(this.timings.crrJobMs * 0.4) : this.timings.crrJobMs,
      finalStatus: failure ? 'Failed' : 'Completed',
      error: failure ? { ...failure, recommendedAction: recommendedFor(failure.code) } : undefined,
      isUserTriggered: true,
      isCrossRegionRestore: true,
      dataBytes: 1_800 * 1024 * 1024 + (hash32(jobName) % 900) * 1024 * 1024,
      restore: {
        recoveryPointId: rp.recoveryPointId,
        recoveryPointTime: rp.time,
        destination,
        asFiles: req.target.kind === 'files',
        sourceRegion: normalizeRegion(req.sourceRegion),
      },
    });
    vault.crrJobs.push(job);
    if (failure === undefined && req.target.kind === 'database') {
      // A successful restore creates the database, so restoring the same name again will clash.
      const server = this.serverOfDatabase(req.target.databaseId);
      const dbName = req.target.databaseId.split('/').pop();
      if (server && dbName) server.databases.push(dbName);
    }
    const op: Operation = {
      id: this.newOperationId(),
      kind: 'crossRegionRestore',
      subscriptionId: req.subscriptionId,
      resourceGroup: req.resourceGroup,
      location: normalizeRegion(req.location),
      vaultId: vault.id,
      startTime: at,
      durationMs: this.timings.crrTriggerMs,
      outcome: 'Succeeded',
      error: undefined,
      jobId: job.id,
      pendingVaultChange: undefined,
      applied: false,
    };
    this.operations.set(op.id, op);
    this.record(
      { kind: 'crossRegionRestore', at, request: req, overrides: { crrJob: overrides.crrJob } },
      replay !== undefined,
    );
    return op;
  }

  /** Re-applies recorded mutations (same seed => same ids); used after a page reload. */
  replay(entries: readonly JournalEntry[]): void {
    for (const entry of entries) {
      try {
        switch (entry.kind) {
          case 'patchVault': {
            this.settle(entry.at);
            const vault = this.getVaultById(entry.vaultId);
            if (vault) this.patchVault(vault, entry.body, entry.at, entry);
            break;
          }
          case 'validateCrossRegionRestore':
            this.settle(entry.at);
            this.validateCrossRegionRestore(entry.request, entry.at, entry);
            break;
          case 'crossRegionRestore':
            this.settle(entry.at);
            this.triggerCrossRegionRestore(entry.request, entry.at, entry);
            break;
        }
        this.journal.push(entry);
      } catch (error) {
        // An entry that no longer applies (e.g. code changed the demo tenant) is dropped, not fatal.
        if (!(error instanceof ModelError)) throw error;
      }
    }
    this.settle();
  }
}

const BACKUP_WARNING: JobError = {
  code: 'UserErrorBackupCompletedWithWarnings',
  message: 'Backup completed, but some database objects could not be read and were skipped.',
  recommendedAction: ['Grant the backup user read permission on all schemas of the database.'],
};

const BACKUP_FAILURES: readonly JobError[] = [
  {
    code: 'UserErrorMSIMissingPermissions',
    message:
      "The backup vault's managed identity is missing required permissions on the Azure Database for PostgreSQL server.",
    recommendedAction: [
      "Assign the 'Reader' role on the server to the backup vault's managed identity and retry.",
    ],
  },
  {
    code: 'UserErrorDBUserAuthFailed',
    message:
      'The database user does not have permission to perform the backup, or the password in the key vault is wrong.',
    recommendedAction: [
      'Check the credentials stored in the key vault secret and grant the user the backup role in the database.',
    ],
  },
  {
    code: 'UserErrorMissingNetworkSecurityPermissions',
    message: "The server's network settings do not allow access from Azure services.",
    recommendedAction: [
      "Enable 'Allow access to Azure services' in the server's connection security settings.",
    ],
  },
  {
    code: 'UserErrorServerConnectionClosed',
    message: 'The connection to the Azure Database for PostgreSQL server was closed during the backup.',
    recommendedAction: ['Check the server health and retry the backup.'],
  },
];

const RECOMMENDED: Record<string, string[]> = {
  UserErrorDatabaseNameAlreadyInUse: [
    'The target server already has a database with this name: choose another target database name. A restore never overwrites an existing database.',
  ],
  UserErrorMSIMissingPermissions: [
    "Assign the 'Reader' role on the target server to the backup vault's managed identity and retry.",
  ],
  UserErrorDBUserAuthFailed: [
    'Check the credentials stored in the key vault secret and the permissions of that user on the target server.',
  ],
  UserErrorInvalidSecret: ['Use a key vault secret that holds the connection string of the target server.'],
  UserErrorInvalidSecretStore: ['Provide the URI of an Azure Key Vault secret.'],
  UserErrorContainerNotAccessible: [
    "Assign 'Storage Blob Data Contributor' on the storage account to the backup vault's managed identity.",
  ],
  UserErrorDBNotFound: [
    'Pick an existing Azure Database for PostgreSQL server in the secondary region as the target.',
  ],
};

function recommendedFor(code: string): string[] {
  return RECOMMENDED[code] ?? ['Retry the operation. If the issue persists, contact Microsoft support.'];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readPath(value: unknown, path: readonly string[]): unknown {
  let cur: unknown = value;
  for (const key of path) {
    if (!isRecord(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

function toBase64(text: string): string {
  // btoa exists in browsers and Node 16+; the input is ASCII.
  return btoa(text);
}
