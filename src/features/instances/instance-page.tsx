import {
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowUndoRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useParams } from '@/lib/router';
import { useArm } from '@/azure/arm-context';
import { datasourceTypeHint, datasourceTypeLabel } from '@/azure/backup-instances/datasource-types';
import type { BackupInstanceRow } from '@/azure/backup-instances/instance-row';
import { protectionStatusLabel } from '@/azure/backup-instances/protection-states';
import { SECONDARY_RPO_LABELS, secondaryRpo } from '@/azure/backup-instances/rpo';
import { regionDisplayName } from '@/azure/regions';
import { ArmErrorMessage } from '@/components/arm-error-message';
import { FactList, type Fact } from '@/components/fact-list';
import { PageHeader } from '@/components/page-header';
import { PageBreadcrumb } from '@/components/page-breadcrumb';
import { RouterButtonLink, RouterLink } from '@/components/router-link';
import { useSubscriptionSelection } from '@/components/subscription-picker';
import { formatDateTime, formatDuration, formatUtc } from '@/lib/format';
import { instanceIdFromParams, instancePath, vaultPath } from '@/lib/app-paths';
import { useNow } from '@/lib/use-now';
import { RecoveryPointList } from './recovery-point-list';
import { createBackupInstanceQueries } from '@/azure/backup-instances/queries';
import { createSubscriptionQueries } from '@/azure/subscriptions/queries';

const useStyles = makeStyles({
  regions: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))',
    gap: tokens.spacingHorizontalXXL,
    marginTop: tokens.spacingVerticalL,
  },
  region: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalL,
  },
  action: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalXL,
    justifyItems: 'start',
  },
  reason: { color: tokens.colorNeutralForeground2 },
});

function time(ms: number | undefined, missing: string) {
  return ms === undefined ? missing : <span title={formatUtc(ms)}>{formatDateTime(ms)}</span>;
}

/**
 * Whether Restore to secondary region is offered, and what to say next to it. Azure's own
 * `allowedOperations` (Resource Graph) decides where it is known; without it the wizard checks
 * with Azure itself before anything is restored.
 */
function restoreAction(
  row: BackupInstanceRow,
  detailed: boolean,
): { allowed: boolean; reason?: React.ReactNode } {
  if (!row.secondaryRegion)
    return {
      allowed: false,
      reason: (
        <>
          This instance is not protected in a Secondary Region: Cross Region Restore is not enabled on its
          vault <RouterLink to={vaultPath(row.vaultId, 'properties')}>{row.vaultName}</RouterLink> (open its
          Properties to enable it on a geo-redundant vault).
        </>
      ),
    };
  if (detailed && !row.allowedOperations.includes('RestoreToSecondaryRegion'))
    return {
      allowed: false,
      reason: `Azure does not allow Restore to secondary region for this instance now (allowed: ${
        row.allowedOperations.join(', ') || 'none'
      }).`,
    };
  if (!detailed)
    return {
      allowed: true,
      reason:
        'Without Azure Resource Graph the operations Azure allows on this instance are not known; the restore wizard checks with Azure before anything is restored.',
    };
  if (row.recoveryPoints.latestSecondary === undefined)
    return {
      allowed: true,
      reason:
        'No recovery point has reached the Secondary Region yet, so there is nothing to restore until one has.',
    };
  return { allowed: true };
}

/** One backup instance: properties, both regions with their protection and freshness, the restore action. */
export function InstancePage() {
  const styles = useStyles();
  const arm = useArm();
  const params = useParams();
  const instanceId = instanceIdFromParams(params);
  const now = useNow();
  const { nameOf } = useSubscriptionSelection();
  const reasonId = useId();
  const detail = useQuery({
    ...arm.group(createBackupInstanceQueries).queries.row(instanceId ?? ''),
    enabled: !!instanceId,
  });
  const subscriptionId = detail.data?.row.subscriptionId ?? params.subscriptionId ?? '';
  const locations = useQuery({
    ...arm.group(createSubscriptionQueries).queries.locations(subscriptionId),
    enabled: !!subscriptionId,
  });
  const region = (r: string | undefined) => (r ? regionDisplayName(r, locations.data) : '—');

  if (!instanceId) return null;
  const breadcrumb = (
    <PageBreadcrumb
      trail={[{ label: 'Backup instances', to: '/instances' }]}
      current={params.backupInstanceName ?? 'Backup instance'}
    />
  );
  if (detail.error)
    return (
      <>
        {breadcrumb}
        <PageHeader title={params.backupInstanceName ?? 'Backup instance'} />
        <ArmErrorMessage
          error={detail.error}
          title="The backup instance could not be loaded"
          onRetry={() => void detail.refetch()}
        />
      </>
    );
  if (!detail.data)
    return (
      <>
        {breadcrumb}
        <Spinner label="Loading the backup instance…" />
      </>
    );

  const { row, source, fallbackReason } = detail.data;
  const detailed = row.detailed;
  const rpo = secondaryRpo(row, now);
  const hint = datasourceTypeHint(row.datasource.type);
  const restore = restoreAction(row, detailed);
  const noTimes = 'Not known without Azure Resource Graph';

  return (
    <>
      {breadcrumb}
      <PageHeader title={row.friendlyName} description={`Backup instance ${row.name}`} />
      {source === 'direct' &&
        (fallbackReason ? (
          <ArmErrorMessage
            intent="warning"
            error={fallbackReason}
            title="Azure Resource Graph is not available: recovery point freshness is not shown"
          />
        ) : (
          <MessageBar intent="info">
            <MessageBarBody>
              Azure Resource Graph does not list this instance yet (new instances can take a while to appear),
              so recovery point freshness is not shown.
            </MessageBarBody>
          </MessageBar>
        ))}
      <section aria-labelledby="instance-properties">
        <h2 id="instance-properties">Properties</h2>
        <FactList
          label="Properties"
          facts={[
            ['Datasource', row.datasource.name ?? '—'],
            ...(row.datasource.serverName ? ([['Server', row.datasource.serverName]] as Fact[]) : []),
            [
              'Datasource type',
              <>
                {datasourceTypeLabel(row.datasource.type)}{' '}
                {hint && (
                  <Badge appearance="outline" color="warning">
                    Retired server type
                  </Badge>
                )}
                {hint && <Text block>{hint}</Text>}
              </>,
            ],
            [
              'Vault',
              <RouterLink key="vault" to={vaultPath(row.vaultId)}>
                {row.vaultName}
              </RouterLink>,
            ],
            ['Subscription', nameOf(row.subscriptionId)],
            ['Resource group', row.resourceGroup],
            ['Backup policy', row.policyName ?? '—'],
            ['Protection status', protectionStatusLabel(row.protectionState)],
          ]}
        />
      </section>
      <div className={styles.regions}>
        <section aria-labelledby="primary-region" className={styles.region}>
          <h2 id="primary-region">Primary Region</h2>
          <FactList
            label="Primary Region"
            facts={[
              ['Region', region(row.primaryRegion ?? row.location)],
              ['Protection state', protectionStatusLabel(row.protectionState)],
              [
                'Latest recovery point',
                time(row.recoveryPoints.latestPrimary, detailed ? 'None yet' : noTimes),
              ],
              [
                'Oldest recovery point',
                time(row.recoveryPoints.oldestPrimary, detailed ? 'None yet' : noTimes),
              ],
            ]}
          />
        </section>
        <section aria-labelledby="secondary-region" className={styles.region}>
          <h2 id="secondary-region">Secondary Region</h2>
          {row.secondaryRegion ? (
            <FactList
              label="Secondary Region"
              facts={[
                ['Region', region(row.secondaryRegion)],
                [
                  'Protection state',
                  row.protectionStateInSecondaryRegion
                    ? protectionStatusLabel(row.protectionStateInSecondaryRegion)
                    : noTimes,
                ],
                [
                  'Latest recovery point',
                  time(row.recoveryPoints.latestSecondary, detailed ? 'None replicated yet' : noTimes),
                ],
                ['Age', rpo.ageMs === undefined ? '—' : formatDuration(rpo.ageMs)],
                ['RPO state', SECONDARY_RPO_LABELS[rpo.state]],
                [
                  'RPO threshold',
                  rpo.thresholdSource === 'policy'
                    ? `${formatDuration(rpo.thresholdMs)} (from the backup policy)`
                    : `${formatDuration(rpo.thresholdMs)} (fallback: the backup policy sets none)`,
                ],
                ['Oldest recovery point', time(row.recoveryPoints.oldestSecondary, detailed ? '—' : noTimes)],
              ]}
            />
          ) : (
            <Text>
              Not protected in a Secondary Region. Cross Region Restore is not enabled on{' '}
              <RouterLink to={vaultPath(row.vaultId, 'properties')}>{row.vaultName}</RouterLink>.
            </Text>
          )}
        </section>
      </div>
      <div className={styles.action}>
        {restore.allowed ? (
          <RouterButtonLink
            appearance="primary"
            icon={<ArrowUndoRegular />}
            to={instancePath(instanceId, 'restore')}
          >
            Restore to secondary region
          </RouterButtonLink>
        ) : (
          <Button
            icon={<ArrowUndoRegular />}
            appearance="primary"
            disabledFocusable
            aria-describedby={reasonId}
          >
            Restore to secondary region
          </Button>
        )}
        {restore.reason && (
          <Text id={reasonId} className={styles.reason}>
            {restore.reason}
          </Text>
        )}
      </div>
      {(row.primaryRegion ?? row.location) && (
        <RecoveryPointList
          instanceId={instanceId}
          sourceRegion={row.primaryRegion ?? row.location ?? ''}
          secondaryRegion={row.secondaryRegion}
          locations={locations.data}
          rpo={{ thresholdMs: rpo.thresholdMs, thresholdSource: rpo.thresholdSource }}
        />
      )}
    </>
  );
}
