/**
 * The secondary-region RPO rule. A recovery point reaches the secondary region some hours after
 * the primary backup (Backup vaults: up to 12 h), and PostgreSQL policies back up weekly by
 * default, so no single number fits every policy: the threshold is the policy's own
 * `rpoWarningThresholdInSecondaryRegion` (Resource Graph gives it per instance). Only when the
 * policy has none do we fall back to the tutorial's 36 hours, and say so.
 */
import type { BackupInstanceRow } from './instance-row';

/** The tutorial's secondary-region RPO (24 h backup + 12 h replication): used only as a stated fallback. */
export const FALLBACK_SECONDARY_RPO_MS = 36 * 60 * 60 * 1000;

/** RPO state of an instance in its secondary region. */
export type SecondaryRpoState =
  /** The newest secondary recovery point is younger than the threshold. */
  | 'withinRpo'
  /** It is older than the threshold. */
  | 'overdue'
  /** Protected in the secondary region, but no recovery point has reached it yet. */
  | 'noneReplicated'
  /** Recovery point times are not known (the row did not come from Resource Graph). */
  | 'unknown'
  /** The instance is not protected in a secondary region. */
  | 'notProtected';

/** Outcome of {@link secondaryRpo}. */
export interface SecondaryRpo {
  state: SecondaryRpoState;
  /** Time of the newest recovery point in the secondary region (epoch ms). */
  latest: number | undefined;
  /** Its age at `now` (never negative). */
  ageMs: number | undefined;
  /** The threshold that was applied. */
  thresholdMs: number;
  /** Where the threshold came from: the backup policy, or the 36-hour fallback. */
  thresholdSource: 'policy' | 'fallback';
}

/** Words for each state, as the grid and the instance page show them. */
export const SECONDARY_RPO_LABELS: Record<SecondaryRpoState, string> = {
  withinRpo: 'Within RPO',
  overdue: 'Overdue',
  noneReplicated: 'None replicated yet',
  unknown: 'Unknown without Resource Graph',
  notProtected: 'Not protected in a Secondary Region',
};

/** Applies the rule to one instance at `now`. */
export function secondaryRpo(
  row: Pick<
    BackupInstanceRow,
    'secondaryRegion' | 'hasExtendedProperties' | 'recoveryPoints' | 'rpoThresholdMs'
  >,
  now: number,
): SecondaryRpo {
  const policy = row.rpoThresholdMs.secondary;
  const thresholdMs = policy ?? FALLBACK_SECONDARY_RPO_MS;
  const thresholdSource = policy === undefined ? 'fallback' : 'policy';
  const latest = row.recoveryPoints.latestSecondary;
  const base = { latest, thresholdMs, thresholdSource } as const;
  if (!row.secondaryRegion) return { ...base, state: 'notProtected', ageMs: undefined };
  if (!row.hasExtendedProperties) return { ...base, state: 'unknown', ageMs: undefined };
  if (latest === undefined) return { ...base, state: 'noneReplicated', ageMs: undefined };
  const ageMs = Math.max(0, now - latest);
  return { ...base, state: ageMs > thresholdMs ? 'overdue' : 'withinRpo', ageMs };
}
