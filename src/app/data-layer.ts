import type { TokenCredential } from '@azure/core-auth';
import type { QueryClient } from '@tanstack/react-query';
import { scopedQueryKeyHashFn } from '@/azure/account-scope';
import { createArm, type Arm } from '@/azure/arm';
import type { AzureCloud } from '@/azure/clouds';
import { createQueryClient } from '@/azure/query-client';
import type { AuthSession } from './auth/auth-session';
import { followAccountScope } from './auth/follow-account-scope';

/** The data layer of an account scope (one per signed-in account and tenant). */
export type ArmForScope = (accountScope: string) => Arm;

/** What the pages read data through: the query cache and the ARM facade of the current scope. */
export interface DataLayer {
  queryClient: QueryClient;
  arm: Arm | ArmForScope;
}

/**
 * Builds the data layer for a session. Loaded as its own chunk after the shell's first paint (see
 * `bootstrap.ts`): the pipeline, the query cache and every resource type's requests are needed for
 * the first data row, not for the first paint.
 */
export function createDataLayer(
  session: AuthSession,
  credential: TokenCredential,
  cloud: AzureCloud,
  options: { pollIntervalMs?: number } = {},
): DataLayer {
  const scope = () => session.getSnapshot().scope;
  // Cache entries are filed under the account scope: one tenant's data is never served to another.
  const queryClient = createQueryClient({
    defaultOptions: { queries: { queryKeyHashFn: scopedQueryKeyHashFn(scope) } },
  });
  followAccountScope(session, queryClient);
  // One Arm (pipeline, token cache) per account scope: the bearer policy caches the token it got,
  // and a token of one account or tenant must never be sent for another.
  let current: { scope: string; arm: Arm } | undefined;
  const arm: ArmForScope = (accountScope) => {
    if (current?.scope !== accountScope) {
      current = {
        scope: accountScope,
        arm: createArm({ credential, cloud, accountScope: () => accountScope, ...options }),
      };
    }
    return current.arm;
  };
  return { queryClient, arm };
}
