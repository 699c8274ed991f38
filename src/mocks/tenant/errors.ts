// Errors the model raises; handlers turn them into ARM error bodies with the same status. The
// messages ARM uses for missing scopes and busy vaults are written once here: the model, the front
// door (unknown routes) and the fault scenarios all raise these.

export interface ModelErrorInit {
  status: number;
  code: string;
  message: string;
  /** DataProtection answers its own errors with a UserFacingError in additionalInfo. */
  userFacing?: boolean;
  recommendedAction?: string[];
  target?: string;
  retryAfterSeconds?: number;
}

export class ModelError extends Error {
  readonly status: number;
  readonly code: string;
  readonly userFacing: boolean;
  readonly recommendedAction: string[];
  readonly target: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(init: ModelErrorInit) {
    super(init.message);
    this.name = 'ModelError';
    this.status = init.status;
    this.code = init.code;
    this.userFacing = init.userFacing ?? false;
    this.recommendedAction = init.recommendedAction ?? [];
    this.target = init.target;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

export function subscriptionNotFound(subscriptionId: string): ModelError {
  return new ModelError({
    status: 404,
    code: 'SubscriptionNotFound',
    message: `The subscription '${subscriptionId}' could not be found.`,
  });
}

export function resourceGroupNotFound(name: string): ModelError {
  return new ModelError({
    status: 404,
    code: 'ResourceGroupNotFound',
    message: `Resource group '${name}' could not be found.`,
  });
}

export function resourceNotFound(type: string, name: string, resourceGroup: string): ModelError {
  return new ModelError({
    status: 404,
    code: 'ResourceNotFound',
    message: `The Resource '${type}/${name}' under resource group '${resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
  });
}

export function userError(
  status: number,
  code: string,
  message: string,
  recommendedAction?: string[],
): ModelError {
  return new ModelError({
    status,
    code,
    message,
    userFacing: true,
    recommendedAction: recommendedAction ?? ['Please contact Microsoft Support if this is not expected.'],
  });
}

/**
 * 409 from the resource provider (not ARM's generic `Conflict`): a vault applies one change at a
 * time. Code chosen by us where the recordings show none; the shape is DataProtection's UserError.
 */
export function anotherOperationInProgress(): ModelError {
  return userError(
    409,
    'UserErrorAnotherOperationInProgress',
    'Another operation is in progress on this vault. Please retry after the current operation completes.',
    ['Wait for the ongoing operation on the backup vault to finish, then try again.'],
  );
}
