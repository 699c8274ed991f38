import { useMemo } from 'react';
import { useNavigate } from '@/lib/router';
import { datasourceTypeLabel } from '@/azure/backup-instances/datasource-types';
import { JOB_OPERATION_LABEL, type JobRow } from '@/azure/jobs/job-row';
import { GridLink, VirtualGrid, type VirtualGridColumn } from '@/components/virtual-grid';
import { jobPath } from '@/lib/app-paths';
import { formatDateTime, formatDuration, formatUtc } from '@/lib/format';
import { JOB_COLUMNS, REGION_LABEL, type JobColumn } from './job-filters';
import { JobStatusText } from './job-status';

export const COLUMN_LABEL: Readonly<Record<JobColumn, string>> = {
  instance: 'Backup instance',
  datasourceType: 'Datasource type',
  operation: 'Operation',
  status: 'Status',
  startTime: 'Start time',
  duration: 'Duration',
  vault: 'Vault',
  subscription: 'Subscription',
  region: 'Instance Region',
};

const WIDTH: Readonly<Record<JobColumn, number>> = {
  instance: 220,
  datasourceType: 270,
  operation: 170,
  status: 190,
  startTime: 190,
  duration: 110,
  vault: 170,
  subscription: 180,
  region: 150,
};

const jobLink = (row: JobRow) => jobPath({ vaultId: row.vaultId, jobId: row.jobId, region: row.region });

export interface JobsGridProps {
  rows: readonly JobRow[];
  sort: JobColumn;
  descending: boolean;
  onSort: (column: JobColumn, descending: boolean) => void;
  subscriptionName: (subscriptionId: string) => string;
}

/**
 * The Backup jobs grid on the shared {@link VirtualGrid}: every filtered row, of which only those
 * in view are rendered, with grid semantics kept. Enter on a row opens the job.
 */
export function JobsGrid({ rows, sort, descending, onSort, subscriptionName }: JobsGridProps) {
  const navigate = useNavigate();
  // Stable columns let the grid's memoised rows skip re-rendering while rows stream in.
  const columns = useMemo((): VirtualGridColumn<JobRow>[] => {
    const render = (column: JobColumn, row: JobRow) => {
      switch (column) {
        case 'instance':
          return <GridLink to={jobLink(row)}>{row.instanceName || row.jobId}</GridLink>;
        case 'datasourceType':
          return datasourceTypeLabel(row.datasourceType);
        case 'operation':
          return JOB_OPERATION_LABEL[row.operation];
        case 'status':
          return <JobStatusText status={row.status} />;
        case 'startTime':
          return row.startTime === undefined ? (
            ''
          ) : (
            <span title={formatUtc(row.startTime)}>{formatDateTime(row.startTime)}</span>
          );
        case 'duration':
          return row.durationMs === undefined ? '' : formatDuration(row.durationMs, { seconds: true });
        case 'vault':
          return row.vaultName;
        case 'subscription':
          return subscriptionName(row.subscriptionId);
        case 'region':
          return REGION_LABEL[row.region];
      }
    };
    return JOB_COLUMNS.map((column) => ({
      id: column,
      header: COLUMN_LABEL[column],
      width: WIDTH[column],
      render: (row) => render(column, row),
    }));
  }, [subscriptionName]);
  return (
    <VirtualGrid<JobRow>
      label="Backup jobs"
      rows={rows}
      columns={columns}
      rowKey={(row) => row.key}
      sort={{ column: sort, direction: descending ? 'descending' : 'ascending' }}
      onSortChange={(next) => onSort(next.column as JobColumn, next.direction === 'descending')}
      onActivate={(row) => void navigate(jobLink(row))}
    />
  );
}
