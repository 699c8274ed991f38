// @vitest-environment node
// Resource Graph contract: the spec's own examples, the app's queries against the simulator (every
// exchange validated against Microsoft.ResourceGraph 2024-04-01), every query the builder can make
// accepted by the simulator's evaluator and filtering as the client-side twin does, and simulator
// rows shaped like the recorded real rows.

import { QueryClient } from '@tanstack/react-query';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createArm } from '@/azure/arm';
import { KNOWN_DATASOURCE_TYPES } from '@/azure/backup-instances/datasource-types';
import { parseResourceGraphInstanceRow } from '@/azure/backup-instances/instance-row';
import { CURRENT_PROTECTION_STATES } from '@/azure/backup-instances/protection-states';
import { DemoCredential } from '@/azure/credentials';
import {
  backupInstanceDetailQuery,
  backupInstancesQuery,
  instanceCountByVaultQuery,
  rowMatchesFilter,
  type BackupInstanceFilter,
} from '@/azure/resource-graph/backup-instance-query';
import { createTestServer } from '@/mocks/node';
import { execute, parseQuery } from '@/mocks/handlers/kql';
import { RECOVERY_SERVICES_COLUMNS, recoveryServicesRows } from '@/mocks/handlers/serializers/resource-graph';
import { DEMO_INSTANCE_IDS, DEMO_SUBSCRIPTIONS, DEMO_VAULT_IDS } from '@/mocks/tenant/demo-tenant';
import { rgQuery } from '../resource-graph-fetch';
import { EXAMPLE_DEFECTS, KNOWN_DEVIATIONS } from './known-deviations';
import { attachContractRecorder } from './recorder';
import { loadResourceGraphSpec, recordingsDir } from './spec-loader';
import { formatIssues } from './validation-issues';
import { getResourceGraphValidator } from './validator';
import { createInstanceCountQueries } from '@/azure/backup-instances/count-queries';
import { createBackupInstanceQueries } from '@/azure/backup-instances/queries';

const availability = loadResourceGraphSpec();
const specSuite = availability.available ? describe : describe.skip;
if (!availability.available) console.warn(`[contract] Resource Graph SKIPPED: ${availability.reason}`);

const ALL_SUBS = Object.values(DEMO_SUBSCRIPTIONS).map((s) => s.subscriptionId);
const HOSTILE = `${DEMO_VAULT_IDS.contosoPg}') | project secret | where name == ('x\\\n|`;

/** A spread of filters: none, each kind alone, everything at once, hostile values. */
function filters(): BackupInstanceFilter[] {
  const out: BackupInstanceFilter[] = [{}];
  for (const secondaryRegion of ['protected', 'notProtected'] as const) out.push({ secondaryRegion });
  for (const t of KNOWN_DATASOURCE_TYPES) out.push({ datasourceTypes: [t] });
  out.push({ datasourceTypes: KNOWN_DATASOURCE_TYPES });
  for (const s of CURRENT_PROTECTION_STATES) out.push({ protectionStates: [s] });
  out.push({ vaultIds: [DEMO_VAULT_IDS.contosoPg] }, { vaultIds: Object.values(DEMO_VAULT_IDS) });
  out.push({ vaultIds: [HOSTILE] }, { instanceIds: [DEMO_INSTANCE_IDS.ordersDb, `${HOSTILE}'"`] });
  out.push({
    secondaryRegion: 'protected',
    datasourceTypes: ['Microsoft.DBforPostgreSQL/servers/databases'],
    vaultIds: [DEMO_VAULT_IDS.contosoPg.toUpperCase(), DEMO_VAULT_IDS.contosoGrs],
    protectionStates: ['ProtectionConfigured', 'ProtectionStopped'],
    instanceIds: Object.values(DEMO_INSTANCE_IDS),
  });
  return out;
}

describe('every query the builder makes is one the simulator evaluates, with the same meaning', () => {
  const t = createTestServer();
  const source = () => recoveryServicesRows(t.tenant, undefined);
  const tables = { RecoveryServicesResources: RECOVERY_SERVICES_COLUMNS };
  const everyRow = execute(parseQuery(backupInstancesQuery(), tables), source());
  const allRows = everyRow.page(0, everyRow.total).map((r) => parseResourceGraphInstanceRow(r));

  it.each(filters().map((f) => [JSON.stringify(f).slice(0, 120), f] as const))('%s', (_, filter) => {
    const grid = execute(parseQuery(backupInstancesQuery(filter), tables), source());
    const ids = grid.page(0, grid.total).map((r) => String(r.id));
    const expected = allRows.filter((r) => r && rowMatchesFilter(r, filter)).map((r) => r?.id);
    expect(ids).toEqual(expected);
    const counts = execute(parseQuery(instanceCountByVaultQuery(filter), tables), source());
    const total = counts.page(0, counts.total).reduce((n, r) => n + Number(r.count_), 0);
    expect(total).toBe(ids.length);
    if (filter.instanceIds?.length) {
      const detail = execute(parseQuery(backupInstanceDetailQuery(filter.instanceIds), tables), source());
      expect(detail.total).toBe(
        allRows.filter((r) => r && rowMatchesFilter(r, { instanceIds: filter.instanceIds })).length,
      );
    }
  });

  it('a hostile vault id matches nothing instead of widening the query', () => {
    const grid = execute(parseQuery(backupInstancesQuery({ vaultIds: [HOSTILE] }), tables), source());
    expect(grid.total).toBe(0);
  });
});

specSuite('contract (Microsoft.ResourceGraph 2024-04-01)', () => {
  const validator = getResourceGraphValidator();

  it("the spec's own examples validate (with the documented data-array deviation)", () => {
    const op = validator?.operationById('Resources');
    expect(op).toBeDefined();
    if (!op) return;
    const examples = Object.values((op.operation['x-ms-examples'] ?? {}) as Record<string, { $ref: string }>);
    expect(examples.length).toBeGreaterThanOrEqual(10);
    const problems: string[] = [];
    for (const ref of examples) {
      const example = JSON.parse(readFileSync(path.resolve(path.dirname(op.file), ref.$ref), 'utf8')) as {
        parameters: { 'api-version': string; query: unknown };
        responses: Record<string, { body?: unknown }>;
      };
      for (const [status, response] of Object.entries(example.responses)) {
        const result = validator?.validateExchange({
          method: 'POST',
          url: `https://management.azure.com/providers/Microsoft.ResourceGraph/resources?api-version=${example.parameters['api-version']}`,
          requestBody: example.parameters.query,
          status: Number(status),
          responseBody: response.body,
        });
        // A documented example defect excuses its path and everything below it, nothing else.
        const excused = EXAMPLE_DEFECTS.filter((d) => ref.$ref.endsWith(d.example)).map((d) => d.path);
        const issues = (result?.issues ?? []).filter((i) => !excused.some((p) => i.path.startsWith(p)));
        if (issues.length) problems.push(`${ref.$ref}: ${formatIssues(issues)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('refuses what the spec refuses: $top over 1,000, a wrong resultFormat, a body without query', () => {
    const url =
      'https://management.azure.com/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01';
    const r = validator?.validateExchange({
      method: 'POST',
      url,
      requestBody: { subscriptions: ['x'], options: { $top: 5000, resultFormat: 'csv' } },
      status: 200,
      responseBody: { totalRecords: 0, count: 0, data: [], resultTruncated: 'maybe' },
    });
    const text = formatIssues(r?.issues ?? []);
    expect(text).toMatch(/request \$: must have required property 'query'/);
    expect(text).toMatch(/\$\.options\.\$top/);
    expect(text).toMatch(/\$\.options\.resultFormat/);
    expect(text).toMatch(/response \$\.resultTruncated/);
  });

  describe('the app’s Resource Graph traffic with the simulator', () => {
    const t = createTestServer({ scenarios: [] });
    const recorder = attachContractRecorder(t.server);
    beforeAll(() => t.listen());
    afterEach(async () => {
      const exchanges = await recorder.exchanges();
      expect(exchanges.filter((e) => e.result.checked).length).toBeGreaterThan(0);
      await recorder.assertAllValid();
      recorder.clear();
    });
    afterAll(() => {
      recorder.dispose();
      t.close();
    });
    const arm = createArm({
      credential: new DemoCredential(),
      sleep: () => Promise.resolve(),
      retryDelayMs: 0,
    });
    const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });

    it('grid (paged), counts and detail queries validate, requests and answers', async () => {
      const result = await client().fetchQuery(
        arm.group(createBackupInstanceQueries).queries.search({
          subscriptions: ALL_SUBS,
          filter: { secondaryRegion: 'protected' },
        }),
      );
      expect(result.complete).toBe(true);
      expect(result.source).toBe('resourceGraph');
      expect(result.rows.length).toBe(result.totalRecords);
      const counts = await client().fetchQuery(arm.group(createInstanceCountQueries).countsByVault(ALL_SUBS));
      expect(counts.byVault[DEMO_VAULT_IDS.contosoPg.toLowerCase()]).toBe(5);
      const detail = await client().fetchQuery(
        arm.group(createBackupInstanceQueries).queries.row(DEMO_INSTANCE_IDS.ordersDb),
      );
      expect(detail.source).toBe('resourceGraph');
      expect(detail.row.detailed).toBe(true);
    });

    it('the simulator’s 400 for a query it does not evaluate is Resource Graph’s ErrorResponse', async () => {
      const reply = await rgQuery('RecoveryServicesResources | take 1', ALL_SUBS);
      expect(reply.status).toBe(400);
    });
  });

  it('the data-array deviation is shown by its recorded exchanges', () => {
    const dev = KNOWN_DEVIATIONS.find((d) => d.id === 'resource-graph-data-array');
    for (const ev of dev?.evidence ?? []) {
      const file = path.join(
        recordingsDir(availability.available ? availability.spec.sharedDir : undefined),
        ev.recording,
      );
      if (!existsSync(file)) continue;
      const exchange = (
        JSON.parse(readFileSync(file, 'utf8')) as {
          method: string;
          uri: string;
          status: number;
          responseBody: unknown;
        }[]
      )[ev.exchange];
      const result = validator?.validateExchange({
        method: exchange?.method ?? '',
        url: (exchange?.uri ?? '').replace(/api-version=[^&]+/, 'api-version=2024-04-01'),
        status: exchange?.status ?? 0,
        responseBody: exchange?.responseBody,
      });
      expect(result?.issues.filter((i) => i.part === 'response')).toEqual([]);
      expect(result?.deviationsUsed).toContain('resource-graph-data-array');
    }
  });
});

describe('simulator rows have the shape of the recorded real rows', () => {
  const dir = recordingsDir();
  const files = [
    'test_dataprotection_cross_region_restore.json',
    'test_dataprotection_backup_instance_list_from_resource_graph.json',
  ];
  const recorded = files
    .map((f) => path.join(dir, f))
    .filter((f) => existsSync(f))
    .map(
      (f) =>
        (JSON.parse(readFileSync(f, 'utf8')) as { responseBody: { data: Record<string, unknown>[] } }[])[0]
          ?.responseBody.data[0],
    );

  /** Keys the CLI added with its own `extend` (not part of the table). */
  const CLI_EXTENDS = new Set(['vaultName', 'protectionState', 'datasourceId']);

  function shape(value: unknown, at: string, other: unknown, out: string[]): void {
    if (value === null || other === null || value === undefined) return; // null = absent, either side
    if (Array.isArray(value)) {
      if (!Array.isArray(other)) out.push(`${at}: array in the simulator, ${typeof other} recorded`);
      return;
    }
    if (typeof value === 'object') {
      if (typeof other !== 'object' || Array.isArray(other)) {
        out.push(`${at}: object in the simulator, not recorded as one`);
        return;
      }
      const a = Object.keys(value).filter((k) => !CLI_EXTENDS.has(k) || at !== '$');
      const b = Object.keys(other).filter((k) => !CLI_EXTENDS.has(k) || at !== '$');
      for (const k of b) if (!a.includes(k)) out.push(`${at}.${k}: recorded, missing in the simulator`);
      for (const k of a) if (!b.includes(k)) out.push(`${at}.${k}: in the simulator, never recorded`);
      for (const k of a)
        shape(
          (value as Record<string, unknown>)[k],
          `${at}.${k}`,
          (other as Record<string, unknown>)[k],
          out,
        );
      return;
    }
    if (typeof value !== typeof other)
      out.push(`${at}: ${typeof value} in the simulator, ${typeof other} recorded`);
  }

  it.skipIf(recorded.length === 0)(
    'a CRR PostgreSQL instance and a vault without CRR, key by key',
    async () => {
      const t = createTestServer();
      t.listen();
      try {
        const q =
          "RecoveryServicesResources | where type =~ 'microsoft.dataprotection/backupvaults/backupinstances' | order by id asc";
        const reply = await rgQuery(q, ALL_SUBS);
        const crr = reply.body.data.find(
          (r) => String(r.id).toLowerCase() === DEMO_INSTANCE_IDS.ordersDb.toLowerCase(),
        );
        const noCrr = reply.body.data.find((r) => String(r.id).includes('/contoso-lrs-vault/'));
        const problems: string[] = [];
        shape(crr, '$', recorded[0], problems);
        shape(noCrr, '$', recorded[1] ?? recorded[0], problems);
        expect(problems).toEqual([]);
      } finally {
        t.close();
      }
    },
  );
});
