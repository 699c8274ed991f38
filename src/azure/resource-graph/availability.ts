import { isArmError } from '../arm-error';

/** Codes ARM uses when a resource provider is not registered for a subscription. */
const NOT_REGISTERED_CODES = new Set(
  [
    'MissingSubscriptionRegistration',
    'SubscriptionNotRegistered',
    'NoRegisteredProviderFound',
    'InvalidResourceNamespace',
  ].map((c) => c.toLowerCase()),
);

/**
 * True when Resource Graph is refused (403) or absent (404, or "provider not registered"), the
 * cases in which listing per vault is the right answer. A 400 for a bad query, a 429 that outlived
 * the retries or a 5xx is a real error and is shown as one.
 */
export function isResourceGraphUnavailable(error: unknown): boolean {
  if (!isArmError(error)) return false;
  if (error.status === 403 || error.status === 404) return true;
  return (error.status === 400 || error.status === 409) && NOT_REGISTERED_CODES.has(error.code.toLowerCase());
}
