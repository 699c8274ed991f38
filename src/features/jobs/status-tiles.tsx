import { makeStyles, ToggleButton, tokens } from '@fluentui/react-components';
import { JOB_STATUS_LABEL, JOB_STATUSES, type JobStatus } from '@/azure/jobs/job-row';
import { JobStatusText } from './job-status';

const useStyles = makeStyles({
  tiles: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalM,
  },
  tile: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    minWidth: '150px',
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
  },
  count: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

/** Jobs per status among the rows that pass every other filter. */
export function countByStatus(statuses: Iterable<JobStatus>): Record<JobStatus, number> {
  const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
  for (const status of statuses) counts[status]++;
  return counts;
}

export interface StatusTilesProps {
  counts: Record<JobStatus, number>;
  selected: JobStatus | undefined;
  onSelect: (status: JobStatus | undefined) => void;
}

/**
 * One tile per status with its count; a tile filters the grid to its status (pressed), pressing it
 * again clears the filter. Rare statuses appear only when some job has them.
 */
export function StatusTiles({ counts, selected, onSelect }: StatusTilesProps) {
  const styles = useStyles();
  const shown = JOB_STATUSES.filter(
    (s) => counts[s] > 0 || s === selected || !['CompletedWithInformation', 'Other'].includes(s),
  );
  return (
    <div role="group" aria-label="Jobs by status" className={styles.tiles}>
      {shown.map((status) => (
        <ToggleButton
          key={status}
          className={styles.tile}
          checked={selected === status}
          aria-label={`${JOB_STATUS_LABEL[status]}: ${counts[status]}`}
          onClick={() => onSelect(selected === status ? undefined : status)}
        >
          <JobStatusText status={status} />
          <span className={styles.count}>{counts[status].toLocaleString()}</span>
        </ToggleButton>
      ))}
    </div>
  );
}
