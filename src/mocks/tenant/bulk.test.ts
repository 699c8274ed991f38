// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createManualClock } from './clock';
import { createDemoTenant } from './demo-tenant';

describe('bulk generator', () => {
  it('builds 50,000 extra instances into the same model, quickly and deterministically', () => {
    const started = performance.now();
    const tenant = createDemoTenant({ clock: createManualClock(Date.UTC(2025, 10, 4)), scale: 50_000 });
    const ms = performance.now() - started;
    console.info(`[bulk] demo tenant + 50,000 instances built in ${ms.toFixed(0)} ms`);
    expect(tenant.instances.size).toBe(50_000 + 10);
    expect(ms).toBeLessThan(5_000);
    const again = createDemoTenant({ clock: createManualClock(Date.UTC(2025, 10, 4)), scale: 50_000 });
    expect([...again.instances.keys()].slice(-3)).toEqual([...tenant.instances.keys()].slice(-3));
    const vault = [...tenant.vaults.values()].at(-1);
    if (!vault) throw new Error('no vault');
    const bi = tenant.listInstances(vault)[0];
    if (!bi) throw new Error('no instance');
    expect(tenant.primaryRecoveryPoints(bi).length).toBeGreaterThan(0);
  });
});
