import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useIsMutating, useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useArm } from '@/azure/arm-context';
import type { BackupInstanceResource } from '@/azure/backup-instances/types';
import type { BackupVaultResource } from '@/azure/backup-vaults/types';
import type { LroProgress } from '@/azure/lro';
import { armMutationKeys } from '@/azure/query-keys';
import { sameResourceId } from '@/azure/resource-id';
import {
  defaultRecoveryPoint,
  newestFirst,
  recoveryPointName,
  restoreModesFor,
} from '@/azure/restore/restore-rules';
import { ArmErrorMessage } from '@/components/arm-error-message';
import { BasicsStep } from './basics-step';
import {
  ParametersStep,
  PendingRestore,
  PermissionsStep,
  preloadLaterSteps,
  RestoreSubmitted,
  ReviewStep,
} from './lazy-steps';
import { evaluateForm, STEPS, stepComplete, stepFields, type Step } from './form-model';
import type { WizardContext } from './wizard-context';
import { useRestoreForm } from './use-restore-form';
import { createBackupInstanceQueries } from '@/azure/backup-instances/queries';
import { createArmOperations } from '@/azure/operations/arm-operations';
import { createRecoveryPointQueries } from '@/azure/recovery-points/queries';
import { createRestoreTargetQueries } from '@/azure/restore-targets/queries';

const STEP_LABELS: Record<Step, string> = {
  basics: 'Basics',
  parameters: 'Restore parameters',
  permissions: 'Permissions',
  review: 'Review + restore',
};

const useStyles = makeStyles({
  layout: { display: 'grid', gap: tokens.spacingVerticalXL, maxWidth: '960px' },
  steps: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    flexWrap: 'wrap',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalS,
  },
  current: { fontWeight: tokens.fontWeightSemibold, borderBottom: `3px solid ${tokens.colorBrandStroke1}` },
  footer: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export interface RestoreWizardProps {
  instance: BackupInstanceResource;
  vault: BackupVaultResource;
  source: WizardContext['source'];
}

/**
 * The four steps and what follows them. Decides, in this order: a restore already has its job
 * (the URL names it) -> follow the job; this tab started a restore that has not finished (the
 * pending-operation store says so, e.g. after a reload) -> follow that operation; otherwise the form.
 */
export function RestoreWizard({ instance, vault, source }: RestoreWizardProps) {
  const styles = useStyles();
  const arm = useArm();
  const { instanceId } = source;
  const form = useRestoreForm();
  const { values, set, goTo, job, setJob } = form;
  const [shownErrors, setShownErrors] = useState<Set<Step>>(() => new Set());
  const [progress, setProgress] = useState<LroProgress | null>(null);

  const store = arm.group(createArmOperations).store;
  const pendingSnapshot = useSyncExternalStore(store.subscribe, () =>
    store.snapshot('crossRegionRestore', instanceId),
  );
  const pending = pendingSnapshot ? store.get('crossRegionRestore', instanceId) : undefined;
  const trigger = useMutation(
    arm.group(createBackupInstanceQueries).mutations.triggerCrossRegionRestore(instanceId),
  );
  const triggering =
    useIsMutating({ mutationKey: armMutationKeys.triggerCrossRegionRestore(instanceId) }) > 0 ||
    trigger.isPending;
  const validate = useMutation(
    arm.group(createBackupInstanceQueries).mutations.validateCrossRegionRestore(instanceId),
  );
  // Set on the first click and cleared only when Azure has refused: a second click, a held Enter
  // key or a slow answer can never send a second restore.
  const sent = useRef(false);

  const follow = useQuery({
    ...arm.group(createArmOperations).queries.follow('crossRegionRestore', instanceId),
    enabled: pending !== undefined && !triggering,
  });
  const followedJob = follow.data?.state === 'succeeded' ? follow.data.result.jobName : undefined;
  const startedJob = trigger.data?.jobName ?? undefined;
  // Once per job: going Back from the job view must not be sent forward again.
  const opened = useRef<string | undefined>(undefined);
  useEffect(() => {
    const found = followedJob ?? startedJob;
    if (found && !job && opened.current !== found) {
      opened.current = found;
      setJob(found);
    }
  }, [followedJob, startedJob, job, setJob]);

  const mode = values.mode === 'files' ? 'files' : values.mode === 'database' ? 'database' : undefined;
  const secondary = useQuery(
    arm.group(createRecoveryPointQueries).queries.secondary(instanceId, {
      sourceRegion: source.sourceRegion,
      secondaryRegion: source.secondaryRegion,
    }),
  );
  const targets = arm.group(createRestoreTargetQueries).queries;
  const databaseMode = mode !== 'files' && restoreModesFor(source.datasourceType).includes('database');
  // The targets are for the next step: asked once the first step's recovery points are in (or at
  // once when the URL opens a later step), so they do not compete with what a pasted link waits for.
  const targetsWanted = secondary.isSuccess || values.step !== 'basics';
  const servers = useQuery({
    ...targets.postgresServers(source.subscriptionId),
    enabled: targetsWanted && databaseMode,
  });
  const keyVaults = useQuery({
    ...targets.keyVaults(source.subscriptionId),
    enabled: targetsWanted && databaseMode,
  });
  const secrets = useQuery({
    ...targets.secrets(values.keyVault),
    enabled: databaseMode && keyVaults.data?.some((k) => sameResourceId(k.id, values.keyVault)) === true,
  });
  const storageAccounts = useQuery({
    ...targets.storageAccounts(source.subscriptionId),
    enabled: targetsWanted && !databaseMode,
  });
  const containers = useQuery({
    ...targets.containers(values.storageAccount),
    enabled:
      !databaseMode &&
      storageAccounts.data?.some((a) => sameResourceId(a.id, values.storageAccount)) === true,
  });
  const points = secondary.data ? newestFirst(secondary.data) : undefined;

  const evaluated = evaluateForm(values, source, {
    secondaryPoints: points,
    servers: servers.data,
    keyVaults: keyVaults.data,
    secrets: secrets.data,
    storageAccounts: storageAccounts.data,
    containers: containers.data,
  });

  // Once the first step can show its recovery points, the later views' code is fetched.
  const firstStepShown = points !== undefined;
  useEffect(() => {
    if (firstStepShown) preloadLaterSteps();
  }, [firstStepShown]);

  // The newest restorable point is preselected (and written to the URL, so it stays chosen).
  const preselect = points && values.recoveryPoint === '' ? defaultRecoveryPoint(points) : undefined;
  useEffect(() => {
    if (preselect) set({ recoveryPoint: recoveryPointName(preselect) });
  }, [preselect, set]);

  if (job) return <RestoreSubmitted source={source} jobId={job} />;
  if ((pending || follow.isFetching || followedJob) && !triggering) {
    return <PendingRestore source={source} operation={pending} follow={follow} onJob={setJob} />;
  }

  const ctx: WizardContext = {
    source,
    instance,
    vault,
    values,
    set,
    goTo,
    form: evaluated,
    showErrors: (step) => shownErrors.has(step),
    queries: { secondary, servers, keyVaults, secrets, storageAccounts, containers },
    points,
    validate,
    trigger,
    triggering,
    progress,
    sent,
    startRestore: () => {
      const input = evaluated.input;
      if (!input || sent.current || triggering || pending) return;
      sent.current = true;
      setProgress(null);
      trigger.mutate(
        { ...input, onProgress: setProgress },
        {
          onError: () => {
            // Azure answered (or the store kept the operation as unconfirmed): the pending view
            // takes over in the latter case, so allowing another click is safe.
            sent.current = false;
          },
        },
      );
    },
  };

  const firstIncomplete = STEPS.find((s) => !stepComplete(s, evaluated));
  const reachable = (step: Step) =>
    STEPS.indexOf(step) <= STEPS.indexOf(firstIncomplete ?? 'review') ||
    STEPS.indexOf(step) <= STEPS.indexOf(values.step);
  const index = STEPS.indexOf(values.step);
  const next = STEPS[index + 1];
  const previous = STEPS[index - 1];
  const busy = triggering || validate.isPending;

  const goNext = () => {
    if (!next) return;
    if (!stepComplete(values.step, evaluated)) {
      setShownErrors((s) => new Set(s).add(values.step));
      return;
    }
    goTo(next);
  };

  return (
    <div className={styles.layout}>
      {follow.isError && !pending && (
        <ArmErrorMessage error={follow.error} title="The restore started earlier did not start" />
      )}
      <nav aria-label="Restore steps">
        <ol className={styles.steps}>
          {STEPS.map((step, i) => (
            <li key={step}>
              <Button
                appearance="subtle"
                className={mergeClasses(step === values.step && styles.current)}
                aria-current={step === values.step ? 'step' : undefined}
                disabled={busy || !reachable(step)}
                onClick={() => goTo(step)}
              >
                {`${i + 1}. ${STEP_LABELS[step]}`}
              </Button>
            </li>
          ))}
        </ol>
      </nav>
      <section aria-labelledby="restore-step-heading">
        <h2 id="restore-step-heading">{STEP_LABELS[values.step]}</h2>
        {values.step === 'basics' && <BasicsStep ctx={ctx} />}
        {values.step === 'parameters' && <ParametersStep ctx={ctx} />}
        {values.step === 'permissions' && <PermissionsStep ctx={ctx} />}
        {values.step === 'review' && <ReviewStep ctx={ctx} />}
      </section>
      <div className={styles.footer}>
        {previous && (
          <Button disabled={busy} onClick={() => goTo(previous)}>
            {`Previous: ${STEP_LABELS[previous]}`}
          </Button>
        )}
        {next && (
          <Button
            appearance="primary"
            // While the step's lists load there is nothing to judge yet.
            disabled={
              busy || stepFields(evaluated.mode)[values.step].some((f) => evaluated.waiting.includes(f))
            }
            onClick={goNext}
          >
            {`Next: ${STEP_LABELS[next]}`}
          </Button>
        )}
      </div>
      {stepFields(evaluated.mode)[values.step].length > 0 &&
        shownErrors.has(values.step) &&
        !stepComplete(values.step, evaluated) &&
        evaluated.waiting.length === 0 && <p role="status">Correct the fields marked above to go on.</p>}
    </div>
  );
}
