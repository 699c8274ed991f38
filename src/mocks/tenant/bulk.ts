// Bulk data for the benchmark (`?scale=50000`, `?jobs=100000`): more subscriptions, vaults and instances built through
// the same Tenant API as the named demo tenant, so every handler and rule applies unchanged.

import { DAY, MINUTE } from './clock';
import { Prng, guidFromName, hash32 } from './prng';
import { REGIONS } from './regions';
import { TENANT_ID, type Tenant } from './tenant';
import { addPgInstance, pgServer } from './pg-instances';
import { assignBulkJobs } from './bulk-jobs';
import type { StorageRedundancy, Vault } from './types';

export interface BulkOptions {
  /** Number of extra backup instances. */
  scale: number;
  /**
   * Exactly this many jobs over the bulk vaults (see bulk-jobs.ts), instead of the instances'
   * scheduled backup jobs; undefined keeps the scheduled ones.
   */
  jobs?: number | undefined;
  instancesPerVault?: number;
  vaultsPerSubscription?: number;
}

export interface BulkResult {
  subscriptions: number;
  vaults: number;
  instances: number;
  /** Generated jobs (0 without `jobs`). */
  jobs: number;
}

export function addBulk(tenant: Tenant, options: BulkOptions): BulkResult {
  const perVault = Math.max(1, options.instancesPerVault ?? 200);
  const vaultsPerSub = Math.max(1, options.vaultsPerSubscription ?? 10);
  // A separate stream: the bulk data never shifts the ids the demo tenant or its journal use.
  const rng = new Prng(hash32(`bulk:${tenant.seed}:${options.scale}`));
  const t0 = tenant.clock.startedAt;
  const result: BulkResult = { subscriptions: 0, vaults: 0, instances: 0, jobs: 0 };
  const vaults: Vault[] = [];
  let remaining = options.scale;
  let subIndex = 0;
  while (remaining > 0) {
    subIndex++;
    const label = String(subIndex).padStart(3, '0');
    const subscriptionId = guidFromName(`bulk-sub:${tenant.seed}:${subIndex}`);
    tenant.addSubscription({
      subscriptionId,
      displayName: `Contoso Scale ${label}`,
      tenantId: TENANT_ID,
      state: 'Enabled',
      quotaId: 'EnterpriseAgreement_2014-09-01',
    });
    result.subscriptions++;
    for (let v = 1; v <= vaultsPerSub && remaining > 0; v++) {
      const region = rng.pick(REGIONS);
      const redundancy: StorageRedundancy = rng.chance(0.6)
        ? 'GeoRedundant'
        : rng.chance(0.5)
          ? 'LocallyRedundant'
          : 'ZoneRedundant';
      const backupRg = `rg-scale-${label}-backup-${region.name}`;
      const dataRg = `rg-scale-${label}-data-${region.name}`;
      if (!tenant.getResourceGroup(subscriptionId, backupRg))
        tenant.addResourceGroup({ subscriptionId, name: backupRg, location: region.name });
      if (!tenant.getResourceGroup(subscriptionId, dataRg))
        tenant.addResourceGroup({ subscriptionId, name: dataRg, location: region.name });
      const crrEnabled = redundancy === 'GeoRedundant' && rng.chance(0.5);
      const vault = tenant.addVault({
        subscriptionId,
        resourceGroup: backupRg,
        name: `bv-scale-${label}-${String(v).padStart(2, '0')}`,
        location: region.name,
        redundancy,
        crrState: redundancy === 'GeoRedundant' ? (crrEnabled ? 'Enabled' : 'Disabled') : undefined,
        crrEnabledAt: crrEnabled ? t0 - 120 * DAY : undefined,
      });
      result.vaults++;
      vaults.push(vault);
      const count = Math.min(perVault, remaining);
      // Databases are grouped onto servers of 20 so ids look like a real estate.
      let server = pgServer(subscriptionId, dataRg, `pg-scale-${label}-${v}-0`, region.name, 'single', []);
      for (let i = 0; i < count; i++) {
        if (i % 20 === 0) {
          const flexible = rng.chance(0.2);
          server = pgServer(
            subscriptionId,
            dataRg,
            `pg-scale-${label}-${v}-${i / 20}`,
            region.name,
            flexible ? 'flexible' : 'single',
            [],
          );
        }
        const database = server.kind === 'single' ? `db-${String(i).padStart(4, '0')}` : undefined;
        if (server.kind === 'flexible' && i % 20 !== 0) {
          // One instance per flexible server.
          server = pgServer(
            subscriptionId,
            dataRg,
            `pgflex-scale-${label}-${v}-${i}`,
            region.name,
            'flexible',
            [],
          );
        }
        const ageDays = rng.int(1, 30);
        addPgInstance(
          tenant,
          vault,
          server,
          database,
          t0 - ageDays * DAY + rng.int(0, 23 * 60) * MINUTE,
          { min: 6, max: 30 },
          `${server.name}${database ? `-${database}` : ''}-${guidFromName(`bulk-bi:${vault.id}:${i}`)}`,
        );
        result.instances++;
      }
      remaining -= count;
    }
  }
  if (options.jobs !== undefined && options.jobs > 0) {
    assignBulkJobs(vaults, options.jobs, t0);
    result.jobs = options.jobs;
  }
  return result;
}
