import { isArmError, type ArmError } from '@/azure/arm-error';

/** What the user reads above the raw ARM code and message: what happened, what to do next. */
export interface ErrorExplanation {
  title: string;
  text: string;
  /** True when trying the same thing again can succeed (the `user` column of `RETRY_RULES`). */
  retryable: boolean;
}

type Explanation = Omit<ErrorExplanation, 'retryable'>;

/**
 * Azure Backup's job and validation error codes users meet during a Cross Region Restore,
 * each with a next step (ARM's own messages rarely say what to do).
 */
const BY_CODE: Record<string, Explanation> = {
  UserErrorMSIMissingPermissions: {
    title: "The vault's managed identity is missing permissions",
    text: "Give the Backup vault's managed identity Reader on the PostgreSQL server, Key Vault Secrets User on the key vault and Storage Blob Data Contributor on the target storage account, then try again.",
  },
  UserErrorMissingNetworkSecurityPermissions: {
    title: 'The network blocks Azure Backup',
    text: 'Allow access to Azure services in the firewall of the server or storage account, then try again.',
  },
  UserErrorContainerNotAccessible: {
    title: 'The target container cannot be reached',
    text: "Check that the storage container exists and that the vault's managed identity has Storage Blob Data Contributor on it.",
  },
  UserErrorDBUserAuthFailed: {
    title: 'The database refused the credentials',
    text: 'The user name or password in the key vault secret is wrong. Update the secret, then try again.',
  },
  UserErrorInvalidSecret: {
    title: 'The key vault secret is not valid',
    text: 'The secret must hold a PostgreSQL connection string with the server, user and password.',
  },
  UserErrorMissingDBPermissions: {
    title: 'The database user lacks permissions',
    text: 'Grant the database user in the secret the rights Azure Backup needs (see "Grant database permissions" in the Azure Backup docs).',
  },
  UserErrorSecretValueInUnsupportedFormat: {
    title: 'The secret is in an unsupported format',
    text: 'Store the connection string as a plain text secret value.',
  },
  UserErrorInvalidSecretStore: {
    title: 'The secret store is not valid',
    text: 'Check the key vault URI and that the key vault still exists.',
  },
  UserErrorMissingPermissionsOnSecretStore: {
    title: "The vault's managed identity cannot read the secret",
    text: "Give the Backup vault's managed identity Key Vault Secrets User on the key vault.",
  },
  UserErrorDBNotFound: {
    title: 'The database was not found',
    text: 'The source or target database no longer exists. Check its name and server.',
  },
  UserErrorDatabaseNameAlreadyInUse: {
    title: 'A database with that name already exists',
    text: 'A restore cannot overwrite an existing database. Choose another database name or another target server.',
  },
  UserErrorServerConnectionClosed: {
    title: 'The server closed the connection',
    text: 'Check that the server is running and reachable, then try again.',
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
