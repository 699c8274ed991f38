// The small OData `$filter` subset the DataProtection list operations accept, e.g. the CLI's
// `startDate eq '2023-06-16T01:00:00.0000000Z' and endDate eq '2033-06-16T01:00:00.0000000Z'`.

import { ModelError } from '../tenant/errors';

export interface FilterClause {
  field: string;
  op: 'eq' | 'ne' | 'ge' | 'gt' | 'le' | 'lt';
  value: string;
}

export function parseFilter(filter: string | null, allowedFields: readonly string[]): FilterClause[] {
  if (!filter || !filter.trim()) return [];
  const clauses: FilterClause[] = [];
  for (const part of filter.split(/\s+and\s+/i)) {
    const m = /^\s*([A-Za-z]+)\s+(eq|ne|ge|gt|le|lt)\s+'([^']*)'\s*$/i.exec(part);
    if (!m?.[1] || !m[2] || m[3] === undefined) {
      throw new ModelError({
        status: 400,
        code: 'BadRequest',
        message: `The $filter expression '${filter}' is not valid. Expected clauses like "startDate eq '2025-01-01T00:00:00Z'" joined by 'and'.`,
      });
    }
    const field = allowedFields.find((f) => f.toLowerCase() === m[1]?.toLowerCase());
    if (!field) {
      throw new ModelError({
        status: 400,
        code: 'BadRequest',
        message: `'${m[1]}' is not a supported $filter property. Supported: ${allowedFields.join(', ')}.`,
      });
    }
    clauses.push({ field, op: m[2].toLowerCase() as FilterClause['op'], value: m[3] });
  }
  return clauses;
}

export function filterTime(clause: FilterClause): number {
  const t = Date.parse(clause.value);
  if (Number.isNaN(t))
    throw new ModelError({
      status: 400,
      code: 'BadRequest',
      message: `'${clause.value}' is not a valid date-time in $filter.`,
    });
  return t;
}

export function compare(actual: number | string, clause: FilterClause, expected: number | string): boolean {
  const a = typeof actual === 'string' ? actual.toLowerCase() : actual;
  const e = typeof expected === 'string' ? expected.toLowerCase() : expected;
  switch (clause.op) {
    case 'eq':
      return a === e;
    case 'ne':
      return a !== e;
    case 'ge':
      return a >= e;
    case 'gt':
      return a > e;
    case 'le':
      return a <= e;
    case 'lt':
      return a < e;
  }
}

/**
 * Recovery points: `startDate`/`endDate` bound the recovery point time. Real ARM uses `eq` for both
 * bounds (see the recording), so `eq` on startDate means "from" and on endDate "until".
 */
export function recoveryPointMatches(time: number, clauses: readonly FilterClause[]): boolean {
  for (const c of clauses) {
    const t = filterTime(c);
    if (c.field === 'startDate' && time < t) return false;
    if (c.field === 'endDate' && time > t) return false;
  }
  return true;
}
