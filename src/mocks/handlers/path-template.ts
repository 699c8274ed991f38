/**
 * Compiles a REST path template (`/subscriptions/{subscriptionId}/...`) to a case-insensitive
 * regex, as ARM matches paths. Shared by the simulator's router and the contract validator so
 * both agree on which operation a URL is.
 */
export interface CompiledTemplate {
  regex: RegExp;
  paramNames: string[];
  /** Number of literal segments: more literals = a more specific template. */
  literalCount: number;
}

export function compilePathTemplate(
  template: string,
  /**
   * Parameters that span several segments (the spec marks them `x-ms-skip-url-encoding`), such as
   * Microsoft.Authorization's `{scope}` (`subscriptions/{s}/resourceGroups/{rg}/...`).
   */
  multiSegment: readonly string[] = [],
): CompiledTemplate {
  const paramNames: string[] = [];
  let literalCount = 0;
  // The spec writes `/{roleId}?disambiguation_dummy` to keep two paths apart: the query is not part of the path.
  const pattern = template
    .replace(/\?.*$/, '')
    .split('/')
    .map((seg) => {
      const m = /^\{(\w+)\}$/.exec(seg);
      if (m?.[1]) {
        paramNames.push(m[1]);
        return multiSegment.includes(m[1]) ? '(.+)' : '([^/]+)';
      }
      if (seg) literalCount++;
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { regex: new RegExp(`^${pattern}/?$`, 'i'), paramNames, literalCount };
}
