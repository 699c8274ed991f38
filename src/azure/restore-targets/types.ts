/*
 * The restore targets the wizard lists, with only the fields it reads (these providers' specs are
 * not part of this app's contract): PostgreSQL servers, key vaults and their secrets, storage
 * accounts and their blob containers. Real ARM sends `null` for absent values.
 */

/** A tracked ARM resource's common fields. */
export interface TrackedResource {
  readonly id?: string;
  readonly name?: string;
  readonly type?: string;
  location?: string;
}

/** `Microsoft.DBforPostgreSQL/servers` (single server, api-version 2017-12-01). */
export interface PostgresServerResource extends TrackedResource {
  properties?: {
    fullyQualifiedDomainName?: string | null;
    userVisibleState?: string | null;
    version?: string | null;
  } | null;
}

/** One access policy of a key vault that does not use Azure RBAC. */
export interface KeyVaultAccessPolicy {
  objectId?: string | null;
  permissions?: { secrets?: string[] | null } | null;
}

/** `Microsoft.KeyVault/vaults` (api-version 2023-07-01). */
export interface KeyVaultResource extends TrackedResource {
  properties?: {
    vaultUri?: string | null;
    /** True: data access is granted by Azure RBAC roles; false/absent: by access policies. */
    enableRbacAuthorization?: boolean | null;
    accessPolicies?: KeyVaultAccessPolicy[] | null;
  } | null;
}

/** `Microsoft.KeyVault/vaults/secrets` (metadata only: the management API never returns values). */
export interface KeyVaultSecretResource {
  readonly id?: string;
  readonly name?: string;
  properties?: {
    secretUri?: string | null;
    contentType?: string | null;
    attributes?: { enabled?: boolean | null } | null;
  } | null;
}

/** `Microsoft.Storage/storageAccounts` (api-version 2023-05-01). */
export interface StorageAccountResource extends TrackedResource {
  kind?: string | null;
  properties?: { primaryEndpoints?: { blob?: string | null } | null } | null;
}

/** `Microsoft.Storage/storageAccounts/blobServices/containers`. */
export interface BlobContainerResource {
  readonly id?: string;
  readonly name?: string;
}
