import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useArm } from '@/azure/arm-context';
import { secondaryRegion } from '@/azure/backup-vaults/vault-rules';
import { normaliseJobStatus } from '@/azure/jobs/job-row';
import type { LoadedJob } from '@/azure/jobs/queries';
import { isArmError } from '@/azure/arm-error';
import { backupJobResourceId, parseBackupVaultId } from '@/azure/resource-id';
import type { JobRef } from '@/lib/app-paths';
import { useLiveRefresh } from './use-live-refresh';
import { createBackupVaultQueries } from '@/azure/backup-vaults/queries';
import { createJobQueries } from '@/azure/jobs/queries';
import { createSubscriptionQueries } from '@/azure/subscriptions/queries';

/**
 * One job, from its own URL: a primary job with a GET of the vault's job, a secondary one with
 * `fetchCrossRegionRestoreJob` at the vault's secondary region (which needs the vault, and the
 * locations when ARM lists no replicated region). While it runs, one request per interval keeps
 * it current.
 */
export function useJobDetail(ref: JobRef) {
  const arm = useArm();
  const queryClient = useQueryClient();
  const p = parseBackupVaultId(ref.vaultId);
  const secondary = ref.region === 'secondary';

  const vault = useQuery({
    ...arm.group(createBackupVaultQueries).queries.detail(ref.vaultId),
    enabled: secondary,
  });
  const replicated = vault.data ? secondaryRegion(vault.data, undefined) : undefined;
  // Locations name the regions on the page (and give the pair when ARM lists no replicated region).
  const locations = useQuery(arm.group(createSubscriptionQueries).queries.locations(p.subscriptionId));
  const secondaryName = replicated ?? (vault.data ? secondaryRegion(vault.data, locations.data) : undefined);

  const primaryOptions = arm
    .group(createJobQueries)
    .queries.detail(backupJobResourceId({ ...p, jobId: ref.jobId }));
  const secondaryOptions = arm.group(createJobQueries).queries.crossRegionDetail({
    vaultId: ref.vaultId,
    sourceRegion: vault.data?.location ?? '',
    secondaryRegion: secondaryName ?? '',
    jobId: ref.jobId,
  });
  const primaryJob = useQuery({ ...primaryOptions, enabled: !secondary });
  const secondaryJob = useQuery({ ...secondaryOptions, enabled: secondary && secondaryName !== undefined });
  const job = secondary ? secondaryJob : primaryJob;
  const key = secondary ? secondaryOptions.queryKey : primaryOptions.queryKey;

  const keyText = JSON.stringify(key);
  const live = useLiveRefresh(async () => {
    await queryClient.refetchQueries({ queryKey: key, exact: true });
    const state = queryClient.getQueryState<LoadedJob>(key);
    const error = state?.status === 'error' ? state.error : undefined;
    return {
      inProgress: normaliseJobStatus(state?.data?.job.properties?.status) === 'InProgress',
      throttled: isArmError(error) && error.isThrottled,
      retryAfterMs: isArmError(error) ? error.retryAfterMs : undefined,
    };
  }, keyText);

  const status = normaliseJobStatus(job.data?.job.properties?.status);
  const { observe } = live;
  useEffect(() => {
    if (job.data && !job.isFetching) observe({ inProgress: status === 'InProgress' });
  }, [observe, job.data, job.isFetching, status]);

  return {
    job,
    vault,
    locations,
    /** The secondary region the job was fetched from (secondary jobs). */
    secondaryRegion: secondaryName,
    /** The vault has no known secondary region (not geo-redundant, or no pair listed). */
    noSecondaryRegion:
      secondary &&
      vault.data !== undefined &&
      secondaryName === undefined &&
      (replicated !== undefined || locations.isFetched),
    liveState: live.state,
    refresh: live.refreshNow,
  };
}
