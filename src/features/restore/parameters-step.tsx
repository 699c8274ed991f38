import {
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { regionDisplayName, sameRegion } from '@/azure/regions';
import { sameResourceId } from '@/azure/resource-id';
import { FILES_ONLY_REASON } from '@/azure/restore/restore-rules';
import { ArmErrorMessage } from '@/components/arm-error-message';
import { fieldError } from './field-errors';
import type { Field as FormField } from './form-model';
import type { WizardContext } from './wizard-context';

const useStyles = makeStyles({
  body: { display: 'grid', gap: tokens.spacingVerticalL, maxWidth: '640px' },
});

/** The option of a list that switches the field to typing (or pasting) a value instead. */
const TYPE_INSTEAD = '__type__';

/** Step 2: restore as a database (server, name, credentials) or as files (storage account, container, prefix). */
export function ParametersStep({ ctx }: { ctx: WizardContext }) {
  const styles = useStyles();
  const { form } = ctx;
  const databaseAllowed = form.modes.includes('database');
  return (
    <div className={styles.body}>
      <ListErrors ctx={ctx} />
      <Field
        label="Restore as"
        hint={databaseAllowed ? undefined : FILES_ONLY_REASON}
        validationMessage={fieldError(ctx, 'mode', 'parameters')}
      >
        <RadioGroup
          value={form.mode}
          onChange={(_, data) => ctx.set({ mode: data.value })}
          aria-label="Restore as"
        >
          <Radio value="database" label="Restore as database" disabled={!databaseAllowed} />
          <Radio value="files" label="Restore as files" />
        </RadioGroup>
      </Field>
      {form.mode === 'database' ? <DatabaseTarget ctx={ctx} /> : <FilesTarget ctx={ctx} />}
    </div>
  );
}

function DatabaseTarget({ ctx }: { ctx: WizardContext }) {
  const { servers, keyVaults, secrets } = ctx.queries;
  const secondaryLabel = regionDisplayName(ctx.source.secondaryRegion, ctx.source.locations);
  const keyVault = ctx.form.keyVault;
  return (
    <>
      <ResourcePicker
        ctx={ctx}
        field="server"
        label="Target server"
        what="servers"
        one="server"
        query={servers}
        secondaryLabel={secondaryLabel}
        pasteLabel="Target server resource ID"
        pastePlaceholder="/subscriptions/…/providers/Microsoft.DBforPostgreSQL/servers/<name>"
        hint={`An Azure Database for PostgreSQL server in ${secondaryLabel}, where the restore creates a new database.`}
      />
      <Field
        label="Database name"
        required
        hint="The restore creates this database on the target server; it never overwrites an existing one."
        validationMessage={fieldError(ctx, 'databaseName', 'parameters')}
      >
        <Input
          value={ctx.values.databaseName}
          onChange={(_, data) => ctx.set({ databaseName: data.value })}
        />
      </Field>
      <Field
        label="Key vault"
        required
        hint="The key vault with the secret that holds the connection string (server, user and password) Azure Backup uses to create the database."
        validationMessage={listError(keyVaults, 'key vaults') ?? fieldError(ctx, 'keyVault', 'parameters')}
      >
        <Select
          value={ctx.values.keyVault}
          disabled={!keyVaults.data}
          onChange={(_, data) => ctx.set({ keyVault: data.value, secret: '' })}
        >
          <option value="">{keyVaults.isPending ? 'Loading key vaults…' : 'Choose a key vault'}</option>
          {keyVaults.data?.map((kv) => (
            <option key={kv.id} value={kv.id}>
              {`${kv.name ?? ''} (${regionDisplayName(kv.location ?? '', ctx.source.locations)})`}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Secret"
        required
        hint="Only names are listed: the secret's value never leaves Azure."
        validationMessage={listError(secrets, 'secrets') ?? fieldError(ctx, 'secret', 'parameters')}
      >
        <Select
          value={ctx.values.secret}
          disabled={!keyVault || !secrets.data}
          onChange={(_, data) => ctx.set({ secret: data.value })}
        >
          <option value="">
            {!keyVault
              ? 'Choose a key vault first'
              : secrets.isPending
                ? 'Loading secrets…'
                : 'Choose a secret'}
          </option>
          {secrets.data
            ?.filter((s) => s.properties?.attributes?.enabled !== false)
            .map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
              </option>
            ))}
        </Select>
      </Field>
    </>
  );
}

function FilesTarget({ ctx }: { ctx: WizardContext }) {
  const { storageAccounts, containers } = ctx.queries;
  const secondaryLabel = regionDisplayName(ctx.source.secondaryRegion, ctx.source.locations);
  const account = ctx.form.storageAccount;
  const listed = containers.data?.some((c) => c.name === ctx.values.container) ?? false;
  const [typing, setTyping] = useState(
    ctx.values.container !== '' && !listed && containers.data !== undefined,
  );
  const typed = typing || (ctx.values.container !== '' && containers.data !== undefined && !listed);
  return (
    <>
      <ResourcePicker
        ctx={ctx}
        field="storageAccount"
        label="Storage account"
        what="storage accounts"
        one="storage account"
        query={storageAccounts}
        secondaryLabel={secondaryLabel}
        pasteLabel="Storage account resource ID"
        pastePlaceholder="/subscriptions/…/providers/Microsoft.Storage/storageAccounts/<name>"
        hint={`A storage account in ${secondaryLabel}; the vault's managed identity writes the backup files into one of its blob containers.`}
      />
      <Field
        label={typed ? 'Container name' : 'Container'}
        required
        validationMessage={listError(containers, 'containers') ?? fieldError(ctx, 'container', 'parameters')}
      >
        {typed ? (
          <Input value={ctx.values.container} onChange={(_, data) => ctx.set({ container: data.value })} />
        ) : (
          <Select
            value={ctx.values.container}
            disabled={!account || !containers.data}
            onChange={(_, data) => {
              if (data.value === TYPE_INSTEAD) {
                setTyping(true);
                ctx.set({ container: '' });
              } else ctx.set({ container: data.value });
            }}
          >
            <option value="">
              {!account
                ? 'Choose a storage account first'
                : containers.isPending
                  ? 'Loading containers…'
                  : 'Choose a container'}
            </option>
            {containers.data?.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
              </option>
            ))}
            <option value={TYPE_INSTEAD}>Enter a container name…</option>
          </Select>
        )}
      </Field>
      <Field
        label="File name prefix"
        required
        hint="The restored backup files are named after this prefix, at the top of the container."
        validationMessage={fieldError(ctx, 'filePrefix', 'parameters')}
      >
        <Input value={ctx.values.filePrefix} onChange={(_, data) => ctx.set({ filePrefix: data.value })} />
      </Field>
    </>
  );
}

interface ResourcePickerProps {
  ctx: WizardContext;
  field: Extract<FormField, 'server' | 'storageAccount'>;
  label: string;
  /** Plural noun of the list, for messages. */
  what: string;
  /** The same noun in the singular. */
  one: string;
  query: UseQueryResult<{ id?: string; name?: string; location?: string }[]>;
  secondaryLabel: string;
  pasteLabel: string;
  pastePlaceholder: string;
  hint: string;
}

/**
 * A target chosen from the subscription's resources in the Secondary Region, or pasted as a
 * resource ID (then parsed and checked like a chosen one: type, subscription, region).
 */
function ResourcePicker(props: ResourcePickerProps) {
  const { ctx, field, query } = props;
  const value = ctx.values[field];
  const inRegion = query.data?.filter((r) => sameRegion(r.location, ctx.source.secondaryRegion)) ?? [];
  const elsewhere = (query.data?.length ?? 0) - inRegion.length;
  const listed = inRegion.some((r) => sameResourceId(r.id, value));
  const [pasting, setPasting] = useState(value !== '' && query.data !== undefined && !listed);
  const pasted = pasting || (value !== '' && query.data !== undefined && !listed);
  const error = listError(query, props.what) ?? fieldError(ctx, field, 'parameters');
  const hint = `${props.hint}${
    elsewhere > 0
      ? ` ${elsewhere} ${elsewhere === 1 ? `${props.one} in another region is` : `${props.what} in other regions are`} not listed: a cross-region restore targets the Secondary Region.`
      : ''
  }`;
  if (query.isPending) return <Spinner size="tiny" label={`Loading ${props.what}…`} />;
  if (pasted)
    return (
      <Field label={props.pasteLabel} required hint={hint} validationMessage={error}>
        <Input
          value={value}
          placeholder={props.pastePlaceholder}
          onChange={(_, data) => ctx.set({ [field]: data.value.trim() })}
        />
      </Field>
    );
  return (
    <Field label={props.label} required hint={hint} validationMessage={error}>
      <Select
        value={listed ? (inRegion.find((r) => sameResourceId(r.id, value))?.id ?? '') : ''}
        onChange={(_, data) => {
          if (data.value === TYPE_INSTEAD) {
            setPasting(true);
            ctx.set({ [field]: '' });
          } else ctx.set({ [field]: data.value });
        }}
      >
        <option value="">
          {inRegion.length > 0
            ? `Choose one of ${inRegion.length} in ${props.secondaryLabel}`
            : `None in ${props.secondaryLabel}`}
        </option>
        {inRegion.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
        <option value={TYPE_INSTEAD}>Enter a resource ID…</option>
      </Select>
    </Field>
  );
}

/** The list's own failure, as the field's message (Azure's error itself is shown above the fields). */
function listError(query: UseQueryResult<unknown>, what: string): string | undefined {
  return query.isError ? `The ${what} could not be listed (see the error above).` : undefined;
}

const LIST_NAMES: Record<keyof WizardContext['queries'], string> = {
  secondary: 'recovery points',
  servers: 'PostgreSQL servers',
  keyVaults: 'key vaults',
  secrets: 'secrets',
  storageAccounts: 'storage accounts',
  containers: 'containers',
};

/** Every list of this step that failed, with Azure's code, message and request id. */
function ListErrors({ ctx }: { ctx: WizardContext }) {
  const failed = (Object.keys(LIST_NAMES) as (keyof WizardContext['queries'])[]).filter(
    (k) => k !== 'secondary' && ctx.queries[k].isError,
  );
  return failed.map((k) => (
    <ArmErrorMessage
      key={k}
      error={ctx.queries[k].error}
      title={`The ${LIST_NAMES[k]} could not be listed`}
      onRetry={() => void ctx.queries[k].refetch()}
    />
  ));
}
