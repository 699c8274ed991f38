/*
 * Jobs per local calendar day and status, for the small chart and its table. Pure, so the chart
 * library is needed only when the chart is shown.
 */
import { JOB_STATUSES, type JobRow, type JobStatus } from '@/azure/jobs/job-row';

export interface JobsPerDay {
  /** Local days, oldest first, as `YYYY-MM-DD`. */
  days: string[];
  /** Statuses that occur, in tile order. */
  statuses: JobStatus[];
  /** counts[status][dayIndex]. */
  counts: Record<JobStatus, number[]>;
}

function dayKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Every day from `from` to `to` (local), even days without jobs, with counts per status. */
export function jobsPerDay(rows: readonly JobRow[], from: number, to: number): JobsPerDay {
  const days: string[] = [];
  const index = new Map<string, number>();
  const cursor = new Date(from);
  cursor.setHours(0, 0, 0, 0);
  while (cursor.getTime() <= to) {
    const key = dayKey(cursor.getTime());
    index.set(key, days.length);
    days.push(key);
    cursor.setDate(cursor.getDate() + 1);
  }
  const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, days.map(() => 0)])) as Record<
    JobStatus,
    number[]
  >;
  for (const row of rows) {
    if (row.startTime === undefined) continue;
    const i = index.get(dayKey(row.startTime));
    if (i === undefined) continue;
    const series = counts[row.status];
    series[i] = (series[i] ?? 0) + 1;
  }
  const statuses = JOB_STATUSES.filter((s) => counts[s].some((n) => n > 0));
  return { days, statuses, counts };
}
