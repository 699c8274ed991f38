import { useCallback } from 'react';
import { useSearchParams } from './router';

/**
 * One search parameter as state. Filters live in the URL so a pasted link reproduces the view;
 * `replace` keeps typing in a filter box from flooding the history.
 */
export function useSearchParam(
  name: string,
): [string | null, (value: string | null, options?: { replace?: boolean }) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get(name);
  const setValue = useCallback(
    (next: string | null, options?: { replace?: boolean }) => {
      setParams(
        (current) => {
          const copy = new URLSearchParams(current);
          if (next === null || next === '') copy.delete(name);
          else copy.set(name, next);
          return copy;
        },
        { replace: options?.replace ?? true },
      );
    },
    [name, setParams],
  );
  return [value, setValue];
}

/**
 * Sets several search parameters in one navigation. Two separate setters in one event would
 * each start from the same URL, and the second would drop the first's change.
 */
export function useSetSearchParams(): (
  changes: Record<string, string | null>,
  options?: { replace?: boolean },
) => void {
  const [, setParams] = useSearchParams();
  return useCallback(
    (changes, options) => {
      setParams(
        (current) => {
          const copy = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value === null || value === '') copy.delete(key);
            else copy.set(key, value);
          }
          return copy;
        },
        { replace: options?.replace ?? true },
      );
    },
    [setParams],
  );
}

/** A comma-separated list parameter (e.g. `subscriptions=a,b`). */
export function parseList(value: string | null): string[] {
  return value ? value.split(',').filter(Boolean) : [];
}

export function readStoredList(key: string): string[] | null {
  try {
    const raw = localStorage.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return Array.isArray(parsed) && parsed.every((v) => typeof v === 'string') ? parsed : null;
  } catch {
    return null;
  }
}

export function storeList(key: string, values: readonly string[]): void {
  try {
    localStorage.setItem(key, JSON.stringify(values));
  } catch {
    // Remembering is a convenience; the URL still holds the choice.
  }
}
