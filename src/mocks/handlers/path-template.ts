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

export function compilePathTemplate(template: string): CompiledTemplate {
  const paramNames: string[] = [];
  let literalCount = 0;
  const pattern = template
    .split('/')
    .map((seg) => {
      const m = /^\{(\w+)\}$/.exec(seg);
      if (m?.[1]) {
        paramNames.push(m[1]);
        return '([^/]+)';
      }
      if (seg) literalCount++;
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { regex: new RegExp(`^${pattern}/?$`, 'i'), paramNames, literalCount };
}
