// @vitest-environment node
// The spec's own examples and the real ARM recordings, checked against the 2025-07-01
// DataProtection spec and the 2022-04-01 Authorization spec: the validator accepts what Azure
// documents and sends, and every known deviation is backed by a recording. Without
// ../shared/azure-spec it reports itself skipped.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_OPERATIONS, CONTRACT_TITLE, specAvailability, specSuite } from './contract-suite';
import { EXAMPLE_DEFECTS, KNOWN_DEVIATIONS } from './known-deviations';
import { recordingsDir } from './spec-loader';
import { formatIssues, type ValidationIssue } from './validation-issues';
import { getContractValidator } from './validator';

specSuite(CONTRACT_TITLE, () => {
  describe("the spec's own examples validate", () => {
    const validator = getContractValidator();
    const spec = specAvailability.available ? specAvailability.spec : undefined;
    for (const operationId of APP_OPERATIONS) {
      it(operationId, () => {
        const op = validator?.operationById(operationId);
        expect(op, `${operationId} is in the spec`).toBeDefined();
        if (!op || !spec || !validator) return;
        const examples = (op.operation['x-ms-examples'] ?? {}) as Record<string, { $ref: string }>;
        expect(Object.keys(examples).length).toBeGreaterThan(0);
        const problems: ValidationIssue[] = [];
        for (const ref of Object.values(examples)) {
          const file = ref.$ref.replace(/^\.\//, '');
          const example = JSON.parse(readFileSync(path.resolve(path.dirname(op.file), ref.$ref), 'utf8')) as {
            parameters: Record<string, unknown>;
            responses: Record<string, { body?: unknown }>;
          };
          const allowed = EXAMPLE_DEFECTS.filter((d) => d.example === file).map((d) => d.path);
          const bodyParam = op.parameters.find((p) => p.in === 'body');
          if (
            bodyParam &&
            typeof bodyParam.name === 'string' &&
            example.parameters[bodyParam.name] !== undefined
          ) {
            problems.push(
              ...validator
                .validateRequestBody(operationId, example.parameters[bodyParam.name])
                .filter((i) => !allowed.includes(i.path)),
            );
          }
          for (const [status, response] of Object.entries(example.responses)) {
            if (response.body === undefined) continue;
            problems.push(
              ...validator
                .validateResponse(operationId, Number(status), response.body)
                .filter((i) => !allowed.includes(i.path))
                .map((i) => ({ ...i, message: `${file} (${status}): ${i.message}` })),
            );
          }
        }
        expect(formatIssues(problems)).toBe('');
      });
    }
  });

  describe('real ARM recordings validate with the known deviations, and each deviation is backed by one', () => {
    const validator = getContractValidator();
    const dir = recordingsDir(specAvailability.available ? specAvailability.spec.sharedDir : undefined);
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
    type Recorded = {
      method: string;
      uri: string;
      requestBody: unknown;
      status: number;
      responseBody: unknown;
      responseHeaders: Record<string, string>;
    };
    const load = (f: string) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Recorded[];

    it('every 2025-07-01 DataProtection exchange of the recordings validates (they hold no Authorization traffic)', () => {
      const problems: string[] = [];
      let checked = 0;
      for (const f of files) {
        load(f).forEach((e, i) => {
          if (!e.uri.includes('api-version=2025-07-01') || !/Microsoft\.DataProtection/i.test(e.uri)) return;
          // Recorded requests come from the CLI, not from our client: only ARM's answers are at issue here.
          const result = validator?.validateExchange({
            method: e.method,
            url: e.uri,
            status: e.status,
            responseBody: e.responseBody === '' ? undefined : e.responseBody,
            responseHeaders: e.responseHeaders,
          });
          if (!result?.checked) return;
          checked++;
          const issues = result.issues.filter((x) => x.part !== 'request');
          if (issues.length) problems.push(`${f} #${i}: ${formatIssues(issues)}`);
        });
      }
      expect(checked).toBeGreaterThan(50);
      expect(problems).toEqual([]);
    });

    it.each(KNOWN_DEVIATIONS.map((d) => [d.id, d] as const))(
      '%s is shown by its recorded exchanges',
      (_id, deviation) => {
        for (const ev of deviation.evidence) {
          const exchange = load(ev.recording)[ev.exchange];
          expect(exchange, `${ev.recording} #${ev.exchange}`).toBeDefined();
          if (!exchange) continue;
          if (deviation.kind === 'extra-path') {
            const text = JSON.stringify(exchange.responseHeaders) + exchange.uri;
            expect(text).toMatch(
              /\/resourceGroups\/[^/]+\/providers\/Microsoft\.DataProtection\/locations\/[^/]+\/operationStatus\//,
            );
          } else {
            const result = validator?.validateExchange({
              method: exchange.method,
              url: exchange.uri.replace(/api-version=[^&]+/, 'api-version=2025-07-01'),
              status: exchange.status,
              responseBody: exchange.responseBody,
            });
            expect(result?.deviationsUsed, `${ev.recording} #${ev.exchange} needs ${deviation.id}`).toContain(
              deviation.id,
            );
          }
        }
      },
    );
  });
});
