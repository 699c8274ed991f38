import type { TokenCredential } from '@azure/core-auth';
import { createEmptyPipeline, type Pipeline } from '@azure/core-rest-pipeline';
import type { AzureCloud } from './clouds';
import { armBearerTokenPolicy } from './policies/bearer-token-policy';
import { armRetryPolicy, type ArmRetryPolicyOptions } from './policies/retry-policy';

/** Options of {@link createArmPipeline}. */
export interface ArmPipelineOptions {
  credential: TokenCredential;
  cloud: AzureCloud;
  retry?: ArmRetryPolicyOptions;
  /** Clock for token expiry, injectable for tests. */
  now?: () => number;
}

/**
 * Builds the request pipeline from an empty one, so only our explicit policies run:
 * retry (outermost: each retry re-enters auth and reuses the cached token) then bearer token
 * (innermost: its single 401 refresh-and-retry is invisible to the retry policy).
 */
export function createArmPipeline(options: ArmPipelineOptions): Pipeline {
  const pipeline = createEmptyPipeline();
  pipeline.addPolicy(armRetryPolicy({ ...(options.now ? { now: options.now } : {}), ...options.retry }));
  pipeline.addPolicy(
    armBearerTokenPolicy({
      credential: options.credential,
      scopes: [options.cloud.armScope],
      armOrigin: options.cloud.armEndpoint,
      ...(options.now ? { now: options.now } : {}),
    }),
  );
  return pipeline;
}
