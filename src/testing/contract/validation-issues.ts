// What the contract validator reports: the exchange it checks, the issues it finds (named by
// operationId and JSON path) and how ajv's errors become those issues.

import type { ErrorObject } from 'ajv';
import { KNOWN_DEVIATIONS } from './known-deviations';

export interface Exchange {
  method: string;
  url: string;
  requestBody?: unknown;
  status: number;
  responseBody?: unknown;
  responseHeaders?: Record<string, string>;
}

export interface ValidationIssue {
  operationId: string;
  part: 'url' | 'request' | 'response' | 'headers';
  /** JSON path into the body, e.g. `$.value[3].properties.status`. */
  path: string;
  message: string;
}

export interface ExchangeResult {
  /** false: the URL is outside the DataProtection spec (e.g. Microsoft.Resources); nothing checked. */
  checked: boolean;
  operationId: string | undefined;
  issues: ValidationIssue[];
  /** Known deviations this exchange needed. */
  deviationsUsed: string[];
}

/** `/value/3/properties/status` -> `$.value[3].properties.status`, plus the offending property. */
export function jsonPath(error: ErrorObject): string {
  let path = '$';
  for (const part of error.instancePath.split('/').slice(1)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    path += /^\d+$/.test(key) ? `[${key}]` : `.${key}`;
  }
  const extra = (error.params as { additionalProperty?: unknown }).additionalProperty;
  if (error.keyword === 'additionalProperties' && typeof extra === 'string') path += `.${extra}`;
  return path;
}

export function describeError(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') return 'property not in the spec';
  if (error.keyword === 'not' && (error.parentSchema as { description?: string } | undefined)?.description)
    return 'read-only property must not be sent in a request';
  if (
    error.keyword === 'enum' &&
    Array.isArray((error.params as { allowedValues?: unknown }).allowedValues)
  ) {
    return `must be one of ${JSON.stringify((error.params as { allowedValues: unknown[] }).allowedValues)}`;
  }
  return error.message ?? error.keyword;
}

/** Which known deviations explain the strict errors (used for reporting only). */
export function attributeDeviations(errors: readonly ErrorObject[], body: unknown): string[] {
  const used = new Set<string>();
  for (const e of errors) {
    const extra = (e.params as { additionalProperty?: unknown }).additionalProperty;
    const last = e.instancePath.split('/').pop();
    const replaced = KNOWN_DEVIATIONS.find((d) => d.kind === 'replaced-property' && d.property === last);
    if (e.keyword === 'additionalProperties' && typeof extra === 'string') {
      const dev = KNOWN_DEVIATIONS.find((d) => d.kind === 'extra-property' && d.property === extra);
      if (dev) used.add(dev.id);
    } else if (replaced && e.keyword === 'type') {
      used.add(replaced.id);
    } else if (valueAt(body, e.instancePath) === null) {
      used.add('null-for-absent-optional');
    }
  }
  return [...used];
}

function valueAt(root: unknown, pointer: string): unknown {
  let cur: unknown = root;
  for (const part of pointer.split('/').slice(1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return cur;
}

export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((i) => `${i.operationId} ${i.part} ${i.path}: ${i.message}`).join('\n');
}
