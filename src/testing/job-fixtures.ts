// Job fixtures on the simulated tenant, for data-layer and feature tests (which may not import
// src/mocks themselves).
import { HOUR, MINUTE } from '@/mocks/tenant/clock';
import { guidFromName } from '@/mocks/tenant/prng';
import { makeJob } from '@/mocks/tenant/schedule';
import type { Tenant } from '@/mocks/tenant/tenant';

/**
 * Adds `total` on-demand backups to a vault's first instance, started in the last hour; the first
 * `running` of them are still in progress, the others completed.
 */
export function addBackupJobs(tenant: Tenant, vaultId: string, total: number, running: number): void {
  const vault = tenant.getVaultById(vaultId);
  const bi = vault && tenant.getInstanceById(vault.instanceIds[0] ?? '');
  if (!vault || !bi) throw new Error(`no vault with an instance: ${vaultId}`);
  const now = tenant.now();
  for (let i = 0; i < total; i++) {
    vault.storedJobs.push(
      makeJob(bi, {
        name: guidFromName(`fixture-job:${vaultId}:${i}`),
        operation: 'Backup',
        startTime: now - HOUR + i * 1000,
        durationMs: i < running ? 2 * HOUR : 5 * MINUTE,
        finalStatus: 'Completed',
        isUserTriggered: true,
        dataBytes: 1024,
      }),
    );
  }
}
