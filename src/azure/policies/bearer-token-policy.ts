import type { AccessToken, TokenCredential } from '@azure/core-auth';
import type {
  PipelinePolicy,
  PipelineRequest,
  PipelineResponse,
  SendRequest,
} from '@azure/core-rest-pipeline';
import { ArmError } from '../arm-error';
import { abortable } from '../common/abortable';
import type { ArmGetTokenOptions } from '../credentials';

/** Name of {@link armBearerTokenPolicy} in the pipeline. */
export const armBearerTokenPolicyName = 'armBearerTokenPolicy';

/** Options of {@link armBearerTokenPolicy}. */
export interface ArmBearerTokenPolicyOptions {
  /** Source of tokens. */
  credential: TokenCredential;
  /** Scopes to request (the cloud's ARM scope). */
  scopes: string[];
  /** The only origin that receives the token, e.g. `https://management.azure.com`. */
  armOrigin: string;
  /** Refresh this long before expiry (default five minutes). */
  refreshWindowMs?: number;
  /** Clock, injectable for tests. */
  now?: () => number;
}

/**
 * Adds `Authorization: Bearer` to requests whose origin is exactly the configured ARM origin and
 * strips it from every other request (a `nextLink` or operation URL pointing elsewhere must never
 * receive the token). Tokens are cached until shortly before expiry; concurrent requests share one
 * `getToken` call. On a 401 the token is fetched again bypassing every cache (including the
 * credential's own, via `forceRefresh`), once for all requests refused with the same token (a
 * request refused after another has renewed it uses the new token), and the request is retried
 * exactly once; a second 401 is returned to the caller, who turns it into an `ArmError`.
 */
export function armBearerTokenPolicy(options: ArmBearerTokenPolicyOptions): PipelinePolicy {
  const armOrigin = normaliseOrigin(options.armOrigin);
  const refreshWindowMs = options.refreshWindowMs ?? 5 * 60 * 1000;
  const now = options.now ?? Date.now;
  let cached: AccessToken | undefined;
  let inFlight: Promise<AccessToken> | undefined;
  let refreshing: Promise<AccessToken> | undefined;

  // After a 401 for the token `sent`: when another request has already renewed it, its successor is
  // used as is; requests refused together share one forced refresh (each would otherwise ask Entra
  // ID again). A claims challenge (CAE) always gets a refresh of its own, with its claims.
  const renewAfter401 = (request: PipelineRequest, sent: string, claims: string | undefined) => {
    if (cached && cached.token !== sent) return Promise.resolve(cached);
    if (refreshing && !claims) return refreshing;
    cached = undefined;
    const refresh = fetchToken(request, { forceRefresh: true, ...(claims ? { claims } : {}) }).finally(() => {
      if (refreshing === refresh) refreshing = undefined;
    });
    refreshing = refresh;
    return refresh;
  };

  // The token is fetched without any request's abort signal: several requests may be waiting for
  // the same token, and cancelling one of them (navigating away) must not fail the others. Each
  // waiter stops waiting on its own signal instead (see `abortable`).
  const fetchToken = async (request: PipelineRequest, extra: ArmGetTokenOptions): Promise<AccessToken> => {
    let token: AccessToken | null;
    try {
      token = await options.credential.getToken(options.scopes, extra satisfies ArmGetTokenOptions);
    } catch (error) {
      // Sign-in problems (interaction required, consent missing) surface as an auth error so the
      // UI can offer "sign in again"; the credential's own error stays reachable as `cause`.
      throw new ArmError({
        status: 401,
        code: 'AuthenticationRequired',
        message: `Could not get a token for Azure Resource Manager: ${error instanceof Error ? error.message : String(error)}`,
        method: request.method,
        url: request.url,
        cause: error,
      });
    }
    if (!token) {
      throw new ArmError({
        status: 401,
        code: 'AuthenticationRequired',
        message: 'The credential returned no access token for Azure Resource Manager.',
        method: request.method,
        url: request.url,
      });
    }
    cached = token;
    return token;
  };

  const getToken = (request: PipelineRequest): Promise<AccessToken> => {
    // A forced refresh is under way (a 401): wait for its token rather than ask for the old one.
    if (refreshing)
      return abortable(
        refreshing,
        request.abortSignal,
        'The request was cancelled while waiting for a token.',
      );
    const refreshAt =
      cached?.refreshAfterTimestamp ?? (cached ? cached.expiresOnTimestamp - refreshWindowMs : 0);
    if (cached && now() < refreshAt) return Promise.resolve(cached);
    inFlight ??= fetchToken(request, {}).finally(() => {
      inFlight = undefined;
    });
    return abortable(inFlight, request.abortSignal, 'The request was cancelled while waiting for a token.');
  };

  return {
    name: armBearerTokenPolicyName,
    async sendRequest(request: PipelineRequest, next: SendRequest): Promise<PipelineResponse> {
      if (!isArmOrigin(request.url, armOrigin)) {
        request.headers.delete('Authorization');
        return next(request);
      }
      const token = await getToken(request);
      request.headers.set('Authorization', `Bearer ${token.token}`);
      const response = await next(request);
      if (response.status !== 401) return response;

      // A revoked or CAE-invalidated token is still "valid" by its timestamp: bypass the cache.
      const claims = parseClaimsChallenge(response.headers.get('www-authenticate'));
      const fresh = await abortable(
        renewAfter401(request, token.token, claims),
        request.abortSignal,
        'The request was cancelled while waiting for a token.',
      );
      request.headers.set('Authorization', `Bearer ${fresh.token}`);
      return next(request);
    },
  };
}

/** True when `url` has exactly the given origin (scheme, host and port). */
export function isArmOrigin(url: string, armOrigin: string): boolean {
  try {
    return new URL(url).origin.toLowerCase() === normaliseOrigin(armOrigin);
  } catch {
    return false;
  }
}

function normaliseOrigin(origin: string): string {
  return new URL(origin).origin.toLowerCase();
}

/** Extracts a CAE claims challenge (`claims="base64"`) from `WWW-Authenticate`, decoded. */
function parseClaimsChallenge(header: string | undefined): string | undefined {
  if (!header || !/insufficient_claims/i.test(header)) return undefined;
  const match = /claims="([^"]+)"/i.exec(header);
  if (!match?.[1]) return undefined;
  try {
    return atob(match[1]);
  } catch {
    return undefined;
  }
}
