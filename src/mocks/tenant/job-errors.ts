// What failed and warned jobs and operations report. One catalogue for the backup schedule, the
// restore rules and the named demo tenant, so a code always comes with the same words.

import type { JobError } from './types';

/** A failure before its recommended action is attached (what scenarios and rules decide). */
export type Failure = Pick<JobError, 'code' | 'message'>;

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

/** What a restore or operation failure recommends (restores act on the target, not the source). */
export function recommendedFor(code: string): string[] {
  return RECOMMENDED[code] ?? ['Retry the operation. If the issue persists, contact Microsoft support.'];
}

export function withRecommendation(failure: Failure): JobError {
  return { ...failure, recommendedAction: recommendedFor(failure.code) };
}

export function databaseNameAlreadyInUse(database: string, server: string): Failure {
  return {
    code: 'UserErrorDatabaseNameAlreadyInUse',
    message: `A database named '${database}' already exists on the target server '${server}'.`,
  };
}

export const BACKUP_WARNING: JobError = {
  code: 'UserErrorBackupCompletedWithWarnings',
  message: 'Backup completed, but some database objects could not be read and were skipped.',
  recommendedAction: ['Grant the backup user read permission on all schemas of the database.'],
};

/** Failures of scheduled backups, in the order the schedule picks from (seeded). */
export const BACKUP_FAILURES = {
  msiMissingPermissions: {
    code: 'UserErrorMSIMissingPermissions',
    message:
      "The backup vault's managed identity is missing required permissions on the Azure Database for PostgreSQL server.",
    recommendedAction: [
      "Assign the 'Reader' role on the server to the backup vault's managed identity and retry.",
    ],
  },
  dbUserAuthFailed: {
    code: 'UserErrorDBUserAuthFailed',
    message:
      'The database user does not have permission to perform the backup, or the password in the key vault is wrong.',
    recommendedAction: [
      'Check the credentials stored in the key vault secret and grant the user the backup role in the database.',
    ],
  },
  missingNetworkSecurityPermissions: {
    code: 'UserErrorMissingNetworkSecurityPermissions',
    message: "The server's network settings do not allow access from Azure services.",
    recommendedAction: [
      "Enable 'Allow access to Azure services' in the server's connection security settings.",
    ],
  },
  serverConnectionClosed: {
    code: 'UserErrorServerConnectionClosed',
    message: 'The connection to the Azure Database for PostgreSQL server was closed during the backup.',
    recommendedAction: ['Check the server health and retry the backup.'],
  },
} satisfies Record<string, JobError>;

/** Failures and warnings of restores, worded for the target side. */
export const RESTORE_ERRORS = {
  targetMsiMissingPermissions: withRecommendation({
    code: 'UserErrorMSIMissingPermissions',
    message:
      "The backup vault's managed identity is missing required permissions on the target Azure Database for PostgreSQL server.",
  }),
  targetCredentialsRejected: withRecommendation({
    code: 'UserErrorDBUserAuthFailed',
    message: 'The credentials in the key vault secret were rejected by the target server.',
  }),
  completedWithWarnings: {
    code: 'UserErrorRestoreCompletedWithWarnings',
    message: 'Restore completed; some role grants could not be reapplied on the target.',
    recommendedAction: ['Re-create the missing role grants on the restored database.'],
  },
} satisfies Record<string, JobError>;
