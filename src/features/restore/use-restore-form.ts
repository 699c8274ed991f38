import { useCallback, useMemo } from 'react';
import { useSearchParams } from '@/lib/router';
import { useSetSearchParams } from '@/lib/url-state';
import { STEPS, type Field, type FormValues, type Step } from './form-model';

/** Search parameter of each field: short, readable in a pasted link. */
const PARAM: Record<Field, string> = {
  recoveryPoint: 'rp',
  mode: 'as',
  server: 'server',
  databaseName: 'db',
  keyVault: 'kv',
  secret: 'secret',
  storageAccount: 'sa',
  container: 'container',
  filePrefix: 'prefix',
};

/** Search parameter of the restore's job, once Azure has started it. */
export const JOB_PARAM = 'job';

/**
 * The wizard's step and values, kept in the URL so a reload, a re-sign-in or a pasted link
 * brings the admin back to the same place with the same choices. Typing replaces the history
 * entry; moving between steps pushes one, so the browser's Back goes to the previous step.
 */
export function useRestoreForm() {
  const [params] = useSearchParams();
  const setParams = useSetSearchParams();
  const values = useMemo<FormValues>(() => {
    const get = (field: Field) => params.get(PARAM[field]) ?? '';
    const step = params.get('step');
    const mode = get('mode');
    return {
      step: (STEPS as readonly string[]).includes(step ?? '') ? (step as Step) : 'basics',
      recoveryPoint: get('recoveryPoint'),
      mode: mode === 'database' || mode === 'files' ? mode : '',
      server: get('server'),
      databaseName: get('databaseName'),
      keyVault: get('keyVault'),
      secret: get('secret'),
      storageAccount: get('storageAccount'),
      container: get('container'),
      filePrefix: get('filePrefix'),
    };
  }, [params]);
  const set = useCallback(
    (changes: Partial<Record<Field, string>>) =>
      setParams(Object.fromEntries(Object.entries(changes).map(([f, v]) => [PARAM[f as Field], v ?? null]))),
    [setParams],
  );
  const goTo = useCallback((step: Step) => setParams({ step }, { replace: false }), [setParams]);
  const job = params.get(JOB_PARAM);
  const setJob = useCallback(
    (jobId: string) => setParams({ [JOB_PARAM]: jobId }, { replace: false }),
    [setParams],
  );
  return { values, set, goTo, job, setJob };
}
