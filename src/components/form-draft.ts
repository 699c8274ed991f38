import { useCallback, useState } from 'react';
import { scopedStorageKey } from '@/azure/account-scope';
import { useArm } from '@/azure/arm-context';

/**
 * Form state that survives leaving the page: a sign-in redirect in the middle of a task (token
 * expired, MFA required) reloads the app, and the user must find the form as they left it. The
 * draft lives in sessionStorage (this tab only), keyed by the account scope so another account or
 * tenant never sees it, and is removed by `clear` when the form is closed or submitted for good.
 *
 * @param name - Names the form and the object it edits, e.g. `crr:<vault id key>`.
 * @param initial - The value when there is no draft.
 * @param accept - Checks a stored value still has the form's shape (it may come from an older build).
 */
export function useFormDraft<T>(
  name: string,
  initial: T,
  accept: (value: unknown) => value is T,
): [value: T, setValue: (next: T) => void, clear: () => void] {
  const arm = useArm();
  const key = scopedStorageKey(arm.accountScope(), `draft:${name}`);
  const [value, setState] = useState<T>(() => {
    const stored = readDraft(key);
    return stored !== undefined && accept(stored) ? stored : initial;
  });
  const setValue = useCallback(
    (next: T) => {
      setState(next);
      try {
        sessionStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Without storage the form still works; only a reload forgets it.
      }
    },
    [key],
  );
  const clear = useCallback(() => {
    try {
      sessionStorage.removeItem(key);
    } catch {
      // Nothing was stored.
    }
  }, [key]);
  return [value, setValue, clear];
}

function readDraft(key: string): unknown {
  try {
    const raw = sessionStorage.getItem(key);
    return raw === null ? undefined : (JSON.parse(raw) as unknown);
  } catch {
    return undefined;
  }
}
