import type { CrossRegionRestoreInput } from '@/azure/restore/restore-request';
import type { Field, Step } from './form-model';
import { fieldMessage, fieldOfError } from './validation-errors';
import type { WizardContext } from './wizard-context';

/** The request a mutation was called with, comparable to the form's current one. */
function fingerprint(input: CrossRegionRestoreInput | undefined): string {
  if (!input) return '';
  const { instanceId, sourceRegion, secondaryRegion, recoveryPointId, target } = input;
  return JSON.stringify({ instanceId, sourceRegion, secondaryRegion, recoveryPointId, target });
}

/** True when `variables` (of validate or trigger) describe exactly the restore the form holds now. */
export function sameRequest(variables: CrossRegionRestoreInput | undefined, ctx: WizardContext): boolean {
  return variables !== undefined && fingerprint(variables) === fingerprint(ctx.form.input);
}

/** Azure's last word (validation or trigger) on these exact values, when it concerns `place`. */
export function azureError(ctx: WizardContext, place: Field | 'permissions'): string | undefined {
  for (const m of [ctx.validate, ctx.trigger]) {
    if (m.isError && sameRequest(m.variables, ctx) && fieldOfError(m.error, ctx.form.mode) === place)
      return fieldMessage(m.error);
  }
  return undefined;
}

/**
 * The message a field shows: Azure's verdict on these values first, then the field's own rule
 * (for an empty required field, only once the user tried to go on).
 */
export function fieldError(ctx: WizardContext, field: Field, step: Step): string | undefined {
  const fromAzure = azureError(ctx, field);
  if (fromAzure) return fromAzure;
  const own = ctx.form.errors[field];
  if (!own) return undefined;
  return ctx.values[field] !== '' || ctx.showErrors(step) ? own : undefined;
}
