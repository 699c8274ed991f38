import type { CurrentProtectionState } from './types';

/**
 * Protection status as Backup center groups it. Each group lists the `currentProtectionState`
 * values (spec enum) it covers; the values double as the allow-list of the protection filter.
 */
export const PROTECTION_STATUS_GROUPS = {
  protected: { label: 'Protected', states: ['ProtectionConfigured'] },
  configuring: {
    label: 'Configuring protection',
    states: ['ConfiguringProtection', 'UpdatingProtection'],
  },
  stopped: {
    label: 'Protection stopped',
    states: ['ProtectionStopped', 'BackupSchedulesSuspended', 'RetentionSchedulesSuspended'],
  },
  error: {
    label: 'Protection error',
    states: ['ProtectionError', 'ConfiguringProtectionFailed'],
  },
  notProtected: { label: 'Not protected', states: ['NotProtected', 'Invalid'] },
  softDeleted: { label: 'Soft deleted', states: ['SoftDeleting', 'SoftDeleted'] },
} as const satisfies Record<string, { label: string; states: readonly CurrentProtectionState[] }>;

/** A protection status group id (the filter's URL value). */
export type ProtectionStatusGroup = keyof typeof PROTECTION_STATUS_GROUPS;

/** Every group, in display order. */
export const PROTECTION_STATUS_GROUP_IDS = Object.keys(PROTECTION_STATUS_GROUPS) as ProtectionStatusGroup[];

/** Every `currentProtectionState` the spec knows. */
export const CURRENT_PROTECTION_STATES: readonly CurrentProtectionState[] =
  PROTECTION_STATUS_GROUP_IDS.flatMap((g) => PROTECTION_STATUS_GROUPS[g].states);

/** The group of a protection state (case-insensitive); undefined when ARM sent none or an unknown one. */
export function protectionStatusGroup(state: string | null | undefined): ProtectionStatusGroup | undefined {
  if (!state) return undefined;
  const lower = state.toLowerCase();
  return PROTECTION_STATUS_GROUP_IDS.find((g) =>
    (PROTECTION_STATUS_GROUPS[g].states as readonly string[]).some((s) => s.toLowerCase() === lower),
  );
}

/** The protection status in words (the raw state when unknown). */
export function protectionStatusLabel(state: string | null | undefined): string {
  const group = protectionStatusGroup(state);
  return group ? PROTECTION_STATUS_GROUPS[group].label : (state ?? 'Unknown');
}
