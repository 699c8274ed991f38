// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DAY } from './clock';
import { DEMO_VAULT_IDS } from './demo-tenant';
import { ModelError } from './errors';
import { demo, vault } from './test-tenant';

describe('vault rules', () => {
  it('enabling CRR is a long-running change that shows once the operation finishes', () => {
    const t = demo();
    const grs = vault(t, DEMO_VAULT_IDS.contosoGrs);
    const op = t.patchVault(grs, {
      properties: { featureSettings: { crossRegionRestoreSettings: { state: 'Enabled' } } },
    });
    expect(t.operationStatus(op)).toBe('Inprogress');
    t.settle();
    expect(grs.crrState).toBe('Disabled');
    t.clock.advance(t.timings.vaultPatchMs);
    t.settle();
    expect(t.operationStatus(op)).toBe('Succeeded');
    expect(grs.crrState).toBe('Enabled');
    // Items show in the secondary region only once copies made after enabling arrive.
    const bi = t.listInstances(grs)[0];
    if (!bi) throw new Error('no instance');
    expect(t.secondaryRecoveryPoints(bi)).toHaveLength(0);
    t.clock.advance(2 * DAY);
    expect(t.secondaryRecoveryPoints(bi).length).toBeGreaterThan(0);
  });

  it('refuses Enabled -> Disabled and CRR on non-geo-redundant vaults', () => {
    const t = demo();
    const off = { properties: { featureSettings: { crossRegionRestoreSettings: { state: 'Disabled' } } } };
    const on = { properties: { featureSettings: { crossRegionRestoreSettings: { state: 'Enabled' } } } };
    expect(() => t.patchVault(vault(t, DEMO_VAULT_IDS.contosoPg), off)).toThrow(
      expect.objectContaining({
        status: 400,
        code: 'UserErrorCrossRegionRestoreStateChangeNotAllowed',
      }) as ModelError,
    );
    expect(() => t.patchVault(vault(t, DEMO_VAULT_IDS.contosoLrs), on)).toThrow(
      expect.objectContaining({
        status: 400,
        code: 'UserErrorCrossRegionRestoreNotSupportedForVaultRedundancy',
      }) as ModelError,
    );
    expect(() => t.patchVault(vault(t, DEMO_VAULT_IDS.fabrikamZrs), on)).toThrow(ModelError);
  });

  it('refuses a second change while one is running (409)', () => {
    const t = demo();
    const grs = vault(t, DEMO_VAULT_IDS.contosoGrs);
    t.patchVault(grs, { tags: { a: 'b' } });
    expect(() => t.patchVault(grs, { tags: { c: 'd' } })).toThrow(
      expect.objectContaining({ status: 409, code: 'UserErrorAnotherOperationInProgress' }) as ModelError,
    );
  });
});
