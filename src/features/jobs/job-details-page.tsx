import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, ArrowLeftRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useParams } from '@/lib/router';
import { useArm } from '@/azure/arm-context';
import { datasourceTypeLabel } from '@/azure/backup-instances/datasource-types';
import { achievedRestoreTimeMs, achievedRpoMs } from '@/azure/jobs/job-metrics';
import { JOB_OPERATION_LABEL, jobRowFromResource, jobTime } from '@/azure/jobs/job-row';
import { regionDisplayName } from '@/azure/regions';
import { parsePostgresDatabaseId, sameResourceId } from '@/azure/resource-id';
import { ArmErrorMessage } from '@/components/arm-error-message';
import { JobProblems } from '@/components/job-problems';
import { SubTasks } from '@/components/job-sub-tasks';
import { PageHeader } from '@/components/page-header';
import { RouterLink } from '@/components/router-link';
import { jobFromParams, type JobRef } from '@/lib/app-paths';
import { formatDateTime, formatDuration, formatTimeOfDay, formatUtc } from '@/lib/format';
import { REGION_LABEL } from './job-filters';
import { Facts, JobProgress, jobProgress, Section, SupportIds } from './job-details-sections';
import { JobStatusText } from './job-status';
import { useJobDetail } from './use-job-detail';
import { createSubscriptionQueries } from '@/azure/subscriptions/queries';

const useStyles = makeStyles({
  back: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    marginBottom: tokens.spacingVerticalM,
  },
  toolbar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalL,
  },
  live: { color: tokens.colorNeutralForeground2 },
});

/** The job a pasted link names, or a message saying the link is not one. */
export function JobDetailsPage() {
  const ref = jobFromParams(useParams());
  return (
    <>
      <BackLink />
      {ref ? (
        <JobDetails jobRef={ref} />
      ) : (
        <>
          <PageHeader title="Backup job" />
          <MessageBar intent="error">
            <MessageBarBody>This link does not name a Backup job.</MessageBarBody>
          </MessageBar>
        </>
      )}
    </>
  );
}

function BackLink() {
  const styles = useStyles();
  return (
    <RouterLink to="/jobs" className={styles.back}>
      <ArrowLeftRegular aria-hidden /> Backup jobs
    </RouterLink>
  );
}

function formatBytes(bytes: number | null | undefined): string | undefined {
  if (bytes === null || bytes === undefined) return undefined;
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}

function Time({ ms }: { ms: number | undefined }) {
  return ms === undefined ? null : <span title={formatUtc(ms)}>{formatDateTime(ms)}</span>;
}

/**
 * Where a restore went, in words: the target server and database of a restore as a database, the
 * container of a restore as files, with the full destination for support.
 */
function restoreTarget(destination: string | null | undefined): [string, ReactNode][] {
  if (!destination) return [];
  try {
    const db = parsePostgresDatabaseId(destination);
    return [
      ['Target server', db.serverName],
      ['Target database', db.databaseName],
      ['Restored to', destination],
    ];
  } catch {
    return [['Restored to', destination]];
  }
}

/** A job's duration to the second; empty when unknown. */
function seconds(ms: number | undefined): string {
  return ms === undefined ? '' : formatDuration(ms, { seconds: true });
}

/** An ARM time as a local time with UTC on hover; undefined (left out) when ARM gave none. */
function optionalTime(value: string | null | undefined) {
  const ms = jobTime(value);
  return ms === undefined ? undefined : <Time ms={ms} />;
}

function JobDetails({ jobRef }: { jobRef: JobRef }) {
  const styles = useStyles();
  const arm = useArm();
  const detail = useJobDetail(jobRef);
  const subscriptions = useQuery(arm.group(createSubscriptionQueries).queries.list());
  const { job } = detail;

  const blocking = detail.vault.error ?? job.error;
  if (!job.data) {
    if (blocking) {
      return (
        <>
          <PageHeader title="Backup job" />
          <ArmErrorMessage
            error={blocking}
            title="The Backup job could not be loaded"
            onRetry={() => void (detail.vault.error ? detail.vault.refetch() : job.refetch())}
          />
        </>
      );
    }
    if (detail.noSecondaryRegion) {
      return (
        <>
          <PageHeader title="Backup job" />
          <MessageBar intent="warning">
            <MessageBarBody>
              The vault has no known Secondary Region, so its cross-region restore jobs cannot be fetched.
            </MessageBarBody>
          </MessageBar>
        </>
      );
    }
    return <Spinner label="Loading the Backup job…" />;
  }

  const resource = job.data.job;
  const props = resource.properties;
  const row = jobRowFromResource(resource, jobRef.region, job.dataUpdatedAt);
  if (!props || !row) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>Azure returned this job without its properties.</MessageBarBody>
      </MessageBar>
    );
  }
  const info = props.extendedInfo;
  const subTasks = info?.subTasks ?? [];
  const progress = row.status === 'InProgress' ? jobProgress(subTasks) : undefined;
  const isRestore = row.operation === 'Restore' || row.operation === 'CrossRegionRestore';
  const locations = detail.locations.data;
  const regionName =
    jobRef.region === 'secondary'
      ? detail.secondaryRegion && regionDisplayName(detail.secondaryRegion, locations)
      : props.dataSourceLocation && regionDisplayName(props.dataSourceLocation, locations);
  const subscriptionName =
    subscriptions.data?.find((s) => sameResourceId(s.subscriptionId, row.subscriptionId))?.displayName ??
    row.subscriptionId;
  const title = `${JOB_OPERATION_LABEL[row.operation]} of ${row.instanceName || row.jobId}`;
  const live = detail.liveState;

  return (
    <>
      <PageHeader
        title={title}
        description={`${datasourceTypeLabel(row.datasourceType)} in ${row.vaultName}`}
      />
      <div className={styles.toolbar}>
        <Text className={styles.live}>
          {`Last refreshed ${formatTimeOfDay(job.dataUpdatedAt)}. `}
          {live?.phase === 'live'
            ? `Refreshing every ${Math.round((live.delayMs ?? 0) / 1000)} s while the job runs.`
            : live?.phase === 'refreshing'
              ? 'Refreshing…'
              : ''}
        </Text>
        <Button
          icon={<ArrowClockwiseRegular />}
          disabled={live?.phase === 'refreshing'}
          onClick={() => void detail.refresh()}
        >
          Refresh
        </Button>
      </div>
      {job.error && (
        <ArmErrorMessage
          error={job.error}
          title="The latest refresh failed; the page shows the last data loaded"
        />
      )}

      <Section title="Summary">
        <Facts
          label="Summary"
          items={[
            ['Status', <JobStatusText status={row.status} />],
            ['Progress', progress !== undefined ? <JobProgress value={progress} /> : undefined],
            ['Operation', JOB_OPERATION_LABEL[row.operation]],
            ['Backup instance', row.instanceName],
            ['Datasource type', datasourceTypeLabel(row.datasourceType)],
            ['Vault', row.vaultName],
            ['Subscription', subscriptionName],
            ['Instance Region', `${REGION_LABEL[jobRef.region]}${regionName ? ` (${regionName})` : ''}`],
            ['Start time', <Time ms={row.startTime} />],
            ['End time', row.endTime !== undefined ? <Time ms={row.endTime} /> : undefined],
            ['Duration', seconds(row.durationMs)],
            ['Data transferred', formatBytes(info?.dataTransferredInBytes)],
          ]}
        />
      </Section>

      {(isRestore || info?.targetRecoverPoint) && (
        <Section title="Source and target">
          <Facts
            label="Source and target"
            items={[
              ['Recovery point used', info?.sourceRecoverPoint?.recoveryPointID ?? undefined],
              ['Recovery point time', optionalTime(info?.sourceRecoverPoint?.recoveryPointTime)],
              ...restoreTarget(info?.recoveryDestination),
              ['Recovery point created', info?.targetRecoverPoint?.recoveryPointID ?? undefined],
              ['Recovery point created at', optionalTime(info?.targetRecoverPoint?.recoveryPointTime)],
            ]}
          />
        </Section>
      )}

      {row.operation === 'CrossRegionRestore' && (
        <Section title="Achieved recovery">
          <Facts
            label="Achieved recovery"
            items={[
              [
                'Achieved RPO',
                achievedRpoMs(props) !== undefined
                  ? `${seconds(achievedRpoMs(props))} (age of the recovery point when the restore started)`
                  : 'Unknown: Azure did not say when the recovery point was taken',
              ],
              [
                'Achieved restore time',
                achievedRestoreTimeMs(props) !== undefined
                  ? seconds(achievedRestoreTimeMs(props))
                  : 'Not yet: the restore has not ended',
              ],
            ]}
          />
        </Section>
      )}

      {(props.errorDetails?.length || info?.warningDetails?.length) && (
        <Section title={props.errorDetails?.length ? 'Errors' : 'Warnings'}>
          <JobProblems errors={props.errorDetails ?? []} warnings={info?.warningDetails ?? []} />
        </Section>
      )}

      {subTasks.length > 0 && (
        <Section title="Sub-tasks">
          <SubTasks tasks={subTasks} />
        </Section>
      )}

      <Section title="Ids for support">
        <SupportIds
          ids={[
            ['Job id', row.jobId],
            ['Job resource id', resource.id],
            ['Activity id', props.activityID || undefined],
            ['Request id', job.data.requestId],
            ['Correlation id', job.data.correlationRequestId],
          ]}
        />
      </Section>
    </>
  );
}
