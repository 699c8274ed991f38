import { crossRegionRestoreOperation, type CrossRegionRestoreResult } from '../backup-instances/queries';
import type { BackupVaultResource } from '../backup-vaults/types';
import { vaultUpdateOperation } from '../backup-vaults/queries';
import type { ArmQueryContext } from '../query-context';
import { createOperationQueries } from './follow';

/**
 * The operations a tab starts and follows (also after a reload): enabling Cross Region Restore on a
 * vault and a cross-region restore. The pending-operation store and how to follow each kind.
 */
export function createArmOperations(ctx: ArmQueryContext) {
  return createOperationQueries<{
    vaultUpdate: BackupVaultResource;
    crossRegionRestore: CrossRegionRestoreResult;
  }>(ctx, {
    vaultUpdate: vaultUpdateOperation,
    crossRegionRestore: crossRegionRestoreOperation,
  });
}
