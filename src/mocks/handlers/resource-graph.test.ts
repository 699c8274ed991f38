// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { rgQuery, rgQueryAll } from '@/testing/resource-graph-fetch';
import { createTestServer, type TestServer } from '../node';
import { DEMO_INSTANCE_IDS, DEMO_SUBSCRIPTIONS, DEMO_VAULT_IDS } from '../tenant/demo-tenant';
import { KqlError, execute, parseQuery, type Row } from './kql';
import { QUOTA, ResourceGraphQuota } from './routes/resource-graph';

const TABLES = { T: ['id', 'name', 'properties'] };
const ROWS: Row[] = [
  { id: 'b', name: 'B', properties: { state: 'On', region: 'westus', ext: { vault: 'V1' } } },
  { id: 'a', name: "o'brien", properties: { state: 'off', region: '', ext: { vault: 'v1' } } },
  { id: 'c', name: 'C|x', properties: { state: 'On', region: null, ext: { vault: 'v2' } } },
];
const run = (q: string) => {
  const result = execute(parseQuery(q, TABLES), ROWS);
  return result.page(0, 100);
};

describe('the KQL evaluator', () => {
  it('filters with =~, in~, isnotempty/isempty, and/or, and reads escaped literals', () => {
    expect(run("T | where properties.state =~ 'ON'").map((r) => r.id)).toEqual(['b', 'c']);
    expect(run("T | where properties.ext.vault in~ ('V1') | order by id asc").map((r) => r.id)).toEqual([
      'a',
      'b',
    ]);
    expect(run('T | where isnotempty(properties.region)').map((r) => r.id)).toEqual(['b']);
    expect(run('T | where isempty(properties.region) | order by id asc').map((r) => r.id)).toEqual([
      'a',
      'c',
    ]);
    expect(run("T | where name == 'o\\'brien' or name == 'C|x' | order by id asc").map((r) => r.id)).toEqual([
      'a',
      'c',
    ]);
    expect(run("T | where name contains 'BRIEN' and properties.state !~ 'on'").map((r) => r.id)).toEqual([
      'a',
    ]);
  });

  it('compares datetimes read with todatetime, and nothing else', () => {
    const rows: Row[] = [
      { id: 'old', name: 'x', properties: { startTime: '2025-11-01T10:00:00.0000000Z' } },
      { id: 'new', name: 'y', properties: { startTime: '2025-11-04T10:00:00.0000000Z' } },
      { id: 'none', name: 'z', properties: { startTime: null } },
    ];
    const ids = (q: string) =>
      execute(parseQuery(q, TABLES), rows)
        .page(0, 10)
        .map((r) => r.id);
    expect(ids("T | where todatetime(properties.startTime) >= todatetime('2025-11-02T00:00:00Z')")).toEqual([
      'new',
    ]);
    expect(ids("T | where todatetime(properties.startTime) < todatetime('2025-11-02T00:00:00Z')")).toEqual([
      'old',
    ]);
    // A string is not ordered against a datetime (KQL refuses the comparison; nothing matches here).
    expect(ids("T | where properties.startTime >= '2025-11-02'")).toEqual([]);
  });

  it('extends, projects (aliases and paths), orders (desc by default) and counts', () => {
    expect(
      run('T | extend v = tolower(tostring(properties.ext.vault)) | project id, v | order by id'),
    ).toEqual([
      { id: 'c', v: 'v2' },
      { id: 'b', v: 'v1' },
      { id: 'a', v: 'v1' },
    ]);
    expect(
      run('T | extend v = tolower(tostring(properties.ext.vault)) | summarize count() by v | order by v asc'),
    ).toEqual([
      { v: 'v1', count_: 2 },
      { v: 'v2', count_: 1 },
    ]);
    expect(run("T | project id, r = properties['region'] | order by id asc")).toEqual([
      { id: 'a', r: '' },
      { id: 'b', r: 'westus' },
      { id: 'c', r: null },
    ]);
  });

  it.each([
    ['T | where properties.state has "On"', 'NotSupportedBySimulator'],
    ['T | take 5', 'NotSupportedBySimulator'],
    ['T | where startswith(name, "a")', 'NotSupportedBySimulator'],
    ['T | project properties.state', 'NotSupportedBySimulator'],
    ["T | where name == 'unterminated", 'ParserFailure'],
    ["T | where name == 'a' 'b'", 'ParserFailure'],
    ['T | where nope == 1', 'UnknownColumn'],
    ['T | project id | where name == "x"', 'UnknownColumn'],
    ['Resources | where id == "x"', 'UnknownTable'],
    ['T // comment', 'NotSupportedBySimulator'],
  ])('refuses %j (%s) instead of guessing', (query, kind) => {
    let error: unknown;
    try {
      parseQuery(query, TABLES);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KqlError);
    expect((error as KqlError).kind).toBe(kind);
  });
});

describe('the quota window', () => {
  it('counts down 15 queries per 5 s window and says when it resets', () => {
    let now = 1_000_000;
    const quota = new ResourceGraphQuota(() => now);
    const remaining: string[] = [];
    for (let i = 0; i < QUOTA.limit + 1; i++) remaining.push(quota.take()['x-ms-user-quota-remaining'] ?? '');
    expect(remaining.slice(0, 3)).toEqual(['14', '13', '12']);
    expect(remaining.slice(-2)).toEqual(['0', '0']);
    now += 1200;
    expect(quota.take()['x-ms-user-quota-resets-after']).toBe('00:00:04');
    now += 3800;
    expect(quota.take()).toEqual({
      'x-ms-user-quota-remaining': '14',
      'x-ms-user-quota-resets-after': '00:00:05',
    });
  });
});

const INSTANCES =
  "RecoveryServicesResources | where type =~ 'microsoft.dataprotection/backupvaults/backupinstances'";
const ALL_SUBS = Object.values(DEMO_SUBSCRIPTIONS).map((s) => s.subscriptionId);

let t: TestServer | undefined;
function start(options: Parameters<typeof createTestServer>[0] = {}): TestServer {
  t = createTestServer(options);
  t.listen();
  return t;
}
afterEach(() => t?.close());

describe('POST /providers/Microsoft.ResourceGraph/resources on the demo tenant', () => {
  it('lists every backup instance as a whole row, with extended properties consistent with its recovery points', async () => {
    const server = start();
    const { rows } = await rgQueryAll(`${INSTANCES} | order by id asc`, ALL_SUBS);
    const modelCount = [...server.tenant.vaults.values()].reduce(
      (n, v) => n + server.tenant.listInstances(v).length,
      0,
    );
    expect(rows).toHaveLength(modelCount);
    const byId = new Map(rows.map((r) => [String(r.id).toLowerCase(), r]));
    const ext = (id: string) =>
      (
        byId.get(id.toLowerCase())?.properties as {
          backupInstanceExtendedProperties: Record<string, unknown>;
        }
      ).backupInstanceExtendedProperties;

    const orders = server.tenant.getInstanceById(DEMO_INSTANCE_IDS.ordersDb);
    if (!orders) throw new Error('demo tenant without orders-db');
    const primary = server.tenant.primaryRecoveryPoints(orders);
    const secondary = server.tenant.secondaryRecoveryPoints(orders);
    expect(secondary.length).toBeGreaterThan(0);
    expect(ext(DEMO_INSTANCE_IDS.ordersDb)).toMatchObject({
      protectedPrimaryRegion: 'eastus',
      protectedSecondaryRegion: 'westus',
      protectionStateInSecondaryRegion: 'ProtectionConfigured',
      vaultId: DEMO_VAULT_IDS.contosoPg,
      allowedOperations: expect.arrayContaining([
        'RestoreToSecondaryRegion',
        'ViewSecondaryRecoveryPoint',
      ]) as unknown,
      policyExtendedInfo: {
        rpoWarningThresholdInSecondaryRegion: '1.21:00:00',
        rpoWarningThresholdInPrimaryRegion: '1.12:00:00',
      },
    });
    const info = ext(DEMO_INSTANCE_IDS.ordersDb).recoveryPointInfo as Record<string, string>;
    expect(Date.parse(info.latestRecoveryPointInPrimaryRegion ?? '')).toBe(primary[0]?.time);
    expect(Date.parse(info.oldestRecoveryPointInPrimaryRegion ?? '')).toBe(primary.at(-1)?.time);
    expect(Date.parse(info.latestRecoveryPointInSecondaryRegion ?? '')).toBe(secondary[0]?.time);
    expect(Date.parse(info.oldestRecoveryPointInSecondaryRegion ?? '')).toBe(secondary.at(-1)?.time);

    // reporting-db: protected in westus, nothing replicated yet.
    expect(ext(DEMO_INSTANCE_IDS.reportingDb)).toMatchObject({
      protectedSecondaryRegion: 'westus',
      recoveryPointInfo: { latestRecoveryPointInSecondaryRegion: '0001-01-01T00:00:00Z' },
    });
    // A vault without Cross Region Restore: no secondary region, TimeSpan.MinValue thresholds.
    const grs = rows.find((r) => String(r.id).includes('/contoso-grs-vault/'));
    expect(
      (grs?.properties as { backupInstanceExtendedProperties: unknown }).backupInstanceExtendedProperties,
    ).toMatchObject({
      protectedSecondaryRegion: '',
      protectionStateInSecondaryRegion: 'NotProtected',
      policyExtendedInfo: { rpoWarningThresholdInSecondaryRegion: '-10675199.02:48:05.4775808' },
    });
  });

  it('follows the vault update: once CRR is enabled the vault’s instances get their secondary region', async () => {
    const server = start();
    const vault = server.tenant.getVaultById(DEMO_VAULT_IDS.contosoGrs);
    if (!vault) throw new Error('no grs vault');
    server.tenant.patchVault(vault, {
      properties: { featureSettings: { crossRegionRestoreSettings: { state: 'Enabled' } } },
    });
    server.advance(60_000);
    const q = `${INSTANCES} | where properties.backupInstanceExtendedProperties.vaultId in~ ('${DEMO_VAULT_IDS.contosoGrs}') | project id, r = properties.backupInstanceExtendedProperties.protectedSecondaryRegion, l = properties.backupInstanceExtendedProperties.recoveryPointInfo.latestRecoveryPointInSecondaryRegion | order by id asc`;
    const { rows } = await rgQueryAll(q, ALL_SUBS);
    expect(rows.map((r) => [r.r, r.l])).toEqual([
      ['northeurope', '0001-01-01T00:00:00Z'],
      ['northeurope', '0001-01-01T00:00:00Z'],
    ]);
  });

  it('pages with $skipToken, reports the quota and refuses a token for another query', async () => {
    start();
    const first = await rgQuery(`${INSTANCES} | project id | order by id asc`, ALL_SUBS, {
      resultFormat: 'objectArray',
      $top: 4,
    });
    expect(first.status).toBe(200);
    expect([first.body.count, first.body.resultTruncated, typeof first.body.$skipToken]).toEqual([
      4,
      'false',
      'string',
    ]);
    expect(Number(first.headers.get('x-ms-user-quota-remaining'))).toBeLessThan(QUOTA.limit);
    expect(first.headers.get('x-ms-user-quota-resets-after')).toMatch(/^00:00:0[0-5]$/);
    const second = await rgQuery(`${INSTANCES} | project id | order by id asc`, ALL_SUBS, {
      $top: 4,
      $skipToken: first.body.$skipToken,
    });
    expect(second.body.data[0]?.id).not.toBe(first.body.data[0]?.id);
    const wrong = await rgQuery(`${INSTANCES} | project id, name | order by id asc`, ALL_SUBS, {
      $top: 4,
      $skipToken: first.body.$skipToken,
    });
    expect(wrong.status).toBe(400);
    expect((wrong.body as unknown as { error: { details: { code: string }[] } }).error.details[0]?.code).toBe(
      'InvalidSkipToken',
    );
    const all = await rgQueryAll(`${INSTANCES} | project id | order by id asc`, ALL_SUBS, 4);
    expect(new Set(all.rows.map((r) => r.id)).size).toBe(all.rows.length);
    expect(all.totals.every((n) => n === all.rows.length)).toBe(true);
  });

  it('scopes by subscription and counts per vault with summarize', async () => {
    start();
    const q = `${INSTANCES} | extend vaultId = tolower(tostring(properties.backupInstanceExtendedProperties.vaultId)) | summarize count() by vaultId | order by vaultId asc`;
    const prod = await rgQuery(q, [DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId]);
    expect(prod.body.data).toEqual(
      [
        { vaultId: DEMO_VAULT_IDS.contosoPg.toLowerCase(), count_: 5 },
        { vaultId: DEMO_VAULT_IDS.contosoGrs.toLowerCase(), count_: 2 },
      ].sort((a, b) => (a.vaultId < b.vaultId ? -1 : 1)),
    );
  });

  it('answers what it does not evaluate with Resource Graph’s 400, never a guess', async () => {
    start();
    const bad = await rgQuery(`${INSTANCES} | take 10`, ALL_SUBS);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      error: {
        code: 'BadRequest',
        details: [{ code: 'InvalidQuery' }, { code: 'NotSupportedBySimulator' }],
      },
    });
    const parse = await rgQuery(`${INSTANCES} | where name == 'x`, ALL_SUBS);
    expect(parse.body).toMatchObject({
      error: { details: [{ code: 'InvalidQuery' }, { code: 'ParserFailure', line: 1 }] },
    });
    const table = await rgQuery(INSTANCES, ALL_SUBS, { resultFormat: 'table' });
    expect(table.status).toBe(400);
    const top = await rgQuery(INSTANCES, ALL_SUBS, { $top: 5000 });
    expect(top.status).toBe(400);
  });

  it('truncates (and says so) a result without ids that is larger than a page, as Resource Graph does', async () => {
    start();
    const reply = await rgQuery(`${INSTANCES} | project name | order by name asc`, ALL_SUBS, { $top: 3 });
    expect([reply.body.count, reply.body.resultTruncated, reply.body.$skipToken]).toEqual([
      3,
      'true',
      undefined,
    ]);
    expect(reply.body.totalRecords).toBeGreaterThan(3);
  });
});

describe('the resource-graph-forbidden scenario', () => {
  it('refuses Resource Graph with 403 AuthorizationFailed while DataProtection still answers', async () => {
    start({ scenarios: ['resource-graph-forbidden'] });
    const refused = await rgQuery(INSTANCES, ALL_SUBS);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      error: {
        code: 'AuthorizationFailed',
        message: expect.stringContaining("'Microsoft.ResourceGraph/resources/read'") as unknown,
      },
    });
    const vault = await fetch(
      `https://management.azure.com${DEMO_VAULT_IDS.contosoPg}/backupInstances?api-version=2025-07-01`,
      {
        headers: { authorization: 'Bearer demo-token' },
      },
    );
    expect(vault.status).toBe(200);
  });
});

describe('at ?scale=50000', () => {
  it('pages every generated instance through $skipToken, 1,000 at a time', async () => {
    const server = start({ scale: 50_000 });
    const subs = server.tenant.listSubscriptions().map((s) => s.subscriptionId);
    const { rows, pages } = await rgQueryAll(`${INSTANCES} | project id, location | order by id asc`, subs);
    const expected = [...server.tenant.vaults.values()].reduce(
      (n, v) => n + server.tenant.listInstances(v).length,
      0,
    );
    expect(expected).toBeGreaterThanOrEqual(50_000);
    expect(rows).toHaveLength(expected);
    expect(pages).toBe(Math.ceil(expected / 1000));
  }, 60_000);
});
