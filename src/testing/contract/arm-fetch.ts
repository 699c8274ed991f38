// Plain-fetch helpers for driving the simulator in contract and handler tests (the real client's
// traffic is validated through attachContractRecorder once the lead hooks it in).

export const ARM = 'https://management.azure.com';
export const API = 'api-version=2025-07-01';

export interface ArmReply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export async function arm<T = Record<string, unknown>>(
  method: string,
  pathOrUrl: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ArmReply<T>> {
  // Paths get DataProtection's api-version unless they name one (Microsoft.Authorization...).
  const url =
    pathOrUrl.startsWith('http') || /[?&]api-version=/.test(pathOrUrl)
      ? `${pathOrUrl.startsWith('http') ? '' : ARM}${pathOrUrl}`
      : `${ARM}${pathOrUrl}${pathOrUrl.includes('?') ? '&' : '?'}${API}`;
  const res = await fetch(url, {
    method,
    headers: {
      authorization: 'Bearer demo-token',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as T };
}

/** Follows nextLink (re-POSTing the body for POST list operations) and returns every item. */
export async function armListAll<T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let pages = 0;
  let next: string | undefined = path;
  while (next) {
    const reply: ArmReply<{ value: T[]; nextLink?: string | null }> = await arm(method, next, body);
    if (reply.status !== 200)
      throw new Error(`${method} ${next} -> ${reply.status} ${JSON.stringify(reply.body)}`);
    items.push(...reply.body.value);
    pages++;
    next = reply.body.nextLink ?? undefined;
  }
  return { items, pages };
}
