import type { ArmClient } from './arm-client';
import type { DataProtectionClient } from './data-protection-client';
import type { PendingOperationStore } from './operations/pending-operations';
import type { ResourcesClient } from './resources-client';

/** What the per-resource query factories need; built once by `createArm`. */
export interface ArmQueryContext {
  /** Shared transport. */
  client: ArmClient;
  /** DataProtection client of a subscription (cached per subscription). */
  dataProtection(subscriptionId: string): DataProtectionClient;
  /** Microsoft.Resources client. */
  resources: ResourcesClient;
  /** Operations started in this tab and not yet seen finish. */
  pendingOperations: PendingOperationStore;
}
