/**
 * .NET `TimeSpan` strings as ARM writes them outside ISO 8601: `d.hh:mm:ss[.fffffff]` or
 * `hh:mm:ss[.fffffff]` (policy RPO thresholds `10.21:00:00`, Resource Graph's
 * `x-ms-user-quota-resets-after: 00:00:04`, job durations `00:03:39.6777898`).
 */

const TIME_SPAN = /^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/;

/**
 * Milliseconds of a .NET TimeSpan string, or undefined when absent or unreadable. Negative values
 * are treated as absent: real Resource Graph rows write `TimeSpan.MinValue`
 * (`-10675199.02:48:05.4775808`) for a threshold that does not apply (recorded in
 * test_dataprotection_backup_instance_list_from_resource_graph.json).
 */
export function parseTimeSpanMs(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = TIME_SPAN.exec(value.trim());
  if (!m || m[1] === '-') return undefined;
  const days = Number(m[2] ?? 0);
  const hours = Number(m[3]);
  const minutes = Number(m[4]);
  const seconds = Number(m[5]);
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const fraction = m[6] ? Number(`0.${m[6]}`) : 0;
  return Math.round((((days * 24 + hours) * 60 + minutes) * 60 + seconds + fraction) * 1000);
}

// ISO 8601 durations as ARM writes them in single-job GETs (`PT3M39.6777898S`, `P1DT2H`). Years
// and months have no fixed length, so they are refused rather than guessed.
const ISO_DURATION =
  /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

/** Milliseconds of an ISO 8601 duration (weeks to seconds), or undefined when absent or unreadable. */
export function parseIsoDurationMs(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const m = ISO_DURATION.exec(text);
  // `P` or `PT` alone match the pattern but name no duration.
  if (!m || /^PT?$/i.test(text) || /T$/i.test(text)) return undefined;
  const [weeks, days, hours, minutes, seconds] = m.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return Math.round(((((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000);
}

/**
 * Milliseconds of a duration in either form ARM uses: ISO 8601 (`PT1M46S`, single-job GETs) or a
 * .NET TimeSpan (`00:01:46.123`, `1.02:00:00`, job lists and Resource Graph). Undefined when absent
 * (`null`) or unreadable.
 */
export function parseDurationMs(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  return /^\s*P/i.test(value) ? parseIsoDurationMs(value) : parseTimeSpanMs(value);
}
