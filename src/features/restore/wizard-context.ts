import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import type { RefObject } from 'react';
import type { CrossRegionRestoreResult, CrossRegionRestoreVariables } from '@/azure/backup-instances/queries';
import type { BackupInstanceResource } from '@/azure/backup-instances/types';
import type { BackupVaultResource } from '@/azure/backup-vaults/types';
import type { LroProgress } from '@/azure/lro';
import type { AzureBackupRecoveryPointResource } from '@/azure/recovery-points/types';
import type {
  BlobContainerResource,
  KeyVaultResource,
  KeyVaultSecretResource,
  PostgresServerResource,
  StorageAccountResource,
} from '@/azure/restore-targets/types';
import type { EvaluatedForm, Field, FormValues, RestoreSource, Step } from './form-model';

type RestoreMutation = UseMutationResult<CrossRegionRestoreResult, Error, CrossRegionRestoreVariables>;

/** What every step of the wizard reads: the source, the form, the lists and the two actions. */
export interface WizardContext {
  source: RestoreSource;
  instance: BackupInstanceResource;
  vault: BackupVaultResource;
  values: FormValues;
  set: (changes: Partial<Record<Field, string>>) => void;
  goTo: (step: Step) => void;
  form: EvaluatedForm;
  /** True once the user tried to leave the step with something missing. */
  showErrors: (step: Step) => boolean;
  queries: {
    secondary: UseQueryResult<AzureBackupRecoveryPointResource[]>;
    servers: UseQueryResult<PostgresServerResource[]>;
    keyVaults: UseQueryResult<KeyVaultResource[]>;
    secrets: UseQueryResult<KeyVaultSecretResource[]>;
    storageAccounts: UseQueryResult<StorageAccountResource[]>;
    containers: UseQueryResult<BlobContainerResource[]>;
  };
  /** Secondary recovery points, newest first. */
  points: AzureBackupRecoveryPointResource[] | undefined;
  validate: RestoreMutation;
  trigger: RestoreMutation;
  /** A restore of this instance is being sent or followed in this tab. */
  triggering: boolean;
  progress: LroProgress | null;
  sent: RefObject<boolean>;
  /** Sends the restore, once. */
  startRestore: () => void;
}
