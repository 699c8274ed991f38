/**
 * KQL literals for Resource Graph queries. Every value that did not come from a fixed list goes
 * through {@link kqlString}: a single-quoted literal in which the backslash escapes the quote,
 * itself, tab, newline and carriage return (the escapes KQL's string type documents). A `|`, `;`
 * or `//` inside the quotes is plain text, so a hostile vault name can neither end the literal nor
 * add a pipeline stage.
 */

/** A value that cannot be written as a KQL literal (other control characters). */
export class KqlValueError extends Error {
  override readonly name = 'KqlValueError';
}

const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** `value` as a single-quoted KQL string literal; throws {@link KqlValueError} for other control characters. */
export function kqlString(value: string): string {
  // Other C0/C1 controls have no documented escape; refusing is safer than guessing.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(value))
    throw new KqlValueError('A query value contains a control character.');
  return `'${value.replace(/[\\'\n\r\t]/g, (ch) => ESCAPES[ch] ?? ch)}'`;
}

/** `('a', 'b')`: a parenthesised list of escaped literals for `in` / `in~`. */
export function kqlStringList(values: readonly string[]): string {
  return `(${values.map(kqlString).join(', ')})`;
}

/** Keeps only the values in `allowed` (exact match), in the order given, without duplicates. */
export function allowListed<T extends string>(values: readonly string[], allowed: readonly T[]): T[] {
  const set = new Set<string>(allowed);
  return [...new Set(values)].filter((v): v is T => set.has(v));
}
