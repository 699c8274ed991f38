import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ArmError } from './arm-error';
import { shouldRetryQuery } from './query-client';
import { isPipelineRetriableStatus, kindOfStatus, RETRY_RULES, type ArmErrorKind } from './retry-rules';
import { ARM, SUB, errorOfKind, installMswServer, makeTestClient } from './test-utils';

const server = installMswServer();

describe('RETRY_RULES: one table read by the pipeline, the query layer and the UI', () => {
  it('lets the pipeline repeat exactly 408, 429 and 5xx', () => {
    const statuses = [400, 401, 403, 404, 405, 408, 409, 412, 429, 500, 502, 503, 504];
    expect(statuses.filter(isPipelineRetriableStatus)).toEqual([408, 429, 500, 502, 503, 504]);
  });

  it('never lets anyone retry 400, 401, 403 or 404, and leaves 409 to the user', () => {
    for (const status of [400, 401, 403, 404]) {
      expect(RETRY_RULES[kindOfStatus(status)]).toEqual({ pipeline: false, queryLayer: false, user: false });
    }
    expect(RETRY_RULES[kindOfStatus(409)]).toEqual({ pipeline: false, queryLayer: false, user: true });
  });

  it.each(Object.keys(RETRY_RULES) as ArmErrorKind[])('the query layer follows the table for %s', (kind) => {
    const error = errorOfKind(kind);
    expect(error.kind).toBe(kind);
    expect(shouldRetryQuery(0, error)).toBe(RETRY_RULES[kind].queryLayer);
    expect(shouldRetryQuery(1, error)).toBe(false);
  });

  it('the pipeline does not repeat a 409 read but repeats a 408 read', async () => {
    const path = `/subscriptions/${SUB}/providers/Microsoft.DataProtection/backupVaults`;
    const seen: number[] = [];
    let answer = 409;
    server.use(
      http.get(`${ARM}${path}`, () => {
        seen.push(answer);
        return HttpResponse.json({ error: { code: 'X', message: 'x' } }, { status: answer });
      }),
    );
    const { client } = makeTestClient({ retry: { maxRetries: 2 } });
    await expect(client.request({ path })).rejects.toBeInstanceOf(ArmError);
    expect(seen).toEqual([409]);
    seen.length = 0;
    answer = 408;
    await expect(client.request({ path })).rejects.toBeInstanceOf(ArmError);
    expect(seen).toEqual([408, 408, 408]);
  });
});
