import { createContext, useContext } from 'react';
import type { Arm } from './arm';

/** React context holding the {@link Arm} facade; the app shell renders its provider. */
export const ArmContext = createContext<Arm | null>(null);

/** The {@link Arm} facade of the nearest `ArmContext` provider; throws when there is none. */
export function useArm(): Arm {
  const arm = useContext(ArmContext);
  if (!arm) {
    throw new Error(
      'useArm() was called outside <ArmContext.Provider value={createArm(...)}>. Render the provider in the app shell (src/app/) above this component.',
    );
  }
  return arm;
}
