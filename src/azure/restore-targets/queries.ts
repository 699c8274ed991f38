import { queryOptions } from '@tanstack/react-query';
import type { ArmQueryContext } from '../query-context';
import { armKeys } from '../query-keys';
import { parseKeyVaultId, parseStorageAccountId } from '../resource-id';
import type {
  BlobContainerResource,
  KeyVaultResource,
  KeyVaultSecretResource,
  PostgresServerResource,
  StorageAccountResource,
} from './types';

/** api-versions of the restore targets' providers. */
export const RESTORE_TARGET_API_VERSIONS = {
  postgres: '2017-12-01',
  keyVault: '2023-07-01',
  storage: '2023-05-01',
} as const;

const enc = encodeURIComponent;

/**
 * Query factories for the restore targets of a subscription. Lists cover every region of the
 * subscription (all pages): the wizard offers those in the secondary region and uses the rest to
 * explain why a pasted id does not fit.
 */
export function createRestoreTargetQueries(ctx: ArmQueryContext) {
  const inSubscription = <T>(
    subscriptionId: string,
    provider: string,
    apiVersion: string,
    signal: AbortSignal,
  ) =>
    ctx.client.listAll<T>({
      path: `/subscriptions/${enc(subscriptionId)}/providers/${provider}`,
      apiVersion,
      signal,
    });
  return {
    queries: {
      /** Azure Database for PostgreSQL single servers (the restore-as-database targets). */
      postgresServers: (subscriptionId: string) =>
        queryOptions({
          queryKey: armKeys.restoreTargets(subscriptionId, 'postgresServers'),
          queryFn: ({ signal }) =>
            inSubscription<PostgresServerResource>(
              subscriptionId,
              'Microsoft.DBforPostgreSQL/servers',
              RESTORE_TARGET_API_VERSIONS.postgres,
              signal,
            ),
        }),
      /** Key vaults (where the target server's credentials are kept). */
      keyVaults: (subscriptionId: string) =>
        queryOptions({
          queryKey: armKeys.restoreTargets(subscriptionId, 'keyVaults'),
          queryFn: ({ signal }) =>
            inSubscription<KeyVaultResource>(
              subscriptionId,
              'Microsoft.KeyVault/vaults',
              RESTORE_TARGET_API_VERSIONS.keyVault,
              signal,
            ),
        }),
      /** Secrets of a key vault: names and URIs only (the management API never returns values). */
      secrets: (keyVaultId: string) =>
        queryOptions({
          queryKey: armKeys.restoreTargetChildren('keyVaults', keyVaultId, 'secrets'),
          queryFn: ({ signal }) => {
            parseKeyVaultId(keyVaultId);
            return ctx.client.listAll<KeyVaultSecretResource>({
              path: `${keyVaultId}/secrets`,
              apiVersion: RESTORE_TARGET_API_VERSIONS.keyVault,
              signal,
            });
          },
        }),
      /** Storage accounts (the restore-as-files targets). */
      storageAccounts: (subscriptionId: string) =>
        queryOptions({
          queryKey: armKeys.restoreTargets(subscriptionId, 'storageAccounts'),
          queryFn: ({ signal }) =>
            inSubscription<StorageAccountResource>(
              subscriptionId,
              'Microsoft.Storage/storageAccounts',
              RESTORE_TARGET_API_VERSIONS.storage,
              signal,
            ),
        }),
      /** Blob containers of a storage account. */
      containers: (storageAccountId: string) =>
        queryOptions({
          queryKey: armKeys.restoreTargetChildren('storageAccounts', storageAccountId, 'containers'),
          queryFn: ({ signal }) => {
            parseStorageAccountId(storageAccountId);
            return ctx.client.listAll<BlobContainerResource>({
              path: `${storageAccountId}/blobServices/default/containers`,
              apiVersion: RESTORE_TARGET_API_VERSIONS.storage,
              signal,
            });
          },
        }),
    },
  };
}

/** A secret's URI without version, so a rotated secret keeps working for the restore. */
export function secretUriOf(secret: KeyVaultSecretResource, keyVault: KeyVaultResource): string {
  const given = secret.properties?.secretUri;
  if (given) return given;
  const base = (keyVault.properties?.vaultUri ?? `https://${keyVault.name ?? ''}.vault.azure.net/`).replace(
    /\/+$/,
    '',
  );
  return `${base}/secrets/${secret.name ?? ''}`;
}

/** A container's URL: the account's blob endpoint plus the container name. */
export function containerUrlOf(account: StorageAccountResource, containerName: string): string {
  const blob =
    account.properties?.primaryEndpoints?.blob ?? `https://${account.name ?? ''}.blob.core.windows.net/`;
  return `${blob.replace(/\/+$/, '')}/${containerName}`;
}
