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

/**
 * Thrown by a credential when no token can be had without the user: nobody is signed in, the
 * session expired, consent or MFA is needed. The request pipeline turns it into an `ArmError`
 * 401 `AuthenticationRequired` (this error as its `cause`) and never starts a redirect or popup
 * itself; the UI offers "Sign in again" and a click starts the interaction.
 */
export class InteractionRequiredError extends Error {
  override readonly name = 'InteractionRequiredError';
  /** Why, as the identity library put it (e.g. `interaction_required`, `no_account`). */
  readonly reason: string;

  /** Creates the error; `cause` keeps the identity library's own error. */
  constructor(reason: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }
}

/** True when `error`, or any error in its `cause` chain, is an {@link InteractionRequiredError}. */
export function isInteractionRequired(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof InteractionRequiredError) return true;
  }
  return false;
}
