import { randomUUID } from 'node:crypto';
import type { BrowserContext, Route } from '@playwright/test';
import { base64url, pkceChallenge, signJwt, verifyJwt, type Claims } from './jwt';

/*
 * Microsoft Entra ID, played by Playwright so the real MSAL code runs end to end without the
 * internet: OpenID discovery, /authorize (the user is taken to be signed in at Entra ID already, so
 * it redirects straight back with a code and MSAL's state), /token (authorization code with PKCE,
 * refresh token, for any tenant of the user), and sign-out. It checks what Entra ID checks: the
 * app registration's redirect URIs, PKCE, the tenant, and it puts MSAL's nonce into the id token.
 */

/** A directory (tenant). */
export interface Directory {
  readonly tenantId: string;
  readonly displayName: string;
  readonly defaultDomain: string;
}

/** The person signing in: a member of their home tenant, possibly a guest in others. */
export interface FakeUser {
  readonly name: string;
  readonly username: string;
  readonly homeTenantId: string;
  /** Object id of the user in each tenant they belong to (a guest has another one there). */
  readonly objectIds: Readonly<Record<string, string>>;
}

/** An app registration: client id and registered redirect URIs (SPA platform). */
export interface FakeAppRegistration {
  readonly clientId: string;
  readonly redirectUris: readonly string[];
}

/** What one request to the fake was. */
export interface EntraRequest {
  readonly kind: 'openid-configuration' | 'instance-discovery' | 'authorize' | 'token' | 'logout' | 'other';
  readonly url: string;
  /** The tenant segment of the path (`organizations`, a GUID, ...). */
  readonly tenant: string;
  /** For `token`: `authorization_code` or `refresh_token`. */
  readonly grantType?: string;
  /** For `authorize`: its query parameters. */
  readonly params?: Readonly<Record<string, string>>;
}

interface CodeGrant {
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce: string | undefined;
  tenantId: string;
  scopes: string[];
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': '*',
};

export class FakeEntra {
  /** Every request the browser made to the authority, in order. */
  readonly requests: EntraRequest[] = [];
  /** Every access token issued, newest last. */
  readonly accessTokens: string[] = [];
  /** Lifetime of access tokens (Entra ID's default is 60-90 minutes). */
  accessTokenLifetimeSeconds = 3600;
  /**
   * When set, refresh-token grants fail the way Entra ID fails them when the user must do MFA
   * (`invalid_grant` + `basic_action`): MSAL then needs interaction.
   */
  refreshNeedsInteraction = false;
  private readonly codes = new Map<string, CodeGrant>();
  private readonly refreshTokens = new Map<string, { clientId: string }>();
  private readonly idTokens: string[] = [];
  private expiredBefore = 0;

  constructor(
    /** e.g. `https://login.microsoftonline.com`. */
    readonly authorityHost: string,
    /** The ARM endpoint tokens are for, e.g. `https://management.azure.com`. */
    readonly armEndpoint: string,
    readonly apps: readonly FakeAppRegistration[],
    readonly user: FakeUser,
    readonly directories: readonly Directory[],
  ) {}

  /** Answers every request to the authority host in this browser context (pages, popups, iframes). */
  async install(context: BrowserContext): Promise<void> {
    await context.route(`${this.authorityHost}/**`, (route) => this.handle(route));
  }

  /** Every secret the fake handed out: access, refresh and id tokens, and authorization codes. */
  issuedTokens(): string[] {
    return [...this.accessTokens, ...this.refreshTokens.keys(), ...this.idTokens];
  }

  /** Makes every access token issued so far expired, as if an hour had passed. */
  expireAccessTokens(): void {
    this.expiredBefore = this.accessTokens.length;
  }

  /** Whether ARM should accept `token`, and its claims; the reason (ARM's error code) when not. */
  checkAccessToken(token: string): { claims: Claims } | { code: string; message: string } {
    const claims = verifyJwt(token);
    if (!claims || claims['aud'] !== this.armEndpoint) {
      return { code: 'InvalidAuthenticationToken', message: 'The access token is invalid.' };
    }
    const index = this.accessTokens.indexOf(token);
    const exp = Number(claims['exp']);
    if (index < this.expiredBefore || exp * 1000 <= Date.now()) {
      const when = new Date(Math.min(exp * 1000, Date.now() - 1000)).toISOString();
      return {
        code: 'ExpiredAuthenticationToken',
        message: `The access token expiry UTC time '${when}' is earlier than current UTC time '${new Date().toISOString()}'.`,
      };
    }
    return { claims };
  }

  /** The directories of the user whose object id is `oid` (what ARM's GET /tenants lists). */
  directoriesOf(oid: unknown): Directory[] {
    const member = Object.values(this.user.objectIds).includes(String(oid));
    return member ? this.directories.filter((d) => this.user.objectIds[d.tenantId]) : [];
  }

  /** Requests of one kind. */
  requestsOf(kind: EntraRequest['kind']): EntraRequest[] {
    return this.requests.filter((r) => r.kind === kind);
  }

  private async handle(route: Route): Promise<void> {
    const request = route.request();
    const url = new URL(request.url());
    const [tenant = '', ...rest] = url.pathname.split('/').filter(Boolean);
    const path = rest.join('/');
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: CORS });

    if (path === 'v2.0/.well-known/openid-configuration') {
      this.requests.push({ kind: 'openid-configuration', url: url.href, tenant });
      return this.json(route, 200, this.openIdConfiguration(tenant));
    }
    if (tenant === 'common' && path === 'discovery/instance') {
      this.requests.push({ kind: 'instance-discovery', url: url.href, tenant });
      const host = new URL(this.authorityHost).host;
      return this.json(route, 200, {
        tenant_discovery_endpoint: `${this.authorityHost}/{tenantid}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
      });
    }
    if (path === 'oauth2/v2.0/authorize') {
      const params = Object.fromEntries(url.searchParams);
      this.requests.push({ kind: 'authorize', url: url.href, tenant, params });
      return this.authorize(route, tenant, params);
    }
    if (path === 'oauth2/v2.0/token' && request.method() === 'POST') {
      const form = new URLSearchParams(request.postData() ?? '');
      const grantType = form.get('grant_type') ?? '';
      this.requests.push({ kind: 'token', url: url.href, tenant, grantType });
      return this.token(route, tenant, form);
    }
    if (path === 'oauth2/v2.0/logout') {
      this.requests.push({ kind: 'logout', url: url.href, tenant });
      const back = url.searchParams.get('post_logout_redirect_uri');
      if (!back)
        return route.fulfill({ status: 200, contentType: 'text/html', body: '<p>You have signed out.</p>' });
      return route.fulfill({ status: 302, headers: { location: back } });
    }
    this.requests.push({ kind: 'other', url: url.href, tenant });
    return this.json(route, 404, {
      error: 'not_found',
      error_description: `The fake Entra ID has no ${url.pathname}`,
    });
  }

  private openIdConfiguration(tenant: string) {
    const segment = this.isGuid(tenant) ? tenant : '{tenantid}';
    const base = `${this.authorityHost}/${tenant}`;
    return {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
      issuer: `${this.authorityHost}/${segment}/v2.0`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      request_uri_parameter_supported: false,
      tenant_region_scope: 'NA',
      cloud_instance_name: new URL(this.authorityHost).host.replace(/^login\./, ''),
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: 'graph.microsoft.com',
    };
  }

  private authorize(route: Route, tenant: string, params: Record<string, string>) {
    const app = this.apps.find((a) => a.clientId === params['client_id']);
    const redirectUri = params['redirect_uri'] ?? '';
    if (!app || !app.redirectUris.includes(redirectUri)) {
      // Entra ID shows an error page and never redirects to an unregistered URI.
      return route.fulfill({
        status: 400,
        contentType: 'text/html',
        body: `<h1>AADSTS50011</h1><p>The redirect URI '${redirectUri}' does not match the redirect URIs configured for the application '${params['client_id'] ?? ''}'.</p>`,
      });
    }
    const tenantId = this.resolveTenant(tenant);
    const back = new URL(redirectUri);
    const answer = new URLSearchParams();
    if (!tenantId) {
      answer.set('error', 'invalid_request');
      answer.set('error_description', `AADSTS90002: Tenant '${tenant}' not found.`);
    } else if (params['code_challenge_method'] !== 'S256' || !params['code_challenge']) {
      answer.set('error', 'invalid_request');
      answer.set(
        'error_description',
        'AADSTS9002325: Proof Key for Code Exchange is required for cross-origin authorization code redemption.',
      );
    } else {
      const code = `code-${randomUUID()}`;
      this.codes.set(code, {
        clientId: app.clientId,
        redirectUri,
        challenge: params['code_challenge'],
        nonce: params['nonce'],
        tenantId,
        scopes: (params['scope'] ?? '').split(' ').filter(Boolean),
      });
      answer.set('code', code);
      answer.set('client_info', this.clientInfo());
    }
    if (params['state']) answer.set('state', params['state']);
    if (params['response_mode'] === 'query') back.search = answer.toString();
    else back.hash = answer.toString();
    return route.fulfill({ status: 302, headers: { location: back.href } });
  }

  private token(route: Route, tenant: string, form: URLSearchParams) {
    const clientId = form.get('client_id') ?? '';
    if (!this.apps.some((a) => a.clientId === clientId)) {
      return this.oauthError(
        route,
        'unauthorized_client',
        `AADSTS700016: Application with identifier '${clientId}' was not found.`,
      );
    }
    const grantType = form.get('grant_type');
    let tenantId = this.resolveTenant(tenant);
    let nonce: string | undefined;
    let scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
    if (grantType === 'authorization_code') {
      const grant = this.codes.get(form.get('code') ?? '');
      this.codes.delete(form.get('code') ?? '');
      if (!grant || grant.clientId !== clientId || grant.redirectUri !== form.get('redirect_uri')) {
        return this.oauthError(
          route,
          'invalid_grant',
          'AADSTS70008: The provided authorization code or refresh token has expired or was already used.',
        );
      }
      if (pkceChallenge(form.get('code_verifier') ?? '') !== grant.challenge) {
        return this.oauthError(
          route,
          'invalid_grant',
          'AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.',
        );
      }
      tenantId = grant.tenantId;
      nonce = grant.nonce;
      scopes = grant.scopes.length > 0 ? grant.scopes : scopes;
    } else if (grantType === 'refresh_token') {
      const known = this.refreshTokens.get(form.get('refresh_token') ?? '');
      if (!known || known.clientId !== clientId) {
        return this.oauthError(
          route,
          'invalid_grant',
          'AADSTS9002313: Invalid request. Request is malformed or invalid.',
        );
      }
      if (this.refreshNeedsInteraction) {
        return this.oauthError(
          route,
          'invalid_grant',
          "AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access 'https://management.azure.com'.",
          { suberror: 'basic_action', error_codes: [50076] },
        );
      }
    } else {
      return this.oauthError(
        route,
        'unsupported_grant_type',
        `AADSTS70003: The app requested an unsupported grant type '${grantType ?? ''}'.`,
      );
    }
    if (!tenantId) {
      return this.oauthError(route, 'invalid_request', `AADSTS90002: Tenant '${tenant}' not found.`);
    }
    return this.json(route, 200, this.issue(clientId, tenantId, scopes, nonce), {
      'cache-control': 'no-store',
    });
  }

  private issue(clientId: string, tenantId: string, requested: string[], nonce: string | undefined) {
    const now = Math.floor(Date.now() / 1000);
    const oid = this.user.objectIds[tenantId] ?? '';
    const armScopes = requested.filter((s) => s.startsWith(this.armEndpoint));
    const accessToken = signJwt({
      aud: this.armEndpoint,
      iss: `https://sts.windows.net/${tenantId}/`,
      iat: now,
      nbf: now,
      exp: now + this.accessTokenLifetimeSeconds,
      appid: clientId,
      tid: tenantId,
      oid,
      upn: this.user.username,
      name: this.user.name,
      scp: 'user_impersonation',
      jti: randomUUID(),
    });
    this.accessTokens.push(accessToken);
    const refreshToken = `refresh-${randomUUID()}`;
    this.refreshTokens.set(refreshToken, { clientId });
    const idToken = signJwt({
      ver: '2.0',
      aud: clientId,
      iss: `${this.authorityHost}/${tenantId}/v2.0`,
      iat: now,
      nbf: now,
      exp: now + 3600,
      name: this.user.name,
      preferred_username: this.user.username,
      oid,
      sub: `sub-${oid}`,
      tid: tenantId,
      ...(nonce ? { nonce } : {}),
    });
    this.idTokens.push(idToken);
    return {
      token_type: 'Bearer',
      scope: [...(armScopes.length ? armScopes : [`${this.armEndpoint}/user_impersonation`])].join(' '),
      expires_in: this.accessTokenLifetimeSeconds,
      ext_expires_in: this.accessTokenLifetimeSeconds,
      access_token: accessToken,
      refresh_token: refreshToken,
      id_token: idToken,
      client_info: this.clientInfo(),
    };
  }

  private clientInfo(): string {
    return base64url(
      JSON.stringify({ uid: this.user.objectIds[this.user.homeTenantId], utid: this.user.homeTenantId }),
    );
  }

  private resolveTenant(segment: string): string | undefined {
    const wanted = segment.toLowerCase();
    if (wanted === 'organizations' || wanted === 'common') return this.user.homeTenantId;
    const directory = this.directories.find(
      (d) => d.tenantId.toLowerCase() === wanted || d.defaultDomain.toLowerCase() === wanted,
    );
    return directory && this.user.objectIds[directory.tenantId] ? directory.tenantId : undefined;
  }

  private isGuid(value: string): boolean {
    return /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(value);
  }

  private oauthError(route: Route, error: string, description: string, extra: Record<string, unknown> = {}) {
    return this.json(route, 400, {
      error,
      error_description: `${description}\r\nTrace ID: ${randomUUID()}\r\nCorrelation ID: ${randomUUID()}\r\nTimestamp: ${new Date().toISOString()}`,
      error_codes: [Number(/AADSTS(\d+)/.exec(description)?.[1] ?? 0)],
      timestamp: new Date().toISOString(),
      trace_id: randomUUID(),
      correlation_id: randomUUID(),
      ...extra,
    });
  }

  private json(route: Route, status: number, body: unknown, headers: Record<string, string> = {}) {
    return route.fulfill({
      status,
      headers: { ...CORS, 'content-type': 'application/json; charset=utf-8', ...headers },
      body: JSON.stringify(body),
    });
  }
}
