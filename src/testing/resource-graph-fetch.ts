// Plain-fetch Resource Graph queries against the simulator (handler and contract tests), so the
// simulator is exercised without the app's client.

import { ARM, type ArmReply } from './contract/arm-fetch';

export const RESOURCE_GRAPH_URL = `${ARM}/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01`;

export interface QueryResponseBody {
  totalRecords: number;
  count: number;
  data: Record<string, unknown>[];
  facets: unknown[];
  resultTruncated: 'true' | 'false';
  $skipToken?: string;
}

/** One POST of a query (subscriptions omitted when undefined). */
export async function rgQuery<T = QueryResponseBody>(
  query: string,
  subscriptions: readonly string[] | undefined,
  options: Record<string, unknown> = { resultFormat: 'objectArray', $top: 1000 },
): Promise<ArmReply<T>> {
  const res = await fetch(RESOURCE_GRAPH_URL, {
    method: 'POST',
    headers: { authorization: 'Bearer demo-token', 'content-type': 'application/json' },
    body: JSON.stringify({ ...(subscriptions ? { subscriptions } : {}), query, options }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as T };
}

/** Every page of a query, re-POSTing `$skipToken`. */
export async function rgQueryAll(
  query: string,
  subscriptions: readonly string[],
  top = 1000,
): Promise<{ rows: Record<string, unknown>[]; pages: number; totals: number[] }> {
  const rows: Record<string, unknown>[] = [];
  const totals: number[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const reply = await rgQuery(query, subscriptions, {
      resultFormat: 'objectArray',
      $top: top,
      ...(token ? { $skipToken: token } : {}),
    });
    if (reply.status !== 200)
      throw new Error(`Resource Graph answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    rows.push(...reply.body.data);
    totals.push(reply.body.totalRecords);
    token = reply.body.$skipToken;
    pages++;
  } while (token);
  return { rows, pages, totals };
}
