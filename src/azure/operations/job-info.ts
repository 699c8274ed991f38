import { isRecord } from '../common/is-record';
import type { OperationJobExtendedInfo } from './types';

/**
 * The final result of validateCrossRegionRestore / crossRegionRestore, read defensively: ARM may
 * send no body (validation succeeds without a job) or a jobId that is a full id or a bare GUID.
 */
export function parseOperationJobExtendedInfo(body: unknown): OperationJobExtendedInfo {
  if (isRecord(body)) {
    const jobId = body['jobId'];
    return {
      objectType: typeof body['objectType'] === 'string' ? body['objectType'] : 'OperationJobExtendedInfo',
      jobId: typeof jobId === 'string' ? jobId : null,
    };
  }
  // Validation may finish without a body: success simply carries no job.
  return { objectType: 'OperationJobExtendedInfo', jobId: null };
}
