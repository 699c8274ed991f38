import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { abortable } from './common/abortable';
import {
  BrowserAuthErrorCodes,
  InteractionRequiredAuthError,
  type AccountInfo,
  type AuthenticationResult,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { InteractionRequiredError, type ArmGetTokenOptions } from './credentials';

/*
 * The real-mode token source. This module imports @azure/msal-browser, so only the real-mode
 * start-up reaches it, through a dynamic import: the demo bundle never contains MSAL.
 */

/** The part of MSAL's `PublicClientApplication` the credential uses (a test double implements it). */
export type MsalClient = Pick<
  IPublicClientApplication,
  'acquireTokenSilent' | 'acquireTokenRedirect' | 'acquireTokenPopup' | 'loginRedirect' | 'loginPopup'
>;

/** Who the tokens are for right now. */
export interface MsalTarget {
  /** The signed-in account (in the tenant below); null when nobody is signed in. */
  account: AccountInfo | null;
  /** `<authority host>/<tenant id>`: tokens are issued by the tenant the user works in. */
  authority: string;
}

/** Options of {@link MsalCredential}. */
export interface MsalCredentialOptions {
  /** The initialised MSAL application. */
  client: MsalClient;
  /** Current account and tenant authority, read on every call. */
  target: () => MsalTarget;
  /** Redirect (default) or popup when the user has to interact. */
  interaction?: 'redirect' | 'popup';
  /** Told whenever a silent request needed the user, so the UI can offer "Sign in again". */
  onInteractionRequired?: (error: InteractionRequiredError) => void;
}

/** What to ask the user for in {@link MsalCredential.interact}. */
export interface InteractionRequest {
  /** `signIn` picks an account; `renew` re-authenticates the current one (expiry, MFA, consent). */
  purpose: 'signIn' | 'renew';
  /** Scopes to consent to and get a token for (the cloud's ARM scope). */
  scopes: string[];
  /** Tenant authority; default the target's. */
  authority?: string;
  /** Claims challenge from a 401 (CAE), passed on to Entra ID. */
  claims?: string;
  /** Where the browser returns after a redirect (default: the page the user is on). */
  redirectStartPage?: string;
}

const INTERACTION_CODES: ReadonlySet<string> = new Set([BrowserAuthErrorCodes.noAccountError]);

/**
 * A `TokenCredential` over MSAL. `getToken` is silent only (`acquireTokenSilent`: cache, then
 * refresh token, then a hidden iframe); when that needs the user it throws
 * {@link InteractionRequiredError} instead of navigating away in the middle of a request. A user
 * action calls {@link interact}, which runs at most one redirect or popup at a time.
 */
export class MsalCredential implements TokenCredential {
  private readonly client: MsalClient;
  private readonly target: () => MsalTarget;
  private readonly interaction: 'redirect' | 'popup';
  private readonly onInteractionRequired: ((error: InteractionRequiredError) => void) | undefined;
  private interacting: Promise<AuthenticationResult | null> | undefined;

  /** Creates the credential. */
  constructor(options: MsalCredentialOptions) {
    this.client = options.client;
    this.target = options.target;
    this.interaction = options.interaction ?? 'redirect';
    this.onInteractionRequired = options.onInteractionRequired;
  }

  /**
   * A token for `scopes` from MSAL's silent flow. `forceRefresh` (set by the bearer policy after a
   * 401) bypasses MSAL's cache; `claims` carries a CAE challenge. A caller's `abortSignal` stops
   * that caller's wait only: the shared MSAL request carries on for the others.
   */
  async getToken(scopes: string | string[], options: ArmGetTokenOptions = {}): Promise<AccessToken | null> {
    const { account, authority } = this.target();
    if (!account) {
      throw this.interactionRequired(
        new InteractionRequiredError('no_account', 'Nobody is signed in to Azure in this browser tab.'),
      );
    }
    const request = this.client.acquireTokenSilent({
      scopes: Array.isArray(scopes) ? scopes : [scopes],
      account,
      authority,
      ...(options.forceRefresh ? { forceRefresh: true } : {}),
      ...(options.claims ? { claims: options.claims } : {}),
    });
    let result: AuthenticationResult;
    try {
      result = await abortable(request, options.abortSignal, 'The token request was cancelled.');
    } catch (error) {
      if (isMsalInteractionError(error)) {
        throw this.interactionRequired(
          new InteractionRequiredError(
            errorCode(error),
            'Your Azure sign-in has to be renewed: Microsoft Entra ID needs you to sign in again.',
            { cause: error },
          ),
        );
      }
      throw error;
    }
    return {
      token: result.accessToken,
      tokenType: 'Bearer',
      expiresOnTimestamp: result.expiresOn?.getTime() ?? Date.now(),
      ...(result.refreshOn ? { refreshAfterTimestamp: result.refreshOn.getTime() } : {}),
    };
  }

  /**
   * Starts a sign-in (redirect or popup, as configured). Only ever called from a user action or at
   * start-up. While one interaction runs, further calls share it rather than opening a second
   * one. Resolves with MSAL's result after a popup, and with null when the page is about to
   * navigate to Entra ID.
   */
  interact(request: InteractionRequest): Promise<AuthenticationResult | null> {
    this.interacting ??= this.runInteraction(request).finally(() => {
      this.interacting = undefined;
    });
    return this.interacting;
  }

  /** True while a redirect or popup started by {@link interact} is under way. */
  get interactionInProgress(): boolean {
    return this.interacting !== undefined;
  }

  private async runInteraction(request: InteractionRequest): Promise<AuthenticationResult | null> {
    const target = this.target();
    const account = request.purpose === 'renew' ? target.account : null;
    const common = {
      scopes: request.scopes,
      authority: request.authority ?? target.authority,
      ...(account ? { account, loginHint: account.username } : { prompt: 'select_account' }),
      ...(request.claims ? { claims: request.claims } : {}),
    };
    if (this.interaction === 'popup') {
      return request.purpose === 'signIn'
        ? this.client.loginPopup(common)
        : this.client.acquireTokenPopup(common);
    }
    const redirect = {
      ...common,
      redirectStartPage: request.redirectStartPage ?? window.location.href,
    };
    await (request.purpose === 'signIn'
      ? this.client.loginRedirect(redirect)
      : this.client.acquireTokenRedirect(redirect));
    return null;
  }

  private interactionRequired(error: InteractionRequiredError): InteractionRequiredError {
    this.onInteractionRequired?.(error);
    return error;
  }
}

/** True for MSAL errors that only the user can resolve (sign in, MFA, consent, no account). */
export function isMsalInteractionError(error: unknown): boolean {
  return error instanceof InteractionRequiredAuthError || INTERACTION_CODES.has(errorCode(error));
}

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'errorCode' in error) {
    const code = error.errorCode;
    if (typeof code === 'string') return code;
  }
  return 'unknown';
}
