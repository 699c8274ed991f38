/*
 * How Azure RBAC decides whether a set of role permissions allows an operation: an action is
 * allowed when some permission entry lists it in `actions` (`*` matches any run of characters,
 * case-insensitively) and the same entry does not exclude it in `notActions`. `notActions` is not
 * a deny: another role's entry may still allow it. Data actions (`dataActions` /
 * `notDataActions`) are a separate plane: `*` in `actions` never grants a data action.
 */
import type { Permission } from './types';

/** True when the RBAC pattern (e.g. `Microsoft.KeyVault/vaults/secrets/*`) matches `operation`. */
export function operationMatches(pattern: string, operation: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
      .join('.*')}$`,
    'i',
  );
  return regex.test(operation);
}

/** An operation to check: a control-plane action or a data action. */
export type Operation = { action: string } | { dataAction: string };

/** Whether one permission entry allows the operation. */
export function entryAllows(entry: Permission, operation: Operation): boolean {
  const [allowed, excluded, name] =
    'action' in operation
      ? [entry.actions, entry.notActions, operation.action]
      : [entry.dataActions, entry.notDataActions, operation.dataAction];
  return (
    (allowed ?? []).some((p) => operationMatches(p, name)) &&
    !(excluded ?? []).some((p) => operationMatches(p, name))
  );
}

/** Whether a set of permission entries (roles, or the caller's permissions at a scope) allows the operation. */
export function permissionsAllow(entries: readonly Permission[], operation: Operation): boolean {
  return entries.some((entry) => entryAllows(entry, operation));
}

/** The text of an operation, for messages. */
export function operationName(operation: Operation): string {
  return 'action' in operation ? operation.action : operation.dataAction;
}
