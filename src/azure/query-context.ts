import type { ArmClient } from './arm-client';
import type { DataProtectionClient } from './data-protection-client';
import type { ResourcesClient } from './resources-client';

/** What the per-resource query factories need; built once by `createArm`. */
export interface ArmQueryContext {
  /** Shared transport. */
  client: ArmClient;
  /** DataProtection client of a subscription (cached per subscription). */
  dataProtection(subscriptionId: string): DataProtectionClient;
  /** Microsoft.Resources client. */
  resources: ResourcesClient;
}

/** Reported to the UI when an LRO has been accepted, so it can persist how to resume it. */
export interface OperationStartedInfo {
  /** The URL ARM handed out for polling. */
  operationUrl: string;
  /** Full resume token for `arm.operations.resume` (keeps Location / resource URLs). */
  resumeToken: string | undefined;
}
