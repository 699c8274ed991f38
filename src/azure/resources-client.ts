import { isTokenCredential, type TokenCredential } from '@azure/core-auth';
import { ArmClient, type ArmClientOptions } from './arm-client';
import type { PagedAsyncIterableIterator } from './paging';
import type { Location, Subscription } from './subscriptions/types';

/** api-version of Microsoft.Resources subscriptions/locations used here. */
export const RESOURCES_API_VERSION = '2022-12-01';

/**
 * Microsoft.Resources subscription operations (surface of `@azure/arm-resources-subscriptions`):
 * `subscriptions.list()` and `subscriptions.listLocations(subscriptionId)`.
 */
export class ResourcesClient {
  /** The transport. */
  readonly armClient: ArmClient;
  /** Subscription operations. */
  readonly subscriptions: {
    list(options?: { abortSignal?: AbortSignal | undefined }): PagedAsyncIterableIterator<Subscription>;
    listLocations(
      subscriptionId: string,
      options?: { abortSignal?: AbortSignal | undefined; includeExtendedLocations?: boolean },
    ): PagedAsyncIterableIterator<Location>;
  };

  /** Creates a client from a credential or a shared {@link ArmClient}. */
  constructor(
    credentialOrClient: TokenCredential | ArmClient,
    options: Omit<ArmClientOptions, 'credential'> = {},
  ) {
    if (credentialOrClient instanceof ArmClient) this.armClient = credentialOrClient;
    else if (isTokenCredential(credentialOrClient))
      this.armClient = new ArmClient({ ...options, credential: credentialOrClient });
    else throw new TypeError('ResourcesClient needs a TokenCredential or an ArmClient.');
    const arm = this.armClient;
    this.subscriptions = {
      list: (o) =>
        arm.list<Subscription>({
          path: '/subscriptions',
          apiVersion: RESOURCES_API_VERSION,
          signal: o?.abortSignal,
        }),
      listLocations: (subscriptionId, o) =>
        arm.list<Location>({
          path: `/subscriptions/${encodeURIComponent(subscriptionId)}/locations`,
          apiVersion: RESOURCES_API_VERSION,
          query: { includeExtendedLocations: o?.includeExtendedLocations },
          signal: o?.abortSignal,
        }),
    };
  }
}
