import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { SIGNED_OUT_SCOPE } from '@/azure/account-scope';
import type { AzureConfig } from '@/azure/azure-config';
import type { ArmGetTokenOptions } from '@/azure/credentials';
import type { AuthSession, AuthSnapshot } from './auth-session';
import type { MsalSession } from './msal-session';

/**
 * Real mode without waiting for MSAL: the shell renders at once ("starting"); `start` (called after
 * the first paint) loads MSAL (about 55 kB gzip) in the background, which finishes any sign-in
 * coming back from Entra ID. Token requests and user actions wait for it (and start it if nothing
 * has); nothing else does.
 */
export function createRealSession(
  config: AzureConfig,
  load: () => Promise<{ MsalSession: { start(config: AzureConfig): Promise<MsalSession> } }> = () =>
    import('./msal-session'),
): { session: AuthSession; credential: TokenCredential; start: () => void } {
  const session = new DeferredSession(() => load().then((m) => m.MsalSession.start(config)));
  const credential: TokenCredential = {
    getToken: async (scopes: string | string[], options?: ArmGetTokenOptions): Promise<AccessToken | null> =>
      (await session.ready).credential.getToken(scopes, options),
  };
  return { session, credential, start: () => void session.ready };
}

class DeferredSession implements AuthSession {
  readonly kind = 'msal';
  private loading: Promise<MsalSession> | undefined;
  private inner: MsalSession | undefined;
  private snapshot: AuthSnapshot = { status: 'starting', scope: SIGNED_OUT_SCOPE };
  private readonly listeners = new Set<() => void>();

  constructor(private readonly load: () => Promise<MsalSession>) {}

  /** MSAL's session, loaded on first use. */
  get ready(): Promise<MsalSession> {
    this.loading ??= this.begin();
    return this.loading;
  }

  private begin(): Promise<MsalSession> {
    const loading = this.load();
    loading.then(
      (inner) => {
        this.inner = inner;
        inner.subscribe(() => this.emit());
        this.emit();
      },
      (error: unknown) => {
        console.error(error);
        this.snapshot = {
          status: 'signedOut',
          scope: SIGNED_OUT_SCOPE,
          error: `Sign-in could not start: ${error instanceof Error ? error.message : String(error)}`,
        };
        this.emit();
      },
    );
    return loading;
  }

  getSnapshot = (): AuthSnapshot => this.inner?.getSnapshot() ?? this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  signIn = async (): Promise<void> => (await this.ready).signIn();
  signInAgain = async (): Promise<void> => (await this.ready).signInAgain();
  signOut = async (): Promise<void> => (await this.ready).signOut();
  switchTenant = async (tenantId: string, returnTo: string): Promise<void> =>
    (await this.ready).switchTenant(tenantId, returnTo);

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
