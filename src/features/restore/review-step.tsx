import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { isArmError } from '@/azure/arm-error';
import { regionDisplayName } from '@/azure/regions';
import { parseResourceId } from '@/azure/resource-id';
import { ArmErrorMessage } from '@/components/arm-error-message';
import { formatDateTime, formatUtc } from '@/lib/format';
import { azureError, sameRequest } from './field-errors';
import { STEPS, stepComplete, type Field as FormField, type Step } from './form-model';
import type { WizardContext } from './wizard-context';

const useStyles = makeStyles({
  body: { display: 'grid', gap: tokens.spacingVerticalL },
  summary: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr max-content',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalS,
    alignItems: 'baseline',
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, wordBreak: 'break-word' },
  error: { color: tokens.colorPaletteRedForeground1, display: 'block' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

interface Row {
  term: string;
  value: string;
  /** The field (or the permissions step) an error from Azure about this row belongs to. */
  place?: FormField | 'permissions';
  /** Where it is changed; absent for what the source decides. */
  step?: Step;
}

const STEP_NAMES: Record<Step, string> = {
  basics: 'Basics',
  parameters: 'Restore parameters',
  permissions: 'Permissions',
  review: 'Review + restore',
};

/** Step 4: everything that will be sent, Validate, then Restore (once). */
export function ReviewStep({ ctx }: { ctx: WizardContext }) {
  const styles = useStyles();
  const { form, source, values, validate, trigger } = ctx;
  const secondary = regionDisplayName(source.secondaryRegion, source.locations);
  const pointTime = Date.parse(form.point?.properties?.recoveryPointTime ?? '');
  const rows: Row[] = [
    { term: 'Backup instance', value: ctx.instance.properties?.friendlyName ?? '' },
    {
      term: 'Source region',
      value: `${regionDisplayName(source.sourceRegion, source.locations)} (Primary Region)`,
    },
    { term: 'Target region', value: `${secondary} (Secondary Region)` },
    {
      term: 'Recovery point',
      value: form.point ? `${formatDateTime(pointTime)} (${values.recoveryPoint})` : '—',
      place: 'recoveryPoint',
      step: 'basics',
    },
    {
      term: 'Restore as',
      value: form.mode === 'database' ? 'Database' : 'Files',
      place: 'mode',
      step: 'parameters',
    },
    ...(form.mode === 'database'
      ? [
          {
            term: 'Target server',
            value: form.server?.name ?? '—',
            place: 'server' as const,
            step: 'parameters' as const,
          },
          {
            term: 'Database name',
            value: values.databaseName || '—',
            place: 'databaseName' as const,
            step: 'parameters' as const,
          },
          {
            term: 'Key vault',
            value: form.keyVault?.name ?? '—',
            place: 'keyVault' as const,
            step: 'parameters' as const,
          },
          {
            term: 'Secret',
            value: values.secret || '—',
            place: 'secret' as const,
            step: 'parameters' as const,
          },
        ]
      : [
          {
            term: 'Storage account',
            value: form.storageAccount?.name ?? '—',
            place: 'storageAccount' as const,
            step: 'parameters' as const,
          },
          {
            term: 'Container',
            value: values.container || '—',
            place: 'container' as const,
            step: 'parameters' as const,
          },
          {
            term: 'File name prefix',
            value: values.filePrefix || '—',
            place: 'filePrefix' as const,
            step: 'parameters' as const,
          },
        ]),
    {
      term: 'Permissions',
      value: `Checked on the Permissions step (vault identity ${ctx.vault.identity?.principalId ?? 'unknown'})`,
      place: 'permissions',
      step: 'permissions',
    },
  ];

  const incomplete = STEPS.filter((s) => s !== 'review' && !stepComplete(s, form));
  const input = form.input;
  const validated = validate.isSuccess && sameRequest(validate.variables, ctx);
  const validationFailed = validate.isError && sameRequest(validate.variables, ctx);
  const canValidate =
    input !== undefined && incomplete.length === 0 && !validate.isPending && !ctx.triggering;
  const canRestore = validated && !ctx.triggering && !ctx.sent.current;
  const triggerFailed = trigger.isError && !ctx.triggering;

  return (
    <div className={styles.body}>
      <dl className={styles.summary} aria-label="Summary">
        {rows.map((row) => {
          const error = row.place ? azureError(ctx, row.place) : undefined;
          return (
            <div key={row.term} style={{ display: 'contents' }}>
              <dt className={styles.term}>{row.term}</dt>
              <dd className={styles.value}>
                {row.value}
                {error && (
                  <Text className={styles.error} role="note" aria-label={`${row.term}: problem`}>
                    {error}
                  </Text>
                )}
              </dd>
              <dd className={styles.value}>
                {row.step && (
                  <Button
                    size="small"
                    appearance="subtle"
                    disabled={ctx.triggering}
                    aria-label={`Change ${row.term.toLowerCase()}`}
                    onClick={() => row.step && ctx.goTo(row.step)}
                  >
                    Change
                  </Button>
                )}
              </dd>
            </div>
          );
        })}
      </dl>

      {incomplete.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{`Complete ${incomplete.map((s) => STEP_NAMES[s]).join(' and ')} first.`}</MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.actions}>
        <Button disabled={!canValidate} onClick={() => input && validate.mutate(input)}>
          Validate
        </Button>
        <Button
          appearance="primary"
          disabled={!canRestore}
          onClick={ctx.startRestore}
          onKeyDown={(e) => {
            // A held Enter key repeats clicks; only the first counts (startRestore also refuses).
            if (e.repeat) e.preventDefault();
          }}
        >
          Restore
        </Button>
        {!validated && !ctx.triggering && (
          <Text className={styles.term}>
            Restore is available once validation has succeeded for these values.
          </Text>
        )}
      </div>

      {validate.isPending && <Spinner size="small" label="Validating with Azure…" />}
      {validated && !ctx.triggering && !trigger.isSuccess && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Validation succeeded</MessageBarTitle>
            Azure accepted this restore. Restore starts it in {secondary}.
          </MessageBarBody>
        </MessageBar>
      )}
      {validationFailed && <ArmErrorMessage error={validate.error} title="Validation failed" />}

      {ctx.triggering && (
        <Field
          validationState="none"
          validationMessage={
            ctx.progress
              ? `Azure accepted the restore; it reports: ${ctx.progress.status}`
              : 'Sending the restore to Azure…'
          }
        >
          <ProgressBar aria-label="Starting the restore" />
          <Text role="status">
            Starting the restore in {secondary}… It is sent once; do not close this tab.
          </Text>
        </Field>
      )}
      {triggerFailed && (
        <ArmErrorMessage
          error={trigger.error}
          title={
            isArmError(trigger.error) && trigger.error.code === 'OperationAlreadyStarted'
              ? 'This restore was already sent'
              : 'The restore could not be started'
          }
        />
      )}
      {trigger.isSuccess && !trigger.data.jobName && (
        <MessageBar intent="warning">
          <MessageBarBody>
            Azure started the restore but named no job. Find it in Backup Jobs (Secondary Region).
          </MessageBarBody>
        </MessageBar>
      )}
      <Text size={200} className={styles.term}>
        {form.point ? `Recovery point taken ${formatUtc(pointTime)}.` : ''}{' '}
        {parseResourceId(source.vaultId).resourceGroupName
          ? `Validate and Restore run in resource group ${parseResourceId(source.vaultId).resourceGroupName ?? ''} at ${secondary}.`
          : ''}
      </Text>
    </div>
  );
}
