// Small simulated tenants for feature tests (features may not import src/mocks).
import type { SimClock } from '@/mocks/tenant/clock';
import { TENANT_ID, Tenant } from '@/mocks/tenant/tenant';

/** One subscription, no vaults: the empty states of list pages. */
export function tenantWithoutVaults(clock: SimClock): Tenant {
  const tenant = new Tenant({ seed: 1, clock });
  tenant.addSubscription({
    subscriptionId: '0b0c0d0e-0000-4000-8000-000000000001',
    displayName: 'Empty Subscription',
    tenantId: TENANT_ID,
    state: 'Enabled',
    quotaId: 'EnterpriseAgreement_2014-09-01',
  });
  return tenant;
}
