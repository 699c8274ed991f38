// PATCH backupVaults/{name}: what the service accepts, refuses (400/409, synchronously, before any
// LRO starts) and which change the operation applies once it finishes.

import { anotherOperationInProgress, userError } from './errors';
import type { Failure } from './job-errors';
import { isRecord, readPath } from './json';
import type { Operations } from './operations';
import type { Operation, Timings, Vault } from './types';

export type VaultChange = NonNullable<Operation['pendingVaultChange']>;

/** Starts the vault update `body` asks for; `failure` (lro-fails) decides its outcome up front. */
export function startVaultPatch(
  operations: Operations,
  timings: Timings,
  vault: Vault,
  body: unknown,
  at: number,
  failure: Failure | undefined,
): Operation {
  if (!isRecord(body))
    throw userError(
      400,
      'InvalidRequestContent',
      'The request content was invalid and could not be deserialized.',
    );
  if (operations.pendingVaultOperation(vault, at)) throw anotherOperationInProgress();
  return operations.start({
    kind: 'vaultPatch',
    subscriptionId: vault.subscriptionId,
    resourceGroup: vault.resourceGroup,
    location: vault.location,
    vaultId: vault.id,
    startTime: at,
    durationMs: timings.vaultPatchMs,
    failure,
    pendingVaultChange: vaultChange(vault, body),
  });
}

/** The change a PATCH body makes to `vault`, or the 400 the service answers. */
export function vaultChange(vault: Vault, body: Record<string, unknown>): VaultChange {
  const change: VaultChange = {};
  const props = isRecord(body.properties) ? body.properties : {};
  const crr = crossRegionRestoreState(
    vault,
    readPath(props, ['featureSettings', 'crossRegionRestoreSettings', 'state']),
  );
  if (crr !== undefined && crr !== vault.crrState) change.crrState = crr;
  const softDelete = softDeleteState(
    vault,
    readPath(props, ['securitySettings', 'softDeleteSettings', 'state']),
  );
  if (softDelete !== undefined) change.softDeleteState = softDelete;
  const alerts = readPath(props, [
    'monitoringSettings',
    'azureMonitorAlertSettings',
    'alertsForAllJobFailures',
  ]);
  if (alerts === 'Enabled' || alerts === 'Disabled') change.alertsForAllJobFailures = alerts;
  if (isRecord(body.tags)) {
    const tags: Record<string, string> = {};
    for (const [k, v] of Object.entries(body.tags)) if (typeof v === 'string') tags[k] = v;
    change.tags = tags;
  }
  return change;
}

function crossRegionRestoreState(vault: Vault, requested: unknown): Vault['crrState'] {
  if (requested === undefined) return undefined;
  if (requested !== 'Enabled' && requested !== 'Disabled') {
    throw userError(
      400,
      'UserErrorInvalidInput',
      `'${JSON.stringify(requested)}' is not a valid value for crossRegionRestoreSettings.state. Allowed values are 'Enabled', 'Disabled'.`,
    );
  }
  if (requested === 'Enabled' && vault.redundancy !== 'GeoRedundant') {
    // Code chosen by us: real ARM refuses this, the recordings do not show the exact code.
    throw userError(
      400,
      'UserErrorCrossRegionRestoreNotSupportedForVaultRedundancy',
      `Cross Region Restore can be enabled only for vaults with GeoRedundant storage. Vault '${vault.name}' uses ${vault.redundancy} storage.`,
      ['Create a backup vault with GeoRedundant storage redundancy to use Cross Region Restore.'],
    );
  }
  if (requested === 'Disabled' && vault.crrState === 'Enabled') {
    throw userError(
      400,
      'UserErrorCrossRegionRestoreStateChangeNotAllowed',
      'CrossRegionRestore state cannot be changed from Enabled to Disabled.',
    );
  }
  return requested;
}

function softDeleteState(vault: Vault, requested: unknown): Vault['softDeleteState'] | undefined {
  if (requested === undefined) return undefined;
  if (requested !== 'On' && requested !== 'Off' && requested !== 'AlwaysOn') {
    throw userError(
      400,
      'UserErrorInvalidInput',
      `'${JSON.stringify(requested)}' is not a valid value for softDeleteSettings.state.`,
    );
  }
  if (vault.softDeleteState === 'AlwaysOn' && requested !== 'AlwaysOn')
    throw userError(
      400,
      'UserErrorDisableSoftDeleteNotAllowed',
      'Cannot disable soft delete once set to AlwaysOn',
    );
  return requested;
}
