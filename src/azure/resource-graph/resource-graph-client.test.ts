import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ArmError } from '../arm-error';
import { ARM, installMswServer, makeTestClient } from '../test-utils';
import {
  RESOURCE_GRAPH_API_VERSION,
  ResourceGraphClient,
  readQuota,
  subscriptionBatches,
  type ResourceGraphPage,
} from './resource-graph-client';

const server = installMswServer();
const URL_RG = `${ARM}/providers/Microsoft.ResourceGraph/resources`;
const SUBS = ['11111111-0000-0000-0000-000000000001', '11111111-0000-0000-0000-000000000002'];

interface SeenRequest {
  url: string;
  method: string;
  body: {
    subscriptions: string[];
    query: string;
    options: { resultFormat: string; $top: number; $skipToken?: string };
  };
}

/** Serves `pages` in order for one query, recording each request and answering with `headers[i]`. */
function servePages(
  pages: { data: unknown[]; totalRecords: number; $skipToken?: string; resultTruncated?: string }[],
  headers: Record<string, string>[] = [],
  events: string[] = [],
): SeenRequest[] {
  const seen: SeenRequest[] = [];
  server.use(
    http.post(URL_RG, async ({ request }) => {
      const body = (await request.json()) as SeenRequest['body'];
      const index = seen.length;
      seen.push({ url: request.url, method: request.method, body });
      events.push(`request ${index + 1}`);
      const page = pages[index];
      if (!page)
        return HttpResponse.json({ error: { code: 'TooMany', message: 'unexpected' } }, { status: 500 });
      return HttpResponse.json(
        {
          totalRecords: page.totalRecords,
          count: page.data.length,
          data: page.data,
          facets: [],
          resultTruncated: page.resultTruncated ?? 'false',
          ...(page.$skipToken ? { $skipToken: page.$skipToken } : {}),
        },
        { headers: headers[index] ?? {} },
      );
    }),
  );
  return seen;
}

async function collect<T>(iterable: AsyncIterable<ResourceGraphPage<T>>): Promise<ResourceGraphPage<T>[]> {
  const out: ResourceGraphPage<T>[] = [];
  for await (const page of iterable) out.push(page);
  return out;
}

describe('ResourceGraphClient', () => {
  it('POSTs the query with objectArray and $top 1000, then re-POSTs $skipToken until none comes back', async () => {
    const seen = servePages([
      { data: [{ id: 'a' }, { id: 'b' }], totalRecords: 5, $skipToken: 'token-1' },
      { data: [{ id: 'c' }, { id: 'd' }], totalRecords: 5, $skipToken: 'token-2' },
      { data: [{ id: 'e' }], totalRecords: 5 },
    ]);
    const { client } = makeTestClient();
    const pages = await collect(
      new ResourceGraphClient(client).queryPages({ query: 'RecoveryServicesResources', subscriptions: SUBS }),
    );
    expect(pages.map((p) => p.rows)).toEqual([
      [{ id: 'a' }, { id: 'b' }],
      [{ id: 'c' }, { id: 'd' }],
      [{ id: 'e' }],
    ]);
    expect(pages.map((p) => [p.totalRecords, p.count, p.firstOfBatch, p.last])).toEqual([
      [5, 2, true, false],
      [5, 2, false, false],
      [5, 1, false, true],
    ]);
    expect(seen.map((s) => [s.method, s.url])).toEqual(
      Array.from({ length: 3 }, () => ['POST', `${URL_RG}?api-version=${RESOURCE_GRAPH_API_VERSION}`]),
    );
    expect(seen[0]?.body).toEqual({
      subscriptions: SUBS,
      query: 'RecoveryServicesResources',
      options: { resultFormat: 'objectArray', $top: 1000 },
    });
    expect(seen.map((s) => s.body.options.$skipToken)).toEqual([undefined, 'token-1', 'token-2']);
    expect(seen.every((s) => s.body.query === 'RecoveryServicesResources')).toBe(true);
  });

  it('waits for the quota window to reset before the next page when none is left, without real waiting', async () => {
    const events: string[] = [];
    servePages(
      [
        { data: [{ id: 'a' }], totalRecords: 3, $skipToken: 't1' },
        { data: [{ id: 'b' }], totalRecords: 3, $skipToken: 't2' },
        { data: [{ id: 'c' }], totalRecords: 3 },
      ],
      [
        { 'x-ms-user-quota-remaining': '1', 'x-ms-user-quota-resets-after': '00:00:04' },
        { 'x-ms-user-quota-remaining': '0', 'x-ms-user-quota-resets-after': '00:00:03.5' },
        { 'x-ms-user-quota-remaining': '0', 'x-ms-user-quota-resets-after': '00:00:05' },
      ],
      events,
    );
    // A fake clock: sleeping only records the wait and moves simulated time.
    let simulatedNow = 0;
    const { client } = makeTestClient({
      sleep: (ms) => {
        events.push(`wait ${ms}`);
        simulatedNow += ms;
        return Promise.resolve();
      },
    });
    const pages = await collect(
      new ResourceGraphClient(client).queryPages({ query: 'Q', subscriptions: SUBS }),
    );
    expect(pages.map((p) => p.quota)).toEqual([
      { remaining: 1, resetsAfterMs: 4000 },
      { remaining: 0, resetsAfterMs: 3500 },
      { remaining: 0, resetsAfterMs: 5000 },
    ]);
    // The wait sits between the page that spent the quota and the next request; none after the last.
    expect(events).toEqual(['request 1', 'request 2', 'wait 3500', 'request 3']);
    expect(simulatedNow).toBe(3500);
  });

  it('splits more than 1,000 subscriptions into batches, each paged and totalled on its own', async () => {
    const many = Array.from(
      { length: 2500 },
      (_, i) => `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
    );
    const seen = servePages([
      { data: [{ id: 'a' }], totalRecords: 2, $skipToken: 'x' },
      { data: [{ id: 'b' }], totalRecords: 2 },
      { data: [{ id: 'c' }], totalRecords: 1 },
      { data: [], totalRecords: 0 },
    ]);
    const { client } = makeTestClient();
    const result = await new ResourceGraphClient(client).queryAll({ query: 'Q', subscriptions: many });
    expect(seen.map((s) => s.body.subscriptions.length)).toEqual([1000, 1000, 1000, 500]);
    expect(seen[2]?.body.subscriptions[0]).toBe(many[1000]);
    expect(seen[3]?.body.subscriptions.at(-1)).toBe(many[2499]);
    expect(seen.map((s) => s.body.options.$skipToken)).toEqual([undefined, 'x', undefined, undefined]);
    expect(result).toEqual({
      rows: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      totalRecords: 3,
      truncated: false,
    });
  });

  it('queries nothing for an empty scope (never the whole tenant by accident)', async () => {
    const seen = servePages([]);
    const { client } = makeTestClient();
    expect(await new ResourceGraphClient(client).queryAll({ query: 'Q', subscriptions: [] })).toEqual({
      rows: [],
      totalRecords: 0,
      truncated: false,
    });
    expect(seen).toHaveLength(0);
  });

  it('reports a truncated result that cannot be paged on', async () => {
    servePages([{ data: [{ vaultId: 'v' }], totalRecords: 1500, resultTruncated: 'true' }]);
    const { client } = makeTestClient();
    const result = await new ResourceGraphClient(client).queryAll({ query: 'Q', subscriptions: SUBS });
    expect(result.truncated).toBe(true);
    expect(result.totalRecords).toBe(1500);
  });

  it('refuses a page that repeats its $skipToken instead of looping', async () => {
    servePages([
      { data: [{ id: 'a' }], totalRecords: 9, $skipToken: 'same' },
      { data: [{ id: 'b' }], totalRecords: 9, $skipToken: 'same' },
    ]);
    const { client } = makeTestClient();
    const error = await new ResourceGraphClient(client)
      .queryAll({ query: 'Q', subscriptions: SUBS })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArmError);
    expect((error as ArmError).code).toBe('InvalidResponse');
  });

  it('refuses an answer whose data is not an object array', async () => {
    server.use(
      http.post(URL_RG, () =>
        HttpResponse.json({
          totalRecords: 1,
          count: 1,
          resultTruncated: 'false',
          data: { columns: [], rows: [] },
        }),
      ),
    );
    const { client } = makeTestClient();
    const error = (await new ResourceGraphClient(client)
      .queryAll({ query: 'Q', subscriptions: SUBS })
      .catch((e: unknown) => e)) as ArmError;
    expect([error.code, error.status]).toEqual(['InvalidResponse', 200]);
  });

  it('is retried on 429 like any read (the pipeline honours Retry-After) and never on 400', async () => {
    let calls = 0;
    server.use(
      http.post(URL_RG, () => {
        calls++;
        if (calls === 1)
          return HttpResponse.json(
            { error: { code: 'RateLimiting', message: 'Please provide below info when asking for support' } },
            { status: 429, headers: { 'retry-after': '2' } },
          );
        return HttpResponse.json({ totalRecords: 0, count: 0, data: [], resultTruncated: 'false' });
      }),
    );
    const { client, sleeps } = makeTestClient();
    await new ResourceGraphClient(client).queryAll({ query: 'Q', subscriptions: SUBS });
    expect(calls).toBe(2);
    expect(sleeps).toEqual([2000]);

    calls = 0;
    server.use(
      http.post(URL_RG, () => {
        calls++;
        return HttpResponse.json(
          {
            error: {
              code: 'BadRequest',
              message: 'Query is invalid.',
              details: [{ code: 'InvalidQuery', message: 'x' }],
            },
          },
          { status: 400, headers: { 'x-ms-request-id': 'rg-req' } },
        );
      }),
    );
    const error = (await new ResourceGraphClient(client)
      .queryAll({ query: 'Q', subscriptions: SUBS })
      .catch((e: unknown) => e)) as ArmError;
    expect(calls).toBe(1);
    expect([error.status, error.code, error.requestId, error.details[0]?.code]).toEqual([
      400,
      'BadRequest',
      'rg-req',
      'InvalidQuery',
    ]);
  });
});

describe('subscriptionBatches / readQuota', () => {
  it('drops duplicates in any casing and empty ids', () => {
    expect(subscriptionBatches(['A', 'a', ' ', 'b'], 1)).toEqual([['A'], ['b']]);
  });
  it('reads the quota headers, leaving unreadable values undefined', () => {
    expect(
      readQuota({ 'x-ms-user-quota-remaining': '14', 'x-ms-user-quota-resets-after': '00:00:05' }),
    ).toEqual({
      remaining: 14,
      resetsAfterMs: 5000,
    });
    expect(readQuota({ 'x-ms-user-quota-remaining': 'lots' })).toEqual({
      remaining: undefined,
      resetsAfterMs: undefined,
    });
  });
});
