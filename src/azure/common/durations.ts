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
