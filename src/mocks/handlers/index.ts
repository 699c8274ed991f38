// msw handlers for the simulated ARM: one catch-all under the ARM origin so that authentication,
// api-version checks, unknown routes and the fault layer behave the same for every URL.

import { http, type RequestHandler } from 'msw';
import {
  ARM_ORIGIN,
  DEFAULT_HANDLER_OPTIONS,
  RequestState,
  baseHeaders,
  toHttpResponse,
  type ArmContext,
  type ArmResult,
  type HandlerOptions,
} from './arm-response';
import { armError, modelErrorResult } from './arm-errors';
import { buildRoutes, matchRoutes, namespacesOf, type Route } from './routes';
import { Scenarios } from '../scenarios';
import { ModelError, resourceGroupNotFound, subscriptionNotFound } from '../tenant/errors';
import type { Tenant } from '../tenant/tenant';

export { ARM_ORIGIN } from './arm-response';
export type { HandlerOptions } from './arm-response';

interface RouteTable {
  routes: readonly Route[];
  namespaces: readonly string[];
}

/**
 * The msw handlers answering https://management.azure.com from `tenant`, with `scenarios` as fault
 * layer. The same handlers serve the demo (service worker) and tests (msw/node).
 */
export function createHandlers(
  tenant: Tenant,
  scenarios: Scenarios = new Scenarios(),
  options: Partial<HandlerOptions> = {},
): RequestHandler[] {
  const opts: HandlerOptions = { ...DEFAULT_HANDLER_OPTIONS, ...options };
  const routes = buildRoutes();
  const namespaces = namespacesOf(routes);
  const state = new RequestState(tenant.seed);
  scenarios.applyToTenant(tenant);
  return [
    http.all(`${ARM_ORIGIN}/*`, ({ request }) =>
      dispatch(request, tenant, scenarios, { routes, namespaces }, state, opts),
    ),
  ];
}

async function dispatch(
  request: Request,
  tenant: Tenant,
  scenarios: Scenarios,
  table: RouteTable,
  state: RequestState,
  options: HandlerOptions,
): Promise<Response> {
  const url = new URL(request.url);
  const method = request.method.toUpperCase();
  const requestId = state.nextId();
  const correlationId = request.headers.get('x-ms-correlation-request-id') ?? requestId;
  const common = baseHeaders({ requestId, correlationId, method, request }, state.remainingReads());

  if (method === 'OPTIONS') {
    return toHttpResponse(
      {
        status: 204,
        headers: {
          'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
          'access-control-allow-headers':
            request.headers.get('access-control-request-headers') ?? 'authorization, content-type',
          'access-control-max-age': '3600',
        },
      },
      common,
    );
  }

  const auth = checkAuthorization(request);
  if (auth) return toHttpResponse(auth, common);

  let body: unknown;
  let bodyError = false;
  if (method !== 'GET' && method !== 'HEAD') {
    const text = await request.text();
    if (text.trim()) {
      try {
        body = JSON.parse(text);
      } catch {
        bodyError = true;
      }
    }
  }

  const matches = matchRoutes(table.routes, url.pathname);
  const match = matches.find((m) => m.route.method === method);

  const result = await scenarios.run({ method, url, body, action: match?.route.action }, () => {
    if (!match) {
      if (matches.length > 0) return Promise.resolve(methodNotAllowed(method));
      return Promise.resolve(unknownRoute(url, tenant, table.namespaces, requestId));
    }
    const apiVersion = url.searchParams.get('api-version');
    if (!apiVersion) {
      return Promise.resolve(
        armError(
          400,
          'MissingApiVersionParameter',
          'The api-version query parameter (?api-version=) is required for all requests.',
        ),
      );
    }
    if (!match.route.apiVersions.includes(apiVersion)) {
      return Promise.resolve(
        armError(
          400,
          'InvalidApiVersionParameter',
          `The api-version '${apiVersion}' is invalid. The supported versions are '${match.route.apiVersions.join(',')}'.`,
        ),
      );
    }
    if (bodyError) {
      return Promise.resolve(
        armError(
          400,
          'InvalidRequestContent',
          'The request content was invalid and could not be deserialized: the body is not valid JSON.',
        ),
      );
    }
    const ctx: ArmContext = {
      tenant,
      request,
      url,
      method,
      requestId,
      correlationId,
      body,
      bodyError,
      apiVersion,
      options,
    };
    return Promise.resolve(runRoute(ctx, match.route, match.params, requestId));
  });
  return toHttpResponse(result, common);
}

function runRoute(
  ctx: ArmContext,
  route: Route,
  params: Record<string, string>,
  activityId: string,
): ArmResult {
  try {
    ctx.tenant.settle();
    const result = route.handle(ctx, params);
    ctx.tenant.settle();
    return result;
  } catch (error) {
    if (error instanceof ModelError) return modelErrorResult(error, activityId);
    console.error('[crr-simulator] handler crashed', error);
    return armError(
      500,
      'InternalServerError',
      `The simulator failed to process the request: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function checkAuthorization(request: Request): ArmResult | undefined {
  const header = request.headers.get('authorization');
  const challenge = {
    'www-authenticate': `Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token", error_description="The authentication failed because of missing 'Authorization' header."`,
  };
  if (!header) {
    return armError(
      401,
      'AuthenticationFailed',
      "Authentication failed. The 'Authorization' header is missing.",
      challenge,
    );
  }
  if (!/^Bearer\s+\S+/i.test(header)) {
    return armError(401, 'InvalidAuthenticationToken', 'The access token is invalid.', {
      'www-authenticate': `Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token", error_description="The access token is invalid."`,
    });
  }
  return undefined;
}

function methodNotAllowed(method: string): ArmResult {
  return armError(
    405,
    'MethodNotAllowed',
    `The requested resource does not support http method '${method}'.`,
  );
}

/** What ARM answers for a URL no route knows, from the outermost unknown part inwards. */
function unknownRoute(url: URL, tenant: Tenant, namespaces: readonly string[], requestId: string): ArmResult {
  const path = url.pathname;
  const apiVersion = url.searchParams.get('api-version') ?? '';
  const sub = /^\/subscriptions\/([^/]+)/i.exec(path)?.[1];
  if (sub) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(sub)) {
      return armError(
        400,
        'InvalidSubscriptionId',
        `The provided subscription identifier '${sub}' is malformed or invalid.`,
      );
    }
    if (!tenant.getSubscription(sub)) return modelErrorResult(subscriptionNotFound(sub), requestId);
    const rg = /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)/i.exec(path)?.[1];
    if (rg && !tenant.getResourceGroup(sub, rg))
      return modelErrorResult(resourceGroupNotFound(rg), requestId);
  }
  const provider = /\/providers\/([^/]+)(?:\/(.*))?$/i.exec(path);
  if (provider?.[1]) {
    const ns = namespaces.find((n) => n.toLowerCase() === provider[1]?.toLowerCase());
    if (!ns)
      return armError(404, 'InvalidResourceNamespace', `The resource namespace '${provider[1]}' is invalid.`);
    const segments = (provider[2] ?? '').split('/').filter(Boolean);
    const type = segments.filter((_, i) => i % 2 === 0).join('/');
    return armError(
      404,
      'InvalidResourceType',
      `The resource type '${type}' could not be found in the namespace '${ns}' for api version '${apiVersion}'.`,
    );
  }
  return armError(404, 'NotFound', `The requested path '${path}' was not found.`);
}
