import { queryOptions } from '@tanstack/react-query';
import { collectAll } from '../paging';
import type { ArmQueryContext } from '../query-context';
import { armKeys } from '../query-keys';
import { jobNameFromJobId, parseBackupJobId, parseBackupVaultId } from '../resource-id';

/** Arguments of the cross-region job queries. */
export interface CrossRegionJobsArgs {
  /** Source vault (primary region). */
  vaultId: string;
  /** Primary region. */
  sourceRegion: string;
  /** Secondary region the jobs run in. */
  secondaryRegion: string;
  /** OData `$filter`. */
  filter?: string | undefined;
}

/** Query factories for jobs (primary and cross-region). */
export function createJobQueries(ctx: ArmQueryContext) {
  return {
    queries: {
      /** Primary-region jobs of a vault (all pages). */
      list: (vaultId: string) =>
        queryOptions({
          queryKey: armKeys.jobList(vaultId),
          queryFn: ({ signal }) => {
            const p = parseBackupVaultId(vaultId);
            return collectAll(
              ctx
                .dataProtection(p.subscriptionId)
                .jobs.list(p.resourceGroupName, p.vaultName, { abortSignal: signal }),
            );
          },
        }),
      /** One primary-region job, by its full resource id. */
      detail: (jobId: string) =>
        queryOptions({
          queryKey: armKeys.jobDetail(jobId),
          queryFn: ({ signal }) => {
            const p = parseBackupJobId(jobId);
            return ctx
              .dataProtection(p.subscriptionId)
              .jobs.get(p.resourceGroupName, p.vaultName, p.jobId, { abortSignal: signal });
          },
        }),
      /** Cross-region restore jobs of a vault, fetched from the secondary region (all pages). */
      crossRegion: (args: CrossRegionJobsArgs) =>
        queryOptions({
          queryKey: armKeys.crossRegionJobList(args),
          queryFn: ({ signal }) => {
            const p = parseBackupVaultId(args.vaultId);
            return collectAll(
              ctx
                .dataProtection(p.subscriptionId)
                .fetchCrossRegionRestoreJobs.list(
                  p.resourceGroupName,
                  args.secondaryRegion,
                  { sourceRegion: args.sourceRegion, sourceBackupVaultId: args.vaultId },
                  { abortSignal: signal, filter: args.filter },
                ),
            );
          },
        }),
      /** One cross-region restore job (`jobId` may be the GUID or the job resource id). */
      crossRegionDetail: (args: Omit<CrossRegionJobsArgs, 'filter'> & { jobId: string }) =>
        queryOptions({
          queryKey: armKeys.crossRegionJobDetail(args),
          queryFn: ({ signal }) => {
            const p = parseBackupVaultId(args.vaultId);
            return ctx.dataProtection(p.subscriptionId).fetchCrossRegionRestoreJob.get(
              p.resourceGroupName,
              args.secondaryRegion,
              {
                sourceRegion: args.sourceRegion,
                sourceBackupVaultId: args.vaultId,
                jobId: jobNameFromJobId(args.jobId),
              },
              { abortSignal: signal },
            );
          },
        }),
    },
  };
}
