/*
 * The wizard's form, from the values in the URL to a restore request: every field's rule in one
 * pass (the rules themselves live in src/azure/restore/restore-rules.ts), so each step knows what
 * is missing and the review step knows exactly what will be sent.
 */
import type { RestorePermissionTargets } from '@/azure/authorization/restore-permissions';
import type { AzureBackupRecoveryPointResource } from '@/azure/recovery-points/types';
import { regionDisplayName } from '@/azure/regions';
import { parsePostgresServerId, parseStorageAccountId, sameResourceId } from '@/azure/resource-id';
import type { CrossRegionRestoreInput } from '@/azure/restore/restore-request';
import {
  ARCHIVE_TIER_REASON,
  containerNameProblem,
  databaseNameProblem,
  filePrefixProblem,
  overwritesSource,
  recoveryPointName,
  recoveryPointTier,
  restoreModesFor,
  targetRegionProblem,
  type RestoreMode,
} from '@/azure/restore/restore-rules';
import { containerUrlOf, secretUriOf } from '@/azure/restore-targets/queries';
import type {
  BlobContainerResource,
  KeyVaultResource,
  KeyVaultSecretResource,
  PostgresServerResource,
  StorageAccountResource,
} from '@/azure/restore-targets/types';
import type { Location } from '@/azure/subscriptions/types';

/** The wizard's steps, in order. */
export const STEPS = ['basics', 'parameters', 'permissions', 'review'] as const;
export type Step = (typeof STEPS)[number];

/** What the URL holds (names and ids only: there is nothing secret in a restore's form). */
export interface FormValues {
  step: Step;
  recoveryPoint: string;
  mode: RestoreMode | '';
  server: string;
  databaseName: string;
  keyVault: string;
  secret: string;
  storageAccount: string;
  container: string;
  filePrefix: string;
}

export type Field = Exclude<keyof FormValues, 'step'>;

/** The source of the restore, as loaded by the page. */
export interface RestoreSource {
  instanceId: string;
  vaultId: string;
  /** The vault's subscription: Cross Region Restore cannot restore into another one. */
  subscriptionId: string;
  subscriptionLabel: string;
  datasourceType: string;
  /** The protected database's id (a restore never overwrites it). */
  sourceDatabaseId: string | undefined;
  sourceRegion: string;
  secondaryRegion: string;
  locations: readonly Location[] | undefined;
}

/** The lists the fields choose from (undefined while loading or failed). */
export interface TargetLists {
  secondaryPoints: readonly AzureBackupRecoveryPointResource[] | undefined;
  servers: readonly PostgresServerResource[] | undefined;
  keyVaults: readonly KeyVaultResource[] | undefined;
  secrets: readonly KeyVaultSecretResource[] | undefined;
  storageAccounts: readonly StorageAccountResource[] | undefined;
  containers: readonly BlobContainerResource[] | undefined;
}

/** The form evaluated: what is wrong where, and, when nothing is, the request and the permission targets. */
export interface EvaluatedForm {
  mode: RestoreMode;
  modes: readonly RestoreMode[];
  errors: Partial<Record<Field, string>>;
  /** Fields whose list is still loading: the step is not complete, but nothing is wrong yet. */
  waiting: Field[];
  point: AzureBackupRecoveryPointResource | undefined;
  server: PostgresServerResource | undefined;
  keyVault: KeyVaultResource | undefined;
  storageAccount: StorageAccountResource | undefined;
  input: CrossRegionRestoreInput | undefined;
  permissionTargets: RestorePermissionTargets | undefined;
}

/** Which fields each step owns (the review step owns none). */
export function stepFields(mode: RestoreMode): Record<Step, Field[]> {
  return {
    basics: ['recoveryPoint'],
    parameters:
      mode === 'database'
        ? ['mode', 'server', 'databaseName', 'keyVault', 'secret']
        : ['mode', 'storageAccount', 'container', 'filePrefix'],
    permissions: [],
    review: [],
  };
}

const byId = <T extends { id?: string }>(items: readonly T[] | undefined, id: string): T | undefined =>
  items?.find((i) => sameResourceId(i.id, id));

const byName = <T extends { name?: string }>(items: readonly T[] | undefined, name: string): T | undefined =>
  items?.find((i) => i.name?.toLowerCase() === name.toLowerCase());

/** Evaluates every field of the form; see {@link EvaluatedForm}. */
export function evaluateForm(values: FormValues, source: RestoreSource, lists: TargetLists): EvaluatedForm {
  const errors: Partial<Record<Field, string>> = {};
  const waiting: Field[] = [];
  const modes = restoreModesFor(source.datasourceType);
  const mode: RestoreMode =
    values.mode !== '' && modes.includes(values.mode) ? values.mode : (modes[0] ?? 'files');
  if (values.mode !== '' && !modes.includes(values.mode))
    errors.mode = 'Azure Database for PostgreSQL flexible server backups can only be restored as files.';
  const secondaryLabel = regionDisplayName(source.secondaryRegion, source.locations);

  // Recovery point.
  let point: AzureBackupRecoveryPointResource | undefined;
  if (lists.secondaryPoints === undefined) waiting.push('recoveryPoint');
  else if (values.recoveryPoint === '') errors.recoveryPoint = 'Choose a recovery point.';
  else {
    point = lists.secondaryPoints.find(
      (p) => recoveryPointName(p).toLowerCase() === values.recoveryPoint.toLowerCase(),
    );
    if (!point) errors.recoveryPoint = 'This recovery point is not available in the Secondary Region.';
    else if (recoveryPointTier(point) === 'archive')
      errors.recoveryPoint = `This recovery point is in the archive tier. ${ARCHIVE_TIER_REASON}`;
  }

  // A resource chosen from a list or pasted as an id: the right type, this subscription, listed, in the secondary region.
  const resource = <T extends { id?: string; location?: string }>(
    field: Field,
    id: string,
    list: readonly T[] | undefined,
    parse: (id: string) => { subscriptionId: string },
    what: { missing: string; kind: string; noun: string },
  ): T | undefined => {
    if (id === '') {
      errors[field] = what.missing;
      return undefined;
    }
    let parsed: { subscriptionId: string };
    try {
      parsed = parse(id);
    } catch {
      errors[field] = `This is not the resource ID of ${what.kind}.`;
      return undefined;
    }
    if (parsed.subscriptionId.toLowerCase() !== source.subscriptionId.toLowerCase()) {
      errors[field] =
        `Cross Region Restore restores into the vault's own subscription (${source.subscriptionLabel}); this ID is in another one.`;
      return undefined;
    }
    if (list === undefined) {
      waiting.push(field);
      return undefined;
    }
    const found = byId(list, id);
    if (!found) {
      errors[field] = `No ${what.noun} with this ID is visible to you in ${source.subscriptionLabel}.`;
      return undefined;
    }
    const regionProblem = targetRegionProblem(
      found.location,
      source.secondaryRegion,
      secondaryLabel,
      found.location && regionDisplayName(found.location, source.locations),
    );
    if (regionProblem) {
      errors[field] = regionProblem;
      return undefined;
    }
    return found;
  };

  let server: PostgresServerResource | undefined;
  let keyVault: KeyVaultResource | undefined;
  let storageAccount: StorageAccountResource | undefined;
  let input: CrossRegionRestoreInput | undefined;
  let permissionTargets: RestorePermissionTargets | undefined;
  const base = {
    instanceId: source.instanceId,
    sourceRegion: source.sourceRegion,
    secondaryRegion: source.secondaryRegion,
    recoveryPointId: point ? recoveryPointName(point) : '',
  };

  if (mode === 'database') {
    server = resource(
      'server',
      values.server,
      lists.servers,
      (id) => {
        const p = parsePostgresServerId(id);
        if (p.flexible) throw new Error('flexible');
        return p;
      },
      {
        missing: 'Choose the target server.',
        kind: 'an Azure Database for PostgreSQL single server',
        noun: 'PostgreSQL single server',
      },
    );
    const nameProblem = databaseNameProblem(values.databaseName);
    if (nameProblem) errors.databaseName = nameProblem;
    else if (
      server?.id &&
      overwritesSource(`${server.id}/databases/${values.databaseName}`, source.sourceDatabaseId)
    )
      errors.databaseName = 'A restore never overwrites the database it restores from; choose another name.';
    if (values.keyVault === '')
      errors.keyVault = 'Choose the key vault that holds the connection credentials.';
    else if (lists.keyVaults === undefined) waiting.push('keyVault');
    else {
      keyVault = byId(lists.keyVaults, values.keyVault);
      if (!keyVault)
        errors.keyVault = `No key vault with this ID is visible to you in ${source.subscriptionLabel}.`;
    }
    let secretUri: string | undefined;
    if (values.secret === '') errors.secret = 'Choose the secret that holds the connection string.';
    else if (keyVault && lists.secrets === undefined) waiting.push('secret');
    else if (keyVault) {
      const secret = byName(lists.secrets, values.secret);
      if (!secret)
        errors.secret = `The key vault ${keyVault.name ?? ''} has no secret named ${values.secret}.`;
      else secretUri = secretUriOf(secret, keyVault);
    }
    if (point && server?.id && server.location && !errors.databaseName && secretUri && keyVault?.id) {
      input = {
        ...base,
        target: {
          kind: 'database',
          serverId: server.id,
          serverLocation: server.location,
          databaseName: values.databaseName,
          secretUri,
        },
      };
      permissionTargets = {
        kind: 'database',
        serverId: server.id,
        keyVault: { ...keyVault, id: keyVault.id },
      };
    }
  } else {
    storageAccount = resource(
      'storageAccount',
      values.storageAccount,
      lists.storageAccounts,
      parseStorageAccountId,
      {
        missing: 'Choose the target storage account.',
        kind: 'a storage account',
        noun: 'storage account',
      },
    );
    const containerProblem = containerNameProblem(values.container);
    if (containerProblem) errors.container = containerProblem;
    else if (storageAccount && lists.containers === undefined) waiting.push('container');
    else if (storageAccount && !byName(lists.containers, values.container))
      errors.container = `The storage account ${storageAccount.name ?? ''} has no container named ${values.container}; create it first or choose one from the list.`;
    const prefixProblem = filePrefixProblem(values.filePrefix);
    if (prefixProblem) errors.filePrefix = prefixProblem;
    if (
      point &&
      storageAccount?.id &&
      !errors.container &&
      !waiting.includes('container') &&
      !prefixProblem
    ) {
      input = {
        ...base,
        target: {
          kind: 'files',
          containerUrl: containerUrlOf(storageAccount, values.container),
          filePrefix: values.filePrefix,
        },
      };
      permissionTargets = {
        kind: 'files',
        storageAccountId: storageAccount.id,
        containerId: `${storageAccount.id}/blobServices/default/containers/${values.container}`,
      };
    }
  }
  return { mode, modes, errors, waiting, point, server, keyVault, storageAccount, input, permissionTargets };
}

/** True when a step has nothing wrong and nothing pending. */
export function stepComplete(step: Step, form: EvaluatedForm): boolean {
  const fields = stepFields(form.mode)[step];
  return fields.every((f) => form.errors[f] === undefined && !form.waiting.includes(f));
}
