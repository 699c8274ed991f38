import { createContext, useContext } from 'react';

/**
 * What the shell needs to know about where it runs. Only src/app reads this: below the app
 * layer nothing asks "am I in demo mode?" — the data layer sees a credential and an origin.
 */
export interface AppEnvironment {
  /** True when the simulated tenant answers ARM calls (msw in the browser). */
  demo: boolean;
  /** Display name of the Azure cloud, e.g. "Azure public cloud". */
  cloudName: string;
  /** Shown under the header on every page, e.g. that sign-in is not configured in this build. */
  notice?: string;
  /** Set in demo mode: wipes the simulated tenant's saved state and reloads. */
  resetDemoTenant?: () => void;
}

export const EnvironmentContext = createContext<AppEnvironment>({
  demo: false,
  cloudName: 'Azure public cloud',
});

export function useEnvironment(): AppEnvironment {
  return useContext(EnvironmentContext);
}
