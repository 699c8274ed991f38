// A small KQL evaluator for the simulated Resource Graph: exactly the query shapes the app sends
// (table | where … | extend … | project … | summarize count() by … | order by …) with the scalar
// forms they use (=~, ==, !=, !~, in, in~, !in, !in~, contains, and/or/not, tolower, toupper,
// tostring, isempty, isnotempty, dotted property paths). Anything else is refused with a
// KqlError, which the route turns into Resource Graph's 400: never a guess at what real KQL means.
// Written independently of the app's query builder (src/mocks never imports src/azure).

export type Row = Record<string, unknown>;

/** Why a query was refused; `kind` picks the Resource Graph error detail. */
export class KqlError extends Error {
  override readonly name = 'KqlError';
  constructor(
    readonly kind: 'ParserFailure' | 'UnknownColumn' | 'UnknownTable' | 'NotSupportedBySimulator',
    message: string,
    readonly position: number,
    readonly token: string,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------- tokens

type Token =
  | { t: 'ident'; v: string; p: number }
  | { t: 'string'; v: string; p: number }
  | { t: 'number'; v: number; p: number }
  | { t: 'op'; v: string; p: number }
  | { t: 'end'; v: ''; p: number };

const OPERATORS = ['!in~', '!in', 'in~', '==', '!=', '=~', '!~', '|', ',', '(', ')', '.', '[', ']', '='];

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '/' && text[i + 1] === '/')
      throw new KqlError('NotSupportedBySimulator', 'Comments are not evaluated.', i, '//');
    if (ch === "'" || ch === '"') {
      const start = i;
      let value = '';
      i++;
      for (;;) {
        const c = text[i];
        if (c === undefined || c === '\n' || c === '\r')
          throw new KqlError('ParserFailure', 'Unterminated string literal.', start, text.slice(start, i));
        if (c === ch) {
          i++;
          break;
        }
        if (c === '\\') {
          const e = text[i + 1];
          const map: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', n: '\n', r: '\r', t: '\t' };
          if (e === undefined || map[e] === undefined)
            throw new KqlError('ParserFailure', 'Unknown escape sequence.', i, text.slice(i, i + 2));
          value += map[e];
          i += 2;
          continue;
        }
        value += c;
        i++;
      }
      out.push({ t: 'string', v: value, p: start });
      continue;
    }
    if (/[0-9]/.test(ch)) {
      const m = /^[0-9]+/.exec(text.slice(i));
      const raw = m?.[0] ?? ch;
      out.push({ t: 'number', v: Number(raw), p: i });
      i += raw.length;
      continue;
    }
    if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
      const raw = m?.[0] ?? ch;
      // `in~` is a word with a tilde.
      if (raw === 'in' && text[i + raw.length] === '~') {
        out.push({ t: 'op', v: 'in~', p: i });
        i += raw.length + 1;
        continue;
      }
      out.push({ t: 'ident', v: raw, p: i });
      i += raw.length;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (!op) throw new KqlError('ParserFailure', `Unexpected character '${ch}'.`, i, ch);
    out.push({ t: 'op', v: op, p: i });
    i += op.length;
  }
  out.push({ t: 'end', v: '', p: text.length });
  return out;
}

// ---------------------------------------------------------------- syntax

export type Expr =
  | { k: 'lit'; value: unknown }
  | { k: 'col'; name: string; p: number }
  | { k: 'member'; target: Expr; key: string | number }
  | { k: 'call'; fn: 'tolower' | 'toupper' | 'tostring' | 'isempty' | 'isnotempty' | 'not'; arg: Expr }
  | { k: 'cmp'; op: '==' | '!=' | '=~' | '!~' | 'contains'; left: Expr; right: Expr }
  | { k: 'in'; negate: boolean; ci: boolean; left: Expr; values: unknown[] }
  | { k: 'bool'; op: 'and' | 'or'; left: Expr; right: Expr };

export type Stage =
  | { k: 'where'; expr: Expr }
  | { k: 'extend'; items: { name: string; expr: Expr }[] }
  | { k: 'project'; items: { name: string; expr: Expr }[] }
  | { k: 'summarizeCount'; by: string[] }
  | { k: 'order'; by: { name: string; desc: boolean }[] };

export interface Plan {
  table: string;
  stages: Stage[];
}

const FUNCTIONS = new Set(['tolower', 'toupper', 'tostring', 'isempty', 'isnotempty', 'not']);

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)] as Token;
  }
  private next(): Token {
    const tok = this.peek();
    this.i++;
    return tok;
  }
  private fail(message: string, tok = this.peek()): never {
    throw new KqlError('ParserFailure', message, tok.p, String(tok.v));
  }
  private unsupported(what: string, tok = this.peek()): never {
    throw new KqlError(
      'NotSupportedBySimulator',
      `The simulated Resource Graph does not evaluate ${what}.`,
      tok.p,
      String(tok.v),
    );
  }
  private isOp(v: string): boolean {
    const tok = this.peek();
    return tok.t === 'op' && tok.v === v;
  }
  private isWord(v: string): boolean {
    const tok = this.peek();
    return tok.t === 'ident' && tok.v === v;
  }
  private expectOp(v: string): void {
    if (!this.isOp(v)) this.fail(`Expected '${v}'.`);
    this.i++;
  }
  private expectWord(v: string): void {
    if (!this.isWord(v)) this.fail(`Expected '${v}'.`);
    this.i++;
  }
  private ident(): string {
    const tok = this.next();
    if (tok.t !== 'ident') this.fail('Expected a name.', tok);
    return tok.v;
  }

  parse(): Plan {
    const table = this.ident();
    const stages: Stage[] = [];
    while (this.isOp('|')) {
      this.i++;
      stages.push(this.stage());
    }
    if (this.peek().t !== 'end') this.fail('Unexpected text after the query.');
    return { table, stages };
  }

  private stage(): Stage {
    const tok = this.next();
    if (tok.t !== 'ident') this.fail('Expected a query operator.', tok);
    switch (tok.v) {
      case 'where':
        return { k: 'where', expr: this.expr() };
      case 'extend':
        return { k: 'extend', items: this.assignments(true) };
      case 'project':
        return { k: 'project', items: this.assignments(false) };
      case 'summarize': {
        this.expectWord('count');
        this.expectOp('(');
        this.expectOp(')');
        this.expectWord('by');
        const by = [this.ident()];
        while (this.isOp(',')) {
          this.i++;
          by.push(this.ident());
        }
        return { k: 'summarizeCount', by };
      }
      case 'order':
      case 'sort': {
        this.expectWord('by');
        const by: { name: string; desc: boolean }[] = [];
        do {
          if (by.length > 0) this.i++;
          const name = this.ident();
          let desc = true; // KQL sorts descending unless told otherwise.
          if (this.isWord('asc') || this.isWord('desc')) desc = this.next().v === 'desc';
          by.push({ name, desc });
        } while (this.isOp(','));
        return { k: 'order', by };
      }
      default:
        return this.unsupported(`the '${tok.v}' operator`, tok);
    }
  }

  /** `name = expr` (extend, project) or a bare column name (project). */
  private assignments(requireAlias: boolean): { name: string; expr: Expr }[] {
    const items: { name: string; expr: Expr }[] = [];
    do {
      if (items.length > 0) this.i++;
      const start = this.peek();
      if (start.t === 'ident' && this.peek(1).t === 'op' && this.peek(1).v === '=') {
        this.i += 2;
        items.push({ name: start.v, expr: this.expr() });
      } else if (requireAlias) {
        this.fail('extend needs name = expression.');
      } else {
        const name = this.ident();
        if (this.isOp('.') || this.isOp('['))
          this.unsupported('a projected property path without a name (use name = path)');
        items.push({ name, expr: { k: 'col', name, p: start.p } });
      }
    } while (this.isOp(','));
    return items;
  }

  private expr(): Expr {
    let left = this.andExpr();
    while (this.isWord('or')) {
      this.i++;
      left = { k: 'bool', op: 'or', left, right: this.andExpr() };
    }
    return left;
  }

  private andExpr(): Expr {
    let left = this.comparison();
    while (this.isWord('and')) {
      this.i++;
      left = { k: 'bool', op: 'and', left, right: this.comparison() };
    }
    return left;
  }

  private comparison(): Expr {
    const left = this.primary();
    const tok = this.peek();
    if (tok.t === 'op' && ['==', '!=', '=~', '!~'].includes(tok.v)) {
      this.i++;
      return { k: 'cmp', op: tok.v as '==', left, right: this.primary() };
    }
    if (tok.t === 'ident' && tok.v === 'contains') {
      this.i++;
      return { k: 'cmp', op: 'contains', left, right: this.primary() };
    }
    if (tok.t === 'op' && ['in', 'in~', '!in', '!in~'].includes(tok.v)) {
      this.i++;
      return {
        k: 'in',
        negate: tok.v.startsWith('!'),
        ci: tok.v.endsWith('~'),
        left,
        values: this.literalList(),
      };
    }
    if (tok.t === 'ident' && tok.v === 'in') {
      this.i++;
      return { k: 'in', negate: false, ci: false, left, values: this.literalList() };
    }
    // Any other word here is an operator we do not evaluate (has, startswith, matches regex…).
    if (tok.t === 'ident' && tok.v !== 'and' && tok.v !== 'or') this.unsupported(`the '${tok.v}' operator`);
    return left;
  }

  private literalList(): unknown[] {
    this.expectOp('(');
    const values: unknown[] = [];
    if (!this.isOp(')')) {
      do {
        if (values.length > 0) this.i++;
        const tok = this.next();
        if (tok.t !== 'string' && tok.t !== 'number') this.unsupported('non-literal values in a list', tok);
        values.push(tok.v);
      } while (this.isOp(','));
    }
    this.expectOp(')');
    return values;
  }

  private primary(): Expr {
    const tok = this.next();
    if (tok.t === 'string' || tok.t === 'number') return { k: 'lit', value: tok.v };
    if (tok.t === 'op' && tok.v === '(') {
      const inner = this.expr();
      this.expectOp(')');
      return inner;
    }
    if (tok.t !== 'ident') return this.fail('Expected a value.', tok);
    if (tok.v === 'true' || tok.v === 'false') return { k: 'lit', value: tok.v === 'true' };
    if (this.isOp('(')) {
      if (!FUNCTIONS.has(tok.v)) return this.unsupported(`the function '${tok.v}()'`, tok);
      this.i++;
      const arg = this.expr();
      this.expectOp(')');
      return { k: 'call', fn: tok.v as 'tolower', arg };
    }
    let e: Expr = { k: 'col', name: tok.v, p: tok.p };
    for (;;) {
      if (this.isOp('.')) {
        this.i++;
        e = { k: 'member', target: e, key: this.ident() };
      } else if (this.isOp('[')) {
        this.i++;
        const key = this.next();
        if (key.t !== 'string' && key.t !== 'number') this.fail('Expected an index.', key);
        this.expectOp(']');
        e = { k: 'member', target: e, key: key.v };
      } else {
        return e;
      }
    }
  }
}

/** Parses `text` into a plan, checking every column reference against `columns` of `tables`. */
export function parseQuery(text: string, tables: Record<string, readonly string[]>): Plan {
  const plan = new Parser(tokenize(text)).parse();
  const tableName = Object.keys(tables).find((t) => t.toLowerCase() === plan.table.toLowerCase());
  if (!tableName) throw new KqlError('UnknownTable', `Table '${plan.table}' is not known.`, 0, plan.table);
  let columns = new Set(tables[tableName]);
  const check = (e: Expr): void => {
    if (e.k === 'col' && !columns.has(e.name))
      throw new KqlError(
        'UnknownColumn',
        `Failed to resolve scalar expression named '${e.name}'.`,
        e.p,
        e.name,
      );
    if (e.k === 'member') check(e.target);
    if (e.k === 'call') check(e.arg);
    if (e.k === 'cmp' || e.k === 'bool') {
      check(e.left);
      check(e.right);
    }
    if (e.k === 'in') check(e.left);
  };
  for (const stage of plan.stages) {
    if (stage.k === 'where') check(stage.expr);
    if (stage.k === 'extend') {
      for (const item of stage.items) check(item.expr);
      columns = new Set([...columns, ...stage.items.map((i) => i.name)]);
    }
    if (stage.k === 'project') {
      for (const item of stage.items) check(item.expr);
      columns = new Set(stage.items.map((i) => i.name));
    }
    if (stage.k === 'summarizeCount') {
      for (const name of stage.by) check({ k: 'col', name, p: 0 });
      columns = new Set([...stage.by, 'count_']);
    }
    if (stage.k === 'order') for (const b of stage.by) check({ k: 'col', name: b.name, p: 0 });
  }
  return { table: tableName, stages: plan.stages };
}

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
      return !truthy(v);
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
