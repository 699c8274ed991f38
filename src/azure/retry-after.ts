/** Minimal header reader shared by core-rest-pipeline's `HttpHeaders` and plain records. */
export interface HeaderReader {
  get(name: string): string | undefined;
}

/**
 * Reads how long the server asks us to wait, in milliseconds: `retry-after-ms`,
 * `x-ms-retry-after-ms`, then `Retry-After` as seconds or as an HTTP date. Undefined when absent
 * or unreadable; never negative.
 */
export function parseRetryAfterMs(headers: HeaderReader, now: () => number = Date.now): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const raw = headers.get(name);
    if (raw !== undefined && raw.trim() !== '') {
      const ms = Number(raw);
      if (Number.isFinite(ms) && ms >= 0) return ms;
    }
  }
  const raw = headers.get('retry-after')?.trim();
  if (!raw) return undefined;
  if (/^\d+(\.\d+)?$/.test(raw)) return Math.round(Number(raw) * 1000);
  const date = Date.parse(raw);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now());
}
