// Times and durations as the grid and the instance page show them. ARM times are UTC; people read
// local time, with the UTC value one hover away (title).

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeOfDay = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/** Local date and time, e.g. "3 Nov 2025, 14:05". */
export function formatDateTime(ms: number): string {
  return dateTime.format(ms);
}

/** The UTC timestamp for a title attribute. */
export function formatUtc(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z').replace('T', ' ').replace('Z', ' UTC');
}

/** Local time of day, e.g. "14:05:09" (when a page last refreshed). */
export function formatTimeOfDay(ms: number): string {
  return timeOfDay.format(ms);
}

/**
 * A duration in at most two units: "1 d 21 h", "7 h 5 min", "12 min", "under a minute". With
 * `seconds` (how long a job ran), durations under an hour keep their seconds: "4 min 10 s", "45 s".
 */
export function formatDuration(ms: number, options: { seconds?: boolean } = {}): string {
  if (options.seconds) {
    const s = Math.max(0, Math.floor(ms / 1000));
    if (s < 60) return `${s} s`;
    if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  }
  const total = Math.max(0, Math.floor(ms / MINUTE));
  if (total < 1) return 'under a minute';
  const days = Math.floor((total * MINUTE) / DAY);
  const hours = Math.floor(((total * MINUTE) % DAY) / HOUR);
  const minutes = total % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${minutes} min`;
}

/** ARM's PascalCase values in words: `CompletedWithWarnings` -> `Completed with warnings`. */
export function formatPascalCase(value: string): string {
  const spaced = value.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
