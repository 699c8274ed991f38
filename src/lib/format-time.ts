/*
 * Times as users read them: ARM sends UTC; the app shows the user's local time and keeps the UTC
 * value for a tooltip and for exports.
 */

const dateTime = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const timeOnly = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Local date and time, e.g. `Nov 4, 2025, 10:42:13 AM`; empty for an unknown time. */
export function formatDateTime(ms: number | undefined): string {
  return ms === undefined ? '' : dateTime.format(ms);
}

/** Local time of day, e.g. `10:42:13 AM`. */
export function formatTimeOfDay(ms: number): string {
  return timeOnly.format(ms);
}

/** The UTC instant, ISO 8601 (`2025-11-04T10:42:13.000Z`); empty for an unknown time. */
export function formatUtc(ms: number | undefined): string {
  return ms === undefined ? '' : new Date(ms).toISOString();
}
