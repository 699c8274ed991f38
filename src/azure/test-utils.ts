/* Test helpers for src/azure (msw/node server, client with recorded sleeps). Test-only. */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { ArmClient, type ArmClientOptions } from './arm-client';
import { ArmError } from './arm-error';
import type { ArmErrorKind } from './retry-rules';
import { DemoCredential } from './credentials';

/** Public-cloud ARM origin used by the tests. */
export const ARM = 'https://management.azure.com';
/** A subscription id for tests. */
export const SUB = '11111111-2222-3333-4444-555555555555';

/** Starts an msw server for the current test file; unhandled requests fail the test. */
export function installMswServer(): ReturnType<typeof setupServer> {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

/** A client whose sleeps are recorded (and skipped) so retry/poll delays can be asserted. */
export function makeTestClient(options: Partial<ArmClientOptions> = {}): {
  client: ArmClient;
  credential: DemoCredential;
  sleeps: number[];
} {
  const credential = new DemoCredential();
  const sleeps: number[] = [];
  const client = new ArmClient({
    credential,
    pollIntervalMs: 5000,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    ...options,
    retry: { jitter: 0, ...options.retry },
  });
  return { client, credential, sleeps };
}

/** One error of each kind (tests of the retry table and its readers). */
export function errorOfKind(kind: ArmErrorKind): ArmError {
  const status: Record<ArmErrorKind, number> = {
    badRequest: 400,
    auth: 401,
    forbidden: 403,
    notFound: 404,
    conflict: 409,
    timeout: 408,
    throttled: 429,
    server: 503,
    network: 0,
    aborted: 0,
    invalidResponse: 200,
    operationFailed: 200,
    other: 418,
  };
  if (kind === 'network') return ArmError.network({}, new Error('offline'));
  if (kind === 'aborted') return ArmError.aborted({});
  if (kind === 'invalidResponse') return ArmError.invalidResponse({ status: 200 }, 'x');
  if (kind === 'operationFailed')
    return ArmError.fromOperation('Failed', { code: 'X', message: 'x' }, { status: 200 });
  return ArmError.fromResponse({ status: status[kind] }, '');
}

/** A restore-as-files request to the secondary region (westus), for tests of the CRR actions. */
export const FILES_RESTORE_REQUEST_OBJECT = {
  objectType: 'AzureBackupRecoveryPointBasedRestoreRequest' as const,
  recoveryPointId: 'rp1',
  sourceDataStoreType: 'VaultStore' as const,
  restoreTargetInfo: {
    objectType: 'RestoreFilesTargetInfo' as const,
    recoveryOption: 'FailIfExists' as const,
    restoreLocation: 'westus',
    targetDetails: {
      filePrefix: 'restored',
      restoreTargetLocationType: 'AzureBlobs' as const,
      url: 'https://acct.blob.core.windows.net/c',
    },
  },
};

/** The restore {@link FILES_RESTORE_REQUEST_OBJECT} describes, as the mutations take it. */
export const FILES_RESTORE_TARGET = {
  kind: 'files' as const,
  containerUrl: 'https://acct.blob.core.windows.net/c',
  filePrefix: 'restored',
};
