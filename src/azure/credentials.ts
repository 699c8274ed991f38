import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';

/**
 * `GetTokenOptions` plus the one flag our bearer policy sets after a 401: credentials that keep
 * their own cache (MSAL's `acquireTokenSilent`) must bypass it when `forceRefresh` is true.
 * The MSAL credential of the sign-in issue maps this to `acquireTokenSilent({ forceRefresh })`.
 */
export interface ArmGetTokenOptions extends GetTokenOptions {
  /** Ignore any cached token and fetch a new one. */
  forceRefresh?: boolean;
}

/** Options of {@link DemoCredential}. */
export interface DemoCredentialOptions {
  /** Token lifetime in milliseconds (default one hour). */
  lifetimeMs?: number;
  /** Clock, injectable for tests. */
  now?: () => number;
}

/**
 * Fake credential for the simulated tenant and tests: issues `demo-token-<n>` tokens that expire,
 * counts calls, and can be told to hand out a fresh token on the next call.
 */
export class DemoCredential implements TokenCredential {
  /** Number of `getToken` calls so far. */
  getTokenCalls = 0;
  /** Number of calls that asked for `forceRefresh`. */
  forcedRefreshCalls = 0;
  /** Scopes of the last call. */
  lastScopes: string[] = [];
  private issued = 0;
  private current: AccessToken | undefined;
  private forceNext = false;
  private readonly lifetimeMs: number;
  private readonly now: () => number;

  /** Creates a demo credential. */
  constructor(options: DemoCredentialOptions = {}) {
    this.lifetimeMs = options.lifetimeMs ?? 60 * 60 * 1000;
    this.now = options.now ?? Date.now;
  }

  /** Returns the current fake token, minting a new one when expired or a refresh was requested. */
  getToken(scopes: string | string[], options?: ArmGetTokenOptions): Promise<AccessToken | null> {
    this.getTokenCalls++;
    this.lastScopes = Array.isArray(scopes) ? [...scopes] : [scopes];
    if (options?.forceRefresh) this.forcedRefreshCalls++;
    const expired = !this.current || this.current.expiresOnTimestamp <= this.now();
    if (expired || this.forceNext || options?.forceRefresh) {
      this.forceNext = false;
      this.issued++;
      this.current = {
        token: `demo-token-${this.issued}`,
        expiresOnTimestamp: this.now() + this.lifetimeMs,
        tokenType: 'Bearer',
      };
    }
    return Promise.resolve(this.current ?? null);
  }

  /** Makes the next `getToken` call mint a new token even if the current one is valid. */
  forceRefresh(): void {
    this.forceNext = true;
  }

  /** Token strings issued so far (`demo-token-1` ...). */
  get tokensIssued(): number {
    return this.issued;
  }
}
