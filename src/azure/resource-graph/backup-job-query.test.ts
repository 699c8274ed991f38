import { describe, expect, it } from 'vitest';
import { BACKUP_JOB_GRID_COLUMNS, backupJobsQuery, jobResourceFromGraphRow } from './backup-job-query';

const FROM = Date.UTC(2025, 10, 4, 9);

describe('backup job query', () => {
  it('asks for the jobs of a window with the grid columns, ordered by id', () => {
    expect(backupJobsQuery({ from: FROM })).toBe(
      [
        'RecoveryServicesResources',
        "where type =~ 'microsoft.dataprotection/backupvaults/backupjobs'",
        "where todatetime(properties.startTime) >= todatetime('2025-11-04T09:00:00.000Z')",
        `project ${BACKUP_JOB_GRID_COLUMNS.join(', ')}`,
        'order by id asc',
      ].join(' | '),
    );
  });

  it('closes the window and filters the workload type, allow-listed', () => {
    const q = backupJobsQuery({
      from: FROM,
      to: FROM + 3_600_000,
      datasourceTypes: ['Microsoft.DBforPostgreSQL/servers/databases', "x') | project secrets //"],
    });
    expect(q).toContain("where todatetime(properties.startTime) <= todatetime('2025-11-04T10:00:00.000Z')");
    expect(q).toContain(
      "where properties.dataSourceType in~ ('Microsoft.DBforPostgreSQL/servers/databases')",
    );
    expect(q).not.toContain('secrets');
  });

  it('refuses a time that is not a number', () => {
    expect(() => backupJobsQuery({ from: Number.NaN })).toThrow(RangeError);
  });

  it('reads a projected row as a job resource (nulls as absent)', () => {
    const job = jobResourceFromGraphRow({
      id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/v/backupJobs/j1',
      name: 'j1',
      vaultName: 'v',
      status: 'Failed',
      operation: 'Restore',
      operationCategory: 'Restore',
      isCrossRegionRestore: null,
      startTime: '2025-11-04T09:00:00Z',
      endTime: null,
      duration: '00:02:00',
      dataSourceType: 'Microsoft.DBforPostgreSQL/servers/databases',
      dataSourceName: 'orders-db',
      backupInstanceFriendlyName: 'srv/orders-db',
      backupInstanceId: null,
      errorDetails: [{ code: 'UserErrorDBUserAuthFailed', message: 'm' }],
    });
    expect(job?.properties).toMatchObject({
      status: 'Failed',
      endTime: null,
      isCrossRegionRestore: false,
      errorDetails: [{ code: 'UserErrorDBUserAuthFailed', message: 'm' }],
    });
    expect(jobResourceFromGraphRow({ name: 'no id' })).toBeUndefined();
    expect(jobResourceFromGraphRow('junk')).toBeUndefined();
  });
});
