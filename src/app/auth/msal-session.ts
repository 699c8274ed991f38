import {
  AuthError,
  BrowserCacheLocation,
  LogLevel,
  PublicClientApplication,
  type AccountInfo,
  type Configuration,
} from '@azure/msal-browser';
import { accountScope, clearScopedStorage, SIGNED_OUT_SCOPE } from '@/azure/account-scope';
import type { AzureConfig } from '@/azure/azure-config';
import { isMsalInteractionError, MsalCredential } from '@/azure/msal-credential';
import type { AuthSession, AuthSnapshot, SignedInAccount } from './auth-session';

/*
 * The real-mode session over MSAL. Loaded with a dynamic import from `real-session.ts` after the
 * shell has painted, and only in real-mode builds: the demo bundle never contains MSAL.
 */

/** MSAL's configuration for `config`: tokens in sessionStorage (per tab, gone with it), no PII logs. */
export function msalConfiguration(config: AzureConfig): Configuration {
  return {
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      redirectUri: config.redirectUri,
      postLogoutRedirectUri: config.postLogoutRedirectUri,
    },
    cache: { cacheLocation: BrowserCacheLocation.SessionStorage },
    system: {
      loggerOptions: {
        logLevel: LogLevel.Warning,
        piiLoggingEnabled: false,
        loggerCallback: (level, message, containsPii) => {
          if (!containsPii && level <= LogLevel.Warning) console.warn(`[msal] ${message}`);
        },
      },
    },
  };
}

/** Storages holding per-user items (see `account-scope.ts`); undefined where unavailable. */
function storages(): (Storage | undefined)[] {
  const get = (name: 'sessionStorage' | 'localStorage') => {
    try {
      return window[name];
    } catch {
      return undefined;
    }
  };
  return [get('sessionStorage'), get('localStorage')];
}

/** Forgets every per-user item of `scope` (query cache is cleared by the app on the change). */
function leaveScope(scope: string): void {
  for (const storage of storages()) clearScopedStorage(storage, (s) => s === scope);
}

/** What Entra ID or MSAL said, in words (MSAL v5 messages are only a link to its docs). */
export function describeAuthError(error: unknown): string {
  if (error instanceof AuthError) {
    if (error.errorCode === 'user_cancelled')
      return 'The sign-in window was closed before signing in finished.';
    const detail = error.errorMessage ? `: ${error.errorMessage.split('\n')[0]}` : '';
    return `Microsoft Entra ID did not sign you in (${error.errorCode}${detail}).`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** The real-mode {@link AuthSession}. Create with {@link MsalSession.start}. */
export class MsalSession implements AuthSession {
  readonly kind = 'msal';
  /** The `TokenCredential` the ARM pipeline uses. */
  readonly credential: MsalCredential;
  private readonly app: PublicClientApplication;
  private readonly config: AzureConfig;
  private readonly listeners = new Set<() => void>();
  private account: AccountInfo | null = null;
  private snapshot: AuthSnapshot = { status: 'signedOut', scope: SIGNED_OUT_SCOPE };

  /**
   * Initialises MSAL, finishes a sign-in coming back from Entra ID (`handleRedirectPromise`) and
   * restores the account this tab used. Per-user items of any other account or tenant left in this
   * tab's storage are dropped.
   */
  static async start(config: AzureConfig): Promise<MsalSession> {
    const app = new PublicClientApplication(msalConfiguration(config));
    await app.initialize();
    let error: string | undefined;
    let returned: AccountInfo | null = null;
    try {
      returned = (await app.handleRedirectPromise())?.account ?? null;
    } catch (e) {
      error = describeAuthError(e);
    }
    const accounts = app.getAllAccounts();
    const account =
      returned ?? app.getActiveAccount() ?? (accounts.length === 1 ? (accounts[0] ?? null) : null);
    const session = new MsalSession(app, config);
    session.setAccount(account, error);
    const current = session.snapshot.scope;
    const [tabStorage] = storages();
    clearScopedStorage(tabStorage, (scope) => scope !== current);
    return session;
  }

  private constructor(app: PublicClientApplication, config: AzureConfig) {
    this.app = app;
    this.config = config;
    this.credential = new MsalCredential({
      client: app,
      interaction: config.interaction,
      target: () => ({
        account: this.account,
        authority: this.authorityFor(this.account?.tenantId ?? this.config.tenantId),
      }),
    });
  }

  getSnapshot = (): AuthSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  signIn = async (): Promise<void> => {
    try {
      const result = await this.credential.interact({ purpose: 'signIn', scopes: this.scopes() });
      if (result) this.setAccount(result.account);
    } catch (error) {
      this.setAccount(this.account, describeAuthError(error));
    }
  };

  signInAgain = async (): Promise<void> => {
    try {
      const result = await this.credential.interact({ purpose: 'renew', scopes: this.scopes() });
      if (result) this.setAccount(result.account);
    } catch (error) {
      this.setAccount(this.account, describeAuthError(error));
    }
  };

  signOut = async (): Promise<void> => {
    const account = this.account;
    leaveScope(this.snapshot.scope);
    if (this.config.interaction === 'popup') {
      await this.app.logoutPopup({ account, postLogoutRedirectUri: this.config.postLogoutRedirectUri });
      this.setAccount(null);
      return;
    }
    // MSAL clears its cache for the account, then the browser goes to Entra ID and back.
    await this.app.logoutRedirect({ account, postLogoutRedirectUri: this.config.postLogoutRedirectUri });
  };

  switchTenant = async (tenantId: string, returnTo: string): Promise<void> => {
    const account = this.account;
    if (!account) return this.signIn();
    if (account.tenantId.toLowerCase() === tenantId.toLowerCase()) return;
    const left = this.snapshot.scope;
    const authority = this.authorityFor(tenantId);
    // MSAL looks tokens up by the account's tenantId: pass the account as it is in the target
    // tenant (its tenant profile once signed in there, else the home account re-pointed at it).
    const inTenant = this.app.getAccount({ homeAccountId: account.homeAccountId, tenantId }) ?? {
      ...account,
      tenantId,
      localAccountId: '',
      idToken: undefined,
      idTokenClaims: undefined,
    };
    try {
      // The refresh token is good for every tenant of the account: usually no interaction at all.
      const result = await this.app.acquireTokenSilent({
        account: inTenant,
        authority,
        scopes: this.scopes(),
      });
      leaveScope(left);
      this.setAccount(result.account);
    } catch (error) {
      if (!isMsalInteractionError(error)) throw error;
      leaveScope(left);
      const result = await this.credential.interact({
        purpose: 'renew',
        scopes: this.scopes(),
        authority,
        redirectStartPage: returnTo,
      });
      if (result) this.setAccount(result.account);
    }
  };

  private scopes(): string[] {
    return [this.config.cloud.armScope];
  }

  private authorityFor(tenantId: string): string {
    return `${this.config.cloud.authorityHost}/${tenantId}`;
  }

  private setAccount(account: AccountInfo | null, error?: string): void {
    this.account = account;
    this.app.setActiveAccount(account);
    const signedIn: SignedInAccount | undefined = account
      ? {
          name: account.name ?? account.username,
          username: account.username,
          homeAccountId: account.homeAccountId,
          tenantId: account.tenantId,
        }
      : undefined;
    this.snapshot = {
      status: signedIn ? 'signedIn' : 'signedOut',
      scope: signedIn ? accountScope(signedIn.homeAccountId, signedIn.tenantId) : SIGNED_OUT_SCOPE,
      ...(signedIn ? { account: signedIn } : {}),
      ...(error ? { error } : {}),
    };
    for (const listener of this.listeners) listener();
  }
}
