// A small KQL evaluator for the simulated Resource Graph: exactly the query shapes the app sends
// (table | where … | extend … | project … | summarize count() by … | order by …) with the scalar
// forms they use (=~, ==, !=, !~, in, in~, !in, !in~, contains, >=, <=, >, < on todatetime() and
// numbers, and/or/not, tolower, toupper, tostring, isempty, isnotempty, dotted property paths). Anything else is refused with a
// KqlError, which the route turns into Resource Graph's 400: never a guess at what real KQL means.
// Written independently of the app's query builder (src/mocks never imports src/azure).

import type { Expr, Plan, Row, Stage } from './kql-parser';

export { KqlError, parseQuery, type Plan, type Row } from './kql-parser';

// ---------------------------------------------------------------- evaluation

function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function evaluate(e: Expr, row: Row): unknown {
  switch (e.k) {
    case 'lit':
      return e.value;
    case 'col':
      return row[e.name];
    case 'member': {
      const target = evaluate(e.target, row);
      if (target === null || typeof target !== 'object') return undefined;
      return (target as Record<string | number, unknown>)[e.key];
    }
    case 'call': {
      const v = evaluate(e.arg, row);
      if (e.fn === 'tolower') return toText(v).toLowerCase();
      if (e.fn === 'toupper') return toText(v).toUpperCase();
      if (e.fn === 'tostring') return toText(v);
      if (e.fn === 'isempty') return toText(v) === '';
      if (e.fn === 'isnotempty') return toText(v) !== '';
      if (e.fn === 'todatetime') {
        // A datetime is compared as a number; what does not read as one is null, as in KQL.
        const t = typeof v === 'string' ? Date.parse(v) : Number.NaN;
        return Number.isNaN(t) ? null : t;
      }
      return !truthy(v);
    }
    case 'order': {
      // Only datetimes (todatetime) and numbers are ordered; comparing anything else is false.
      const l = evaluate(e.left, row);
      const r = evaluate(e.right, row);
      if (typeof l !== 'number' || typeof r !== 'number') return false;
      if (e.op === '>=') return l >= r;
      if (e.op === '<=') return l <= r;
      if (e.op === '>') return l > r;
      return l < r;
    }
    case 'cmp': {
      const l = toText(evaluate(e.left, row));
      const r = toText(evaluate(e.right, row));
      if (e.op === '==') return l === r;
      if (e.op === '!=') return l !== r;
      if (e.op === '=~') return l.toLowerCase() === r.toLowerCase();
      if (e.op === '!~') return l.toLowerCase() !== r.toLowerCase();
      return l.toLowerCase().includes(r.toLowerCase());
    }
    case 'in': {
      const l = toText(evaluate(e.left, row));
      const found = e.values.some((v) =>
        e.ci ? toText(v).toLowerCase() === l.toLowerCase() : toText(v) === l,
      );
      return e.negate ? !found : found;
    }
    case 'bool':
      return e.op === 'and'
        ? truthy(evaluate(e.left, row)) && truthy(evaluate(e.right, row))
        : truthy(evaluate(e.left, row)) || truthy(evaluate(e.right, row));
  }
}

function truthy(v: unknown): boolean {
  return v === true;
}

function compareValues(a: unknown, b: unknown): number {
  // Nulls sort first ascending (KQL's default `nulls first` for asc).
  if (a === undefined || a === null) return b === undefined || b === null ? 0 : -1;
  if (b === undefined || b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = toText(a);
  const y = toText(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** An evaluated query: its size, its columns, and any slice of its rows. */
export interface ResultSet {
  total: number;
  /** Output columns (for `id`: whether Resource Graph could page the result). */
  columns: readonly string[];
  page(offset: number, count: number): Row[];
}

type Streaming = Extract<Stage, { k: 'where' | 'extend' | 'project' }>;

function isStreaming(stage: Stage | undefined): stage is Streaming {
  return stage !== undefined && (stage.k === 'where' || stage.k === 'extend' || stage.k === 'project');
}

/**
 * Runs a parsed plan over the rows of its table. Source rows may compute parts of themselves on
 * each read (a row's properties); rows of a page are read once into a snapshot, and when the
 * query ends in `project | order by <projected column>` the projection is only applied to the
 * rows of the page asked for, so a large estate pays for its recovery points one page at a time.
 */
export function execute(plan: Plan, source: Iterable<Row>): ResultSet {
  const stages = plan.stages;
  let cut = 0;
  while (stages[cut]?.k === 'where' || stages[cut]?.k === 'extend') cut++;
  const prefix = stages.slice(0, cut) as Streaming[];
  const project =
    stages[cut]?.k === 'project' ? (stages[cut] as Extract<Stage, { k: 'project' }>) : undefined;
  const tail = project ? stages.slice(cut + 1) : stages.slice(cut);
  const passThrough = (name: string) =>
    project?.items.some((i) => i.name === name && i.expr.k === 'col' && i.expr.name === name) === true;

  if (project && tail.every((st) => st.k === 'order' && st.by.every((b) => passThrough(b.name)))) {
    // Keep the source row and its sort keys only: a kept snapshot would hold every built property.
    const orders = tail as Extract<Stage, { k: 'order' }>[];
    const names = [...new Set(orders.flatMap((o) => o.by.map((b) => b.name)))];
    const kept: { source: Row; keys: Row }[] = [];
    for (const input of source) {
      // No snapshot here: an unfiltered scan then never builds a row's computed parts at all.
      const row = applyStreaming(prefix, input);
      if (row) kept.push({ source: input, keys: Object.fromEntries(names.map((n) => [n, row[n]])) });
    }
    for (const st of orders) kept.sort((a, b) => compareRows(st, a.keys, b.keys));
    return {
      total: kept.length,
      columns: project.items.map((i) => i.name),
      page: (offset, count) =>
        kept
          .slice(offset, offset + count)
          .map((k) => applyStreaming([...prefix, project], { ...k.source }) ?? {}),
    };
  }

  let rest = stages;
  let n = 0;
  while (isStreaming(rest[n])) n++;
  const head = rest.slice(0, n) as Streaming[];
  rest = rest.slice(n);
  function* streamed(): Generator<Row> {
    for (const input of source) {
      const out = head.length > 0 ? applyStreaming(head, input) : input;
      if (out) yield out;
    }
  }
  // A summarize right after the streaming stages counts on the fly: no 50,000-row array.
  let rows: Row[];
  const first = rest[0];
  if (first?.k === 'summarizeCount') {
    rows = summarize(first, streamed());
    rest = rest.slice(1);
  } else {
    rows = [...streamed()];
  }
  for (const stage of rest) {
    if (stage.k === 'summarizeCount') rows = summarize(stage, rows);
    else if (stage.k === 'order') rows = [...rows].sort((a, b) => compareRows(stage, a, b));
    else
      rows = rows.flatMap((row) => {
        const out = applyStreaming([stage], row);
        return out ? [out] : [];
      });
  }
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return { total: rows.length, columns, page: (offset, count) => rows.slice(offset, offset + count) };
}

function summarize(stage: Extract<Stage, { k: 'summarizeCount' }>, rows: Iterable<Row>): Row[] {
  const groups = new Map<string, Row>();
  for (const row of rows) {
    const values = stage.by.map((b) => row[b] ?? null);
    const key = JSON.stringify(values);
    const group = groups.get(key);
    if (group) group['count_'] = (group['count_'] as number) + 1;
    else groups.set(key, { ...Object.fromEntries(stage.by.map((b, i) => [b, values[i]])), count_: 1 });
  }
  return [...groups.values()];
}

function compareRows(stage: Extract<Stage, { k: 'order' }>, a: Row, b: Row): number {
  for (const by of stage.by) {
    const c = compareValues(a[by.name], b[by.name]);
    if (c !== 0) return by.desc ? -c : c;
  }
  return 0;
}

function applyStreaming(stages: readonly Stage[], input: Row): Row | undefined {
  let row = input;
  for (const stage of stages) {
    if (stage.k === 'where') {
      if (!truthy(evaluate(stage.expr, row))) return undefined;
    } else if (stage.k === 'extend') {
      const added: Row = {};
      for (const item of stage.items) added[item.name] = evaluate(item.expr, { ...row, ...added });
      row = { ...row, ...added };
    } else if (stage.k === 'project') {
      const out: Row = {};
      for (const item of stage.items) out[item.name] = evaluate(item.expr, row) ?? null;
      row = out;
    }
  }
  return row;
}
