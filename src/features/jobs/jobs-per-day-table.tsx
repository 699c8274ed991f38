import { makeStyles } from '@fluentui/react-components';
import { JOB_STATUS_LABEL } from '@/azure/jobs/job-row';
import type { JobsPerDay } from './jobs-per-day';

const useStyles = makeStyles({
  // Visually hidden, read by screen readers: the chart's numbers as a table.
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

/** The jobs-per-day chart as a table (the chart's alternative for screen readers). */
export function JobsPerDayTable({ data }: { data: JobsPerDay }) {
  const styles = useStyles();
  return (
    <table className={styles.hidden}>
      <caption>Jobs per day by status</caption>
      <thead>
        <tr>
          <th scope="col">Day</th>
          {data.statuses.map((s) => (
            <th key={s} scope="col">
              {JOB_STATUS_LABEL[s]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {data.days.map((day, i) => (
          <tr key={day}>
            <th scope="row">{day}</th>
            {data.statuses.map((s) => (
              <td key={s}>{data.counts[s][i] ?? 0}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
