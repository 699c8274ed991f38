import { createContext, useContext } from 'react';

/**
 * Starts an interactive re-authentication of the signed-in account and brings the user back to the
 * page they are on. The app provides it in real mode; in the demo there is nothing to renew, so
 * components offering "Sign in again" show nothing.
 */
export const SignInAgainContext = createContext<(() => void) | undefined>(undefined);

/** The "Sign in again" action, when there is one. */
export function useSignInAgain(): (() => void) | undefined {
  return useContext(SignInAgainContext);
}
