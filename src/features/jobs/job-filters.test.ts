import { describe, expect, it } from 'vitest';
import type { JobRow } from '@/azure/jobs/job-row';
import { exactWindow, queryWindow, readJobFilters, rowMatches } from './job-filters';
import { sortJobRows } from './sort-jobs';

const HOUR = 3_600_000;
const NOW = Date.UTC(2025, 10, 4, 9, 42, 13);
const VAULT = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/v1';

function row(extra: Partial<JobRow>): JobRow {
  return {
    key: `primary:${Math.random()}`,
    id: `${VAULT}/backupJobs/j`,
    jobId: 'j',
    vaultId: VAULT,
    vaultName: 'v1',
    subscriptionId: 's1',
    region: 'primary',
    instanceName: 'orders-db',
    instanceId: undefined,
    datasourceType: 'Microsoft.DBforPostgreSQL/servers/databases',
    operation: 'Backup',
    status: 'Completed',
    rawStatus: 'Completed',
    startTime: NOW - HOUR,
    endTime: undefined,
    durationMs: 60_000,
    errorCode: undefined,
    ...extra,
  };
}

describe('job filters from the URL', () => {
  it('reads the tutorial filters', () => {
    const f = readJobFilters(
      new URLSearchParams(
        'type=Microsoft.DBforPostgreSQL%2Fservers%2Fdatabases&region=secondary&status=Failed',
      ),
    );
    expect(f).toMatchObject({
      workload: 'Microsoft.DBforPostgreSQL/servers/databases',
      region: 'secondary',
      status: 'Failed',
      range: '7d',
      sort: 'startTime',
      descending: true,
    });
  });

  it('ignores values that are not on the allow-lists', () => {
    const f = readJobFilters(
      new URLSearchParams(
        "type=x' | drop&region=tertiary&status=Exploded&operation=Hack&range=99y&sort=__proto__",
      ),
    );
    expect(f).toMatchObject({
      workload: undefined,
      region: undefined,
      status: undefined,
      operation: undefined,
      range: '7d',
      sort: 'startTime',
    });
  });

  it('relative windows end now; the query window starts on the hour before so its key stays put', () => {
    const f = readJobFilters(new URLSearchParams('range=24h'));
    expect(exactWindow(f, NOW)).toEqual({ from: NOW - 24 * HOUR });
    expect(queryWindow(f, NOW)).toEqual({ from: Date.UTC(2025, 10, 3, 9) });
    expect(queryWindow(f, NOW + 10 * 60_000)).toEqual(queryWindow(f, NOW));
  });

  it('a custom window is taken as given', () => {
    const f = readJobFilters(
      new URLSearchParams('range=custom&from=2025-11-01T00:00:00Z&to=2025-11-02T00:00:00Z'),
    );
    const w = { from: Date.UTC(2025, 10, 1), to: Date.UTC(2025, 10, 2) };
    expect(exactWindow(f, NOW)).toEqual(w);
    expect(queryWindow(f, NOW)).toEqual(w);
  });

  it('matches rows on every filter, comparing vault ids case-insensitively', () => {
    const f = readJobFilters(new URLSearchParams(`vault=${VAULT.toUpperCase()}&operation=Backup&range=24h`));
    const w = exactWindow(f, NOW);
    expect(rowMatches(row({}), f, w)).toBe(true);
    expect(rowMatches(row({ operation: 'Restore' }), f, w)).toBe(false);
    expect(rowMatches(row({ startTime: NOW - 25 * HOUR }), f, w)).toBe(false);
    expect(rowMatches(row({ vaultId: `${VAULT}2` }), f, w)).toBe(false);
    const failedOnly = readJobFilters(new URLSearchParams('status=Failed'));
    expect(rowMatches(row({}), failedOnly, w)).toBe(false);
    expect(rowMatches(row({}), failedOnly, w, true)).toBe(true);
  });
});

describe('sorting', () => {
  it('sorts by a column and keeps the newest first among equals', () => {
    const rows = [
      row({ key: 'a', instanceName: 'b-db', startTime: 1 }),
      row({ key: 'b', instanceName: 'A-db', startTime: 2 }),
      row({ key: 'c', instanceName: 'b-db', startTime: 3 }),
    ];
    expect(sortJobRows(rows, 'instance', false, (s) => s).map((r) => r.key)).toEqual(['b', 'c', 'a']);
    expect(sortJobRows(rows, 'instance', true, (s) => s).map((r) => r.key)).toEqual(['c', 'a', 'b']);
    expect(sortJobRows(rows, 'startTime', true, (s) => s).map((r) => r.key)).toEqual(['c', 'b', 'a']);
  });
});
