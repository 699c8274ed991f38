import { isRecord } from './common/is-record';
import { parseRetryAfterMs } from './retry-after';
import { kindOfStatus, RETRY_RULES, type ArmErrorKind, type RetryRule } from './retry-rules';

/**
 * One error type for everything that fails below the UI: HTTP errors from ARM, failed
 * long-running operations, network failures, aborted requests and unparseable responses.
 */

/** Extra information ARM attaches to an error (`additionalInfo[]`), e.g. a `UserFacingError`. */
export interface ArmErrorAdditionalInfo {
  /** Kind of information, e.g. `UserFacingError` or `PolicyViolation`. */
  type: string;
  /** Free-form payload; for `UserFacingError` it carries `recommendedAction[]`. */
  info: unknown;
}

/** A nested ARM error (`details[]`), same shape as the top-level error. */
export interface ArmErrorDetail {
  /** ARM error code, e.g. `UserErrorMSIMissingPermissions`. */
  code: string;
  /** Human-readable message from the service. */
  message: string;
  /** What the error refers to, when ARM says. */
  target?: string;
  /** Further nested errors. */
  details: ArmErrorDetail[];
  /** Extra information attached by the service. */
  additionalInfo: ArmErrorAdditionalInfo[];
}

export type { ArmErrorKind } from './retry-rules';

/** Response facts an {@link ArmError} is built from. */
export interface ArmErrorContext {
  /** HTTP status (0 when no response arrived). */
  status: number;
  /** `x-ms-request-id` of the response. */
  requestId?: string | undefined;
  /** `x-ms-correlation-request-id` of the response. */
  correlationRequestId?: string | undefined;
  /** Retry-After of the response in milliseconds, if any. */
  retryAfterMs?: number | undefined;
  /** HTTP method of the failed request. */
  method?: string | undefined;
  /** URL of the failed request. */
  url?: string | undefined;
}

/** Constructor input of {@link ArmError}. */
export interface ArmErrorInit extends ArmErrorContext {
  code: string;
  message: string;
  target?: string | undefined;
  details?: ArmErrorDetail[];
  additionalInfo?: ArmErrorAdditionalInfo[];
  /** Set when the error is the `error` of a long-running operation that ended badly. */
  operationStatus?: 'Failed' | 'Canceled' | undefined;
  cause?: unknown;
}

/** What {@link errorContextOf} reads from a response. */
export interface ResponseFacts {
  /** HTTP status. */
  status: number;
  /** Response headers, names lower-cased. */
  headers: Readonly<Record<string, string>>;
  /** HTTP method of the request. */
  method?: string | undefined;
  /** URL of the request. */
  url?: string | undefined;
}

/**
 * The one place that turns a response into the facts an error carries (status, request and
 * correlation ids, Retry-After, method, URL), so no error loses the ids support staff need.
 */
export function errorContextOf(response: ResponseFacts, now: () => number = Date.now): ArmErrorContext {
  const header = (name: string): string | undefined => response.headers[name];
  return {
    status: response.status,
    requestId: header('x-ms-request-id'),
    correlationRequestId: header('x-ms-correlation-request-id'),
    retryAfterMs: parseRetryAfterMs({ get: header }, now),
    method: response.method,
    url: response.url,
  };
}

const STATUS_CODES: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  408: 'RequestTimeout',
  409: 'Conflict',
  412: 'PreconditionFailed',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

/** The single error type of the data layer; see the module comment. */
export class ArmError extends Error {
  override readonly name = 'ArmError';
  /** HTTP status; 0 when no response arrived (network failure, abort). */
  readonly status: number;
  /** ARM error code (or a synthetic one: `NetworkError`, `InvalidResponse`, `RequestAborted`...). */
  readonly code: string;
  /** What the error refers to, when ARM says. */
  readonly target: string | undefined;
  /** Nested errors from ARM. */
  readonly details: ArmErrorDetail[];
  /** `additionalInfo[]` from ARM. */
  readonly additionalInfo: ArmErrorAdditionalInfo[];
  /** `x-ms-request-id` of the failing response (for a failed LRO: of the polling response). */
  readonly requestId: string | undefined;
  /** `x-ms-correlation-request-id` of the failing response. */
  readonly correlationRequestId: string | undefined;
  /** How long ARM asked us to wait before trying again (429/503), in milliseconds. */
  readonly retryAfterMs: number | undefined;
  /** HTTP method of the failed request. */
  readonly method: string | undefined;
  /** URL of the failed request (may contain signed query parameters; do not log it publicly). */
  readonly url: string | undefined;
  /** Terminal status of the long-running operation this error came from, if any. */
  readonly operationStatus: 'Failed' | 'Canceled' | undefined;

  /** Builds an error from already-parsed parts; prefer the static factories. */
  constructor(init: ArmErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.target = init.target;
    this.details = init.details ?? [];
    this.additionalInfo = init.additionalInfo ?? [];
    this.requestId = init.requestId;
    this.correlationRequestId = init.correlationRequestId;
    this.retryAfterMs = init.retryAfterMs;
    this.method = init.method;
    this.url = init.url;
    this.operationStatus = init.operationStatus;
  }

  /** Coarse classification; see {@link ArmErrorKind}. */
  get kind(): ArmErrorKind {
    if (this.operationStatus) return 'operationFailed';
    if (this.code === 'RequestAborted') return 'aborted';
    if (this.code === 'InvalidResponse') return 'invalidResponse';
    return kindOfStatus(this.status);
  }

  /** Who may try again; see {@link RETRY_RULES}. */
  get retryRule(): RetryRule {
    return RETRY_RULES[this.kind];
  }

  /** 401: the token was refused even after one forced refresh; the user must sign in again. */
  get isAuth(): boolean {
    return this.status === 401;
  }
  /** 403: signed in but lacking an RBAC role. */
  get isForbidden(): boolean {
    return this.status === 403;
  }
  /** 404. */
  get isNotFound(): boolean {
    return this.status === 404;
  }
  /** 409. */
  get isConflict(): boolean {
    return this.status === 409;
  }
  /** 429: throttled; see {@link ArmError.retryAfterMs}. */
  get isThrottled(): boolean {
    return this.status === 429;
  }
  /** Any 5xx. */
  get isServer(): boolean {
    return this.status >= 500 && this.status < 600;
  }
  /** No HTTP response arrived (DNS, TLS, CORS, offline...). */
  get isNetwork(): boolean {
    return this.status === 0 && this.code === 'NetworkError';
  }
  /** The caller aborted the request. */
  get isAborted(): boolean {
    return this.code === 'RequestAborted';
  }

  /**
   * `recommendedAction` strings of the `UserFacingError` entries in `additionalInfo`
   * (Azure Backup puts its advice there).
   */
  get recommendedActions(): string[] {
    const out: string[] = [];
    for (const entry of this.additionalInfo) {
      if (!isRecord(entry.info)) continue;
      const actions = entry.info['recommendedAction'];
      if (Array.isArray(actions)) {
        for (const a of actions) if (typeof a === 'string' && a.trim() !== '') out.push(a);
      }
    }
    return out;
  }

  /** Plain data for logs and "copy details" buttons. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      status: this.status,
      code: this.code,
      message: this.message,
      target: this.target,
      details: this.details,
      requestId: this.requestId,
      correlationRequestId: this.correlationRequestId,
      operationStatus: this.operationStatus,
    };
  }

  /**
   * Builds an error from a non-success HTTP response. Accepts the ARM envelope
   * `{error:{code,message,...}}`, a bare `{code,message}`, OData `{"odata.error":...}`,
   * OAuth-style `{error:"...", error_description}` and `{Message}`; anything else (HTML from a
   * proxy, truncated JSON, empty body) becomes a status-derived code with a readable message.
   */
  static fromResponse(ctx: ArmErrorContext, bodyText: string | null | undefined): ArmError {
    const text = bodyText ?? '';
    const parsed = tryParseJson(text);
    const fromBody = parsed.ok ? parseErrorBody(parsed.value) : undefined;
    if (fromBody) {
      return new ArmError({ ...ctx, ...fromBody });
    }
    const code = STATUS_CODES[ctx.status] ?? `HttpError${ctx.status}`;
    const snippet = summariseText(text);
    return new ArmError({
      ...ctx,
      code,
      message: snippet
        ? `ARM answered HTTP ${ctx.status} with a body that is not an ARM error: ${snippet}`
        : `ARM answered HTTP ${ctx.status} without an error body.`,
    });
  }

  /**
   * Builds an error from the `error` of a long-running operation that ended Failed or Canceled.
   * `ctx.requestId` should be the polling response's request id.
   */
  static fromOperation(status: 'Failed' | 'Canceled', error: unknown, ctx: ArmErrorContext): ArmError {
    const parsed = parseErrorDetail(error);
    return new ArmError({
      ...ctx,
      operationStatus: status,
      code: parsed?.code ?? (status === 'Canceled' ? 'OperationCanceled' : 'OperationFailed'),
      message:
        parsed?.message ??
        (status === 'Canceled'
          ? 'The operation was canceled.'
          : 'The operation failed without an error description.'),
      target: parsed?.target,
      details: parsed?.details ?? [],
      additionalInfo: parsed?.additionalInfo ?? [],
    });
  }

  /** No response arrived. */
  static network(ctx: Omit<ArmErrorContext, 'status'>, cause: unknown): ArmError {
    const reason = cause instanceof Error && cause.message ? ` (${cause.message})` : '';
    return new ArmError({
      ...ctx,
      status: 0,
      code: 'NetworkError',
      message: `Could not reach Azure Resource Manager${reason}. Check the network connection and try again.`,
      cause,
    });
  }

  /** The caller aborted the request (navigation, query cancellation). */
  static aborted(ctx: Omit<ArmErrorContext, 'status'>, cause?: unknown): ArmError {
    return new ArmError({
      ...ctx,
      status: 0,
      code: 'RequestAborted',
      message: 'The request was cancelled.',
      cause,
    });
  }

  /** A success status whose body is not what the operation promises (e.g. malformed JSON). */
  static invalidResponse(ctx: ArmErrorContext, problem: string, cause?: unknown): ArmError {
    return new ArmError({
      ...ctx,
      code: 'InvalidResponse',
      message: `Azure Resource Manager sent a response that could not be read: ${problem}`,
      cause,
    });
  }
}

/** Type guard for {@link ArmError}. */
export function isArmError(value: unknown): value is ArmError {
  return value instanceof ArmError;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

type ParsedJson = { ok: true; value: unknown } | { ok: false };

function tryParseJson(text: string): ParsedJson {
  if (text.trim() === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function summariseText(text: string): string {
  const plain = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > 200 ? `${plain.slice(0, 200)}…` : plain;
}

function parseAdditionalInfo(value: unknown): ArmErrorAdditionalInfo[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((v) => ({ type: asString(v['type']) ?? 'Unknown', info: v['info'] }));
}

/** Parses one `{code,message,target,details,additionalInfo}` object, or undefined if it is not one. */
function parseErrorDetail(value: unknown, depth = 0): ArmErrorDetail | undefined {
  if (!isRecord(value) || depth > 10) return undefined;
  const code = asString(value['code']) ?? asString(value['Code']);
  let message = asString(value['message']) ?? asString(value['Message']);
  const odataMessage = value['message'];
  if (!message && isRecord(odataMessage)) message = asString(odataMessage['value']);
  if (!code && !message) return undefined;
  const detailsRaw = value['details'];
  const details = Array.isArray(detailsRaw)
    ? detailsRaw
        .map((d) => parseErrorDetail(d, depth + 1))
        .filter((d): d is ArmErrorDetail => d !== undefined)
    : [];
  return {
    code: code ?? 'UnknownError',
    message: message ?? code ?? 'Unknown error',
    target: asString(value['target']),
    details,
    additionalInfo: parseAdditionalInfo(value['additionalInfo']),
  };
}

function parseErrorBody(body: unknown): ArmErrorDetail | undefined {
  if (!isRecord(body)) return undefined;
  const wrapped = body['error'];
  if (isRecord(wrapped)) return parseErrorDetail(wrapped);
  if (typeof wrapped === 'string') {
    // OAuth-style error bodies (e.g. from a token endpoint behind a proxy).
    return {
      code: wrapped,
      message: asString(body['error_description']) ?? asString(body['message']) ?? wrapped,
      target: undefined,
      details: [],
      additionalInfo: [],
    };
  }
  const odata = body['odata.error'];
  if (isRecord(odata)) return parseErrorDetail(odata);
  return parseErrorDetail(body);
}
