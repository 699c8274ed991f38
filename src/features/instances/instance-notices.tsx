import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { InstanceSearchResult } from '@/azure/backup-instances/instance-search';
import type { BackupVaultResource } from '@/azure/backup-vaults/types';
import { crossRegionRestoreStatus } from '@/azure/backup-vaults/vault-rules';
import { sameResourceId } from '@/azure/resource-id';
import { ArmErrorMessage } from '@/components/arm-error-message';
import { RouterLink } from '@/components/router-link';
import { vaultPath } from '@/lib/app-paths';

/**
 * What the list is missing and why: Resource Graph refused (listed per vault instead), parts of
 * the scope that failed (the rest is listed), a result Resource Graph cut short.
 */
export function InstanceNotices({
  result,
  subscriptionName,
}: {
  result: InstanceSearchResult;
  subscriptionName: (id: string) => string;
}) {
  return (
    <>
      {result.fallbackReason && (
        <ArmErrorMessage
          intent="warning"
          error={result.fallbackReason}
          title="Azure Resource Graph is not available: backup instances are listed vault by vault"
        >
          {`Each vault's instances are listed directly (${
            result.vaults.total === undefined
              ? 'finding vaults…'
              : `${result.vaults.done} of ${result.vaults.total} vaults listed`
          }). Without Resource Graph there is no secondary-region freshness: recovery point times and RPO states are not shown. Azure's answer below says why Resource Graph was refused.`}
        </ArmErrorMessage>
      )}
      {result.warnings.map((w) => (
        <ArmErrorMessage
          key={`${w.kind}:${w.id}`}
          intent="warning"
          error={w.error}
          title={
            w.kind === 'vault'
              ? `Backup instances of ${w.name} could not be listed`
              : `Backup vaults of ${subscriptionName(w.id)} could not be listed`
          }
        >
          The other vaults are listed.
        </ArmErrorMessage>
      ))}
      {result.truncated && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Azure Resource Graph returned part of the list</MessageBarTitle>
            It cut the result short without a way to page on. Narrow the subscriptions or filters to see the
            rest.
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/**
 * The Secondary Region view lists only instances of vaults with Cross Region Restore; this says
 * which vaults of the selection are left out, and links to their Properties.
 */
export function SecondaryRegionHint({
  vaults,
  selectedVaultIds,
}: {
  vaults: readonly BackupVaultResource[];
  selectedVaultIds: readonly string[];
}) {
  const left = vaults.filter(
    (v) =>
      v.id &&
      crossRegionRestoreStatus(v) !== 'Enabled' &&
      (selectedVaultIds.length === 0 || selectedVaultIds.some((id) => sameResourceId(id, v.id))),
  );
  if (left.length === 0) return null;
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          {left.length === 1 ? '1 vault is not listed' : `${left.length} vaults are not listed`}
        </MessageBarTitle>
        Only vaults with Cross Region Restore enabled have backup instances in a Secondary Region. Not listed:{' '}
        {left.map((v, i) => (
          <span key={v.id}>
            {i > 0 && ', '}
            {v.name} (
            {crossRegionRestoreStatus(v) === 'Disabled'
              ? 'Cross Region Restore disabled'
              : 'not geo-redundant'}
            ,{' '}
            <RouterLink to={vaultPath(v.id ?? '', 'properties')} aria-label={`Properties of ${v.name ?? ''}`}>
              Properties
            </RouterLink>
            )
          </span>
        ))}
        .
      </MessageBarBody>
    </MessageBar>
  );
}
