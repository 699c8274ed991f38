// Long-running operations (LROs). An operation is decided when it starts (outcome, error, the change
// it will make) and finishes by the clock; `settle` applies the changes of those that have finished.
// Status is derived from `now` at read time, like everything else in the model.

import { withRecommendation, type Failure } from './job-errors';
import { idKey } from './ids';
import type { Prng } from './prng';
import type { Registry } from './registry';
import type { Operation, Vault } from './types';

export type OperationStatus = 'Inprogress' | 'Succeeded' | 'Failed';

export type OperationInit = Pick<
  Operation,
  'kind' | 'subscriptionId' | 'resourceGroup' | 'location' | 'vaultId' | 'startTime' | 'durationMs'
> &
  Partial<Pick<Operation, 'jobId' | 'pendingVaultChange'>> & {
    /** Decided up front (a scenario or a rule); undefined = the operation succeeds. */
    failure?: Failure | undefined;
  };

export class Operations {
  private readonly byId = new Map<string, Operation>();

  /** `rng` is the tenant's stream: operation ids are part of what a journal replay must reproduce. */
  constructor(
    private readonly rng: Prng,
    private readonly registry: Registry,
  ) {}

  get(id: string): Operation | undefined {
    return this.byId.get(id);
  }

  start(init: OperationInit): Operation {
    const { failure, ...rest } = init;
    const op: Operation = {
      ...rest,
      id: this.newId(),
      outcome: failure ? 'Failed' : 'Succeeded',
      error: failure ? withRecommendation(failure) : undefined,
      jobId: init.jobId,
      pendingVaultChange: init.pendingVaultChange,
      applied: false,
    };
    this.byId.set(op.id, op);
    return op;
  }

  status(op: Operation, now: number): OperationStatus {
    return this.running(op, now) ? 'Inprogress' : op.outcome;
  }

  /** Applies the effects of operations that have finished by `now`; called before every request. */
  settle(now: number): void {
    for (const op of this.byId.values()) {
      if (op.applied || this.running(op, now)) continue;
      op.applied = true;
      if (op.outcome !== 'Succeeded' || !op.pendingVaultChange) continue;
      const vault = this.registry.getVaultById(op.vaultId);
      if (!vault) continue;
      const change = { ...op.pendingVaultChange };
      if (change.crrState === 'Enabled' && vault.crrState !== 'Enabled')
        change.crrEnabledAt = op.startTime + op.durationMs;
      Object.assign(vault, change);
    }
  }

  /** The running vault update, if any: a vault applies one change at a time. */
  pendingVaultOperation(vault: Vault, now: number): Operation | undefined {
    for (const op of this.byId.values()) {
      if (op.kind === 'vaultPatch' && idKey(op.vaultId) === idKey(vault.id) && this.running(op, now))
        return op;
    }
    return undefined;
  }

  private running(op: Operation, now: number): boolean {
    return now < op.startTime + op.durationMs;
  }

  /** Opaque like ARM's: base64 of two GUIDs. */
  private newId(): string {
    // btoa exists in browsers and Node 16+; the input is ASCII.
    return btoa(`${this.rng.guid()};${this.rng.guid()}`);
  }
}
