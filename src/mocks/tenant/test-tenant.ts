// Helpers for the model's unit tests: the demo tenant on a manual clock, and lookups that fail
// loudly instead of returning undefined.

import { createManualClock } from './clock';
import { createDemoTenant } from './demo-tenant';
import type { Tenant } from './tenant';
import type { BackupInstance, Vault } from './types';

/** 2025-11-04T09:00:00Z, as in the HTTP tests (`TEST_CLOCK_START`). */
export const START = Date.UTC(2025, 10, 4, 9, 0, 0);

export function demo(seed?: number): Tenant {
  return createDemoTenant({ seed, clock: createManualClock(START) });
}

export function vault(t: Tenant, id: string): Vault {
  const v = t.getVaultById(id);
  if (!v) throw new Error(`no vault ${id}`);
  return v;
}

export function instance(t: Tenant, id: string): BackupInstance {
  const bi = t.getInstanceById(id);
  if (!bi) throw new Error(`no instance ${id}`);
  return bi;
}
