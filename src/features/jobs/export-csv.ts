/*
 * The filtered grid as a CSV file: every filtered row (not only those on screen), in the grid's
 * order. papaparse is loaded only when someone exports. A cell that begins with `=`, `+`, `-` or
 * `@` (or a tab or carriage return) is prefixed with `'`, so a spreadsheet shows it as text
 * instead of running it as a formula (CSV injection).
 */
import { datasourceTypeLabel } from '@/azure/backup-instances/datasource-types';
import { JOB_OPERATION_LABEL, JOB_STATUS_LABEL, type JobRow } from '@/azure/jobs/job-row';
import { formatDuration } from '@/lib/format';
import { REGION_LABEL } from './job-filters';

/** The CSV's header, in column order. */
export const CSV_FIELDS = [
  'Backup instance',
  'Datasource type',
  'Operation',
  'Status',
  'Start time (UTC)',
  'End time (UTC)',
  'Duration',
  'Vault',
  'Subscription',
  'Instance Region',
  'Error code',
  'Job id',
] as const;

/** ISO 8601 UTC, what spreadsheets and scripts read back; empty for an unknown time. */
function isoTime(ms: number | undefined): string {
  return ms === undefined ? '' : new Date(ms).toISOString();
}

/** The CSV text of `rows`. */
export async function jobsToCsv(
  rows: readonly JobRow[],
  subscriptionName: (subscriptionId: string) => string,
): Promise<string> {
  // papaparse is CommonJS: its exports arrive as the module's default.
  const papa = (await import('papaparse')).default;
  return papa.unparse(
    {
      fields: [...CSV_FIELDS],
      data: rows.map((row) => [
        row.instanceName,
        datasourceTypeLabel(row.datasourceType),
        JOB_OPERATION_LABEL[row.operation],
        row.status === 'Other' ? row.rawStatus : JOB_STATUS_LABEL[row.status],
        isoTime(row.startTime),
        isoTime(row.endTime),
        row.durationMs === undefined ? '' : formatDuration(row.durationMs, { seconds: true }),
        row.vaultName,
        subscriptionName(row.subscriptionId),
        REGION_LABEL[row.region],
        row.errorCode ?? '',
        row.id,
      ]),
    },
    { escapeFormulae: true, newline: '\r\n' },
  );
}

/** Saves `text` as a file through the browser's download. */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
