// The parser half of the simulated Resource Graph's KQL: tokens, the plan of a query, and the
// check that every column it names exists (see kql.ts for what is evaluated and why).

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

const OPERATORS = [
  '!in~',
  '!in',
  'in~',
  '==',
  '!=',
  '=~',
  '!~',
  '>=',
  '<=',
  '>',
  '<',
  '|',
  ',',
  '(',
  ')',
  '.',
  '[',
  ']',
  '=',
];

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
  | {
      k: 'call';
      fn: 'tolower' | 'toupper' | 'tostring' | 'isempty' | 'isnotempty' | 'not' | 'todatetime';
      arg: Expr;
    }
  | { k: 'cmp'; op: '==' | '!=' | '=~' | '!~' | 'contains'; left: Expr; right: Expr }
  | { k: 'order'; op: '>=' | '<=' | '>' | '<'; left: Expr; right: Expr }
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

const FUNCTIONS = new Set(['tolower', 'toupper', 'tostring', 'isempty', 'isnotempty', 'not', 'todatetime']);

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
    if (tok.t === 'op' && ['>=', '<=', '>', '<'].includes(tok.v)) {
      this.i++;
      return { k: 'order', op: tok.v as '>=', left, right: this.primary() };
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
    if (e.k === 'cmp' || e.k === 'bool' || e.k === 'order') {
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
