import { describe, expect, it } from 'vitest';
import { matchPath } from './router';
import {
  instanceIdFromParams,
  instancePath,
  jobFromParams,
  jobPath,
  vaultIdFromParams,
  vaultPath,
} from './app-paths';

const VAULT =
  '/subscriptions/8f4a6c2e-3b1d-4e7a-9c5f-1d2e3f4a5b6c/resourceGroups/rg.one(1)/providers/Microsoft.DataProtection/backupVaults/v1';
const INSTANCE = `${VAULT}/backupInstances/pg-contoso-prod-orders-db`;

describe('app paths name resources readably and read them back', () => {
  it('vaults', () => {
    const path = vaultPath(VAULT, 'properties');
    expect(path).toBe('/vaults/8f4a6c2e-3b1d-4e7a-9c5f-1d2e3f4a5b6c/rg.one(1)/v1/properties');
    const match = matchPath('/vaults/:subscriptionId/:resourceGroupName/:vaultName/properties', path);
    expect(vaultIdFromParams(match ?? {})).toBe(VAULT);
  });

  it('instances and their restore wizard', () => {
    const path = instancePath(INSTANCE, 'restore');
    const match = matchPath(
      '/instances/:subscriptionId/:resourceGroupName/:vaultName/:backupInstanceName/restore',
      path,
    );
    expect(instanceIdFromParams(match ?? {})).toBe(INSTANCE);
  });

  it('jobs of either region', () => {
    const ref = {
      vaultId: VAULT,
      jobId: '0b1c2d3e-0000-4000-8000-000000000001',
      region: 'secondary' as const,
    };
    const match = matchPath(
      '/jobs/:region/:subscriptionId/:resourceGroupName/:vaultName/:jobId',
      jobPath(ref),
    );
    expect(jobFromParams(match ?? {})).toEqual(ref);
    expect(jobFromParams({ ...match, region: 'elsewhere' })).toBeUndefined();
  });
});
