/*
 * One way to start, resume and follow a long-running operation, for every kind of operation
 * (vault update now, cross-region restore next). Starting goes through `startTracked`, which
 * keeps the operation in the pending-operation store until Azure says how it ended; after a
 * reload, `follow` picks it up from the store and runs the same follow-up the mutation would
 * have run. What must happen after an operation lives in its kind's definition, once.
 */
import { queryOptions, type MutationKey, type QueryClient } from '@tanstack/react-query';
import type { ArmClient } from '../arm-client';
import { ArmError, isArmError } from '../arm-error';
import type { ArmPoller, BeginOperationOptions } from '../lro';
import { armKeys } from '../query-keys';
import type { PendingOperation, PendingOperationKind, PendingOperationStore } from './pending-operations';

/**
 * Whether sending an operation again is harmless. A vault PATCH sets a state (sending it twice
 * changes nothing); a second `crossRegionRestore` POST starts a second restore.
 */
export const OPERATION_REPEATABLE: Readonly<Record<PendingOperationKind, boolean>> = {
  vaultUpdate: true,
  crossRegionRestore: false,
};

/** What happens around one kind of operation; see the module comment. */
export interface OperationDefinition<T> {
  /** Key of the mutation that starts it (so a follow in the same tab defers to it). */
  mutationKey: (resourceId: string) => MutationKey;
  /** How to resume polling (final-state rule, result mapping). */
  resumeOptions?: BeginOperationOptions<T>;
  /** What must happen once it succeeded: shared by the mutation's `onSuccess` and the follow. */
  afterSuccess: (client: QueryClient, resourceId: string, result: T) => Promise<void>;
  /** What to refresh when an unconfirmed, repeatable operation is forgotten. */
  afterForgotten?: (client: QueryClient, resourceId: string) => Promise<void>;
}

/** What {@link createOperationQueries}' `follow` finds. */
export type FollowedOperation<T> =
  /** Nothing pending for this resource. */
  | { state: 'none' }
  /** A mutation in this tab is following it right now (its own state tells the progress). */
  | { state: 'inThisTab'; operation: PendingOperation }
  /**
   * The starting request was sent but its answer never arrived (reload, network failure): Azure
   * may or may not have started it. Only for operations that must not be repeated blindly.
   */
  | { state: 'unconfirmed'; operation: PendingOperation }
  /** It was followed to the end and succeeded. */
  | { state: 'succeeded'; operation: PendingOperation; result: T };

/** An operation of this kind is already pending for the resource. */
export function operationAlreadyStarted(operation: PendingOperation): ArmError {
  return new ArmError({
    status: 409,
    code: 'OperationAlreadyStarted',
    message: `This operation was already started at ${operation.startedAt} and has not finished; it is not sent again.`,
  });
}

/**
 * A failure after which the operation may still be running in Azure (or may have started):
 * the entry stays so the page follows it instead of sending it again.
 */
function mayStillRun(error: unknown): boolean {
  return isArmError(error) && (error.retryRule.pipeline || error.isAborted);
}

/**
 * Starts an operation and follows it to its end, recording it in `store` first (see the module
 * comment of `pending-operations.ts`). Refuses to start a kind that must not be repeated while
 * one is pending for the resource. The entry is removed once Azure says how the operation ended.
 */
export async function startTracked<T>(
  store: PendingOperationStore,
  entry: { kind: PendingOperationKind; resourceId: string; detail?: unknown },
  begin: () => Promise<ArmPoller<T>>,
): Promise<T> {
  const existing = store.get(entry.kind, entry.resourceId);
  if (existing && (existing.resumeToken !== undefined || !OPERATION_REPEATABLE[entry.kind])) {
    throw operationAlreadyStarted(existing);
  }
  const base: PendingOperation = { ...entry, startedAt: new Date().toISOString() };
  store.put(base);
  let poller: ArmPoller<T>;
  try {
    poller = await begin();
  } catch (error) {
    // Without an answer we cannot know whether Azure started it; repeatable kinds may be sent again.
    if (!mayStillRun(error) || OPERATION_REPEATABLE[entry.kind]) store.remove(entry.kind, entry.resourceId);
    throw error;
  }
  const resumeToken = poller.resumeToken ?? poller.operationUrl;
  if (resumeToken) store.put({ ...base, resumeToken });
  try {
    const result = await poller.pollUntilDone();
    store.remove(entry.kind, entry.resourceId);
    return result;
  } catch (error) {
    // A poll that failed in transit leaves the operation running in Azure: keep it resumable.
    if (!mayStillRun(error)) store.remove(entry.kind, entry.resourceId);
    throw error;
  }
}

/** Dependencies of {@link createOperationQueries}. */
export interface OperationQueriesContext {
  client: ArmClient;
  pendingOperations: PendingOperationStore;
}

/** Query factories for pending operations; `definitions` holds each kind's rules. */
export function createOperationQueries<R extends Record<PendingOperationKind, unknown>>(
  ctx: OperationQueriesContext,
  definitions: { [K in PendingOperationKind]: OperationDefinition<R[K]> },
) {
  return {
    /** The store itself (for `useSyncExternalStore` and dismissing an unconfirmed entry). */
    store: ctx.pendingOperations,
    queries: {
      /**
       * Follows the operation pending for a resource, if any, to its end (after a reload), then
       * runs the kind's follow-up. Fails with the operation's error when it failed.
       */
      follow: <K extends PendingOperationKind>(kind: K, resourceId: string) =>
        // `definitions` is fixed when the Arm facade is created; `kind` is in the key.
        // eslint-disable-next-line @tanstack/query/exhaustive-deps
        queryOptions<FollowedOperation<R[K]>>({
          queryKey: armKeys.pendingOperation(kind, resourceId),
          queryFn: async ({ client, signal }) => {
            const operation = ctx.pendingOperations.get(kind, resourceId);
            if (!operation) return { state: 'none' };
            const definition: OperationDefinition<R[K]> = definitions[kind];
            if (client.isMutating({ mutationKey: definition.mutationKey(resourceId) }) > 0) {
              return { state: 'inThisTab', operation };
            }
            if (operation.resumeToken === undefined) {
              if (!OPERATION_REPEATABLE[kind]) return { state: 'unconfirmed', operation };
              ctx.pendingOperations.remove(kind, resourceId);
              await definition.afterForgotten?.(client, resourceId);
              return { state: 'none' };
            }
            let result: R[K];
            try {
              const poller = await ctx.client.resumeOperation<R[K]>(operation.resumeToken, {
                ...definition.resumeOptions,
                signal,
              });
              result = await poller.pollUntilDone({ signal });
            } catch (error) {
              if (!mayStillRun(error)) ctx.pendingOperations.remove(kind, resourceId);
              throw error;
            }
            ctx.pendingOperations.remove(kind, resourceId);
            await definition.afterSuccess(client, resourceId, result);
            return { state: 'succeeded', operation, result };
          },
          // Following is a one-off per mount: no refetch on focus, nothing kept after unmount.
          staleTime: Infinity,
          gcTime: 0,
          retry: false,
          refetchOnWindowFocus: false,
        }),
    },
  };
}
