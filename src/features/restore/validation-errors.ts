/*
 * Where a validation or restore error belongs in the wizard: Azure names the problem by its code
 * (the UserError* codes of ../shared/notes/domain.md), so the code says which field to show it on.
 */
import { isArmError } from '@/azure/arm-error';
import type { RestoreMode } from '@/azure/restore/restore-rules';
import { explainError } from '@/components/arm-error-explanations';
import type { Field } from './form-model';

/** The field an error code is about, per restore mode; `permissions` for the vault identity's roles. */
const FIELD_OF_CODE: Record<string, (mode: RestoreMode) => Field | 'permissions'> = {
  UserErrorDatabaseNameAlreadyInUse: () => 'databaseName',
  UserErrorTargetNotInSecondaryRegion: (mode) => (mode === 'database' ? 'server' : 'storageAccount'),
  UserErrorDBNotFound: () => 'server',
  UserErrorInvalidSecret: () => 'secret',
  UserErrorSecretValueInUnsupportedFormat: () => 'secret',
  UserErrorInvalidSecretStore: () => 'keyVault',
  UserErrorMissingPermissionsOnSecretStore: () => 'permissions',
  UserErrorMSIMissingPermissions: () => 'permissions',
  UserErrorContainerNotAccessible: () => 'container',
  UserErrorArchivedRecoveryPointNeedsRehydration: () => 'recoveryPoint',
  UserErrorRecoveryPointNotFound: () => 'recoveryPoint',
  UserErrorRestoreAsDatabaseNotSupported: () => 'mode',
};

/** Where an error from Azure belongs, if its code names a place. */
export function fieldOfError(error: unknown, mode: RestoreMode): Field | 'permissions' | undefined {
  return isArmError(error) ? FIELD_OF_CODE[error.code]?.(mode) : undefined;
}

/** The short text shown next to the field: the human explanation, then Azure's own words. */
export function fieldMessage(error: unknown): string {
  const explanation = explainError(error);
  const next = explanation.nextStep ? ` ${explanation.nextStep}` : '';
  return `${explanation.title}. ${explanation.text}${next}${isArmError(error) ? ` (${error.code})` : ''}`;
}
