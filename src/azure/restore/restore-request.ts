/*
 * The one builder of a cross-region restore request body. Its shape is the one the Azure CLI
 * sends for real (../shared/azure-recordings: test_dataprotection_cross_region_restore.json #4,
 * test_dataprotection_backup_and_restore_oss.json), written with the spec's property names where
 * the two differ: the spec's `Datasource.resourceID` (the CLI sends `resourceId`, which the
 * service accepts because it deserialises case-insensitively), and no `secretStoreResource.value`
 * (the CLI sends `null`, which the spec's string type does not allow). The contract suite
 * validates the output against the 2025-07-01 spec.
 */
import type {
  CrossRegionRestoreRequestObject,
  RestoreFilesTargetInfo,
  RestoreTargetInfo,
} from '../backup-instances/types';
import type { Datasource } from '../common/types';
import { normaliseRegion } from '../regions';
import { parsePostgresServerId, postgresDatabaseResourceId } from '../resource-id';

/** Datasource type of an Azure Database for PostgreSQL single-server database (source and target). */
export const PG_DATABASE_TYPE = 'Microsoft.DBforPostgreSQL/servers/databases';
/** Resource type of a single server. */
export const PG_SERVER_TYPE = 'Microsoft.DBforPostgreSQL/servers';
/** Datasource type of an Azure Database for PostgreSQL flexible server. */
export const PG_FLEXIBLE_TYPE = 'Microsoft.DBforPostgreSQL/flexibleServers';

/** Restore as a new database on a server in the secondary region. */
export interface DatabaseRestoreTarget {
  kind: 'database';
  /** Target server id (`Microsoft.DBforPostgreSQL/servers`). */
  serverId: string;
  /** The server's region (ARM location name). */
  serverLocation: string;
  /** Name of the database the restore creates. */
  databaseName: string;
  /** Key Vault secret URI (`https://<vault>.vault.azure.net/secrets/<name>`) holding the connection credentials. */
  secretUri: string;
}

/** Restore as files into a blob container in the secondary region. */
export interface FilesRestoreTarget {
  kind: 'files';
  /** Container URL, e.g. `https://acct.blob.core.windows.net/restores`. */
  containerUrl: string;
  /** Prefix of the files the restore writes. */
  filePrefix: string;
}

/** Where a restore writes. */
export type RestoreTarget = DatabaseRestoreTarget | FilesRestoreTarget;

/** Everything a cross-region restore request says. */
export interface CrossRegionRestoreInput {
  /** Source backup instance (primary region). */
  instanceId: string;
  /** Primary region (the vault's location). */
  sourceRegion: string;
  /** Secondary region, where the restore runs and the target lives. */
  secondaryRegion: string;
  /** Recovery point name, from `fetchSecondaryRecoveryPoints`. */
  recoveryPointId: string;
  target: RestoreTarget;
}

function datasource(
  objectType: 'Datasource' | 'DatasourceSet',
  resourceID: string,
  resourceName: string,
  resourceType: string,
  resourceLocation: string,
): Datasource {
  return {
    datasourceType: PG_DATABASE_TYPE,
    objectType,
    resourceID,
    resourceLocation,
    resourceName,
    resourceType,
    resourceUri: '',
  };
}

function restoreTargetInfo(input: CrossRegionRestoreInput): RestoreTargetInfo | RestoreFilesTargetInfo {
  const restoreLocation = normaliseRegion(input.secondaryRegion);
  const { target } = input;
  if (target.kind === 'files') {
    return {
      objectType: 'RestoreFilesTargetInfo',
      recoveryOption: 'FailIfExists',
      restoreLocation,
      targetDetails: {
        filePrefix: target.filePrefix,
        restoreTargetLocationType: 'AzureBlobs',
        url: target.containerUrl.replace(/\/+$/, ''),
      },
    };
  }
  const server = parsePostgresServerId(target.serverId);
  const location = normaliseRegion(target.serverLocation);
  return {
    objectType: 'RestoreTargetInfo',
    recoveryOption: 'FailIfExists',
    restoreLocation,
    datasourceAuthCredentials: {
      objectType: 'SecretStoreBasedAuthCredentials',
      secretStoreResource: { secretStoreType: 'AzureKeyVault', uri: target.secretUri },
    },
    datasourceInfo: datasource(
      'Datasource',
      postgresDatabaseResourceId({ ...server, databaseName: target.databaseName }),
      target.databaseName,
      PG_DATABASE_TYPE,
      location,
    ),
    datasourceSetInfo: datasource(
      'DatasourceSet',
      target.serverId,
      server.serverName,
      PG_SERVER_TYPE,
      location,
    ),
  };
}

/**
 * The body of `validateCrossRegionRestore` and `crossRegionRestore` (the two take the same one):
 * a recovery-point-based restore from the vault store, to the target in the secondary region.
 */
export function buildCrossRegionRestoreRequest(
  input: CrossRegionRestoreInput,
): CrossRegionRestoreRequestObject {
  return {
    restoreRequestObject: {
      objectType: 'AzureBackupRecoveryPointBasedRestoreRequest',
      recoveryPointId: input.recoveryPointId,
      restoreTargetInfo: restoreTargetInfo(input),
      sourceDataStoreType: 'VaultStore',
    },
    crossRegionRestoreDetails: {
      sourceBackupInstanceId: input.instanceId,
      sourceRegion: normaliseRegion(input.sourceRegion),
    },
  };
}
