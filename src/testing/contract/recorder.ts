// Hooks into an msw server and collects every ARM exchange of a test, so the suite can assert at the
// end that each one (the real client's traffic included) matches the spec.

import type { SetupServer } from 'msw/node';
import { formatIssues, type Exchange, type ExchangeResult } from './validation-issues';
import { getContractValidator } from './validator';
import { loadSpec } from './spec-loader';

export interface RecordedExchange extends Exchange {
  result: ExchangeResult;
}

export interface ContractRecorder {
  /** Every exchange so far (waits for pending body reads). */
  exchanges(): Promise<RecordedExchange[]>;
  /** Throws with operationId + JSON path of every mismatch; no-op when the spec is unavailable. */
  assertAllValid(): Promise<void>;
  /** Forgets collected exchanges (e.g. in beforeEach). */
  clear(): void;
  /** Stops listening. */
  dispose(): void;
}

async function readBody(message: Request | Response): Promise<unknown> {
  const text = await message.clone().text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function attachContractRecorder(server: SetupServer): ContractRecorder {
  const requestBodies = new Map<string, Promise<unknown>>();
  let pending: Promise<RecordedExchange | undefined>[] = [];

  const onStart = ({ request, requestId }: { request: Request; requestId: string }) => {
    requestBodies.set(requestId, readBody(request));
  };
  const onMocked = ({
    request,
    requestId,
    response,
  }: {
    request: Request;
    requestId: string;
    response: Response;
  }) => {
    const responseBody = readBody(response);
    const requestBody = requestBodies.get(requestId) ?? Promise.resolve(undefined);
    requestBodies.delete(requestId);
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => (headers[key] = value));
    pending.push(
      Promise.all([requestBody, responseBody]).then(([reqBody, resBody]) => {
        const validator = getContractValidator();
        const exchange: Exchange = {
          method: request.method,
          url: request.url,
          requestBody: reqBody,
          status: response.status,
          responseBody: resBody,
          responseHeaders: headers,
        };
        const result = validator
          ? validator.validateExchange(exchange)
          : { checked: false, operationId: undefined, issues: [], deviationsUsed: [] };
        return { ...exchange, result };
      }),
    );
  };
  server.events.on('request:start', onStart);
  server.events.on('response:mocked', onMocked);

  const exchanges = async () =>
    (await Promise.all(pending)).filter((e): e is RecordedExchange => e !== undefined);
  return {
    exchanges,
    async assertAllValid() {
      if (!loadSpec().available) return;
      const all = await exchanges();
      const problems = all.filter((e) => e.result.issues.length > 0);
      if (problems.length > 0) {
        const text = problems
          .map((e) => `${e.method} ${e.url} -> ${e.status}\n${formatIssues(e.result.issues)}`)
          .join('\n\n');
        throw new Error(`Contract violations in ${problems.length} of ${all.length} exchanges:\n${text}`);
      }
    },
    clear() {
      pending = [];
      requestBodies.clear();
    },
    dispose() {
      server.events.removeListener('request:start', onStart);
      server.events.removeListener('response:mocked', onMocked);
    },
  };
}
