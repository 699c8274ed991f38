import { isTokenCredential, type TokenCredential } from '@azure/core-auth';
import { ArmClient, type ArmClientOptions, type ArmRequestOptions, type ArmResponse } from './arm-client';
import { ArmError, errorContextOf } from './arm-error';
import { isRecord } from './common/is-record';
import type {
  BackupInstanceResource,
  CrossRegionRestoreRequestObject,
  ValidateCrossRegionRestoreRequestObject,
} from './backup-instances/types';
import type { BackupVaultResource, PatchResourceRequestInput } from './backup-vaults/types';
import type {
  AzureBackupJobResource,
  CrossRegionRestoreJobRequest,
  CrossRegionRestoreJobsRequest,
} from './jobs/types';
import type { ArmPoller, LroProgress } from './lro';
import { parseOperationJobExtendedInfo } from './operations/job-info';
import type { OperationJobExtendedInfo } from './operations/types';
import type { PagedAsyncIterableIterator } from './paging';
import type {
  AzureBackupRecoveryPointResource,
  FetchSecondaryRPsRequestParameters,
} from './recovery-points/types';

/** api-version of Microsoft.DataProtection used by this client. */
export const DATA_PROTECTION_API_VERSION = '2025-07-01';

/** Options every operation accepts (names as in the generated SDK). */
export interface OperationOptions {
  /** Cancels the request. */
  abortSignal?: AbortSignal | undefined;
  /**
   * Called with the raw response before its body is returned (the SDK's `onResponse`): how a
   * caller learns the request and correlation ids support staff ask for.
   */
  onResponse?: ((response: ArmResponse<unknown>) => void) | undefined;
}

/** Options of list operations with OData filters. */
export interface ListWithFilterOptions extends OperationOptions {
  /** OData `$filter`. */
  filter?: string | undefined;
  /** `$skipToken` for the first request. */
  skipToken?: string | undefined;
}

/** Options of `begin*` operations. */
export interface BeginOperationOptions extends OperationOptions {
  /** Wait between polls when ARM sends no Retry-After. */
  updateIntervalInMs?: number;
  /** Progress callback after every poll. */
  onProgress?: (progress: LroProgress) => void;
}

/** Options of {@link DataProtectionClient}. */
export type DataProtectionClientOptions = Omit<ArmClientOptions, 'credential'> & {
  /** Override the api-version (tests of older recordings). */
  apiVersion?: string;
};

const enc = encodeURIComponent;

/**
 * Microsoft.DataProtection client with the operation-group surface of `@azure/arm-dataprotection`
 * (so it can be swapped for the SDK): `backupVaults`, `backupInstances`, `recoveryPoints`,
 * `fetchSecondaryRecoveryPoints`, `jobs`, `fetchCrossRegionRestoreJobs`, `fetchCrossRegionRestoreJob`.
 * Lists return {@link PagedAsyncIterableIterator}s that follow every nextLink.
 */
export class DataProtectionClient {
  /** The transport (shared when an ArmClient was passed in). */
  readonly armClient: ArmClient;
  /** Subscription the operations run in. */
  readonly subscriptionId: string;
  /** api-version used. */
  readonly apiVersion: string;

  /** Vault operations. */
  readonly backupVaults: {
    get(
      resourceGroupName: string,
      vaultName: string,
      options?: OperationOptions,
    ): Promise<BackupVaultResource>;
    listInSubscription(options?: OperationOptions): PagedAsyncIterableIterator<BackupVaultResource>;
    listInResourceGroup(
      resourceGroupName: string,
      options?: OperationOptions,
    ): PagedAsyncIterableIterator<BackupVaultResource>;
    beginUpdate(
      resourceGroupName: string,
      vaultName: string,
      parameters: PatchResourceRequestInput,
      options?: BeginOperationOptions,
    ): Promise<ArmPoller<BackupVaultResource>>;
    beginUpdateAndWait(
      resourceGroupName: string,
      vaultName: string,
      parameters: PatchResourceRequestInput,
      options?: BeginOperationOptions,
    ): Promise<BackupVaultResource>;
  };
  /** Backup instance operations, including the cross-region restore actions. */
  readonly backupInstances: {
    list(
      resourceGroupName: string,
      vaultName: string,
      options?: OperationOptions,
    ): PagedAsyncIterableIterator<BackupInstanceResource>;
    get(
      resourceGroupName: string,
      vaultName: string,
      backupInstanceName: string,
      options?: OperationOptions,
    ): Promise<BackupInstanceResource>;
    beginValidateCrossRegionRestore(
      resourceGroupName: string,
      location: string,
      parameters: ValidateCrossRegionRestoreRequestObject,
      options?: BeginOperationOptions,
    ): Promise<ArmPoller<OperationJobExtendedInfo>>;
    beginValidateCrossRegionRestoreAndWait(
      resourceGroupName: string,
      location: string,
      parameters: ValidateCrossRegionRestoreRequestObject,
      options?: BeginOperationOptions,
    ): Promise<OperationJobExtendedInfo>;
    beginTriggerCrossRegionRestore(
      resourceGroupName: string,
      location: string,
      parameters: CrossRegionRestoreRequestObject,
      options?: BeginOperationOptions,
    ): Promise<ArmPoller<OperationJobExtendedInfo>>;
    beginTriggerCrossRegionRestoreAndWait(
      resourceGroupName: string,
      location: string,
      parameters: CrossRegionRestoreRequestObject,
      options?: BeginOperationOptions,
    ): Promise<OperationJobExtendedInfo>;
  };
  /** Primary-region recovery points. */
  readonly recoveryPoints: {
    list(
      resourceGroupName: string,
      vaultName: string,
      backupInstanceName: string,
      options?: ListWithFilterOptions,
    ): PagedAsyncIterableIterator<AzureBackupRecoveryPointResource>;
    get(
      resourceGroupName: string,
      vaultName: string,
      backupInstanceName: string,
      recoveryPointId: string,
      options?: OperationOptions,
    ): Promise<AzureBackupRecoveryPointResource>;
  };
  /** Secondary-region recovery points (POST action on the secondary region). */
  readonly fetchSecondaryRecoveryPoints: {
    list(
      resourceGroupName: string,
      location: string,
      parameters: FetchSecondaryRPsRequestParameters,
      options?: ListWithFilterOptions,
    ): PagedAsyncIterableIterator<AzureBackupRecoveryPointResource>;
  };
  /** Primary-region jobs. */
  readonly jobs: {
    list(
      resourceGroupName: string,
      vaultName: string,
      options?: OperationOptions,
    ): PagedAsyncIterableIterator<AzureBackupJobResource>;
    get(
      resourceGroupName: string,
      vaultName: string,
      jobId: string,
      options?: OperationOptions,
    ): Promise<AzureBackupJobResource>;
  };
  /** Cross-region restore jobs (secondary region). */
  readonly fetchCrossRegionRestoreJobs: {
    list(
      resourceGroupName: string,
      location: string,
      parameters: CrossRegionRestoreJobsRequest,
      options?: ListWithFilterOptions,
    ): PagedAsyncIterableIterator<AzureBackupJobResource>;
  };
  /** One cross-region restore job (secondary region). */
  readonly fetchCrossRegionRestoreJob: {
    get(
      resourceGroupName: string,
      location: string,
      parameters: CrossRegionRestoreJobRequest,
      options?: OperationOptions,
    ): Promise<AzureBackupJobResource>;
  };

  /**
   * @param credentialOrClient - a `TokenCredential` (a private ArmClient is created) or a shared {@link ArmClient}
   * @param subscriptionId - subscription of every operation
   * @param options - client options (ignored for transport settings when an ArmClient is given)
   */
  constructor(
    credentialOrClient: TokenCredential | ArmClient,
    subscriptionId: string,
    options: DataProtectionClientOptions = {},
  ) {
    this.armClient =
      credentialOrClient instanceof ArmClient
        ? credentialOrClient
        : isTokenCredential(credentialOrClient)
          ? new ArmClient({ ...options, credential: credentialOrClient })
          : (() => {
              throw new TypeError('DataProtectionClient needs a TokenCredential or an ArmClient.');
            })();
    this.subscriptionId = subscriptionId;
    this.apiVersion = options.apiVersion ?? DATA_PROTECTION_API_VERSION;
    const arm = this.armClient;
    const rgPath = (rg: string): string =>
      `/subscriptions/${enc(this.subscriptionId)}/resourceGroups/${enc(rg)}/providers/Microsoft.DataProtection`;
    const vaultPath = (rg: string, vault: string): string => `${rgPath(rg)}/backupVaults/${enc(vault)}`;
    const req = (path: string, extra: Partial<ArmRequestOptions> = {}): ArmRequestOptions => ({
      method: 'GET',
      path,
      apiVersion: this.apiVersion,
      ...extra,
    });
    const filterQuery = (o?: ListWithFilterOptions): ArmRequestOptions['query'] => ({
      $filter: o?.filter,
      $skipToken: o?.skipToken,
    });
    const lroOpts = <T>(o: BeginOperationOptions | undefined, map?: (b: unknown) => T) => ({
      signal: o?.abortSignal,
      ...(o?.updateIntervalInMs !== undefined ? { pollIntervalMs: o.updateIntervalInMs } : {}),
      ...(o?.onProgress ? { onProgress: o.onProgress } : {}),
      ...(map ? { mapResult: map } : {}),
    });

    // A single job, with its response handed to `onResponse` (request ids for the job details).
    const jobBody = async (request: ArmRequestOptions, o?: OperationOptions) => {
      const response = await arm.send<AzureBackupJobResource>(request);
      o?.onResponse?.(response);
      if (!isRecord(response.body)) {
        throw ArmError.invalidResponse(errorContextOf(response), 'expected a job object.');
      }
      return response.body;
    };

    this.backupVaults = {
      get: (rg, vault, o) =>
        arm.request<BackupVaultResource>(req(vaultPath(rg, vault), { signal: o?.abortSignal })),
      listInSubscription: (o) =>
        arm.list<BackupVaultResource>(
          req(`/subscriptions/${enc(this.subscriptionId)}/providers/Microsoft.DataProtection/backupVaults`, {
            signal: o?.abortSignal,
          }),
        ),
      listInResourceGroup: (rg, o) =>
        arm.list<BackupVaultResource>(req(`${rgPath(rg)}/backupVaults`, { signal: o?.abortSignal })),
      // PATCH has no x-ms-long-running-operation-options in the spec: ARM's default for PATCH is
      // a final GET of the original URI, which returns the updated vault.
      beginUpdate: (rg, vault, parameters, o) =>
        arm.beginOperation<BackupVaultResource>(
          req(vaultPath(rg, vault), { method: 'PATCH', body: parameters }),
          {
            ...lroOpts<BackupVaultResource>(o),
            finalStateVia: 'original-uri',
          },
        ),
      beginUpdateAndWait: async (rg, vault, parameters, o) =>
        (await this.backupVaults.beginUpdate(rg, vault, parameters, o)).pollUntilDone(),
    };

    // Spec: final-state-via location for both CRR actions; the Location result is
    // OperationJobExtendedInfo (jobId).
    const crrAction = (
      rg: string,
      location: string,
      action: string,
      body: unknown,
      o?: BeginOperationOptions,
    ) =>
      arm.beginOperation<OperationJobExtendedInfo>(
        req(`${rgPath(rg)}/locations/${enc(location)}/${action}`, { method: 'POST', body }),
        { ...lroOpts(o, parseOperationJobExtendedInfo), finalStateVia: 'location' },
      );

    this.backupInstances = {
      list: (rg, vault, o) =>
        arm.list<BackupInstanceResource>(
          req(`${vaultPath(rg, vault)}/backupInstances`, { signal: o?.abortSignal }),
        ),
      get: (rg, vault, bi, o) =>
        arm.request<BackupInstanceResource>(
          req(`${vaultPath(rg, vault)}/backupInstances/${enc(bi)}`, { signal: o?.abortSignal }),
        ),
      beginValidateCrossRegionRestore: (rg, location, parameters, o) =>
        crrAction(rg, location, 'validateCrossRegionRestore', parameters, o),
      beginValidateCrossRegionRestoreAndWait: async (rg, location, parameters, o) =>
        (await crrAction(rg, location, 'validateCrossRegionRestore', parameters, o)).pollUntilDone(),
      beginTriggerCrossRegionRestore: (rg, location, parameters, o) =>
        crrAction(rg, location, 'crossRegionRestore', parameters, o),
      beginTriggerCrossRegionRestoreAndWait: async (rg, location, parameters, o) =>
        (await crrAction(rg, location, 'crossRegionRestore', parameters, o)).pollUntilDone(),
    };

    this.recoveryPoints = {
      list: (rg, vault, bi, o) =>
        arm.list<AzureBackupRecoveryPointResource>(
          req(`${vaultPath(rg, vault)}/backupInstances/${enc(bi)}/recoveryPoints`, {
            signal: o?.abortSignal,
            query: filterQuery(o),
          }),
        ),
      get: (rg, vault, bi, rp, o) =>
        arm.request<AzureBackupRecoveryPointResource>(
          req(`${vaultPath(rg, vault)}/backupInstances/${enc(bi)}/recoveryPoints/${enc(rp)}`, {
            signal: o?.abortSignal,
          }),
        ),
    };

    this.fetchSecondaryRecoveryPoints = {
      list: (rg, location, parameters, o) =>
        arm.list<AzureBackupRecoveryPointResource>(
          req(`${rgPath(rg)}/locations/${enc(location)}/fetchSecondaryRecoveryPoints`, {
            method: 'POST',
            body: parameters,
            signal: o?.abortSignal,
            query: filterQuery(o),
          }),
        ),
    };

    this.jobs = {
      list: (rg, vault, o) =>
        arm.list<AzureBackupJobResource>(
          req(`${vaultPath(rg, vault)}/backupJobs`, { signal: o?.abortSignal }),
        ),
      get: (rg, vault, jobId, o) =>
        jobBody(req(`${vaultPath(rg, vault)}/backupJobs/${enc(jobId)}`, { signal: o?.abortSignal }), o),
    };

    this.fetchCrossRegionRestoreJobs = {
      list: (rg, location, parameters, o) =>
        arm.list<AzureBackupJobResource>(
          req(`${rgPath(rg)}/locations/${enc(location)}/fetchCrossRegionRestoreJobs`, {
            method: 'POST',
            body: parameters,
            signal: o?.abortSignal,
            query: filterQuery(o),
          }),
        ),
    };

    this.fetchCrossRegionRestoreJob = {
      get: (rg, location, parameters, o) =>
        jobBody(
          req(`${rgPath(rg)}/locations/${enc(location)}/fetchCrossRegionRestoreJob`, {
            method: 'POST',
            body: parameters,
            signal: o?.abortSignal,
          }),
          o,
        ),
    };
  }
}
