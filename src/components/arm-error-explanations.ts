import { isArmError, type ArmError } from '@/azure/arm-error';

/** What the user reads above the raw ARM code and message: what happened, what to do next. */
export interface ErrorExplanation {
  title: string;
  /** What happened, in words. */
  text: string;
  /** What to do about it, where we know (Azure Backup's own codes). */
  nextStep?: string | undefined;
  /** True when trying the same thing again can succeed (the `user` column of `RETRY_RULES`). */
  retryable: boolean;
}

type Explanation = Omit<ErrorExplanation, 'retryable'>;

/**
 * Azure Backup's job, validation and restore error codes users meet around a Cross Region
 * Restore, each with what it means and the next step (ARM's own messages rarely say what to do).
 * The one table: ARM errors, failed jobs and job warnings all read it.
 */
const BY_CODE: Record<string, Explanation> = {
  UserErrorMSIMissingPermissions: {
    title: "The vault's managed identity is missing permissions",
    text: "Azure Backup acts as the Backup vault's managed identity, and that identity lacks a role on the server, key vault or storage account it had to use.",
    nextStep:
      "Give the Backup vault's managed identity Reader on the PostgreSQL server, Key Vault Secrets User on the key vault and Storage Blob Data Contributor on the target storage account, then try again.",
  },
  UserErrorMissingNetworkSecurityPermissions: {
    title: 'The network blocks Azure Backup',
    text: "The server's or storage account's firewall does not let Azure services in.",
    nextStep:
      'Allow access to Azure services in the firewall of the server or storage account, then try again.',
  },
  UserErrorContainerNotAccessible: {
    title: 'The target container cannot be reached',
    text: 'Azure Backup could not write to the storage container chosen for the restore.',
    nextStep:
      "Check that the storage container exists and that the vault's managed identity has Storage Blob Data Contributor on it.",
  },
  UserErrorDBUserAuthFailed: {
    title: 'The database refused the credentials',
    text: 'The user name or password in the key vault secret was rejected by the server.',
    nextStep: 'Update the key vault secret with a user and password the server accepts, then try again.',
  },
  UserErrorInvalidSecret: {
    title: 'The key vault secret is not valid',
    text: 'The secret does not hold a connection string Azure Backup can use.',
    nextStep: 'Store a PostgreSQL connection string with the server, user and password in the secret.',
  },
  UserErrorMissingDBPermissions: {
    title: 'The database user lacks permissions',
    text: 'The database user in the secret may not read or create what the backup or restore needs.',
    nextStep:
      'Grant the database user in the secret the rights Azure Backup needs (see "Grant database permissions" in the Azure Backup docs).',
  },
  UserErrorSecretValueInUnsupportedFormat: {
    title: 'The secret is in an unsupported format',
    text: 'Azure Backup could not read the value of the key vault secret.',
    nextStep: 'Store the connection string as a plain text secret value.',
  },
  UserErrorInvalidSecretStore: {
    title: 'The secret store is not valid',
    text: 'The key vault given for the credentials could not be used.',
    nextStep: 'Check the key vault URI and that the key vault still exists.',
  },
  UserErrorMissingPermissionsOnSecretStore: {
    title: "The vault's managed identity cannot read the secret",
    text: "The Backup vault's managed identity has no access to the key vault secret.",
    nextStep: "Give the Backup vault's managed identity Key Vault Secrets User on the key vault.",
  },
  UserErrorDBNotFound: {
    title: 'The database was not found',
    text: 'The source or target database no longer exists.',
    nextStep: 'Check the database name and server, and pick an existing target.',
  },
  UserErrorDatabaseNameAlreadyInUse: {
    title: 'A database with that name already exists',
    text: 'A restore cannot overwrite an existing database.',
    nextStep: 'Choose another database name or another target server.',
  },
  UserErrorServerConnectionClosed: {
    title: 'The server closed the connection',
    text: 'The PostgreSQL server ended the connection while Azure Backup was working.',
    nextStep: 'Check that the server is running and reachable, then try again.',
  },
  UserErrorBackupCompletedWithWarnings: {
    title: 'The backup completed with warnings',
    text: 'The recovery point exists, but some database objects were skipped.',
    nextStep: 'Read the warning below, fix what it names, and check the next backup.',
  },
  UserErrorRestoreCompletedWithWarnings: {
    title: 'The restore completed with warnings',
    text: 'The data was restored, but some settings could not be reapplied on the target.',
    nextStep: 'Read the warning below and re-create what it names on the restored database.',
  },
  AuthenticationRequired: {
    title: 'Sign-in required',
    text: 'No Azure token could be obtained. Sign in to Azure to continue; nothing you entered is lost.',
  },
  UserErrorTargetNotInSecondaryRegion: {
    title: 'The target is not in the Secondary Region',
    text: "A cross-region restore writes to a server or storage account in the vault's Secondary Region. Choose one there.",
  },
  UserErrorArchivedRecoveryPointNeedsRehydration: {
    title: 'The recovery point is in the archive tier',
    text: 'Rehydrate it to the vault tier first (10 to 30 days), or choose a recovery point in the vault tier.',
  },
  UserErrorRecoveryPointNotFound: {
    title: 'The recovery point is not in the Secondary Region',
    text: 'Recovery points take up to 12 hours to reach the Secondary Region. Choose one from the list of secondary recovery points.',
  },
  UserErrorRestoreAsDatabaseNotSupported: {
    title: 'This backup can only be restored as files',
    text: 'Azure Database for PostgreSQL flexible server backups restore as files into a storage container.',
  },
  UserErrorCrossRegionRestoreNotEnabled: {
    title: 'Cross Region Restore is not enabled on the vault',
    text: "Enable it in the vault's Properties; backup items then take up to 48 hours to appear in the Secondary Region.",
  },
  UserErrorInvalidSecondaryRegion: {
    title: "The region is not the vault's Secondary Region",
    text: "Cross-region calls go to the vault's Secondary Region (its paired region). Reload the page to read the vault again.",
  },
  OperationAlreadyStarted: {
    title: 'This restore was already sent',
    text: 'A restore of this backup instance started from this tab has not finished. It is followed below instead of being sent again.',
  },
  UserErrorAnotherOperationInProgress: {
    title: 'Another operation is running',
    text: 'Wait for the running operation on this vault to finish, then try again.',
  },
};

/** What an Azure Backup error code means and what to do next, or undefined for an unknown code. */
export function explainCode(code: string | null | undefined): Explanation | undefined {
  return code ? BY_CODE[code] : undefined;
}

/** Extracts the RBAC action from ARM's AuthorizationFailed message, if it names one. */
export function missingAction(message: string): string | undefined {
  return /perform action '([^']+)'/i.exec(message)?.[1];
}

export function explainError(error: unknown): ErrorExplanation {
  if (!isArmError(error)) {
    return {
      title: 'Something went wrong',
      text: error instanceof Error ? error.message : 'An unexpected error occurred.',
      retryable: true,
    };
  }
  return { ...(BY_CODE[error.code] ?? explainByKind(error)), retryable: error.retryRule.user };
}

function explainByKind(error: ArmError): Explanation {
  switch (error.kind) {
    case 'forbidden': {
      const action = missingAction(error.message);
      return {
        title: 'You do not have permission to do this',
        text: `${action ? `Your account lacks the permission ${action}. ` : ''}The Backup Contributor role on the vault (or Backup Operator for restores) usually grants it. Ask an owner of the subscription to assign it, then sign in again.`,
      };
    }
    case 'conflict':
      return {
        title: 'Another operation is in progress',
        text: 'Azure is still working on another change to this resource. Wait for it to finish, then retry.',
      };
    case 'notFound':
      return {
        title: 'Not found',
        text: 'It may have been deleted or moved, or you may no longer have access to it.',
      };
    case 'throttled': {
      const seconds = error.retryAfterMs ? Math.ceil(error.retryAfterMs / 1000) : undefined;
      return {
        title: 'Azure is throttling requests',
        text: `Too many requests were sent in a short time. ${seconds ? `Wait ${seconds} seconds` : 'Wait a moment'} and retry.`,
      };
    }
    case 'server':
      return {
        title: 'Azure could not complete the request',
        text: 'This is usually temporary. Retry in a few minutes; if it keeps failing, contact Azure support with the request id below.',
      };
    case 'timeout':
      return {
        title: 'Azure did not answer in time',
        text: 'This is usually temporary. Retry in a moment.',
      };
    case 'network':
      return {
        title: 'Azure could not be reached',
        text: 'Check your network connection, then retry.',
      };
    case 'auth':
      return {
        title: 'Your sign-in has expired',
        text: 'Sign in again to continue. Nothing you entered is lost.',
      };
    case 'badRequest':
      return { title: 'Azure refused the request', text: 'Azure explained why below.' };
    case 'operationFailed':
      return { title: 'The operation failed', text: 'Azure explained why below.' };
    case 'invalidResponse':
      return {
        title: 'Azure sent a response that could not be read',
        text: 'Retry; if it keeps happening, contact support with the request id below.',
      };
    default:
      return { title: 'The request failed', text: 'Azure explained why below.' };
  }
}
