import { randomUUID } from 'node:crypto';
import type { BrowserContext, Route } from '@playwright/test';
import { getResponse, type RequestHandler } from 'msw';
import { ARM_ORIGIN, type TestServer } from '../../src/mocks/node';
import type { FakeEntra } from './fake-entra';

/*
 * Azure Resource Manager for the e2e tests of real mode: every request is checked like ARM checks
 * it (a bearer token this fake Entra ID issued, for this ARM endpoint, not expired) and then
 * answered by the same simulated tenant the demo and the unit tests use, run in the Playwright
 * process through msw's `getResponse`. Each directory (token `tid`) has its own simulated tenant.
 * The simulator speaks the public cloud's origin; for a sovereign cloud the origin is mapped both
 * ways. `GET /tenants` is answered from the fake Entra ID's directory (it is about the user, not
 * about resources).
 */

/** One request the browser sent to ARM, and what it got. */
export interface ArmExchange {
  readonly method: string;
  readonly url: string;
  /** The Authorization header as sent (never logged by the app, checked by the tests). */
  readonly authorization: string | undefined;
  /** Tenant of the token, when the token was valid. */
  readonly tenantId: string | undefined;
  readonly status: number;
}

const EXPOSE = 'x-ms-request-id, x-ms-correlation-request-id, www-authenticate, retry-after';

export class FakeArm {
  /** Every request to the ARM endpoint (preflights excluded), in order. */
  readonly exchanges: ArmExchange[] = [];
  /** Lets a test alter what the simulator answered (e.g. point a nextLink elsewhere). */
  rewrite: ((url: URL, body: string) => string) | undefined;
  private readonly handlers = new Map<string, RequestHandler[]>();

  constructor(
    /** e.g. `https://management.azure.com`. */
    readonly endpoint: string,
    private readonly entra: FakeEntra,
  ) {}

  /** Serves directory `tenantId` from a simulated tenant (`createTestServer` from src/mocks/node). */
  addDirectory(tenantId: string, simulator: TestServer): this {
    this.handlers.set(tenantId.toLowerCase(), simulator.server.listHandlers() as RequestHandler[]);
    return this;
  }

  async install(context: BrowserContext): Promise<void> {
    await context.route(`${this.endpoint}/**`, (route) => this.handle(route));
  }

  /** Exchanges whose path (below the endpoint) starts with `prefix`. */
  exchangesUnder(prefix: string): ArmExchange[] {
    return this.exchanges.filter((e) =>
      new URL(e.url).pathname.toLowerCase().startsWith(prefix.toLowerCase()),
    );
  }

  private async handle(route: Route): Promise<void> {
    const request = route.request();
    const headers = await request.allHeaders();
    const origin = headers['origin'] ?? '*';
    const cors = {
      'access-control-allow-origin': origin,
      'access-control-expose-headers': EXPOSE,
    };
    if (request.method() === 'OPTIONS') {
      return route.fulfill({
        status: 204,
        headers: {
          ...cors,
          'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
          'access-control-allow-headers':
            headers['access-control-request-headers'] ?? 'authorization, content-type',
          'access-control-max-age': '3600',
        },
      });
    }
    const authorization = headers['authorization'];
    const record = (status: number, tenantId?: string) =>
      this.exchanges.push({ method: request.method(), url: request.url(), authorization, tenantId, status });

    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    const verdict = token
      ? this.entra.checkAccessToken(token)
      : {
          code: 'AuthenticationFailed',
          message: "Authentication failed. The 'Authorization' header is missing.",
        };
    if ('code' in verdict) {
      record(401);
      return route.fulfill({
        status: 401,
        headers: {
          ...cors,
          'content-type': 'application/json; charset=utf-8',
          'www-authenticate': `Bearer authorization_uri="${this.entra.authorityHost}/common", error="invalid_token", error_description="${verdict.message}"`,
          'x-ms-request-id': randomUUID(),
        },
        body: JSON.stringify({ error: { code: verdict.code, message: verdict.message } }),
      });
    }
    const tenantId = String(verdict.claims['tid']);
    const url = new URL(request.url());

    if (url.pathname.toLowerCase() === '/tenants') {
      record(200, tenantId);
      const value = this.entra.directoriesOf(verdict.claims['oid']).map((d) => ({
        id: `/tenants/${d.tenantId}`,
        tenantId: d.tenantId,
        countryCode: 'US',
        displayName: d.displayName,
        domains: [d.defaultDomain],
        tenantCategory: 'Home',
        defaultDomain: d.defaultDomain,
        tenantType: 'AAD',
      }));
      return route.fulfill({
        status: 200,
        headers: { ...cors, 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ value }),
      });
    }

    const handlers = this.handlers.get(tenantId.toLowerCase());
    if (!handlers) {
      record(401, tenantId);
      return route.fulfill({
        status: 401,
        headers: { ...cors, 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({
          error: {
            code: 'InvalidAuthenticationTokenTenant',
            message: `The access token is from tenant '${tenantId}', which this fake ARM does not know.`,
          },
        }),
      });
    }
    const forward: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (!/^(host|content-length|connection|:)/i.test(name)) forward[name] = value;
    }
    const body = request.postDataBuffer();
    const simulated = await getResponse(
      handlers,
      new Request(`${ARM_ORIGIN}${url.pathname}${url.search}`, {
        method: request.method(),
        headers: forward,
        ...(body && request.method() !== 'GET' ? { body: new Uint8Array(body) } : {}),
      }),
    );
    if (!simulated) throw new Error(`The simulator did not answer ${request.method()} ${request.url()}`);
    record(simulated.status, tenantId);
    const toHere = (text: string) =>
      this.endpoint === ARM_ORIGIN ? text : text.replaceAll(ARM_ORIGIN, this.endpoint);
    const responseHeaders: Record<string, string> = { ...cors };
    simulated.headers.forEach((value, name) => {
      responseHeaders[name] = toHere(value);
    });
    return route.fulfill({
      status: simulated.status,
      headers: responseHeaders,
      body: this.rewrite ? this.rewrite(url, toHere(await simulated.text())) : toHere(await simulated.text()),
    });
  }
}
