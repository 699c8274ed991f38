/*
 * Types shared by several DataProtection resources, written from dataprotection.json
 * (api-version 2025-07-01). Response fields are `?: X | null` because real ARM sends `null` for
 * absent optional values; request-only types have no nulls.
 */

/** Who created/modified a resource (common-types `systemData`). */
export interface SystemData {
  createdBy?: string | null;
  createdByType?: 'User' | 'Application' | 'ManagedIdentity' | 'Key' | null;
  createdAt?: string | null;
  lastModifiedBy?: string | null;
  lastModifiedByType?: 'User' | 'Application' | 'ManagedIdentity' | 'Key' | null;
  lastModifiedAt?: string | null;
}

/** Spec `DppResource`: id/name/type of a proxy resource. */
export interface DppResource {
  readonly id?: string;
  readonly name?: string;
  readonly type?: string;
  systemData?: SystemData | null;
}

/** Spec `InnerError`. */
export interface InnerError {
  additionalInfo?: Record<string, string> | null;
  code?: string | null;
  embeddedInnerError?: InnerError | null;
}

/** Spec `UserFacingError`: the error object of jobs and protection status. */
export interface UserFacingError {
  code?: string | null;
  details?: UserFacingError[] | null;
  innerError?: InnerError | null;
  isRetryable?: boolean | null;
  isUserError?: boolean | null;
  properties?: Record<string, string> | null;
  message?: string | null;
  recommendedAction?: string[] | null;
  target?: string | null;
}

/** Spec `Error` (common-types ErrorDetail) as found in `CloudError.error` and operation status. */
export interface ArmErrorBody {
  code?: string | null;
  message?: string | null;
  target?: string | null;
  details?: ArmErrorBody[] | null;
  additionalInfo?: { type?: string | null; info?: unknown }[] | null;
}

/** Spec `CloudError`. */
export interface CloudError {
  error?: ArmErrorBody | null;
}

/** Spec `IdentityDetails` (identity used by a backup instance or restore). */
export interface IdentityDetails {
  useSystemAssignedIdentity?: boolean | null;
  userAssignedIdentityArmUrl?: string | null;
}

/** Spec `BaseResourceProperties` (discriminated by objectType; only `DefaultResourceProperties`). */
export interface BaseResourceProperties {
  objectType: 'DefaultResourceProperties' | (string & {});
}

/** Spec `Datasource`: the protected resource (e.g. a PostgreSQL database). */
export interface Datasource {
  datasourceType?: string | null;
  objectType?: string | null;
  /** Full ARM id of the resource (`resourceID` in the spec, `resourceId` accepted by ARM too). */
  resourceID: string;
  resourceLocation?: string | null;
  resourceName?: string | null;
  resourceType?: string | null;
  resourceUri?: string | null;
  resourceProperties?: BaseResourceProperties | null;
}

/** Spec `DatasourceSet`: the parent of the datasource (e.g. the PostgreSQL server). */
export type DatasourceSet = Datasource;

/** Spec `SecretStoreResource`. */
export interface SecretStoreResource {
  uri?: string | null;
  secretStoreType: 'Invalid' | 'AzureKeyVault';
  value?: string | null;
}

/** Spec `SecretStoreBasedAuthCredentials` (the only `AuthCredentials` subtype). */
export interface SecretStoreBasedAuthCredentials {
  objectType: 'SecretStoreBasedAuthCredentials';
  secretStoreResource?: SecretStoreResource | null;
}

/** Spec `AuthCredentials` (discriminated by objectType). */
export type AuthCredentials = SecretStoreBasedAuthCredentials;
