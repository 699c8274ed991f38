import {
  experimental_streamedQuery as streamedQuery,
  queryOptions,
  type QueryClient,
} from '@tanstack/react-query';
import type { ArmResponse } from '../arm-client';
import { createBackupVaultQueries } from '../backup-vaults/queries';
import { listAllInVault } from '../common/vault-lists';
import { collectAll } from '../paging';
import type { ArmQueryContext } from '../query-context';
import { armKeys } from '../query-keys';
import { jobNameFromJobId, parseBackupJobId, parseBackupVaultId } from '../resource-id';
import { createSubscriptionQueries } from '../subscriptions/queries';
import {
  emptyJobSearch,
  primaryJobSource,
  reduceJobSearch,
  secondaryJobSource,
  type JobSearchDeps,
  type JobSearchScope,
  type JobSource,
} from './job-search';
import type { JobRegion } from './job-row';
import type { AzureBackupJobResource } from './types';

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

/** One job as its details page shows it: the body and the ids of the response that carried it. */
export interface LoadedJob {
  job: AzureBackupJobResource;
  /** `x-ms-request-id` of the response. */
  requestId: string | undefined;
  /** `x-ms-correlation-request-id` of the response. */
  correlationRequestId: string | undefined;
}

async function loadedJob(
  get: (onResponse: (response: ArmResponse<unknown>) => void) => Promise<AzureBackupJobResource>,
): Promise<LoadedJob> {
  let ids: Pick<LoadedJob, 'requestId' | 'correlationRequestId'> = {
    requestId: undefined,
    correlationRequestId: undefined,
  };
  const job = await get((response) => {
    ids = { requestId: response.requestId, correlationRequestId: response.correlationRequestId };
  });
  return { job, ...ids };
}

/** Each region's job stream, and where its rows come from before any chunk says otherwise. */
const SOURCES = {
  primary: { stream: primaryJobSource, source: 'resourceGraph' },
  secondary: { stream: secondaryJobSource, source: 'crossRegion' },
} as const satisfies Record<JobRegion, { stream: typeof primaryJobSource; source: JobSource }>;

/** Query factories for jobs (primary and cross-region). */
export function createJobQueries(ctx: ArmQueryContext) {
  const vaults = createBackupVaultQueries(ctx).queries;
  const subscriptions = createSubscriptionQueries(ctx).queries;
  // Vault lists and locations come from the cache when present: refreshing jobs re-lists jobs only.
  const depsOf = (client: QueryClient): JobSearchDeps => ({
    vaults: (subscriptionId) => client.ensureQueryData(vaults.list(subscriptionId)),
    locations: (subscriptionId) => client.ensureQueryData(subscriptions.locations(subscriptionId)),
    now: () => Date.now(),
  });
  const search = (region: JobRegion, scope: JobSearchScope) =>
    queryOptions({
      queryKey: armKeys.jobSearch(region, scope),
      queryFn: streamedQuery({
        streamFn: (context) => SOURCES[region].stream(ctx, depsOf(context.client), scope, context.signal),
        reducer: reduceJobSearch,
        initialValue: emptyJobSearch(SOURCES[region].source),
        refetchMode: 'replace',
      }),
    });
  return {
    queries: {
      /**
       * Primary-region jobs of the subscriptions in a window, streamed page by page (Resource Graph)
       * or list by list (per vault, where Resource Graph is refused). A refetch keeps
       * the rows on screen and swaps them when every list has answered (`refetchMode: 'replace'`).
       */
      primarySearch: (scope: JobSearchScope) => search('primary', scope),
      /** Secondary-region (cross-region restore) jobs of the subscriptions' CRR vaults in a window. */
      secondarySearch: (scope: JobSearchScope) => search('secondary', scope),
      /** Primary-region jobs of a vault (all pages). */
      list: (vaultId: string) =>
        queryOptions({
          queryKey: armKeys.jobList(vaultId),
          queryFn: ({ signal }) => listAllInVault(vaultId, (s) => ctx.dataProtection(s).jobs, signal),
        }),
      /** One primary-region job, by its full resource id, with the ids of the response. */
      detail: (jobId: string) =>
        queryOptions({
          queryKey: armKeys.jobDetail(jobId),
          queryFn: ({ signal }) => {
            const p = parseBackupJobId(jobId);
            return loadedJob((onResponse) =>
              ctx
                .dataProtection(p.subscriptionId)
                .jobs.get(p.resourceGroupName, p.vaultName, p.jobId, { abortSignal: signal, onResponse }),
            );
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
            return loadedJob((onResponse) =>
              ctx.dataProtection(p.subscriptionId).fetchCrossRegionRestoreJob.get(
                p.resourceGroupName,
                args.secondaryRegion,
                {
                  sourceRegion: args.sourceRegion,
                  sourceBackupVaultId: args.vaultId,
                  jobId: jobNameFromJobId(args.jobId),
                },
                { abortSignal: signal, onResponse },
              ),
            );
          },
        }),
    },
  };
}
