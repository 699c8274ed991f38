import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useArm } from '@/azure/arm-context';
import type { ArmError } from '@/azure/arm-error';
import { operationName } from '@/azure/authorization/permission-match';
import type { IdentityCheck, RequirementStatus } from '@/azure/authorization/restore-permissions';
import { parseResourceId } from '@/azure/resource-id';
import { ArmErrorMessage } from '@/components/arm-error-message';
import { FactList } from '@/components/fact-list';
import { azureError } from './field-errors';
import type { WizardContext } from './wizard-context';
import { createAuthorizationQueries } from '@/azure/authorization/queries';

const useStyles = makeStyles({
  body: { display: 'grid', gap: tokens.spacingVerticalL },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: 'break-all' },
  hint: { color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

/** What a requirement is for, in words. */
const PURPOSE: Record<IdentityCheck['requirement']['key'], string> = {
  server: 'read the target server',
  keyVault: 'read the secret with the connection credentials',
  storage: 'write the restored files',
};

/** A resource's name and kind from its id, e.g. "key vault kv-restore-westus". */
function describeScope(scope: string): string {
  const p = parseResourceId(scope);
  const type = p.resourceType?.toLowerCase() ?? '';
  const kind = type.endsWith('keyvault/vaults')
    ? 'key vault'
    : type.endsWith('storage/storageaccounts')
      ? 'storage account'
      : type.includes('dbforpostgresql')
        ? 'server'
        : 'resource';
  return `${kind} ${p.name ?? scope}`;
}

function StatusBadge({ status }: { status: RequirementStatus }) {
  if (status.state === 'granted') return <Badge color="success">Granted</Badge>;
  if (status.state === 'missing') return <Badge color="danger">Missing</Badge>;
  return <Badge color="warning">Not checked</Badge>;
}

/**
 * Step 3: checks with Microsoft.Authorization that the caller may validate and trigger the
 * restore and that the vault's managed identity has the roles the restore needs on the targets;
 * offers to grant a missing role after an explicit confirmation.
 */
export function PermissionsStep({ ctx }: { ctx: WizardContext }) {
  const styles = useStyles();
  const arm = useArm();
  const principalId = ctx.vault.identity?.principalId ?? '';
  const targets = ctx.form.permissionTargets;
  const check = useQuery({
    ...arm.group(createAuthorizationQueries).queries.restoreCheck({
      vaultId: ctx.source.vaultId,
      principalId,
      targets: targets ?? { kind: 'files', storageAccountId: '', containerId: '' },
    }),
    enabled: targets !== undefined && principalId !== '',
  });
  const [granting, setGranting] = useState<IdentityCheck | undefined>();
  const grant = useMutation(arm.group(createAuthorizationQueries).mutations.grantRole());
  const vaultName = ctx.vault.name ?? '';
  const fromAzure = azureError(ctx, 'permissions');

  if (!principalId)
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>The vault has no system-assigned managed identity</MessageBarTitle>
          Azure Backup restores with the vault&apos;s managed identity. Turn on the system-assigned identity
          of {vaultName}, then come back.
        </MessageBarBody>
      </MessageBar>
    );
  if (!targets)
    return (
      <MessageBar intent="info">
        <MessageBarBody>
          Complete the restore parameters first: the check needs to know the targets.
        </MessageBarBody>
      </MessageBar>
    );
  if (check.isPending) return <Spinner label="Checking permissions with Azure…" />;
  if (check.isError)
    return (
      <ArmErrorMessage
        error={check.error}
        title="The permissions could not be checked"
        onRetry={() => void check.refetch()}
      />
    );
  const result = check.data;
  const unknown: ArmError[] = [
    ...(result.caller.status.state === 'unknown' ? [result.caller.status.error] : []),
    ...result.identity.flatMap((c) => (c.status.state === 'unknown' ? [c.status.error] : [])),
  ];
  const callerMissing = result.caller.missing;

  return (
    <div className={styles.body}>
      <Text>
        What the restore needs, checked with Azure before anything is sent. A missing role would otherwise
        fail the restore job later with <span className={styles.mono}>UserErrorMSIMissingPermissions</span>.
      </Text>
      {fromAzure && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Validation failed on permissions</MessageBarTitle>
            {fromAzure}
          </MessageBarBody>
        </MessageBar>
      )}
      {result.nothingMissing && unknown.length === 0 && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Permissions OK</MessageBarTitle>
            You and the vault&apos;s managed identity have what this restore needs.
          </MessageBarBody>
        </MessageBar>
      )}
      <Table aria-label="Permissions the restore needs">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Who</TableHeaderCell>
            <TableHeaderCell>Needs</TableHeaderCell>
            <TableHeaderCell>On</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell>Action</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          <TableRow>
            <TableCell>You</TableCell>
            <TableCell>
              Validate and trigger a cross-region restore, and follow its job
              <ul className={styles.list}>
                {result.caller.operations.map((op) => (
                  <li key={operationName(op)} className={styles.mono}>
                    {operationName(op)}
                  </li>
                ))}
              </ul>
            </TableCell>
            <TableCell>{`resource group ${parseResourceId(result.caller.scope).resourceGroupName ?? ''}`}</TableCell>
            <TableCell>
              <StatusBadge status={result.caller.status} />
            </TableCell>
            <TableCell>
              {callerMissing.length > 0
                ? `Ask an owner of the subscription for Backup Operator (missing: ${callerMissing.join(', ')}).`
                : '—'}
            </TableCell>
          </TableRow>
          {result.identity.map((c) => (
            <TableRow key={c.requirement.key}>
              <TableCell>{`Managed identity of ${vaultName}`}</TableCell>
              <TableCell>
                {c.requirement.accessPolicies
                  ? `A Get secrets access policy, to ${PURPOSE[c.requirement.key]}`
                  : `${c.requirement.role.name}, to ${PURPOSE[c.requirement.key]}`}
              </TableCell>
              <TableCell>{describeScope(c.requirement.scope)}</TableCell>
              <TableCell>
                <StatusBadge status={c.status} />
                {c.status.state === 'granted' && (
                  <Text size={200} className={styles.hint}>{` by ${c.status.grantedBy.join(', ')}`}</Text>
                )}
              </TableCell>
              <TableCell>
                <RequirementAction check={c} onGrant={() => setGranting(c)} busy={grant.isPending} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {unknown.length > 0 && (
        <>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Some permissions could not be checked</MessageBarTitle>
              Azure did not let you read them. You can go on: validation will still tell whether the restore
              would work.
            </MessageBarBody>
          </MessageBar>
          {unknown.map((error, i) => (
            <ArmErrorMessage key={i} error={error} title="The check could not be done" />
          ))}
        </>
      )}
      {grant.isError && <ArmErrorMessage error={grant.error} title="The role could not be granted" />}
      {grant.isSuccess && (
        <MessageBar intent="info">
          <MessageBarBody>
            Role granted. Azure can take a few minutes to apply a new role assignment everywhere.
          </MessageBarBody>
        </MessageBar>
      )}
      {granting && (
        <GrantDialog
          check={granting}
          vaultName={vaultName}
          principalId={principalId}
          busy={grant.isPending}
          onCancel={() => setGranting(undefined)}
          onConfirm={() => {
            grant.mutate(
              { scope: granting.requirement.scope, role: granting.requirement.role, principalId },
              { onSettled: () => setGranting(undefined) },
            );
          }}
        />
      )}
    </div>
  );
}

function RequirementAction({
  check,
  onGrant,
  busy,
}: {
  check: IdentityCheck;
  onGrant: () => void;
  busy: boolean;
}) {
  if (check.status.state !== 'missing') return <>—</>;
  if (check.requirement.accessPolicies)
    return <>Add an access policy with Get and List secret permissions for the identity in the key vault.</>;
  if (check.grant?.state === 'yes')
    return (
      <Button size="small" disabled={busy} onClick={onGrant}>
        {`Grant ${check.requirement.role.name}`}
      </Button>
    );
  if (check.grant?.state === 'no')
    return (
      <>
        Ask an Owner or User Access Administrator of the resource to grant it: you may not assign roles there.
      </>
    );
  return <>Whether you may grant it could not be checked; ask an Owner of the resource.</>;
}

interface GrantDialogProps {
  check: IdentityCheck;
  vaultName: string;
  principalId: string;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

/** The explicit confirmation: exactly which role, to whom, on which scope. Nothing is granted silently. */
function GrantDialog({ check, vaultName, principalId, busy, onCancel, onConfirm }: GrantDialogProps) {
  const styles = useStyles();
  const { role, scope } = check.requirement;
  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{`Grant ${role.name}?`}</DialogTitle>
          <DialogContent>
            <p>
              {`This creates a role assignment: the managed identity of the Backup vault ${vaultName} gets the built-in role ${role.name} on the ${describeScope(scope)}.`}
            </p>
            <FactList
              label="Role assignment"
              facts={[
                ['Role', `${role.name} (${role.id})`],
                ['Assigned to', <span className={styles.mono}>{`${principalId} (service principal)`}</span>],
                ['Scope', <span className={styles.mono}>{scope}</span>],
              ]}
            />
            <p>
              It stays after the restore; remove it in the resource&apos;s Access control (IAM) when it is no
              longer needed.
            </p>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy} onClick={onConfirm}>
              {busy ? 'Granting…' : `Grant ${role.name}`}
            </Button>
            <Button disabled={busy} onClick={onCancel}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
