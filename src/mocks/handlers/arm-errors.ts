// ARM error bodies, each shape written once: the plain `{ error: { code, message } }` of the front
// door and of ARM itself, and DataProtection's own errors, which carry a UserFacingError in
// additionalInfo (also in failed operations and in job errorDetails).

import type { ModelError } from '../tenant/errors';
import type { JobError } from '../tenant/types';
import type { ArmResult, HeaderBag } from './arm-response';

/** A plain ARM error body (front-door errors: auth, routing, api-version, throttling). */
export function armError(status: number, code: string, message: string, headers?: HeaderBag): ArmResult {
  return { status, body: { error: { code, message } }, headers };
}

/**
 * The `info` of a UserFacingError, with the explicit nulls of the recordings. `properties` is
 * `{ ActivityId }` on error responses and null inside operations and jobs.
 */
export function userFacingInfo(
  error: JobError,
  properties: Record<string, unknown> | null,
): Record<string, unknown> {
  return {
    message: error.message,
    recommendedAction: error.recommendedAction,
    details: null,
    code: error.code,
    target: '',
    innerError: null,
    isRetryable: false,
    isUserError: false,
    properties,
  };
}

/**
 * DataProtection's error object: the UserFacingError in additionalInfo and explicit nulls, exactly
 * as in the recordings (test_dataprotection_backup_vault_update.json, exchange 48). The `error` of
 * an error response and of a failed operation's status alike.
 */
export function userFacingError(
  error: JobError,
  properties: Record<string, unknown> | null,
): Record<string, unknown> {
  return {
    additionalInfo: [{ type: 'UserFacingError', info: userFacingInfo(error, properties) }],
    code: error.code,
    message: error.message,
    target: null,
    details: null,
  };
}

/** The response for an error the model raised; `activityId` is the request id. */
export function modelErrorResult(error: ModelError, activityId: string): ArmResult {
  const headers: HeaderBag = {};
  if (error.retryAfterSeconds !== undefined) headers['retry-after'] = String(error.retryAfterSeconds);
  if (error.userFacing) {
    return {
      status: error.status,
      body: { error: userFacingError(error, { ActivityId: activityId }) },
      headers,
    };
  }
  const body: Record<string, unknown> = { code: error.code, message: error.message };
  if (error.target !== undefined) body.target = error.target;
  return { status: error.status, body: { error: body }, headers };
}
