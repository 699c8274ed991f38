import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useArm } from '@/azure/arm-context';
import type { AzureBackupJobResource } from '@/azure/jobs/types';
import { regionDisplayName } from '@/azure/regions';
import { FactList, type Fact } from '@/components/fact-list';
import { JobProblems } from '@/components/job-problems';
import { SubTasks } from '@/components/job-sub-tasks';
import { QueryView } from '@/components/query-view';
import { RouterLink } from '@/components/router-link';
import { instancePath, jobPath } from '@/lib/app-paths';
import { formatDateTime, formatPascalCase, formatUtc } from '@/lib/format';
import type { RestoreSource } from './form-model';
import { createJobQueries } from '@/azure/jobs/queries';

const useStyles = makeStyles({
  body: { display: 'grid', gap: tokens.spacingVerticalL, maxWidth: '960px' },
  links: { display: 'flex', gap: tokens.spacingHorizontalXL },
});

/** How often a running restore job is read again. */
const LIVE_REFRESH_MS = 5_000;

function statusLabel(status: string | null | undefined): string {
  return status ? formatPascalCase(status) : 'Unknown';
}

function statusColor(status: string | null | undefined) {
  if (status === 'Completed') return 'success' as const;
  if (status === 'Failed' || status === 'Cancelled') return 'danger' as const;
  if (status?.startsWith('CompletedWith')) return 'warning' as const;
  return 'informative' as const;
}

/**
 * The last step once Azure has started the restore: its job in the Secondary Region, read again
 * while it runs (status, start time, sub-tasks), with a link to the job's own page.
 */
export function RestoreSubmitted({ source, jobId }: { source: RestoreSource; jobId: string }) {
  const styles = useStyles();
  const arm = useArm();
  const job = useQuery({
    ...arm.group(createJobQueries).queries.crossRegionDetail({
      vaultId: source.vaultId,
      sourceRegion: source.sourceRegion,
      secondaryRegion: source.secondaryRegion,
      jobId,
    }),
    refetchInterval: (query) => {
      const status = query.state.data?.job.properties?.status;
      return status === undefined || status === 'InProgress' ? LIVE_REFRESH_MS : false;
    },
  });
  const secondary = regionDisplayName(source.secondaryRegion, source.locations);
  return (
    <div className={styles.body}>
      <h2>Restore submitted</h2>
      <Text>
        {`The restore runs in ${secondary} as job ${jobId}. It was sent once; you can leave this page and follow it in Backup Jobs.`}
      </Text>
      <div className={styles.links}>
        <RouterLink to={jobPath({ vaultId: source.vaultId, jobId, region: 'secondary' })}>
          Open the job in Backup Jobs
        </RouterLink>
        <RouterLink to={instancePath(source.instanceId, 'restore')}>Start another restore</RouterLink>
      </div>
      <QueryView
        query={job}
        loading="Reading the restore job…"
        errorTitle="The restore job could not be read"
      >
        {(data) => <JobDetails job={data.job} />}
      </QueryView>
    </div>
  );
}

function JobDetails({ job }: { job: AzureBackupJobResource }) {
  const p = job.properties;
  const time = (iso: string | null | undefined) =>
    iso ? <span title={formatUtc(Date.parse(iso))}>{formatDateTime(Date.parse(iso))}</span> : '—';
  const info = p?.extendedInfo;
  const facts: Fact[] = [
    ['Status', <Badge color={statusColor(p?.status)}>{statusLabel(p?.status)}</Badge>],
    ['Start time', time(p?.startTime)],
    ['End time', p?.status === 'InProgress' ? '—' : time(p?.endTime)],
    ['Backup instance', p?.backupInstanceFriendlyName ?? '—'],
    ['Restore target', info?.recoveryDestination ?? '—'],
    ['Recovery point', time(info?.sourceRecoverPoint?.recoveryPointTime)],
  ];
  const tasks = info?.subTasks ?? [];
  return (
    <>
      <FactList facts={facts} label="Restore job" />
      {tasks.length > 0 && <SubTasks tasks={tasks} />}
      <JobProblems errors={p?.errorDetails ?? []} />
      {p?.status === 'InProgress' && (
        <Text size={200}>
          Read again every few seconds while it runs. A restore cannot be cancelled once its data transfer has
          started.
        </Text>
      )}
    </>
  );
}
