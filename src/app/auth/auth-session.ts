import { createContext, useContext, useSyncExternalStore } from 'react';
import { DEMO_ACCOUNT_SCOPE } from '@/azure/account-scope';

/**
 * Who is signed in, as the UI sees it. Real mode implements this over MSAL (`msal-session.ts`,
 * loaded on demand); demo mode and tests use {@link demoAuthSession}. Nothing below src/app knows
 * which one it has: features read the account scope through `useArm().accountScope()`.
 */

/** The signed-in account in the tenant the user works in now. */
export interface SignedInAccount {
  /** Display name, e.g. "Alex Wilber". */
  readonly name: string;
  /** Sign-in name, e.g. "alex@contoso.com". */
  readonly username: string;
  /** MSAL's home account id (`<object id>.<home tenant id>`). */
  readonly homeAccountId: string;
  /** The tenant whose resources the app shows (home or guest). */
  readonly tenantId: string;
}

/** `starting` until MSAL has loaded and handled a returning redirect. */
export type AuthStatus = 'starting' | 'signedOut' | 'signedIn';

/** One immutable state of the session (a new object on every change). */
export interface AuthSnapshot {
  readonly status: AuthStatus;
  /** Set when signed in. */
  readonly account?: SignedInAccount;
  /** The account scope every per-user key carries (see `account-scope.ts`). */
  readonly scope: string;
  /** Why the last sign-in failed (shown on the sign-in page), e.g. the user cancelled it. */
  readonly error?: string;
}

/** The session: its state, and the user actions that may start a redirect or popup. */
export interface AuthSession {
  /** `demo` for the simulated tenant, `msal` for Microsoft Entra ID. */
  readonly kind: 'demo' | 'msal';
  /** The current state (stable between changes, for `useSyncExternalStore`). */
  readonly getSnapshot: () => AuthSnapshot;
  /** Calls `listener` after every change; returns the unsubscribe. */
  readonly subscribe: (listener: () => void) => () => void;
  /** Starts a sign-in (a user clicked "Sign in"). */
  readonly signIn: () => Promise<void>;
  /** Re-authenticates the current account and returns to this page (a user clicked "Sign in again"). */
  readonly signInAgain: () => Promise<void>;
  /** Signs out of this app and Entra ID, dropping tokens and every per-user item of this tab. */
  readonly signOut: () => Promise<void>;
  /**
   * Makes `tenantId` the tenant the app works in: tokens come from that tenant's authority. May
   * redirect to Entra ID (and come back to `returnTo`) when the tenant needs the user.
   */
  readonly switchTenant: (tenantId: string, returnTo: string) => Promise<void>;
}

const DEMO_SNAPSHOT: AuthSnapshot = {
  status: 'signedIn',
  scope: DEMO_ACCOUNT_SCOPE,
  account: { name: 'Demo tenant', username: 'demo', homeAccountId: 'demo', tenantId: 'demo' },
};

/** The simulated tenant's session: always signed in, nothing to do. */
export const demoAuthSession: AuthSession = {
  kind: 'demo',
  getSnapshot: () => DEMO_SNAPSHOT,
  subscribe: () => () => {},
  signIn: () => Promise.resolve(),
  signInAgain: () => Promise.resolve(),
  signOut: () => Promise.resolve(),
  switchTenant: () => Promise.resolve(),
};

/** The app's session; the demo session when no provider is rendered (component tests). */
export const AuthSessionContext = createContext<AuthSession>(demoAuthSession);

/** The session and its current state, re-rendering on every change. */
export function useAuthSession(): { session: AuthSession; snapshot: AuthSnapshot } {
  const session = useContext(AuthSessionContext);
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  return { session, snapshot };
}
