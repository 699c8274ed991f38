// Fault scenarios: a layer around the simulated ARM (they never fork the handlers). Selected in tests
// through `createScenarios(...)` and in the demo through `?scenario=name[,name]` plus parameters.

import { delay } from 'msw';
import { armError, modelErrorResult } from './handlers/arm-errors';
import type { ArmResult } from './handlers/arm-response';
import { anotherOperationInProgress, resourceNotFound, type ModelError } from './tenant/errors';
import { DEMO_USER, type Tenant } from './tenant/tenant';

export const SCENARIO_NAMES = [
  'throttle',
  'server-error',
  'forbidden',
  'vault-gone',
  'conflict',
  'slow',
  'restore-fails',
  'lro-fails',
  'resource-graph-forbidden',
  'quick-restore',
] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export interface ScenarioOptions {
  names: ScenarioName[];
  /** throttle: how many calls get 429. */
  throttleCount: number;
  /** throttle / server-error (503): the Retry-After value in seconds. */
  retryAfterSeconds: number;
  /** server-error: how many GETs fail (500 and 503 alternate). */
  serverErrorCount: number;
  /** slow: fixed latency per response. */
  latencyMs: number;
  /** vault-gone: the vault that answers 404. */
  goneVault: string;
  /** forbidden: only this RBAC action is refused; default = every write and CRR action. */
  forbiddenAction: string | undefined;
  /** quick-restore: how long a cross-region restore job runs, in seconds (demos and e2e tests). */
  restoreJobSeconds: number;
}

export const DEFAULT_SCENARIO_OPTIONS: ScenarioOptions = {
  names: [],
  throttleCount: 3,
  retryAfterSeconds: 1,
  serverErrorCount: 2,
  latencyMs: 300,
  goneVault: 'contoso-pg-vault',
  forbiddenAction: undefined,
  restoreJobSeconds: 15,
};

/** What the fault layer knows about a request. */
export interface FaultRequest {
  method: string;
  url: URL;
  body: unknown;
  /** RBAC action of the matched route (undefined for unknown routes). */
  action: string | undefined;
}

export interface ScenarioState {
  options: ScenarioOptions;
  consumed: { throttle: number; serverError: number };
}

const MUTATING_ACTIONS = /\/(write|delete)$|\/(crossRegionRestore|validateCrossRegionRestore)\/action$/i;

export class Scenarios {
  readonly options: ScenarioOptions;
  readonly consumed: ScenarioState['consumed'];
  /** Called when a counter changes (the browser entry point persists it for the tab session). */
  onChange: (() => void) | undefined;

  /**
   * `sleep` waits out the `slow` scenario's latency (msw's delay; tests inject a fake and assert
   * the latency asked for instead of measuring time).
   */
  constructor(
    options: Partial<ScenarioOptions> = {},
    consumed?: ScenarioState['consumed'],
    private readonly sleep: (ms: number) => Promise<void> = (ms) => delay(ms),
  ) {
    this.options = { ...DEFAULT_SCENARIO_OPTIONS, ...options, names: [...new Set(options.names ?? [])] };
    this.consumed = consumed ? { ...consumed } : { throttle: 0, serverError: 0 };
  }

  has(name: ScenarioName): boolean {
    return this.options.names.includes(name);
  }

  toJSON(): ScenarioState {
    return { options: this.options, consumed: this.consumed };
  }

  static fromJSON(state: ScenarioState): Scenarios {
    return new Scenarios(state.options, state.consumed);
  }

  /** Outcome scenarios change what the model decides; they are journaled with each mutation. */
  applyToTenant(tenant: Tenant): void {
    tenant.overrides = {
      crrJob: this.has('restore-fails')
        ? {
            code: 'UserErrorDatabaseNameAlreadyInUse',
            message:
              'A database with the same name already exists on the target server. Restore cannot overwrite an existing database.',
          }
        : undefined,
      lro: this.has('lro-fails')
        ? {
            code: 'CloudInternalError',
            message:
              'An internal error occurred while processing the operation. Please retry the operation after some time.',
          }
        : undefined,
      crrJobMs: this.has('quick-restore') ? this.options.restoreJobSeconds * 1000 : undefined,
    };
  }

  /** Runs `next` unless a fault answers first. */
  async run(req: FaultRequest, next: () => Promise<ArmResult>): Promise<ArmResult> {
    if (this.has('slow')) await this.sleep(this.options.latencyMs);

    if (this.has('throttle') && this.consumed.throttle < this.options.throttleCount) {
      this.bump('throttle');
      return throttled(req, this.options.retryAfterSeconds);
    }
    if (
      this.has('server-error') &&
      req.method === 'GET' &&
      this.consumed.serverError < this.options.serverErrorCount
    ) {
      const n = this.bump('serverError');
      return n % 2 === 1 ? internalServerError(req) : serviceUnavailable(this.options.retryAfterSeconds);
    }
    // Resource Graph refused as a whole (a policy or a missing role): the app must list per vault.
    if (
      this.has('resource-graph-forbidden') &&
      /^\/providers\/Microsoft\.ResourceGraph\//i.test(req.url.pathname)
    ) {
      return forbidden(req);
    }
    if (this.has('vault-gone')) {
      const gone = vaultGone(req, this.options.goneVault);
      if (gone) return gone;
    }
    if (this.has('forbidden') && req.action && this.refuses(req.action)) {
      return forbidden(req);
    }
    if (this.has('conflict') && req.method === 'PATCH' && /\/backupVaults\/[^/]+$/i.test(req.url.pathname)) {
      return faultResult(anotherOperationInProgress());
    }
    return next();
  }

  private refuses(action: string): boolean {
    if (this.options.forbiddenAction)
      return this.options.forbiddenAction.toLowerCase() === action.toLowerCase();
    return MUTATING_ACTIONS.test(action);
  }

  private bump(counter: 'throttle' | 'serverError'): number {
    this.consumed[counter] += 1;
    this.onChange?.();
    return this.consumed[counter];
  }
}

export function createScenarios(
  input: Partial<ScenarioOptions> | readonly ScenarioName[] | string = {},
): Scenarios {
  if (typeof input === 'string') return new Scenarios(parseScenarioParams(input) ?? {});
  if (Array.isArray(input)) return new Scenarios({ names: [...(input as readonly ScenarioName[])] });
  return new Scenarios(input as Partial<ScenarioOptions>);
}

/**
 * Reads `?scenario=throttle,slow&throttleCount=3&retryAfter=2&serverErrorCount=2&latency=300&goneVault=x&forbiddenAction=y&restoreJobSeconds=15`.
 * Returns undefined when the URL selects nothing (so a persisted choice stays in force).
 */
export function parseScenarioParams(search: string | URLSearchParams): Partial<ScenarioOptions> | undefined {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const raw = params.get('scenario');
  const latency = params.get('latency');
  if (raw === null && latency === null) return undefined;
  const names = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is ScenarioName => (SCENARIO_NAMES as readonly string[]).includes(s));
  if (latency !== null && !names.includes('slow')) names.push('slow');
  const out: Partial<ScenarioOptions> = { names };
  const num = (key: string) => {
    const v = params.get(key);
    const n = v === null ? NaN : Number(v);
    return Number.isFinite(n) && n >= 0 ? n : undefined;
  };
  const throttleCount = num('throttleCount');
  const retryAfter = num('retryAfter');
  const serverErrorCount = num('serverErrorCount');
  const latencyMs = num('latency');
  const restoreJobSeconds = num('restoreJobSeconds');
  if (restoreJobSeconds !== undefined) out.restoreJobSeconds = restoreJobSeconds;
  if (throttleCount !== undefined) out.throttleCount = throttleCount;
  if (retryAfter !== undefined) out.retryAfterSeconds = retryAfter;
  if (serverErrorCount !== undefined) out.serverErrorCount = serverErrorCount;
  if (latencyMs !== undefined) out.latencyMs = latencyMs;
  const goneVault = params.get('goneVault');
  if (goneVault) out.goneVault = goneVault;
  const forbiddenAction = params.get('forbiddenAction');
  if (forbiddenAction) out.forbiddenAction = forbiddenAction;
  return out;
}

function subscriptionOf(url: URL): string | undefined {
  return /^\/subscriptions\/([^/]+)/i.exec(url.pathname)?.[1];
}

function throttled(req: FaultRequest, retryAfter: number): ArmResult {
  const sub = subscriptionOf(req.url);
  const kind = req.method === 'GET' ? 'read' : 'write';
  const headers = { 'retry-after': String(retryAfter), 'x-ms-ratelimit-remaining-subscription-reads': '0' };
  if (!sub) {
    return armError(
      429,
      'TenantRequestsThrottled',
      `Number of '${kind}' requests for tenant actor '${DEMO_USER.objectId}' exceeded. Please try again after '${retryAfter}' seconds after the last request. For more information, refer to https://aka.ms/armthrottle`,
      headers,
    );
  }
  return armError(
    429,
    'SubscriptionRequestsThrottled',
    `Number of '${kind}' requests for subscription '${sub}' actor '${DEMO_USER.objectId}' exceeded. Please try again after '${retryAfter}' seconds after the last request. For more information, refer to https://aka.ms/armthrottle`,
    headers,
  );
}

function internalServerError(req: FaultRequest): ArmResult {
  const sub = subscriptionOf(req.url) ?? '';
  return armError(
    500,
    'InternalServerError',
    `Encountered internal server error. Diagnostic information: timestamp '${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}Z', subscription id '${sub}', tracking id '5c8e0a3d-2f1b-4b7e-9a61-0d2c4e6f8a10', request correlation id '5c8e0a3d-2f1b-4b7e-9a61-0d2c4e6f8a10'.`,
  );
}

function serviceUnavailable(retryAfter: number): ArmResult {
  return armError(
    503,
    'ServiceUnavailable',
    'The service is temporarily unavailable. Please retry the request after some time.',
    { 'retry-after': String(retryAfter) },
  );
}

function forbidden(req: FaultRequest): ArmResult {
  // RBAC checks a POST action on its parent scope (…/locations/{region}), everything else on the path.
  const scope = req.method === 'POST' ? req.url.pathname.replace(/\/[^/]+$/, '') : req.url.pathname;
  return armError(
    403,
    'AuthorizationFailed',
    `The client '${DEMO_USER.upn}' with object id '${DEMO_USER.objectId}' does not have authorization to perform action '${req.action ?? ''}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  );
}

function vaultGone(req: FaultRequest, vaultName: string): ArmResult | undefined {
  const escaped = vaultName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(
    `/resourceGroups/([^/]+)/providers/Microsoft\\.DataProtection/backupVaults/${escaped}(?:/|$)`,
    'i',
  );
  const inPath = pattern.exec(req.url.pathname);
  const bodyText = req.body === undefined ? '' : JSON.stringify(req.body);
  const inBody = pattern.exec(bodyText);
  const rg = inPath?.[1] ?? inBody?.[1];
  if (!rg) return undefined;
  return faultResult(resourceNotFound('Microsoft.DataProtection/backupVaults', vaultName, rg));
}

/** The model's own error, answered by the fault layer (a fixed activity id: no request reached the RP). */
function faultResult(error: ModelError): ArmResult {
  return modelErrorResult(error, '00000000-0000-0000-0000-000000000409');
}
