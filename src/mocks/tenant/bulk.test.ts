// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ARM_ORIGIN, pageOf } from '../handlers/arm-response';
import { addBulk } from './bulk';
import { DAY } from './clock';
import { DEMO_INSTANCE_IDS, DEMO_VAULT_IDS } from './demo-tenant';
import type { Tenant } from './tenant';
import { START, demo } from './test-tenant';

describe('bulk generator', () => {
  // One large tenant for the whole file: 50,000 is the benchmark's scale.
  const tenant = demo();
  const named = { vaults: tenant.vaults.size, instances: tenant.instances.size };
  const result = addBulk(tenant, { scale: 50_000 });
  const bulkVaults = [...tenant.vaults.values()].slice(named.vaults);

  it('adds exactly the requested instances: 200 per vault, 10 vaults per subscription', () => {
    expect(result).toEqual({ subscriptions: 25, vaults: 250, instances: 50_000, jobs: 0 });
    expect(tenant.instances.size).toBe(named.instances + 50_000);
    expect(tenant.listSubscriptions()).toHaveLength(3 + 25);
    expect(bulkVaults).toHaveLength(250);
    expect(new Set(bulkVaults.map((v) => tenant.listInstances(v).length))).toEqual(new Set([200]));
  });

  it('is deterministic for a seed and leaves the named demo tenant unchanged', () => {
    const build = (seed: number) => {
      const t = demo(seed);
      addBulk(t, { scale: 500 });
      return t;
    };
    const ids = (t: Tenant) => [...t.instances.keys()];
    expect(ids(build(7))).toEqual(ids(build(7)));
    expect(ids(build(8)).slice(-500)).not.toEqual(ids(build(7)).slice(-500));
    // A separate random stream: the demo's ids and the operation ids its journal replays stay put.
    const plain = demo(7);
    const scaled = build(7);
    expect(ids(scaled).slice(0, plain.instances.size)).toEqual(ids(plain));
    expect(scaled.getInstanceById(DEMO_INSTANCE_IDS.ordersDb)).toBeDefined();
    const patch = (t: Tenant) => {
      const grs = t.getVaultById(DEMO_VAULT_IDS.contosoGrs);
      if (!grs) throw new Error('no vault');
      return t.patchVault(grs, { tags: { a: 'b' } }).id;
    };
    expect(patch(scaled)).toBe(patch(plain));
  });

  it('stores no recovery points or jobs: they are derived from the clock when read', () => {
    const vault = bulkVaults[0];
    if (!vault) throw new Error('no bulk vault');
    expect([vault.storedJobs, vault.crrJobs]).toEqual([[], []]);
    const young = tenant.listInstances(vault).find((bi) => tenant.primaryRecoveryPoints(bi).length < 29);
    if (!young) throw new Error('no instance younger than 29 days');
    const before = tenant.primaryRecoveryPoints(young);
    const later = tenant.primaryRecoveryPoints(young, START + DAY);
    expect(later).toHaveLength(before.length + 1);
    expect(later.slice(1)).toEqual(before);
  });

  it('serializes one page of a 50,000-item list at a time, following nextLink to the next', () => {
    const all = [...tenant.instances.values()];
    const serialized: string[] = [];
    const serialize = (bi: { id: string }) => {
      serialized.push(bi.id);
      return bi.id;
    };
    const request = (url: string) => ({ url: new URL(url), apiVersion: '2025-07-01', body: undefined });
    const first = pageOf(request(`${ARM_ORIGIN}/instances`), all, 50, serialize);
    expect([serialized.length, first.value]).toEqual([50, all.slice(0, 50).map((bi) => bi.id)]);
    expect(typeof first.nextLink).toBe('string');
    const second = pageOf(request(String(first.nextLink)), all, 50, serialize);
    expect([serialized.length, second.value]).toEqual([100, all.slice(50, 100).map((bi) => bi.id)]);
  });
});
