import {
  Button,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useArm } from '@/azure/arm-context';
import type { CrossRegionRestoreResult } from '@/azure/backup-instances/queries';
import type { FollowedOperation } from '@/azure/operations/follow';
import type { PendingOperation } from '@/azure/operations/pending-operations';
import { sameResourceId } from '@/azure/resource-id';
import { ArmErrorMessage } from '@/components/arm-error-message';
import { QueryView } from '@/components/query-view';
import { RouterLink } from '@/components/router-link';
import { formatDateTime, formatUtc } from '@/lib/format';
import type { RestoreSource } from './form-model';
import { createJobQueries } from '@/azure/jobs/queries';
import { createArmOperations } from '@/azure/operations/arm-operations';

const useStyles = makeStyles({
  body: { display: 'grid', gap: tokens.spacingVerticalL, maxWidth: '960px' },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
});

/** Jobs started this long before the request left still count (the two clocks differ). */
const CLOCK_SKEW_MS = 10 * 60_000;

export interface PendingRestoreProps {
  source: RestoreSource;
  operation: PendingOperation | undefined;
  follow: UseQueryResult<FollowedOperation<CrossRegionRestoreResult>>;
  onJob: (jobName: string) => void;
}

/**
 * A restore this tab started and has not seen through (the page was reloaded, or the tab lost
 * the answer): it is followed from the pending-operation store, never sent again.
 */
export function PendingRestore({ source, operation, follow, onJob }: PendingRestoreProps) {
  const styles = useStyles();
  if (follow.data?.state === 'unconfirmed' && operation)
    return <UnconfirmedRestore source={source} operation={operation} onJob={onJob} />;
  const sentAt = operation ? Date.parse(operation.startedAt) : undefined;
  return (
    <div className={styles.body}>
      <h2>Restore in progress</h2>
      {follow.isError ? (
        <ArmErrorMessage
          error={follow.error}
          title="The restore could not be followed"
          onRetry={() => void follow.refetch()}
        />
      ) : (
        <>
          <ProgressBar aria-label="Following the restore" />
          <Text role="status">
            {follow.data?.state === 'succeeded'
              ? 'Azure started the restore; opening its job…'
              : `A restore of this backup instance was sent${
                  sentAt ? ` at ${formatDateTime(sentAt)}` : ''
                }. Following it until Azure names its job; it is not sent again.`}
          </Text>
        </>
      )}
    </div>
  );
}

/**
 * The request left but its answer never arrived: Azure may or may not have started the restore.
 * Look for it among the Secondary Region's restore jobs before anyone sends it again.
 */
function UnconfirmedRestore({
  source,
  operation,
  onJob,
}: {
  source: RestoreSource;
  operation: PendingOperation;
  onJob: (jobName: string) => void;
}) {
  const styles = useStyles();
  const arm = useArm();
  const [checked, setChecked] = useState(false);
  const sentAt = Date.parse(operation.startedAt);
  const jobs = useQuery(
    arm.group(createJobQueries).queries.crossRegion({
      vaultId: source.vaultId,
      sourceRegion: source.sourceRegion,
      secondaryRegion: source.secondaryRegion,
    }),
  );
  const adopt = (name: string) => {
    arm.group(createArmOperations).store.remove('crossRegionRestore', source.instanceId);
    onJob(name);
  };
  return (
    <div className={styles.body}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>The restore was sent, but Azure&apos;s answer never arrived</MessageBarTitle>
          {`It was sent at ${formatDateTime(sentAt)} (${formatUtc(sentAt)}) from this tab, and the page was reloaded or the network failed before Azure answered. Azure may have started it, so it is not sent again by itself.`}
        </MessageBarBody>
      </MessageBar>
      <QueryView
        query={jobs}
        loading="Looking for it among the Secondary Region's restore jobs…"
        errorTitle="The restore jobs could not be listed"
      >
        {(list) => {
          const candidates = list.filter((j) => {
            const p = j.properties;
            return (
              p &&
              /restore/i.test(p.operation) &&
              sameResourceId(p.backupInstanceId, source.instanceId) &&
              Date.parse(p.startTime) >= sentAt - CLOCK_SKEW_MS
            );
          });
          return candidates.length > 0 ? (
            <section aria-label="Restores started since">
              <Text>{`Restores of this backup instance started since then in the Secondary Region:`}</Text>
              <ul className={styles.list}>
                {candidates.map((j) => (
                  <li key={j.name}>
                    {`Started ${formatDateTime(Date.parse(j.properties?.startTime ?? ''))} · ${j.properties?.status ?? ''} `}
                    <Button size="small" appearance="primary" onClick={() => adopt(j.name ?? '')}>
                      Follow this restore
                    </Button>
                  </li>
                ))}
              </ul>
            </section>
          ) : (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                No restore of this backup instance started since then is listed yet. A new restore job can
                take a minute to appear.
              </MessageBarBody>
              <MessageBarActions>
                <Button onClick={() => void jobs.refetch()}>Search again</Button>
              </MessageBarActions>
            </MessageBar>
          );
        }}
      </QueryView>
      <section aria-label="Send it again">
        <Checkbox
          checked={checked}
          onChange={(_, data) => setChecked(data.checked === true)}
          label="I checked Backup Jobs (Secondary Region): no restore of this backup instance started then"
        />
        <div>
          <Button
            disabled={!checked}
            onClick={() =>
              arm.group(createArmOperations).store.remove('crossRegionRestore', source.instanceId)
            }
          >
            Forget the unanswered request
          </Button>
        </div>
        <Text size={200}>
          Then the restore form is back, with its values, and Restore can be sent again.{' '}
          <RouterLink to="/jobs">Open Backup Jobs</RouterLink>
        </Text>
      </section>
    </div>
  );
}
