import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { JobRow } from '@/azure/jobs/job-row';
import { CSV_FIELDS, jobsToCsv } from './export-csv';

const base: JobRow = {
  key: 'primary:/x',
  id: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/v1/backupJobs/j1',
  jobId: 'j1',
  vaultId: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/v1',
  vaultName: 'v1',
  subscriptionId: 's1',
  region: 'secondary',
  instanceName: 'orders-db',
  instanceId: undefined,
  datasourceType: 'Microsoft.DBforPostgreSQL/servers/databases',
  operation: 'CrossRegionRestore',
  status: 'Failed',
  rawStatus: 'Failed',
  startTime: Date.UTC(2025, 10, 4, 10, 0, 0),
  endTime: Date.UTC(2025, 10, 4, 10, 4, 10),
  durationMs: 250_000,
  errorCode: 'UserErrorDBUserAuthFailed',
};

describe('CSV export', () => {
  it('writes every row with the grid columns in words', async () => {
    const csv = await jobsToCsv(
      [base, { ...base, key: 'k2', instanceName: 'billing-db', status: 'Completed' }],
      () => 'Contoso Production',
    );
    const parsed = Papa.parse<string[]>(csv.trim());
    expect(parsed.data[0]).toEqual([...CSV_FIELDS]);
    expect(parsed.data).toHaveLength(3);
    expect(parsed.data[1]).toEqual([
      'orders-db',
      'Azure Database for PostgreSQL servers',
      'Cross Region Restore',
      'Failed',
      '2025-11-04T10:00:00.000Z',
      '2025-11-04T10:04:10.000Z',
      '4 min 10 s',
      'v1',
      'Contoso Production',
      'Secondary Region',
      'UserErrorDBUserAuthFailed',
      base.id,
    ]);
  });

  it.each(['=HYPERLINK("http://evil")', '+1+2', '-2+3', '@SUM(A1)', '\tcmd'])(
    'neutralises a cell beginning %j so spreadsheets do not run it',
    async (hostile) => {
      const csv = await jobsToCsv([{ ...base, instanceName: hostile, vaultName: hostile }], () => hostile);
      const row = Papa.parse<string[]>(csv.trim()).data[1];
      expect(row?.[0]).toBe(`'${hostile}`);
      expect(row?.[7]).toBe(`'${hostile}`);
      expect(row?.[8]).toBe(`'${hostile}`);
    },
  );

  it('leaves ordinary text alone', async () => {
    const csv = await jobsToCsv([{ ...base, instanceName: 'db-1=2' }], () => 'x');
    expect(Papa.parse<string[]>(csv.trim()).data[1]?.[0]).toBe('db-1=2');
  });
});
