// Response building shared by all simulated ARM routes: the headers ARM puts on every answer, ARM
// timestamp formats and nextLink paging. Error bodies are in arm-errors.ts.

import { HttpResponse } from 'msw';
import { ModelError } from '../tenant/errors';
import { Prng, hash32 } from '../tenant/prng';
import type { Tenant } from '../tenant/tenant';

export const ARM_ORIGIN = 'https://management.azure.com';

/** Per-request context handed to every route. */
export interface ArmContext {
  tenant: Tenant;
  request: Request;
  url: URL;
  method: string;
  requestId: string;
  correlationId: string;
  /** Parsed JSON body for POST/PUT/PATCH (undefined when absent); `bodyError` when not JSON. */
  body: unknown;
  bodyError: boolean;
  apiVersion: string;
  options: HandlerOptions;
}

export interface HandlerOptions {
  /** Simulated milliseconds that pass per poll of an unfinished operation (tests; 0 = none). */
  pollAdvanceMs: number;
}

export const DEFAULT_HANDLER_OPTIONS: HandlerOptions = { pollAdvanceMs: 0 };

/** Deterministic request ids (no Math.random) and the read-quota counter of the simulated ARM. */
export class RequestState {
  private readonly rng: Prng;
  private tokens = 250;
  private lastRefill = Date.now();

  constructor(seed: number) {
    this.rng = new Prng(hash32(`requests:${seed}`));
  }

  nextId(): string {
    return this.rng.guid();
  }

  /** ARM's token bucket (250 burst, 25/s); reported only, the simulator throttles via scenarios. */
  remainingReads(): number {
    const now = Date.now();
    this.tokens = Math.min(250, this.tokens + ((now - this.lastRefill) / 1000) * 25);
    this.lastRefill = now;
    this.tokens = Math.max(0, this.tokens - 1);
    return Math.floor(this.tokens);
  }
}

export function baseHeaders(
  ctx: Pick<ArmContext, 'requestId' | 'correlationId' | 'method' | 'request'>,
  remainingReads: number,
): Record<string, string> {
  const headers: Record<string, string> = {
    'x-ms-request-id': ctx.requestId,
    'x-ms-correlation-request-id': ctx.correlationId,
    'x-ms-routing-request-id': `EASTUS:${compactTimestamp()}:${ctx.requestId}`,
    'x-ms-ratelimit-remaining-subscription-reads': String(remainingReads),
    'cache-control': 'no-cache',
  };
  if (ctx.method !== 'GET') headers['x-ms-ratelimit-remaining-subscription-writes'] = '799';
  const origin = ctx.request.headers.get('origin');
  if (origin) {
    headers['access-control-allow-origin'] = origin;
    headers['access-control-expose-headers'] =
      'x-ms-request-id, x-ms-correlation-request-id, x-ms-ratelimit-remaining-subscription-reads, x-ms-ratelimit-remaining-subscription-writes, retry-after, azure-asyncoperation, location, www-authenticate, x-ms-user-quota-remaining, x-ms-user-quota-resets-after';
  }
  return headers;
}

function compactTimestamp(): string {
  return new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

export type HeaderBag = Record<string, string>;

/** The response of a route before the common headers are added. */
export interface ArmResult {
  status: number;
  body?: unknown;
  headers?: HeaderBag;
}

export function ok(body: unknown, headers?: HeaderBag): ArmResult {
  return { status: 200, body, headers };
}

export function toHttpResponse(result: ArmResult, common: HeaderBag): Response {
  const headers = { ...common, ...result.headers };
  if (result.body === undefined) {
    return new HttpResponse(null, { status: result.status, headers });
  }
  return HttpResponse.json(result.body as Record<string, unknown>, {
    status: result.status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** ARM writes seven fractional digits: 2025-03-09T22:00:47.9746588Z. */
export function armTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

/** .NET TimeSpan as in job lists: 00:05:16.5158685 (or 1.02:03:04 beyond a day). */
export function timeSpan(ms: number): string {
  const totalSeconds = Math.floor(ms / 1000);
  const days = Math.floor(totalSeconds / 86400);
  const h = Math.floor((totalSeconds % 86400) / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  const frac = ms % 1000 ? `.${String(ms % 1000).padStart(3, '0')}0000` : '';
  const hms = `${pad(h)}:${pad(m)}:${pad(s)}${frac}`;
  return days > 0 ? `${days}.${hms}` : hms;
}

/** ISO 8601 duration as in single-job GETs: PT1M48.9085421S. */
export function isoDuration(ms: number): string {
  const totalSeconds = ms / 1000;
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds - h * 3600 - m * 60;
  let out = 'PT';
  if (h) out += `${h}H`;
  if (m) out += `${m}M`;
  if (s || (!h && !m)) out += `${Number.isInteger(s) ? s : s.toFixed(3)}S`;
  return out;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

// ---------------------------------------------------------------- paging

interface SkipToken {
  o: number;
  /** POST list operations keep their body here so a GET on nextLink also works. */
  b?: unknown;
}

export function encodeSkipToken(token: SkipToken): string {
  const json = JSON.stringify(token);
  const bytes = new TextEncoder().encode(json);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  const b64 = btoa(binary);
  return b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeSkipToken(value: string | null): SkipToken | undefined {
  if (!value) return undefined;
  try {
    const b64 = value.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(b64);
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
    const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { o?: unknown }).o === 'number')
      return parsed as SkipToken;
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * One page of a list plus an absolute nextLink that already carries api-version, the caller's
 * $filter and a $skipToken, as ARM does. Callers must follow it as given.
 */
export function pageOf<T>(
  ctx: Pick<ArmContext, 'url' | 'apiVersion' | 'body'>,
  items: readonly T[],
  pageSize: number,
  serialize: (item: T) => unknown,
  options: { keepBodyInToken?: boolean; nextLinkNullWhenDone?: boolean } = {},
): Record<string, unknown> {
  const token = decodeSkipToken(ctx.url.searchParams.get('$skipToken'));
  if (ctx.url.searchParams.has('$skipToken') && !token) {
    throw new ModelError({
      status: 400,
      code: 'InvalidSkipToken',
      message: 'The $skipToken value is invalid or has expired.',
    });
  }
  const offset = token?.o ?? 0;
  const slice = items.slice(offset, offset + pageSize);
  const result: Record<string, unknown> = { value: slice.map(serialize) };
  if (offset + pageSize < items.length) {
    const next = new URL(ctx.url.pathname, ARM_ORIGIN);
    next.searchParams.set('api-version', ctx.apiVersion);
    const filter = ctx.url.searchParams.get('$filter');
    if (filter) next.searchParams.set('$filter', filter);
    next.searchParams.set(
      '$skipToken',
      // A GET on a nextLink has no body of its own: pass on the one its token carried.
      encodeSkipToken({
        o: offset + pageSize,
        ...(options.keepBodyInToken ? { b: ctx.body ?? token?.b } : {}),
      }),
    );
    result.nextLink = next.toString();
  } else if (options.nextLinkNullWhenDone) {
    result.nextLink = null;
  }
  return result;
}

/** The request body, or for a GET on a POST list's nextLink the body saved in the $skipToken. */
export function effectiveBody(ctx: ArmContext): unknown {
  if (ctx.body !== undefined) return ctx.body;
  return decodeSkipToken(ctx.url.searchParams.get('$skipToken'))?.b;
}
