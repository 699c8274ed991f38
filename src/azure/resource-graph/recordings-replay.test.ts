/*
 * Every recorded Resource Graph exchange in ../shared/azure-recordings (api-version 2021-03-01,
 * recorded by the Azure CLI) is served to our client (which asks with 2024-04-01: the answer shape
 * is the same) and must come back intact; backup instance rows must parse into the typed model.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { parseResourceGraphInstanceRow } from '../backup-instances/instance-row';
import { secondaryRpo } from '../backup-instances/rpo';
import { recordingsDir } from '@/testing/contract/spec-loader';
import { installMswServer, makeTestClient } from '../test-utils';
import { ResourceGraphClient } from './resource-graph-client';

interface Exchange {
  method: string;
  uri: string;
  requestBody: { subscriptions: string[]; query: string } | null;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: {
    totalRecords: number;
    count: number;
    data: Record<string, unknown>[];
    resultTruncated: string;
  };
}

const RECORDINGS = existsSync(recordingsDir()) ? recordingsDir() : undefined;
if (!RECORDINGS)
  console.warn(`Resource Graph recording replay SKIPPED: no ${recordingsDir()} (set CRR_SHARED_DIR)`);

function graphExchanges(): { file: string; index: number; exchange: Exchange }[] {
  if (!RECORDINGS) return [];
  return readdirSync(RECORDINGS)
    .filter((f) => f.endsWith('.json'))
    .flatMap((file) =>
      (JSON.parse(readFileSync(path.join(RECORDINGS, file), 'utf8')) as Exchange[]).flatMap(
        (exchange, index) =>
          /\/providers\/Microsoft\.ResourceGraph\/resources/i.test(exchange.uri)
            ? [{ file, index, exchange }]
            : [],
      ),
    );
}

const server = installMswServer();

describe.skipIf(!RECORDINGS)('replay of recorded Resource Graph exchanges', () => {
  const all = graphExchanges();

  it('finds the recorded exchanges (instances, vaults, jobs)', () => {
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(new Set(all.map((e) => new URL(e.exchange.uri).searchParams.get('api-version')))).toEqual(
      new Set(['2021-03-01']),
    );
  });

  it.each(all.map((e) => [`${e.file} #${e.index}`, e] as const))(
    '%s parses through the client',
    async (_, { exchange }) => {
      let sent: unknown;
      server.use(
        http.post(
          'https://management.azure.com/providers/Microsoft.ResourceGraph/resources',
          async ({ request }) => {
            sent = await request.json();
            return new HttpResponse(JSON.stringify(exchange.responseBody), {
              status: exchange.status,
              headers: exchange.responseHeaders,
            });
          },
        ),
      );
      const { client, sleeps } = makeTestClient();
      const pages = [];
      for await (const page of new ResourceGraphClient(client).queryPages({
        query: exchange.requestBody?.query ?? '',
        subscriptions: exchange.requestBody?.subscriptions ?? [],
      }))
        pages.push(page);
      expect(sent).toMatchObject({
        query: exchange.requestBody?.query,
        subscriptions: exchange.requestBody?.subscriptions,
      });
      expect(pages).toHaveLength(1);
      const page = pages[0];
      expect(page?.rows).toEqual(exchange.responseBody.data);
      expect([page?.totalRecords, page?.count, page?.truncated, page?.last]).toEqual([
        exchange.responseBody.totalRecords,
        exchange.responseBody.count,
        false,
        true,
      ]);
      expect(page?.quota.remaining).toBe(Number(exchange.responseHeaders['x-ms-user-quota-remaining']));
      expect(sleeps).toEqual([]);
      for (const row of exchange.responseBody.data) {
        const isInstance = String(row['type']) === 'microsoft.dataprotection/backupvaults/backupinstances';
        if (isInstance) expect(parseResourceGraphInstanceRow(row)?.id).toBe(row['id']);
      }
    },
  );

  it('reads a Cross Region Restore instance: regions, allowed operations, recovery points, policy thresholds', () => {
    const crr = all.find((e) => e.file === 'test_dataprotection_cross_region_restore.json');
    const row = parseResourceGraphInstanceRow(crr?.exchange.responseBody.data[0]);
    expect(row).toMatchObject({
      friendlyName: 'clitestcrr-ecy\\postgres',
      vaultName: 'clitest-bkp-vault-crr-donotdelete',
      resourceGroup: 'clitest-dpp-rg',
      location: 'eastus2euap',
      primaryRegion: 'eastus2euap',
      secondaryRegion: 'centraluseuap',
      protectionState: 'ProtectionConfigured',
      protectionStateInSecondaryRegion: 'ProtectionConfigured',
      policyName: 'crrclitestbackuppolicy',
      hasExtendedProperties: true,
      datasource: {
        name: 'postgres',
        serverName: 'clitestcrr-ecy',
        type: 'Microsoft.DBforPostgreSQL/servers/databases',
      },
      recoveryPoints: {
        latestSecondary: Date.parse('2025-03-09T22:00:47.974Z'),
        oldestSecondary: Date.parse('2024-12-15T22:00:41.351Z'),
        latestPrimary: Date.parse('2025-03-09T22:00:47.974Z'),
      },
      // 10.21:00:00 and 10.12:00:00
      rpoThresholdMs: { secondary: (10 * 24 + 21) * 3_600_000, primary: (10 * 24 + 12) * 3_600_000 },
    });
    expect(row?.allowedOperations).toContain('RestoreToSecondaryRegion');
    const now = Date.parse('2025-03-11T00:00:00Z');
    expect(secondaryRpo(row!, now)).toMatchObject({ state: 'withinRpo', thresholdSource: 'policy' });
  });

  it('reads the placeholders real ARM writes for what does not apply as absent', () => {
    const disk = all.find(
      (e) => e.file === 'test_dataprotection_backup_instance_list_from_resource_graph.json',
    );
    const row = parseResourceGraphInstanceRow(disk?.exchange.responseBody.data[0]);
    // protectedSecondaryRegion "", 0001-01-01 timestamps, TimeSpan.MinValue thresholds.
    expect(row).toMatchObject({
      secondaryRegion: undefined,
      protectionStateInSecondaryRegion: 'NotProtected',
      protectionState: 'ProtectionStopped',
      recoveryPoints: { latestSecondary: undefined, oldestSecondary: undefined },
      rpoThresholdMs: { primary: undefined, secondary: undefined },
      datasource: {
        name: 'clitest-disk-persistent-bi-donotdelete',
        serverName: undefined,
        type: 'Microsoft.Compute/disks',
      },
      policyName: 'diskpolicy',
    });
    expect(row?.recoveryPoints.latestPrimary).toBe(Date.parse('2025-11-03T12:02:57.857Z'));
    expect(secondaryRpo(row!, Date.now()).state).toBe('notProtected');
  });
});
