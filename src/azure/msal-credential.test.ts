import {
  BrowserAuthError,
  BrowserAuthErrorCodes,
  InteractionRequiredAuthError,
  type AccountInfo,
  type AuthenticationResult,
  type RedirectRequest,
  type SilentRequest,
} from '@azure/msal-browser';
import { describe, expect, it, vi } from 'vitest';
import { InteractionRequiredError, isInteractionRequired } from './credentials';
import { MsalCredential, type MsalClient, type MsalTarget } from './msal-credential';

const SCOPE = 'https://management.azure.com/user_impersonation';
const AUTHORITY = 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47';

const ACCOUNT: AccountInfo = {
  homeAccountId: 'oid-1.72f988bf-86f1-41af-91ab-2d7cd011db47',
  environment: 'login.microsoftonline.com',
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  username: 'alex@contoso.com',
  localAccountId: 'oid-1',
  name: 'Alex Wilber',
};

function result(token: string, expiresOn: Date, refreshOn?: Date): AuthenticationResult {
  return {
    authority: AUTHORITY,
    uniqueId: 'oid-1',
    tenantId: ACCOUNT.tenantId,
    scopes: [SCOPE],
    account: ACCOUNT,
    idToken: 'id',
    idTokenClaims: {},
    accessToken: token,
    fromCache: false,
    expiresOn,
    ...(refreshOn ? { refreshOn } : {}),
    tokenType: 'Bearer',
    correlationId: 'c',
  };
}

function fakeClient(overrides: Partial<MsalClient> = {}) {
  const silent = vi.fn<(request: SilentRequest) => Promise<AuthenticationResult>>(() =>
    Promise.resolve(result('token-1', new Date(Date.UTC(2030, 0, 1)))),
  );
  const redirect = vi.fn<(request: RedirectRequest) => Promise<void>>(() => new Promise<void>(() => {}));
  const client: MsalClient = {
    acquireTokenSilent: silent,
    acquireTokenRedirect: redirect,
    loginRedirect: redirect,
    acquireTokenPopup: vi.fn(() => Promise.resolve(result('popup', new Date()))),
    loginPopup: vi.fn(() => Promise.resolve(result('popup', new Date()))),
    ...overrides,
  };
  return { client, silent, redirect };
}

function credential(client: MsalClient, target: Partial<MsalTarget> = {}, onInteractionRequired = vi.fn()) {
  return new MsalCredential({
    client,
    target: () => ({ account: ACCOUNT, authority: AUTHORITY, ...target }),
    onInteractionRequired,
  });
}

describe('MsalCredential', () => {
  it('asks MSAL silently first, for the account and tenant authority, and maps the token', async () => {
    const refreshOn = new Date(Date.UTC(2029, 11, 31, 23, 0));
    const { client } = fakeClient({
      acquireTokenSilent: vi.fn(() =>
        Promise.resolve(result('token-1', new Date(Date.UTC(2030, 0, 1)), refreshOn)),
      ),
    });
    const token = await credential(client).getToken(SCOPE);
    expect(token).toEqual({
      token: 'token-1',
      tokenType: 'Bearer',
      expiresOnTimestamp: Date.UTC(2030, 0, 1),
      refreshAfterTimestamp: refreshOn.getTime(),
    });
    expect(client.acquireTokenSilent).toHaveBeenCalledWith({
      scopes: [SCOPE],
      account: ACCOUNT,
      authority: AUTHORITY,
    });
    expect(client.acquireTokenRedirect).not.toHaveBeenCalled();
  });

  it('bypasses MSAL’s cache when the pipeline asks for forceRefresh after a 401, passing a claims challenge on', async () => {
    const { client, silent } = fakeClient();
    await credential(client).getToken([SCOPE], { forceRefresh: true, claims: '{"access_token":{}}' });
    expect(silent).toHaveBeenCalledWith({
      scopes: [SCOPE],
      account: ACCOUNT,
      authority: AUTHORITY,
      forceRefresh: true,
      claims: '{"access_token":{}}',
    });
  });

  it('turns MSAL’s interaction-required error into InteractionRequiredError and never redirects by itself', async () => {
    const msalError = new InteractionRequiredAuthError(
      'interaction_required',
      'correlation-0',
      'AADSTS50076: MFA required',
    );
    const { client, redirect } = fakeClient({ acquireTokenSilent: vi.fn(() => Promise.reject(msalError)) });
    const told = vi.fn();
    const error: unknown = await credential(client, {}, told)
      .getToken(SCOPE)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InteractionRequiredError);
    expect(error).toMatchObject({ reason: 'interaction_required', cause: msalError });
    expect(isInteractionRequired(error)).toBe(true);
    expect(told).toHaveBeenCalledWith(error);
    expect(redirect).not.toHaveBeenCalled();
  });

  it('treats "no account" as interaction required, and other MSAL failures as plain errors', async () => {
    const noAccount = fakeClient({
      acquireTokenSilent: vi.fn(() =>
        Promise.reject(new BrowserAuthError(BrowserAuthErrorCodes.noAccountError, 'correlation-1')),
      ),
    });
    await expect(credential(noAccount.client).getToken(SCOPE)).rejects.toMatchObject({
      name: 'InteractionRequiredError',
      reason: 'no_account_error',
    });
    const network = fakeClient({
      acquireTokenSilent: vi.fn(() =>
        Promise.reject(new BrowserAuthError(BrowserAuthErrorCodes.noNetworkConnectivity, 'correlation-2')),
      ),
    });
    const error: unknown = await credential(network.client)
      .getToken(SCOPE)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrowserAuthError);
    expect(isInteractionRequired(error)).toBe(false);
  });

  it('needs interaction when nobody is signed in, without calling MSAL', async () => {
    const { client, silent } = fakeClient();
    await expect(credential(client, { account: null }).getToken(SCOPE)).rejects.toMatchObject({
      name: 'InteractionRequiredError',
      reason: 'no_account',
      message: 'Nobody is signed in to Azure in this browser tab.',
    });
    expect(silent).not.toHaveBeenCalled();
  });

  it('lets a caller stop waiting on its own signal without failing the shared MSAL request', async () => {
    let finish: (value: AuthenticationResult) => void = () => {};
    const pending = new Promise<AuthenticationResult>((resolve) => (finish = resolve));
    const { client } = fakeClient({ acquireTokenSilent: vi.fn(() => pending) });
    const cred = credential(client);
    const controller = new AbortController();
    const cancelled = cred.getToken(SCOPE, { abortSignal: controller.signal });
    controller.abort();
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    finish(result('token-late', new Date(Date.UTC(2030, 0, 1))));
    await expect(pending).resolves.toMatchObject({ accessToken: 'token-late' });
  });

  it('runs one interaction at a time: a second click joins the redirect already under way', async () => {
    const { client, redirect } = fakeClient();
    const cred = credential(client);
    const first = cred.interact({
      purpose: 'renew',
      scopes: [SCOPE],
      redirectStartPage: 'https://app/vaults?x=1',
    });
    const second = cred.interact({ purpose: 'renew', scopes: [SCOPE] });
    expect(second).toBe(first);
    expect(cred.interactionInProgress).toBe(true);
    await Promise.resolve();
    expect(redirect).toHaveBeenCalledTimes(1);
    expect(redirect).toHaveBeenCalledWith({
      scopes: [SCOPE],
      authority: AUTHORITY,
      account: ACCOUNT,
      loginHint: 'alex@contoso.com',
      redirectStartPage: 'https://app/vaults?x=1',
    });
  });

  it('signs in with an account picker, and allows a new interaction once the previous one ended', async () => {
    const loginPopup = vi.fn(() => Promise.resolve(result('popup-token', new Date())));
    const { client } = fakeClient({ loginPopup });
    const cred = new MsalCredential({
      client,
      interaction: 'popup',
      target: () => ({ account: null, authority: AUTHORITY }),
    });
    await expect(cred.interact({ purpose: 'signIn', scopes: [SCOPE] })).resolves.toMatchObject({
      accessToken: 'popup-token',
    });
    expect(cred.interactionInProgress).toBe(false);
    await cred.interact({ purpose: 'signIn', scopes: [SCOPE] });
    expect(loginPopup).toHaveBeenCalledTimes(2);
    expect(loginPopup).toHaveBeenCalledWith({
      scopes: [SCOPE],
      authority: AUTHORITY,
      prompt: 'select_account',
    });
  });
});
