// The demo tenant's well-known ids, for feature tests (features may not import src/mocks).
export {
  DEMO_INSTANCE_IDS,
  DEMO_RESTORE_TARGETS,
  DEMO_SUBSCRIPTIONS,
  DEMO_VAULT_IDS,
} from '@/mocks/tenant/demo-tenant';
export { demoCrossRegionRestoreInput } from '@/mocks/tenant/demo-requests';
