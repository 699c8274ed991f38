/* Operation status / result types, from dataprotection.json 2025-07-01. */
import type { ArmErrorBody } from '../common/types';

/**
 * Spec `OperationJobExtendedInfo`: the final result of crossRegionRestore /
 * validateCrossRegionRestore / restore. `jobId` is a full job resource id in real ARM responses
 * and a bare GUID in the spec example; use `jobNameFromJobId` to get the GUID.
 */
export interface OperationJobExtendedInfo {
  objectType: 'OperationJobExtendedInfo' | (string & {});
  jobId?: string | null;
}

/** Spec `OperationExtendedInfo` (discriminated by objectType). */
export type OperationExtendedInfo = OperationJobExtendedInfo;

/**
 * Spec `OperationResource`: body of an Azure-AsyncOperation URL. Real ARM sends
 * `status: "Inprogress"` and `endTime: "0001-01-01T00:00:00Z"` while running.
 */
export interface OperationResource {
  endTime?: string | null;
  error?: ArmErrorBody | null;
  id?: string | null;
  name?: string | null;
  properties?: OperationExtendedInfo | null;
  startTime?: string | null;
  status?: string | null;
}
