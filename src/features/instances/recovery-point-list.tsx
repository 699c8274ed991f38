import {
  Badge,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useArm } from '@/azure/arm-context';
import type { RecoveryPointWindow } from '@/azure/recovery-points/queries';
import type { AzureBackupRecoveryPointResource } from '@/azure/recovery-points/types';
import { regionDisplayName } from '@/azure/regions';
import { newestFirst, recoveryPointName, recoveryPointTier } from '@/azure/restore/restore-rules';
import type { Location } from '@/azure/subscriptions/types';
import { QueryView } from '@/components/query-view';
import { FilterBar } from '@/components/filter-bar';
import { RouterLink } from '@/components/router-link';
import { instancePath } from '@/lib/app-paths';
import { formatDateTime, formatDuration, formatUtc } from '@/lib/format';
import { useSearchParam, useSetSearchParams } from '@/lib/url-state';
import { useNow } from '@/lib/use-now';
import { createRecoveryPointQueries } from '@/azure/recovery-points/queries';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalM, marginTop: tokens.spacingVerticalXL },
  hint: { color: tokens.colorNeutralForeground2 },
  table: { maxWidth: '880px' },
});

/** The secondary-region RPO the instance page applies (the policy's own threshold, or the stated fallback). */
export interface SecondaryRpoRule {
  thresholdMs: number;
  thresholdSource: 'policy' | 'fallback';
}

export interface RecoveryPointListProps {
  instanceId: string;
  /** Primary region (the vault's location). */
  sourceRegion: string;
  /** Undefined when the instance is not protected in a secondary region. */
  secondaryRegion: string | undefined;
  locations: readonly Location[] | undefined;
  rpo: SecondaryRpoRule;
}

/** `yyyy-mm-dd` (a date input's value) as the start or the end of that local day. */
function dayBound(value: string | null, end: boolean): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const [y, m, d] = value.split('-').map(Number);
  const date = end
    ? new Date(y ?? 0, (m ?? 1) - 1, d ?? 1, 23, 59, 59, 999)
    : new Date(y ?? 0, (m ?? 1) - 1, d ?? 1);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * An instance's recovery points in the primary region (`recoveryPoints`) or the secondary region
 * (`fetchSecondaryRecoveryPoints`), with time, type and tier, filtered by a date range kept in the
 * URL and applied in the request (and again to the secondary answer). The secondary tab says how
 * old its newest point is against the RPO, and why it may have none.
 */
export function RecoveryPointList({
  instanceId,
  sourceRegion,
  secondaryRegion,
  locations,
  rpo,
}: RecoveryPointListProps) {
  const styles = useStyles();
  const arm = useArm();
  const now = useNow();
  const [regionParam] = useSearchParam('points');
  const [from] = useSearchParam('pointsFrom');
  const [to] = useSearchParam('pointsTo');
  const setParams = useSetSearchParams();
  const region = regionParam === 'secondary' && secondaryRegion ? 'secondary' : 'primary';
  const window: RecoveryPointWindow = { from: dayBound(from, false), to: dayBound(to, true) };
  const regions = { sourceRegion, secondaryRegion: secondaryRegion ?? sourceRegion };
  const primary = useQuery({
    ...arm.group(createRecoveryPointQueries).queries.list(instanceId, window),
    enabled: region === 'primary',
  });
  const secondary = useQuery({
    ...arm.group(createRecoveryPointQueries).queries.secondary(instanceId, regions, window),
    enabled: region === 'secondary',
  });
  // The RPO is about the newest point whatever the range: the unfiltered list (shared with the restore wizard).
  const newestSecondary = useQuery({
    ...arm.group(createRecoveryPointQueries).queries.secondary(instanceId, regions),
    enabled: secondaryRegion !== undefined,
  });
  const query = region === 'primary' ? primary : secondary;
  const primaryLabel = regionDisplayName(sourceRegion, locations);
  const secondaryLabel = secondaryRegion ? regionDisplayName(secondaryRegion, locations) : undefined;
  const filtered = window.from !== undefined || window.to !== undefined;

  return (
    <section className={styles.root} aria-labelledby="recovery-points-heading">
      <h2 id="recovery-points-heading">Recovery points</h2>
      <TabList
        selectedValue={region}
        onTabSelect={(_, data) => setParams({ points: data.value === 'secondary' ? 'secondary' : null })}
        aria-label="Region of the recovery points"
      >
        <Tab value="primary">{`Primary Region (${primaryLabel})`}</Tab>
        <Tab value="secondary" disabled={!secondaryRegion}>
          {secondaryLabel ? `Secondary Region (${secondaryLabel})` : 'Secondary Region (not protected there)'}
        </Tab>
      </TabList>
      {secondaryRegion && (
        <SecondaryFreshness
          query={newestSecondary}
          now={now}
          rpo={rpo}
          secondaryLabel={secondaryLabel ?? secondaryRegion}
        />
      )}
      <FilterBar label="Recovery point dates">
        <Field label="From">
          <Input
            type="date"
            value={from ?? ''}
            onChange={(_, d) => setParams({ pointsFrom: d.value || null })}
          />
        </Field>
        <Field label="To">
          <Input type="date" value={to ?? ''} onChange={(_, d) => setParams({ pointsTo: d.value || null })} />
        </Field>
      </FilterBar>
      <QueryView
        query={query}
        loading="Loading recovery points…"
        errorTitle="The recovery points could not be loaded"
      >
        {(data) => {
          const points = newestFirst(data);
          return points.length > 0 ? (
            <>
              <Text role="status">
                {`${points.length} recovery point${points.length === 1 ? '' : 's'} in the ${region === 'primary' ? 'Primary' : 'Secondary'} Region${filtered ? ' in the chosen dates' : ''}, newest first.`}
              </Text>
              <Table
                className={styles.table}
                aria-label={`Recovery points in the ${region === 'primary' ? 'Primary' : 'Secondary'} Region`}
              >
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Time</TableHeaderCell>
                    <TableHeaderCell>Type</TableHeaderCell>
                    <TableHeaderCell>Tier</TableHeaderCell>
                    {region === 'secondary' && <TableHeaderCell>Restore</TableHeaderCell>}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {points.map((p) => {
                    const t = Date.parse(p.properties?.recoveryPointTime ?? '');
                    const archive = recoveryPointTier(p) === 'archive';
                    const name = recoveryPointName(p);
                    return (
                      <TableRow key={name}>
                        <TableCell>
                          <span title={formatUtc(t)}>{formatDateTime(t)}</span>
                        </TableCell>
                        <TableCell>{p.properties?.recoveryPointType ?? '—'}</TableCell>
                        <TableCell>{archive ? 'Archive (needs rehydration)' : 'Vault'}</TableCell>
                        {region === 'secondary' && (
                          <TableCell>
                            {archive ? (
                              '—'
                            ) : (
                              <RouterLink
                                to={`${instancePath(instanceId, 'restore')}?rp=${encodeURIComponent(name)}`}
                                aria-label={`Restore the point of ${formatDateTime(t)} to the secondary region`}
                              >
                                Restore to secondary region
                              </RouterLink>
                            )}
                          </TableCell>
                        )}
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </>
          ) : region === 'secondary' && !filtered ? (
            <NoSecondaryPoints secondaryLabel={secondaryLabel ?? ''} />
          ) : (
            <Text role="status">
              {filtered
                ? 'No recovery point in the chosen dates.'
                : 'No recovery point in the Primary Region.'}
            </Text>
          );
        }}
      </QueryView>
    </section>
  );
}

function NoSecondaryPoints({ secondaryLabel }: { secondaryLabel: string }) {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{`No recovery point in the Secondary Region (${secondaryLabel}) yet`}</MessageBarTitle>
        Recovery points are copied to the Secondary Region up to 12 hours after each backup, and after Cross
        Region Restore is enabled backup items can take up to 48 hours to appear there.
      </MessageBarBody>
    </MessageBar>
  );
}

/** The newest secondary point's age against the RPO. */
function SecondaryFreshness({
  query,
  now,
  rpo,
  secondaryLabel,
}: {
  query: UseQueryResult<AzureBackupRecoveryPointResource[]>;
  now: number;
  rpo: SecondaryRpoRule;
  secondaryLabel: string;
}) {
  const styles = useStyles();
  if (!query.data) return null;
  const newest = newestFirst(query.data)[0];
  const threshold = `${formatDuration(rpo.thresholdMs)}${rpo.thresholdSource === 'fallback' ? ', the 36-hour fallback: the policy sets none' : ', from the backup policy'}`;
  if (!newest)
    return (
      <Text
        className={styles.hint}
      >{`Secondary Region RPO (${threshold}): no recovery point has reached ${secondaryLabel} yet.`}</Text>
    );
  const t = Date.parse(newest.properties?.recoveryPointTime ?? '');
  const age = Math.max(0, now - t);
  const within = age <= rpo.thresholdMs;
  return (
    <Text>
      {`Newest in the Secondary Region: ${formatDateTime(t)}, ${formatDuration(age)} old. `}
      <Badge color={within ? 'success' : 'danger'}>{within ? 'Within RPO' : 'Overdue'}</Badge>
      <span className={styles.hint}>{` RPO ${threshold}.`}</span>
    </Text>
  );
}
