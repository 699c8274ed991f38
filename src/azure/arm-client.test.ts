import { delay, http, HttpResponse } from 'msw';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { describe, expect, it } from 'vitest';
import { ArmError } from './arm-error';
import { ARM, SUB, makeTestClient, installMswServer } from './test-utils';

const server = installMswServer();
const VAULT_PATH = `/subscriptions/${SUB}/resourceGroups/rg1/providers/Microsoft.DataProtection/backupVaults/v1`;

describe('ArmClient.request', () => {
  it('adds api-version to paths, sends the bearer token and parses JSON', async () => {
    let seen: { url: string; auth: string | null } | undefined;
    server.use(
      http.get(`${ARM}${VAULT_PATH}`, ({ request }) => {
        seen = { url: request.url, auth: request.headers.get('authorization') };
        return HttpResponse.json({
          id: 'x',
          name: 'v1',
          location: 'eastus',
          properties: { storageSettings: [] },
        });
      }),
    );
    const { client } = makeTestClient();
    const vault = await client.request<{ name: string }>({
      path: VAULT_PATH,
      apiVersion: '2025-07-01',
      query: { $filter: "a eq 'b c'" },
    });
    expect(vault.name).toBe('v1');
    expect(seen?.url).toBe(`${ARM}${VAULT_PATH}?api-version=2025-07-01&$filter=a%20eq%20%27b%20c%27`);
    expect(seen?.auth).toBe('Bearer demo-token-1');
  });

  it('parses ARM errors with request ids', async () => {
    server.use(
      http.get(`${ARM}${VAULT_PATH}`, () =>
        HttpResponse.json(
          {
            error: {
              code: 'ResourceNotFound',
              message: 'Vault v1 not found',
              target: 'v1',
              details: [{ code: 'Inner', message: 'inner message', details: null }],
              additionalInfo: [{ type: 'UserFacingError', info: { recommendedAction: ['Check the name'] } }],
            },
          },
          { status: 404, headers: { 'x-ms-request-id': 'req-1', 'x-ms-correlation-request-id': 'corr-1' } },
        ),
      ),
    );
    const { client } = makeTestClient();
    const error = await client.request({ path: VAULT_PATH }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArmError);
    const e = error as ArmError;
    expect([e.status, e.code, e.message, e.target]).toEqual([
      404,
      'ResourceNotFound',
      'Vault v1 not found',
      'v1',
    ]);
    expect([e.requestId, e.correlationRequestId]).toEqual(['req-1', 'corr-1']);
    expect(e.details[0]?.code).toBe('Inner');
    expect(e.recommendedActions).toEqual(['Check the name']);
    expect(e.isNotFound && e.kind === 'notFound').toBe(true);
  });

  it('turns malformed JSON into InvalidResponse, on success and on error statuses', async () => {
    server.use(
      http.get(
        `${ARM}${VAULT_PATH}`,
        () => new HttpResponse('{"id": "x", ', { status: 200, headers: { 'x-ms-request-id': 'r2' } }),
      ),
      http.get(
        `${ARM}${VAULT_PATH}/x`,
        () => new HttpResponse('<html><h1>Bad gateway</h1></html>', { status: 400 }),
      ),
    );
    const { client } = makeTestClient();
    const ok = (await client.request({ path: VAULT_PATH }).catch((e: unknown) => e)) as ArmError;
    expect(ok).toBeInstanceOf(ArmError);
    expect([ok.code, ok.status, ok.requestId, ok.kind]).toEqual([
      'InvalidResponse',
      200,
      'r2',
      'invalidResponse',
    ]);
    const bad = (await client.request({ path: `${VAULT_PATH}/x` }).catch((e: unknown) => e)) as ArmError;
    expect([bad.code, bad.status]).toEqual(['BadRequest', 400]);
    expect(bad.message).toContain('Bad gateway');
  });

  it('rejects an empty GET body instead of returning undefined', async () => {
    server.use(http.get(`${ARM}${VAULT_PATH}`, () => new HttpResponse(null, { status: 200 })));
    const { client } = makeTestClient();
    await expect(client.request({ path: VAULT_PATH })).rejects.toMatchObject({ code: 'InvalidResponse' });
  });

  it('turns a network failure into NetworkError after retrying a GET 3 times', async () => {
    let calls = 0;
    server.use(
      http.get(`${ARM}${VAULT_PATH}`, () => {
        calls++;
        return HttpResponse.error();
      }),
    );
    const { client, sleeps } = makeTestClient();
    const e = (await client.request({ path: VAULT_PATH }).catch((x: unknown) => x)) as ArmError;
    expect(e).toBeInstanceOf(ArmError);
    expect([e.code, e.status, e.isNetwork]).toEqual(['NetworkError', 0, true]);
    expect(calls).toBe(4);
    expect(sleeps).toEqual([800, 1600, 3200]);
  });

  it('surfaces an aborted request as RequestAborted', async () => {
    server.use(
      http.get(`${ARM}${VAULT_PATH}`, async () => {
        await delay(200);
        return HttpResponse.json({});
      }),
    );
    const { client } = makeTestClient();
    const controller = new AbortController();
    const p = client.request({ path: VAULT_PATH, signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(p).rejects.toMatchObject({ code: 'RequestAborted', isAborted: true });
  });
});

describe('retry rules', () => {
  it('retries 429 after Retry-After seconds, then succeeds', async () => {
    let calls = 0;
    server.use(
      http.get(`${ARM}${VAULT_PATH}`, () => {
        calls++;
        return calls === 1
          ? HttpResponse.json(
              { error: { code: 'TooManyRequests', message: 'slow down' } },
              { status: 429, headers: { 'retry-after': '7' } },
            )
          : HttpResponse.json({ name: 'v1' });
      }),
    );
    const { client, sleeps } = makeTestClient();
    await expect(client.request({ path: VAULT_PATH })).resolves.toEqual({ name: 'v1' });
    expect(calls).toBe(2);
    expect(sleeps).toEqual([7000]);
  });

  it('honours Retry-After as an HTTP date on 503', async () => {
    let calls = 0;
    const now = Date.parse('2025-01-01T00:00:00Z');
    server.use(
      http.get(`${ARM}${VAULT_PATH}`, () => {
        calls++;
        return calls === 1
          ? new HttpResponse(null, {
              status: 503,
              headers: { 'retry-after': new Date(now + 4000).toUTCString() },
            })
          : HttpResponse.json({ name: 'v1' });
      }),
    );
    const { client, sleeps } = makeTestClient({ now: () => now });
    await client.request({ path: VAULT_PATH });
    expect(calls).toBe(2);
    expect(sleeps).toEqual([4000]);
  });

  it('retries 5xx on GET at most 3 times with exponential backoff', async () => {
    let calls = 0;
    server.use(
      http.get(`${ARM}${VAULT_PATH}`, () => {
        calls++;
        return HttpResponse.json(
          { error: { code: 'InternalServerError', message: 'boom' } },
          { status: 500 },
        );
      }),
    );
    const { client, sleeps } = makeTestClient();
    const e = (await client.request({ path: VAULT_PATH }).catch((x: unknown) => x)) as ArmError;
    expect([e.status, e.code, e.isServer]).toEqual([500, 'InternalServerError', true]);
    expect(calls).toBe(4);
    expect(sleeps).toEqual([800, 1600, 3200]);
  });

  it('does not wait for a Retry-After longer than the limit', async () => {
    let calls = 0;
    server.use(
      http.get(`${ARM}${VAULT_PATH}`, () => {
        calls++;
        return new HttpResponse(null, { status: 429, headers: { 'retry-after': '3600' } });
      }),
    );
    const { client, sleeps } = makeTestClient();
    const e = (await client.request({ path: VAULT_PATH }).catch((x: unknown) => x)) as ArmError;
    expect([e.isThrottled, e.retryAfterMs, calls, sleeps.length]).toEqual([true, 3_600_000, 1, 0]);
  });

  it.each([
    ['PATCH', VAULT_PATH],
    [
      'POST',
      `/subscriptions/${SUB}/resourceGroups/rg1/providers/Microsoft.DataProtection/locations/westus/crossRegionRestore`,
    ],
    [
      'POST',
      `/subscriptions/${SUB}/resourceGroups/rg1/providers/Microsoft.DataProtection/locations/westus/validateCrossRegionRestore`,
    ],
  ] as const)('never retries %s %s on 503/429', async (method, path) => {
    let calls = 0;
    const handler = () => {
      calls++;
      return new HttpResponse(null, { status: calls === 1 ? 503 : 429, headers: { 'retry-after': '1' } });
    };
    server.use(
      method === 'PATCH' ? http.patch(`${ARM}${path}`, handler) : http.post(`${ARM}${path}`, handler),
    );
    const { client, sleeps } = makeTestClient();
    const e = (await client.send({ method, path, body: {} }).catch((x: unknown) => x)) as ArmError;
    expect(e.status).toBe(503);
    expect(calls).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('retries the read-only POST fetchSecondaryRecoveryPoints on 503', async () => {
    let calls = 0;
    const path = `/subscriptions/${SUB}/resourceGroups/rg1/providers/Microsoft.DataProtection/locations/westus/fetchSecondaryRecoveryPoints`;
    server.use(
      http.post(`${ARM}${path}`, () => {
        calls++;
        return calls < 3
          ? new HttpResponse(null, { status: 503 })
          : HttpResponse.json({ value: [{ name: 'rp' }] });
      }),
    );
    const { client, sleeps } = makeTestClient();
    await expect(client.listAll({ method: 'POST', path, body: {} })).resolves.toEqual([{ name: 'rp' }]);
    expect([calls, sleeps]).toEqual([3, [800, 1600]]);
  });

  it.each([400, 403, 404, 409])('does not retry %i', async (status) => {
    let calls = 0;
    server.use(
      http.get(`${ARM}${VAULT_PATH}`, () => {
        calls++;
        return HttpResponse.json({ error: { code: `E${status}`, message: 'no' } }, { status });
      }),
    );
    const { client, credential, sleeps } = makeTestClient();
    const e = (await client.request({ path: VAULT_PATH }).catch((x: unknown) => x)) as ArmError;
    expect([e.status, e.code, calls, sleeps.length, credential.getTokenCalls]).toEqual([
      status,
      `E${status}`,
      1,
      0,
      1,
    ]);
  });
});

describe('authentication', () => {
  it('on 401 refreshes the token once (bypassing the cache) and retries once', async () => {
    const auths: (string | null)[] = [];
    server.use(
      http.get(`${ARM}${VAULT_PATH}`, ({ request }) => {
        auths.push(request.headers.get('authorization'));
        return auths.length === 1
          ? HttpResponse.json(
              { error: { code: 'InvalidAuthenticationToken', message: 'expired' } },
              { status: 401 },
            )
          : HttpResponse.json({ name: 'v1' });
      }),
    );
    const { client, credential } = makeTestClient();
    await expect(client.request({ path: VAULT_PATH })).resolves.toEqual({ name: 'v1' });
    expect(auths).toEqual(['Bearer demo-token-1', 'Bearer demo-token-2']);
    expect([credential.getTokenCalls, credential.forcedRefreshCalls]).toEqual([2, 1]);
  });

  it('requests refused together with the same token share one forced refresh', async () => {
    const auths: string[] = [];
    server.use(
      http.get(`${ARM}${VAULT_PATH}`, ({ request }) => {
        const auth = request.headers.get('authorization') ?? '';
        auths.push(auth);
        return auth === 'Bearer demo-token-1'
          ? HttpResponse.json(
              { error: { code: 'InvalidAuthenticationToken', message: 'expired' } },
              { status: 401 },
            )
          : HttpResponse.json({ name: 'v1' });
      }),
    );
    const { client, credential } = makeTestClient();
    await expect(
      Promise.all([
        client.request({ path: VAULT_PATH }),
        client.request({ path: VAULT_PATH }),
        client.request({ path: VAULT_PATH }),
      ]),
    ).resolves.toEqual([{ name: 'v1' }, { name: 'v1' }, { name: 'v1' }]);
    expect(auths.filter((a) => a === 'Bearer demo-token-1')).toHaveLength(3);
    expect(auths.filter((a) => a === 'Bearer demo-token-2')).toHaveLength(3);
    expect([credential.getTokenCalls, credential.forcedRefreshCalls]).toEqual([2, 1]);
  });

  it('a second 401 surfaces as ArmError without a third attempt', async () => {
    let calls = 0;
    server.use(
      http.get(`${ARM}${VAULT_PATH}`, () => {
        calls++;
        return HttpResponse.json(
          { error: { code: 'InvalidAuthenticationToken', message: 'nope' } },
          { status: 401 },
        );
      }),
    );
    const { client, credential } = makeTestClient();
    const e = (await client.request({ path: VAULT_PATH }).catch((x: unknown) => x)) as ArmError;
    expect([e.isAuth, e.code, calls, credential.getTokenCalls]).toEqual([
      true,
      'InvalidAuthenticationToken',
      2,
      2,
    ]);
  });

  it('caches the token across requests', async () => {
    server.use(http.get(`${ARM}${VAULT_PATH}`, () => HttpResponse.json({ name: 'v1' })));
    const { client, credential } = makeTestClient();
    await Promise.all([client.request({ path: VAULT_PATH }), client.request({ path: VAULT_PATH })]);
    await client.request({ path: VAULT_PATH });
    expect(credential.getTokenCalls).toBe(1);
    expect(credential.lastScopes).toEqual(['https://management.azure.com/user_impersonation']);
  });

  it('cancelling one request does not fail the others waiting for the same token', async () => {
    server.use(http.get(`${ARM}${VAULT_PATH}`, () => HttpResponse.json({ name: 'v1' })));
    let release: (token: AccessToken) => void = () => {};
    const seenOptions: (GetTokenOptions | undefined)[] = [];
    const credential: TokenCredential = {
      // Like MSAL, the fetch gives up when the signal it was handed aborts.
      getToken: (_scopes, options) => {
        seenOptions.push(options);
        return new Promise<AccessToken>((resolve, reject) => {
          release = resolve;
          options?.abortSignal?.addEventListener('abort', () => reject(new Error('token fetch aborted')));
        });
      },
    };
    const { client } = makeTestClient({ credential });
    const leaving = new AbortController();
    const first = client.request({ path: VAULT_PATH, signal: leaving.signal });
    const second = client.request({ path: VAULT_PATH });
    leaving.abort();
    await expect(first).rejects.toMatchObject({ code: 'RequestAborted' });
    release({ token: 'shared', expiresOnTimestamp: Date.now() + 3_600_000 });
    await expect(second).resolves.toEqual({ name: 'v1' });
    // One shared fetch, which carries no single request's signal.
    expect(seenOptions).toHaveLength(1);
    expect(seenOptions[0]?.abortSignal).toBeUndefined();
  });

  it('never sends the token to another origin (e.g. a foreign nextLink)', async () => {
    const auths: Record<string, string | null> = {};
    server.use(
      http.get(
        `${ARM}/subscriptions/${SUB}/providers/Microsoft.DataProtection/backupVaults`,
        ({ request }) => {
          auths['arm'] = request.headers.get('authorization');
          return HttpResponse.json({
            value: [{ name: 'a' }],
            nextLink: 'https://evil.example.com/page2?x=1',
          });
        },
      ),
      http.get('https://evil.example.com/page2', ({ request }) => {
        auths['evil'] = request.headers.get('authorization');
        return HttpResponse.json({ value: [{ name: 'b' }] });
      }),
      http.get('https://management.azure.com.evil.example.com/x', ({ request }) => {
        auths['lookalike'] = request.headers.get('authorization');
        return HttpResponse.json({ ok: true });
      }),
    );
    const { client } = makeTestClient();
    const items = await client.listAll<{ name: string }>({
      path: `/subscriptions/${SUB}/providers/Microsoft.DataProtection/backupVaults`,
    });
    await client.request({
      url: 'https://management.azure.com.evil.example.com/x',
      headers: { authorization: 'Bearer leaked' },
    });
    expect(items.map((i) => i.name)).toEqual(['a', 'b']);
    expect(auths).toEqual({ arm: 'Bearer demo-token-1', evil: null, lookalike: null });
  });
});

describe('paging', () => {
  const listPath = `/subscriptions/${SUB}/providers/Microsoft.DataProtection/backupVaults`;
  const page2 = `${ARM}${listPath}?api-version=2025-07-01&$skipToken=abc%3D%3D&top=2`;
  const page3 = `${ARM}/subscriptions/${SUB}/providers/Microsoft.DataProtection/backupVaults?api-version=2025-07-01&$skipToken=def`;

  it('follows nextLink exactly as given across 3 pages, lazily', async () => {
    const requested: string[] = [];
    server.use(
      http.get(`${ARM}${listPath}`, ({ request }) => {
        requested.push(request.url);
        const token = new URL(request.url).searchParams.get('$skipToken');
        if (token === null) return HttpResponse.json({ value: [{ n: 1 }, { n: 2 }], nextLink: page2 });
        if (token === 'abc==') return HttpResponse.json({ value: [{ n: 3 }], nextLink: page3 });
        return HttpResponse.json({ value: [{ n: 4 }], nextLink: null });
      }),
    );
    const { client } = makeTestClient();
    const pages = client.listPages<{ n: number }>({ path: listPath, apiVersion: '2025-07-01' });
    const first = await pages.next();
    expect(first.value).toEqual([{ n: 1 }, { n: 2 }]);
    expect(requested).toHaveLength(1);
    const rest: number[] = [];
    for await (const page of pages) rest.push(...page.map((i) => i.n));
    expect(rest).toEqual([3, 4]);
    expect(requested).toEqual([`${ARM}${listPath}?api-version=2025-07-01`, page2, page3]);
  });

  it('listAll and the SDK-style iterator never stop at one page', async () => {
    server.use(
      http.get(`${ARM}${listPath}`, ({ request }) => {
        const token = new URL(request.url).searchParams.get('$skipToken');
        if (token === null) return HttpResponse.json({ value: [{ n: 1 }], nextLink: page2 });
        if (token === 'abc==') return HttpResponse.json({ value: [{ n: 2 }], nextLink: page3 });
        return HttpResponse.json({ value: [{ n: 3 }] });
      }),
    );
    const { client } = makeTestClient();
    expect((await client.listAll<{ n: number }>({ path: listPath })).map((i) => i.n)).toEqual([1, 2, 3]);
    const seen: number[] = [];
    for await (const item of client.list<{ n: number }>({ path: listPath })) seen.push(item.n);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('rejects a page whose value is not an array', async () => {
    server.use(http.get(`${ARM}${listPath}`, () => HttpResponse.json({ value: 'oops' })));
    const { client } = makeTestClient();
    await expect(client.listAll({ path: listPath })).rejects.toMatchObject({ code: 'InvalidResponse' });
  });
});
