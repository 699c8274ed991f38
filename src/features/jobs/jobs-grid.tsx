import { makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSortDownRegular, ArrowSortUpRegular } from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type KeyboardEvent } from 'react';
import { JOB_OPERATION_LABEL, type JobRow } from '@/azure/jobs/job-row';
import { datasourceTypeLabel } from '@/azure/backup-instances/datasource-types';
import { RouterLink } from '@/components/router-link';
import { jobPath } from '@/lib/app-paths';
import { formatDateTime, formatDuration, formatUtc } from '@/lib/format';
import { JOB_COLUMNS, REGION_LABEL, type JobColumn } from './job-filters';
import { JobStatusText } from './job-status';

const ROW_HEIGHT = 44;

const useStyles = makeStyles({
  grid: {
    height: '560px',
    overflow: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    position: 'relative',
  },
  row: {
    display: 'grid',
    gridTemplateColumns:
      'minmax(220px, 1.6fr) minmax(270px, 1.5fr) minmax(170px, 1fr) minmax(190px, 1.1fr) minmax(210px, 1.2fr) minmax(110px, 0.7fr) minmax(170px, 1.1fr) minmax(180px, 1.1fr) minmax(150px, 0.9fr)',
    alignItems: 'center',
    minWidth: '1670px',
    height: `${ROW_HEIGHT}px`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    boxSizing: 'border-box',
  },
  header: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  body: { position: 'relative' },
  bodyRow: {
    position: 'absolute',
    left: 0,
    top: 0,
    width: '100%',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  cell: {
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  sortButton: {
    border: 'none',
    background: 'none',
    padding: 0,
    color: 'inherit',
    font: 'inherit',
    cursor: 'pointer',
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightSemibold,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
});

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

export interface JobsGridProps {
  rows: readonly JobRow[];
  sort: JobColumn;
  descending: boolean;
  onSort: (column: JobColumn) => void;
  subscriptionName: (subscriptionId: string) => string;
}

/**
 * The Backup jobs grid: every filtered row, of which only those in view are rendered (100,000
 * jobs scroll smoothly). Grid semantics are kept for assistive technology: `aria-rowcount` counts
 * every row, each rendered row says its `aria-rowindex`, sortable headers carry `aria-sort`, and
 * Up/Down move between the rows' links.
 */
export function JobsGrid({ rows, sort, descending, onSort, subscriptionName }: JobsGridProps) {
  const styles = useStyles();
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer is a mutable object by design; this component is not memoised by the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // The sticky header row sits above the rows inside the scroll element.
    scrollMargin: ROW_HEIGHT,
    scrollPaddingStart: ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.key ?? index,
    initialRect: { width: 1300, height: 560 },
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const rowEl = (event.target as HTMLElement).closest<HTMLElement>('[data-row-index]');
    if (!rowEl) return;
    const next = Number(rowEl.dataset.rowIndex) + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0 || next >= rows.length) return;
    event.preventDefault();
    virtualizer.scrollToIndex(next);
    const focus = (attempt: number) => {
      const link = scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${next}"] a`);
      if (link) link.focus();
      else if (attempt < 5) requestAnimationFrame(() => focus(attempt + 1));
    };
    focus(0);
  };

  const cell = (row: JobRow, column: JobColumn) => {
    switch (column) {
      case 'instance':
        return (
          <RouterLink to={jobPath({ vaultId: row.vaultId, jobId: row.jobId, region: row.region })}>
            {row.instanceName || row.jobId}
          </RouterLink>
        );
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

  return (
    <div
      ref={scrollRef}
      className={styles.grid}
      role="grid"
      aria-label="Backup jobs"
      aria-rowcount={rows.length + 1}
      aria-colcount={JOB_COLUMNS.length}
      aria-readonly="true"
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className={styles.header}>
        <div role="row" aria-rowindex={1} className={styles.row}>
          {JOB_COLUMNS.map((column, index) => (
            <div
              key={column}
              role="columnheader"
              aria-colindex={index + 1}
              aria-sort={sort === column ? (descending ? 'descending' : 'ascending') : undefined}
              className={styles.cell}
            >
              <button type="button" className={styles.sortButton} onClick={() => onSort(column)}>
                {COLUMN_LABEL[column]}
                {sort === column &&
                  (descending ? <ArrowSortDownRegular aria-hidden /> : <ArrowSortUpRegular aria-hidden />)}
              </button>
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className={styles.body} style={{ height: `${virtualizer.getTotalSize()}px` }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <div
              key={item.key}
              role="row"
              aria-rowindex={item.index + 2}
              data-row-index={item.index}
              className={`${styles.row} ${styles.bodyRow}`}
              style={{ transform: `translateY(${item.start - ROW_HEIGHT}px)` }}
            >
              {JOB_COLUMNS.map((column, index) => (
                <div key={column} role="gridcell" aria-colindex={index + 1} className={styles.cell}>
                  {cell(row, column)}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
