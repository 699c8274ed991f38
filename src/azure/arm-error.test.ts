import { describe, expect, it } from 'vitest';
import { ArmError, errorContextOf } from './arm-error';

const ctx = { status: 400, requestId: 'r', correlationRequestId: 'c' };

describe('ArmError parsing', () => {
  it('reads a bare {code,message} body', () => {
    const e = ArmError.fromResponse(ctx, JSON.stringify({ code: 'BadThing', message: 'bad' }));
    expect([e.code, e.message, e.kind]).toEqual(['BadThing', 'bad', 'badRequest']);
  });
  it('reads OData and OAuth style bodies', () => {
    expect(
      ArmError.fromResponse(
        ctx,
        JSON.stringify({ 'odata.error': { code: 'O', message: { lang: 'en', value: 'odata msg' } } }),
      ).message,
    ).toBe('odata msg');
    const oauth = ArmError.fromResponse(
      { ...ctx, status: 401 },
      JSON.stringify({ error: 'invalid_token', error_description: 'expired' }),
    );
    expect([oauth.code, oauth.message, oauth.isAuth]).toEqual(['invalid_token', 'expired', true]);
  });
  it('derives a code from the status for empty or foreign bodies', () => {
    expect(ArmError.fromResponse({ status: 503 }, '').code).toBe('ServiceUnavailable');
    expect(ArmError.fromResponse({ status: 418 }, 'teapot').code).toBe('HttpError418');
    expect(ArmError.fromResponse({ status: 502 }, '{"truncated": ').message).toContain('HTTP 502');
  });
  it('classifies kinds', () => {
    const kinds = [401, 403, 404, 409, 429, 500, 504].map(
      (status) => ArmError.fromResponse({ status }, '').kind,
    );
    expect(kinds).toEqual(['auth', 'forbidden', 'notFound', 'conflict', 'throttled', 'server', 'server']);
    expect(ArmError.network({}, new Error('ECONNRESET')).kind).toBe('network');
  });
});

describe('errorContextOf', () => {
  it('keeps the request and correlation ids and Retry-After of any response', () => {
    expect(
      errorContextOf(
        {
          status: 429,
          headers: {
            'x-ms-request-id': 'req-9',
            'x-ms-correlation-request-id': 'corr-9',
            'retry-after': '7',
          },
          method: 'POST',
          url: 'https://management.azure.com/x',
        },
        () => 0,
      ),
    ).toEqual({
      status: 429,
      requestId: 'req-9',
      correlationRequestId: 'corr-9',
      retryAfterMs: 7000,
      method: 'POST',
      url: 'https://management.azure.com/x',
    });
  });
});
