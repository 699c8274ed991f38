/**
 * Settles with `promise`, or rejects with an `AbortError` as soon as `signal` aborts. The work
 * behind `promise` goes on (others may be waiting for it, e.g. a shared token fetch); only this
 * caller stops waiting.
 */
export function abortable<T>(
  promise: Promise<T>,
  signal:
    | {
        readonly aborted: boolean;
        addEventListener: AbortSignal['addEventListener'];
        removeEventListener: AbortSignal['removeEventListener'];
      }
    | undefined,
  message = 'The request was cancelled.',
): Promise<T> {
  if (!signal) return promise;
  const abortError = (): Error => {
    const error = new Error(message);
    error.name = 'AbortError';
    return error;
  };
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
