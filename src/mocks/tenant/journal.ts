// The journal of mutations. The demo keeps it in sessionStorage; replaying it on a tenant built from
// the same seed rebuilds the same state (same ids), so a reload continues where the tab left off.

import type { RoleAssignmentInput } from './authorization';
import type { CrossRegionRestoreInput } from './cross-region-restore';
import { ModelError } from './errors';
import type { OutcomeOverrides } from './types';

/** A mutation as recorded, with the outcome scenarios that were in force when it ran. */
export type JournalEntry =
  | { kind: 'patchVault'; at: number; vaultId: string; body: unknown; overrides: OutcomeOverrides }
  | {
      kind: 'validateCrossRegionRestore';
      at: number;
      request: CrossRegionRestoreInput;
      overrides: OutcomeOverrides;
    }
  | { kind: 'crossRegionRestore'; at: number; request: CrossRegionRestoreInput; overrides: OutcomeOverrides }
  | { kind: 'createRoleAssignment'; at: number; input: RoleAssignmentInput };

export class Journal {
  readonly entries: JournalEntry[] = [];
  /** Called after each new entry (the browser entry point persists the journal). */
  onRecord: ((entry: JournalEntry) => void) | undefined;

  record(entry: JournalEntry): void {
    this.entries.push(entry);
    this.onRecord?.(entry);
  }

  /**
   * Re-applies recorded entries through `apply` and keeps those that still apply. An entry the
   * model now refuses (e.g. the demo tenant changed since it was recorded) is dropped, not fatal.
   */
  replay(entries: readonly JournalEntry[], apply: (entry: JournalEntry) => void): void {
    for (const entry of entries) {
      try {
        apply(entry);
        this.entries.push(entry);
      } catch (error) {
        if (!(error instanceof ModelError)) throw error;
      }
    }
  }
}
