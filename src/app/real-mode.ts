import type { TokenCredential } from '@azure/core-auth';
import { parseAzureConfig, type AzureConfigEnv, type ConfigProblem } from '@/azure/azure-config';
import type { AzureCloud } from '@/azure/clouds';
import type { AuthSession } from './auth/auth-session';
import { createRealSession } from './auth/real-session';

/** Real mode, ready to render: the session (MSAL not loaded yet), its credential, and what loads MSAL. */
export type RealMode =
  | {
      kind: 'ready';
      cloud: AzureCloud;
      session: AuthSession;
      credential: TokenCredential;
      /** Starts loading MSAL (after the shell's first paint; a token request starts it too). */
      startSession: () => void;
    }
  | { kind: 'invalidConfig'; problems: readonly ConfigProblem[] };

/**
 * Reads the build's Azure configuration; when it is valid, prepares the MSAL session without
 * loading it. Loaded by `bootstrap.ts` only in real-mode builds, so the demo bundle holds none of this.
 */
export function startRealMode(env: AzureConfigEnv, appUrl: string): RealMode {
  const parsed = parseAzureConfig(env, appUrl);
  if (parsed.mode === 'invalid') return { kind: 'invalidConfig', problems: parsed.problems };
  if (parsed.mode === 'demo') throw new Error('startRealMode was called in a demo build.');
  const { session, credential, start } = createRealSession(parsed.config);
  return { kind: 'ready', cloud: parsed.config.cloud, session, credential, startSession: start };
}
