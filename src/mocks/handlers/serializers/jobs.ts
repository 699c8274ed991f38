// Backup jobs as JSON, as real ARM returns them: explicit nulls, isCrossRegionRestore and
// sourceDataStoreType, TimeSpan durations in lists and ISO durations in single-job GETs, and the
// sub-tasks a restore goes through.

import { armTime, isoDuration, timeSpan } from '../arm-response';
import { userFacingInfo } from '../arm-errors';
import type { JobView, Tenant } from '../../tenant/tenant';

/**
 * A job as ARM returns it. `detail` = single-job GET (ISO duration, full extendedInfo); lists carry a
 * TimeSpan duration and extendedInfo null (test_dataprotection_job_list_and_show.json).
 */
export function serializeJob(tenant: Tenant, view: JobView, detail: boolean): Record<string, unknown> {
  const now = tenant.now();
  const { job, status, endTime, progress } = view;
  const vault = tenant.getVaultById(job.vaultId);
  const bi = tenant.getInstanceById(job.instanceId);
  const isRestore = job.operation === 'Restore';
  const elapsed = Math.max(0, (endTime ?? now) - job.startTime);
  const ds = bi?.datasource;
  const dsSet = bi?.datasourceSet;
  const sourceRg = ds ? (/\/resourceGroups\/([^/]+)/i.exec(ds.resourceId)?.[1] ?? '') : '';
  const sourceSub = ds ? (/\/subscriptions\/([^/]+)/i.exec(ds.resourceId)?.[1] ?? '') : '';
  const running = status === 'InProgress';
  const lastUpdate = endTime ?? now;
  const properties: Record<string, unknown> = {
    activityID: job.activityId,
    subscriptionId: vault?.subscriptionId ?? '',
    backupInstanceId: job.instanceId,
    policyId: bi ? `${bi.vaultId}/backupPolicies/${bi.policyName}` : null,
    dataSourceId: ds?.resourceId ?? '',
    vaultName: vault?.name ?? '',
    backupInstanceFriendlyName: bi?.friendlyName ?? '',
    policyName: bi?.policyName ?? null,
    sourceResourceGroup: sourceRg,
    dataSourceSetName: dsSet?.resourceName ?? null,
    dataSourceName: ds?.resourceName ?? '',
    sourceDataStoreName: null,
    sourceDataStoreType: isRestore ? 'VaultStore' : null,
    destinationDataStoreName: !isRestore && status !== 'Failed' && !running ? 'VaultStore' : null,
    progressEnabled: true,
    etag: `W/"datetime'${encodeURIComponent(armTime(lastUpdate))}'"`,
    sourceSubscriptionID: sourceSub,
    dataSourceLocation: ds?.location ?? '',
    startTime: armTime(job.startTime),
    endTime: endTime === undefined ? null : armTime(endTime),
    dataSourceType: bi?.datasourceType ?? '',
    operationCategory: job.operation,
    operation: job.operation,
    status,
    restoreType: null,
    isUserTriggered: job.isUserTriggered,
    rehydrationPriority: null,
    supportedActions: running && (!isRestore || progress < 0.2) ? ['Cancellable'] : [''],
    duration: detail ? isoDuration(elapsed) : timeSpan(elapsed),
    progressUrl: null,
    isCrossRegionRestore: job.isCrossRegionRestore ? true : null,
    errorDetails: status === 'Failed' && job.error ? [userFacingInfo(job.error, null)] : null,
    extendedInfo: detail ? extendedInfo(view) : null,
  };
  return { properties, id: job.id, name: job.name, type: 'Microsoft.DataProtection/backupVaults/backupJobs' };
}

type TaskStatus =
  'NotStarted' | 'InProgress' | 'Completed' | 'Failed' | 'CompletedWithWarnings' | 'Cancelled';

function extendedInfo(view: JobView): Record<string, unknown> {
  const { job, status, progress } = view;
  const bytes = Math.round(job.dataBytes * progress);
  const warningDetails =
    status === 'CompletedWithWarnings' && job.warning
      ? [
          {
            resourceName: job.restore?.destination.split('/').pop() ?? null,
            warning: userFacingInfo(job.warning, null),
          },
        ]
      : null;
  if (job.operation === 'Backup') {
    const taskStatus: TaskStatus =
      status === 'InProgress'
        ? 'InProgress'
        : status === 'Failed' || status === 'Cancelled'
          ? status
          : status === 'CompletedWithWarnings'
            ? 'CompletedWithWarnings'
            : 'Completed';
    return {
      backupInstanceState: null,
      dataTransferredInBytes: status === 'Failed' || status === 'Cancelled' ? null : bytes,
      targetRecoverPoint:
        status === 'Completed' || status === 'CompletedWithWarnings'
          ? {
              recoveryPointID: job.name.replace(/-/g, ''),
              recoveryPointTime: armTime(job.startTime + job.durationMs),
            }
          : null,
      sourceRecoverPoint: null,
      recoveryDestination: null,
      subTasks: [
        {
          taskId: 1,
          taskName: 'Trigger Backup',
          taskStatus,
          taskProgress: status === 'InProgress' ? `${Math.floor(progress * 100)}%` : null,
          additionalDetails: {
            DataTransferredInBytes: String(bytes),
            DatasourceType: 'Microsoft.DBforPostgreSQL/servers/databases',
          },
        },
      ],
      additionalDetails: { RetentionTag: 'Default' },
      warningDetails,
    };
  }
  // Restores go through three phases; the job is cancellable only before data transfer starts.
  const phases: [string, number, number][] = [
    ['Trigger Restore', 0, 0.1],
    ['Transfer data', 0.1, 0.85],
    ['Restore database', 0.85, 1],
  ];
  const failedAt = status === 'Failed' ? 1 : undefined;
  const subTasks = phases.map(([taskName, from, to], i) => {
    let taskStatus: TaskStatus;
    let taskProgress: string | null = null;
    if (failedAt !== undefined) {
      taskStatus = i < failedAt ? 'Completed' : i === failedAt ? 'Failed' : 'NotStarted';
    } else if (status === 'Cancelled') {
      // Restores can be cancelled only before the data transfer starts.
      taskStatus = i === 0 ? 'Cancelled' : 'NotStarted';
    } else if (progress >= to && status !== 'InProgress') {
      taskStatus =
        status === 'CompletedWithWarnings' && i === phases.length - 1 ? 'CompletedWithWarnings' : 'Completed';
    } else if (progress >= to) {
      taskStatus = 'Completed';
    } else if (progress >= from) {
      taskStatus = 'InProgress';
      taskProgress = `${Math.floor(((progress - from) / (to - from)) * 100)}%`;
    } else {
      taskStatus = 'NotStarted';
    }
    return {
      taskId: i + 1,
      taskName: job.restore?.asFiles && i === 2 ? 'Write files' : taskName,
      taskStatus,
      taskProgress,
      additionalDetails: i === 1 ? { DataTransferredInBytes: String(bytes) } : null,
    };
  });
  return {
    backupInstanceState: null,
    dataTransferredInBytes: bytes,
    targetRecoverPoint: null,
    sourceRecoverPoint: job.restore
      ? {
          recoveryPointID: job.restore.recoveryPointId,
          recoveryPointTime: armTime(job.restore.recoveryPointTime),
        }
      : null,
    recoveryDestination: job.restore?.destination ?? null,
    subTasks,
    additionalDetails: job.restore?.asFiles
      ? { 'Restore File Prefix': job.restore.destination.split('/').pop() ?? '' }
      : null,
    warningDetails,
  };
}
