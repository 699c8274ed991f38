/*
 * Replays real ARM exchanges recorded by the Azure CLI (../shared/azure-recordings) through the
 * client: each recorded response is served by msw for the request the client makes, and the
 * parsed result must equal the recorded body (nothing the UI needs is lost) or, for failures,
 * carry the recorded error code and message.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { http, HttpResponse } from 'msw';
import { recordingsDir } from '@/testing/contract/spec-loader';
import { describe, expect, it } from 'vitest';
import { ArmError } from './arm-error';
import type { ArmClient } from './arm-client';
import type { ValidateCrossRegionRestoreRequestObject } from './backup-instances/types';
import type { BackupVaultResource } from './backup-vaults/types';
import { DataProtectionClient } from './data-protection-client';
import { collectAll } from './paging';
import { makeTestClient, installMswServer } from './test-utils';

interface Exchange {
  method: string;
  uri: string;
  requestBody: unknown;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: unknown;
}

// The same shared folder as the contract suite (`../shared`, or CRR_SHARED_DIR).
const candidate = recordingsDir();
const RECORDINGS = existsSync(candidate) ? candidate : undefined;
if (!RECORDINGS) {
  console.warn(`Recording replay SKIPPED: no recordings folder at ${candidate} (set CRR_SHARED_DIR)`);
}

function load(file: string): Exchange[] {
  return JSON.parse(readFileSync(path.join(RECORDINGS ?? '', file), 'utf8')) as Exchange[];
}

/** Method + lower-cased path + non-empty query params (sorted, decoded). */
function requestKey(method: string, url: string): string {
  const u = new URL(url);
  const params = [...u.searchParams.entries()]
    .filter(([, v]) => v !== '')
    .sort(([a], [b]) => a.localeCompare(b));
  return `${method.toUpperCase()} ${u.pathname.toLowerCase()}?${params.map(([k, v]) => `${k}=${v}`).join('&')}`;
}

const server = installMswServer();

/** Serves the given exchanges in order (each once) for whatever requests match them. */
function serve(exchanges: Exchange[]): { consumed: () => number } {
  const pending = [...exchanges];
  let consumed = 0;
  server.use(
    http.all('https://management.azure.com/*', ({ request }) => {
      const key = requestKey(request.method, request.url);
      const index = pending.findIndex((e) => requestKey(e.method, e.uri) === key);
      if (index < 0)
        return HttpResponse.json({ error: { code: 'ReplayMiss', message: key } }, { status: 599 });
      const [exchange] = pending.splice(index, 1);
      if (!exchange) throw new Error('unreachable');
      consumed++;
      const body =
        exchange.responseBody === null || exchange.responseBody === ''
          ? null
          : typeof exchange.responseBody === 'string'
            ? exchange.responseBody
            : JSON.stringify(exchange.responseBody);
      return new HttpResponse(body, { status: exchange.status, headers: exchange.responseHeaders });
    }),
  );
  return { consumed: () => consumed };
}

function pathParts(uri: string) {
  const p = new URL(uri).pathname;
  const get = (name: string): string => {
    const m = new RegExp(`/${name}/([^/]+)`, 'i').exec(p);
    return m?.[1] ? decodeURIComponent(m[1]) : '';
  };
  return {
    subscriptionId: get('subscriptions'),
    resourceGroupName: get('resourceGroups'),
    vaultName: get('backupVaults'),
    backupInstanceName: get('backupInstances'),
    jobId: get('backupJobs'),
    location: get('locations'),
    apiVersion: new URL(uri).searchParams.get('api-version') ?? '',
  };
}

function dpFor(client: ArmClient, uri: string): DataProtectionClient {
  const p = pathParts(uri);
  return new DataProtectionClient(client, p.subscriptionId, { apiVersion: p.apiVersion });
}

const isVaultGet = (e: Exchange) =>
  e.method === 'GET' && /\/backupVaults\/[^/?]+\?/i.test(e.uri) && e.status === 200;
const isJobGet = (e: Exchange) => e.method === 'GET' && /\/backupJobs\/[^/?]+\?/i.test(e.uri);
const isInstanceGet = (e: Exchange) => e.method === 'GET' && /\/backupInstances\/[^/?]+\?/i.test(e.uri);
const isStatusPoll = (e: Exchange) => e.method === 'GET' && /\/operationStatus\//i.test(e.uri);

describe.skipIf(!RECORDINGS)('replay of real ARM recordings', () => {
  it('backupVaults.get parses every recorded vault without losing fields', async () => {
    const vaults = load('test_dataprotection_backup_vault_update.json').filter(isVaultGet);
    expect(vaults.length).toBeGreaterThan(10);
    const { client } = makeTestClient();
    for (const exchange of vaults) {
      serve([exchange]);
      const p = pathParts(exchange.uri);
      const vault = await dpFor(client, exchange.uri).backupVaults.get(p.resourceGroupName, p.vaultName);
      const recorded = exchange.responseBody as BackupVaultResource;
      expect(vault).toEqual(recorded);
      expect(vault.properties.storageSettings[0]?.type).toBe('GeoRedundant');
      expect(vault.properties.replicatedRegions).toEqual(['eastus2euap']);
      expect(vault.properties.featureSettings?.crossRegionRestoreSettings?.state).toBe(
        recorded.properties.featureSettings?.crossRegionRestoreSettings?.state,
      );
    }
    const enabled = vaults.filter(
      (e) =>
        (e.responseBody as BackupVaultResource).properties.featureSettings?.crossRegionRestoreSettings
          ?.state === 'Enabled',
    );
    expect(enabled.length).toBeGreaterThan(0);
  });

  it('vault update LROs (PUT 201 + vault-scoped operationStatus + final GET) end with the updated vault', async () => {
    const all = load('test_dataprotection_backup_vault_update.json');
    const starts = all.map((e, i) => [e, i] as const).filter(([e]) => e.method === 'PUT' && e.status === 201);
    expect(starts.length).toBeGreaterThan(5);
    for (const [put, i] of starts) {
      const polls: Exchange[] = [];
      let j = i + 1;
      while (all[j] && isStatusPoll(all[j] as Exchange)) polls.push(all[j++] as Exchange);
      const finalGet = all[j] as Exchange;
      expect(isVaultGet(finalGet)).toBe(true);
      const { client, sleeps } = makeTestClient();
      const replay = serve([put, ...polls, finalGet]);
      const poller = await client.beginOperation<BackupVaultResource>({
        method: 'PUT',
        url: put.uri,
        body: put.requestBody,
      });
      expect(poller.operationUrl).toBe(put.responseHeaders['azure-asyncoperation']);
      const vault = await poller.pollUntilDone();
      expect(vault).toEqual(finalGet.responseBody);
      expect(replay.consumed()).toBe(2 + polls.length);
      expect(sleeps).toHaveLength(polls.length);
    }
  });

  it('vault PUT 400s surface the recorded error code, message and advice', async () => {
    const failures = load('test_dataprotection_backup_vault_update.json').filter(
      (e) => e.method === 'PUT' && e.status === 400,
    );
    expect(failures.map((f) => (f.responseBody as { error: { code: string } }).error.code)).toContain(
      'UserErrorCrossRegionRestoreStateChangeNotAllowed',
    );
    for (const exchange of failures) {
      serve([exchange]);
      const { client } = makeTestClient();
      const e = (await client
        .send({ method: 'PUT', url: exchange.uri, body: exchange.requestBody })
        .catch((x: unknown) => x)) as ArmError;
      const recorded = (exchange.responseBody as { error: { code: string; message: string } }).error;
      expect(e).toBeInstanceOf(ArmError);
      expect([e.status, e.code, e.message]).toEqual([400, recorded.code, recorded.message]);
      expect(e.recommendedActions.length).toBeGreaterThan(0);
    }
  });

  it('vault DELETE polls the resource-group scoped locations/operationStatus URL exactly as handed out', async () => {
    const all = load('test_dataprotection_backup_vault_update.json');
    const i = all.findIndex((e) => e.method === 'DELETE');
    const del = all[i] as Exchange;
    const polls = all.slice(i + 1).filter(isStatusPoll);
    expect(del.responseHeaders['azure-asyncoperation']).toMatch(
      /\/resourceGroups\/[^/]+\/providers\/Microsoft\.DataProtection\/locations\/[^/]+\/operationStatus\//,
    );
    const { client } = makeTestClient();
    const replay = serve([del, ...polls]);
    const progress: string[] = [];
    const poller = await client.beginOperation(
      { method: 'DELETE', url: del.uri },
      { onProgress: (p) => progress.push(p.status) },
    );
    await expect(poller.pollUntilDone()).resolves.toBeUndefined();
    expect(progress).toEqual(['Inprogress', 'Succeeded']);
    expect(replay.consumed()).toBe(1 + polls.length);
  });

  it('restore / validateRestore LROs (202, operationStatus, Location result) yield the recorded job id', async () => {
    let checked = 0;
    const replays: { start: Exchange; polls: Exchange[]; result: Exchange }[] = [];
    for (const file of [
      'test_dataprotection_backup_and_restore_oss.json',
      'test_dataprotection_backup_and_restore_pgflex.json',
    ]) {
      const all = load(file);
      all.forEach((start, i) => {
        if (
          start.method !== 'POST' ||
          start.status !== 202 ||
          !/\/(restore|validateRestore|validateForBackup|backup)\?/i.test(start.uri)
        )
          return;
        const rest: Exchange[] = [];
        let j = i + 1;
        while (all[j] && isStatusPoll(all[j] as Exchange)) rest.push(all[j++] as Exchange);
        const result = all[j] as Exchange;
        expect(result.uri).toMatch(/operationResults/);
        checked++;
        replays.push({ start, polls: rest, result });
      });
    }
    expect(checked).toBeGreaterThanOrEqual(10);
    for (const { start, polls, result } of replays) {
      const { client } = makeTestClient();
      serve([start, ...polls, result]);
      const poller = await client.beginOperation<{ jobId?: string }>(
        { method: 'POST', url: start.uri, body: start.requestBody },
        { finalStateVia: 'location' },
      );
      const value = await poller.pollUntilDone();
      expect(value).toEqual(result.responseBody);
    }
    const withJob = replays.filter((r) => (r.result.responseBody as { jobId?: string }).jobId);
    expect(withJob.length).toBeGreaterThan(0);
  });

  it('backupInstances.list / get parse every recorded instance', async () => {
    let checked = 0;
    for (const file of [
      'test_dataprotection_backup_and_restore_oss.json',
      'test_dataprotection_backup_and_restore_pgflex.json',
    ]) {
      const all = load(file);
      const { client } = makeTestClient();
      for (const exchange of all.filter((e) => e.method === 'GET' && /\/backupInstances\?/i.test(e.uri))) {
        serve([exchange]);
        const p = pathParts(exchange.uri);
        const items = await collectAll(
          dpFor(client, exchange.uri).backupInstances.list(p.resourceGroupName, p.vaultName),
        );
        expect(items).toEqual((exchange.responseBody as { value: unknown[] }).value);
        expect(items[0]?.properties?.dataSourceInfo.resourceID).toMatch(/Microsoft\.DBforPostgreSQL/i);
        checked++;
      }
      for (const exchange of all.filter(isInstanceGet)) {
        serve([exchange]);
        const p = pathParts(exchange.uri);
        const bi = await dpFor(client, exchange.uri).backupInstances.get(
          p.resourceGroupName,
          p.vaultName,
          p.backupInstanceName,
        );
        expect(bi).toEqual(exchange.responseBody);
        expect(bi.properties?.currentProtectionState).toBeTruthy();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('jobs.list / jobs.get parse every recorded job (status, operation, extendedInfo, isCrossRegionRestore)', async () => {
    const { client } = makeTestClient();
    const listing = load('test_dataprotection_job_list_and_show.json').find(
      (e) => e.method === 'GET' && /\/backupJobs\?/i.test(e.uri),
    );
    if (!listing) throw new Error('job list exchange missing');
    serve([listing]);
    const lp = pathParts(listing.uri);
    const jobs = await collectAll(dpFor(client, listing.uri).jobs.list(lp.resourceGroupName, lp.vaultName));
    expect(jobs).toEqual((listing.responseBody as { value: unknown[] }).value);
    expect(jobs.length).toBe(98);
    expect(
      jobs.every(
        (j) =>
          j.properties && 'isCrossRegionRestore' in j.properties && typeof j.properties.status === 'string',
      ),
    ).toBe(true);

    let gets = 0;
    for (const file of [
      'test_dataprotection_job_list_and_show.json',
      'test_dataprotection_backup_and_restore_oss.json',
      'test_dataprotection_backup_and_restore_pgflex.json',
    ]) {
      for (const exchange of load(file).filter(isJobGet)) {
        serve([exchange]);
        const p = pathParts(exchange.uri);
        const job = await dpFor(client, exchange.uri).jobs.get(p.resourceGroupName, p.vaultName, p.jobId);
        expect(job).toEqual(exchange.responseBody);
        expect(job.properties?.operation).toBeTruthy();
        gets++;
      }
    }
    expect(gets).toBeGreaterThan(40);
  });

  it('a completed PostgreSQL restore job keeps its subTasks and source recovery point', async () => {
    const exchange = load('test_dataprotection_backup_and_restore_oss.json').find(
      (e) =>
        isJobGet(e) &&
        (e.responseBody as { properties: { operation: string; status: string } }).properties.operation ===
          'Restore' &&
        (e.responseBody as { properties: { status: string } }).properties.status === 'Completed',
    );
    if (!exchange) throw new Error('restore job missing');
    serve([exchange]);
    const { client } = makeTestClient();
    const p = pathParts(exchange.uri);
    const job = await dpFor(client, exchange.uri).jobs.get(p.resourceGroupName, p.vaultName, p.jobId);
    expect(job.properties?.extendedInfo?.subTasks?.[0]).toMatchObject({
      taskId: 1,
      taskName: 'Trigger Restore',
      taskStatus: 'Completed',
    });
    expect(job.properties?.extendedInfo?.sourceRecoverPoint?.recoveryPointTime).toMatch(/^\d{4}-/);
    expect(job.properties?.sourceDataStoreType).toBe('VaultStore');
  });

  it('recoveryPoints.list parses every recorded page, with the recorded $filter', async () => {
    const { client } = makeTestClient();
    let points = 0;
    for (const file of [
      'test_dataprotection_recovery_point_list.json',
      'test_dataprotection_backup_and_restore_oss.json',
    ]) {
      for (const exchange of load(file).filter(
        (e) => e.method === 'GET' && /\/recoveryPoints\?/i.test(e.uri),
      )) {
        serve([exchange]);
        const p = pathParts(exchange.uri);
        const filter = new URL(exchange.uri).searchParams.get('$filter') || undefined;
        const items = await collectAll(
          dpFor(client, exchange.uri).recoveryPoints.list(
            p.resourceGroupName,
            p.vaultName,
            p.backupInstanceName,
            { filter },
          ),
        );
        expect(items).toEqual((exchange.responseBody as { value: unknown[] }).value);
        for (const rp of items) expect(rp.properties?.recoveryPointTime).toMatch(/^\d{4}-\d{2}-\d{2}T/);
        points += items.length;
      }
    }
    expect(points).toBeGreaterThan(5);
  });

  it('fetchSecondaryRecoveryPoints.list parses the recorded secondary-region points', async () => {
    const { client } = makeTestClient();
    let checked = 0;
    for (const file of [
      'test_dataprotection_recovery_point_list.json',
      'test_dataprotection_cross_region_restore.json',
    ]) {
      for (const exchange of load(file).filter((e) => /fetchSecondaryRecoveryPoints/i.test(e.uri))) {
        serve([exchange]);
        const p = pathParts(exchange.uri);
        const items = await collectAll(
          dpFor(client, exchange.uri).fetchSecondaryRecoveryPoints.list(
            p.resourceGroupName,
            p.location,
            exchange.requestBody as never,
          ),
        );
        expect(items).toEqual((exchange.responseBody as { value: unknown[] }).value);
        expect(items[0]?.properties?.recoveryPointDataStoresDetails?.[0]?.type).toBe('VaultStore');
        checked++;
      }
    }
    expect(checked).toBe(2);
  });

  it('validateCrossRegionRestore 400 surfaces the recorded error', async () => {
    const exchange = load('test_dataprotection_cross_region_restore.json').find((e) =>
      /validateCrossRegionRestore/i.test(e.uri),
    );
    if (!exchange) throw new Error('validateCrossRegionRestore exchange missing');
    serve([exchange]);
    const { client } = makeTestClient();
    const p = pathParts(exchange.uri);
    const e = (await dpFor(client, exchange.uri)
      .backupInstances.beginValidateCrossRegionRestoreAndWait(
        p.resourceGroupName,
        p.location,
        exchange.requestBody as ValidateCrossRegionRestoreRequestObject,
      )
      .catch((x: unknown) => x)) as ArmError;
    expect(e).toBeInstanceOf(ArmError);
    expect([e.status, e.code]).toEqual([400, 'CloudDosTimeboudLimitReached']);
    expect(e.message).toMatch(/blocked, as a security precaution/);
    expect(e.recommendedActions).toEqual(['Please retry after few hours']);
  });
});
