import { describe, expect, it } from 'vitest';
import { achievedRestoreTimeMs, achievedRpoMs } from './job-metrics';
import { jobRowFromResource, normaliseJobStatus } from './job-row';
import type { AzureBackupJob, AzureBackupJobResource } from './types';

const VAULT = '/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.DataProtection/backupVaults/v1';
const NOW = Date.UTC(2025, 10, 4, 12, 0, 0);

function job(
  props: Partial<AzureBackupJob>,
  name = '6e24aef9-5b8b-4df5-8d9b-9075abb77300',
): AzureBackupJobResource {
  return {
    id: `${VAULT}/backupJobs/${name}`,
    name,
    type: 'Microsoft.DataProtection/backupVaults/backupJobs',
    properties: {
      activityID: 'a1',
      backupInstanceFriendlyName: 'orders-db',
      dataSourceId: '/x',
      dataSourceLocation: 'eastus',
      dataSourceName: 'orders-db',
      dataSourceType: 'Microsoft.DBforPostgreSQL/servers/databases',
      isUserTriggered: true,
      operation: 'Restore',
      operationCategory: 'Restore',
      progressEnabled: true,
      sourceResourceGroup: 'rg-data',
      sourceSubscriptionID: 's1',
      startTime: '2025-11-04T10:00:00.0000000Z',
      status: 'Completed',
      subscriptionId: 's1',
      supportedActions: [''],
      vaultName: 'v1',
      ...props,
    },
  };
}

describe('job rows', () => {
  it('flattens a listed job, reading ARM nulls as absent', () => {
    const row = jobRowFromResource(
      job({
        endTime: '2025-11-04T10:14:00.0000000Z',
        duration: '00:14:00',
        errorDetails: null,
        isCrossRegionRestore: null,
      }),
      'primary',
      NOW,
    );
    expect(row).toMatchObject({
      key: `primary:${VAULT.toLowerCase()}/backupjobs/6e24aef9-5b8b-4df5-8d9b-9075abb77300`,
      jobId: '6e24aef9-5b8b-4df5-8d9b-9075abb77300',
      vaultId: VAULT,
      vaultName: 'v1',
      subscriptionId: 's1',
      instanceName: 'orders-db',
      operation: 'Restore',
      status: 'Completed',
      startTime: Date.UTC(2025, 10, 4, 10),
      durationMs: 14 * 60_000,
      errorCode: undefined,
    });
  });

  it('recognises a cross-region restore by isCrossRegionRestore (real ARM) or by the secondary region', () => {
    const listedInPrimary = jobRowFromResource(job({ isCrossRegionRestore: true }), 'primary', NOW);
    expect(listedInPrimary?.operation).toBe('CrossRegionRestore');
    expect(listedInPrimary?.region).toBe('secondary');
    expect(listedInPrimary?.key).toBe(jobRowFromResource(job({}), 'secondary', NOW)?.key);
    expect(jobRowFromResource(job({}), 'secondary', NOW)?.operation).toBe('CrossRegionRestore');
    expect(
      jobRowFromResource(job({ operation: 'Backup', operationCategory: 'Backup' }), 'secondary', NOW)
        ?.operation,
    ).toBe('Backup');
  });

  it('gives a running job its elapsed time and a failed one its first error code', () => {
    const running = jobRowFromResource(job({ status: 'InProgress', duration: '00:00:00' }), 'primary', NOW);
    expect(running?.status).toBe('InProgress');
    expect(running?.durationMs).toBe(2 * 3_600_000);
    const failed = jobRowFromResource(
      job({
        status: 'Failed',
        errorDetails: [{ code: 'UserErrorDBUserAuthFailed', message: 'm' }],
        duration: 'PT2M',
      }),
      'primary',
      NOW,
    );
    expect(failed?.errorCode).toBe('UserErrorDBUserAuthFailed');
    expect(failed?.durationMs).toBe(120_000);
  });

  it('drops bodies without an id or properties instead of showing empty rows', () => {
    expect(
      jobRowFromResource({ id: `${VAULT}/backupJobs/x`, properties: null }, 'primary', NOW),
    ).toBeUndefined();
    expect(jobRowFromResource({ ...job({}), id: '/not/an/id' }, 'primary', NOW)).toBeUndefined();
  });

  it.each([
    ['InProgress', 'InProgress'],
    ['Started', 'InProgress'],
    ['Cancelling', 'InProgress'],
    ['CompletedWithWarnings', 'CompletedWithWarnings'],
    ['Canceled', 'Cancelled'],
    ['Weird', 'Other'],
    [null, 'Other'],
  ] as const)('reads status %s as %s', (raw, status) => {
    expect(normaliseJobStatus(raw)).toBe(status);
  });
});

describe('achieved RPO and restore time', () => {
  const restore = (props: Partial<AzureBackupJob>) => job(props).properties as AzureBackupJob;

  it('RPO is the recovery point age when the restore started', () => {
    const j = restore({
      startTime: '2025-11-04T10:00:00Z',
      extendedInfo: {
        sourceRecoverPoint: { recoveryPointID: 'rp', recoveryPointTime: '2025-11-03T08:30:00Z' },
      },
    });
    expect(achievedRpoMs(j)).toBe(25.5 * 3_600_000);
  });

  it('RPO is unknown without the recovery point time (lists, or .NET MinValue)', () => {
    expect(achievedRpoMs(restore({ extendedInfo: null }))).toBeUndefined();
    expect(
      achievedRpoMs(
        restore({ extendedInfo: { sourceRecoverPoint: { recoveryPointTime: '0001-01-01T00:00:00Z' } } }),
      ),
    ).toBeUndefined();
  });

  it('restore time is the duration of an ended job, and unknown while it runs', () => {
    expect(
      achievedRestoreTimeMs(
        restore({ startTime: '2025-11-04T10:00:00Z', endTime: '2025-11-04T10:23:30Z', duration: 'PT1S' }),
      ),
    ).toBe(23.5 * 60_000);
    expect(achievedRestoreTimeMs(restore({ status: 'InProgress', endTime: null }))).toBeUndefined();
  });
});
