import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo } from 'react';
import { useNavigate } from '@/lib/router';
import { useArm } from '@/azure/arm-context';
import { regionDisplayName } from '@/azure/regions';
import { ArmErrorMessage } from '@/components/arm-error-message';
import { PageHeader } from '@/components/page-header';
import {
  useSubscriptionSelection,
  SubscriptionsError,
  NoSubscriptionSelected,
} from '@/components/subscription-picker';
import { VirtualGrid } from '@/components/virtual-grid';
import { instancePath } from '@/lib/app-paths';
import { useNow } from '@/lib/use-now';
import { searchRows, sortRows, toGridRows, type GridRow } from './grid-rows';
import { instanceColumns, useInstanceCellClasses } from './instance-columns';
import { InstanceFilters, type VaultOption } from './instance-filters';
import { InstanceNotices, SecondaryRegionHint } from './instance-notices';
import { serverFilter, hasFilters, useInstanceView } from './use-instance-view';
import { createBackupInstanceQueries } from '@/azure/backup-instances/queries';
import { createBackupVaultQueries } from '@/azure/backup-vaults/queries';
import { createSubscriptionQueries } from '@/azure/subscriptions/queries';

const useStyles = makeStyles({
  status: { display: 'grid', gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalM },
  count: { color: tokens.colorNeutralForeground2, display: 'block', marginBottom: tokens.spacingVerticalS },
});

const number = new Intl.NumberFormat('en-US');

/** "1,000 of 50,010 backup instances loaded…", "12 of 50,010 backup instances", "5 backup instances". */
export function countText(
  shown: number,
  loaded: number,
  total: number | undefined,
  complete: boolean,
): string {
  const noun = (n: number) => `backup instance${n === 1 ? '' : 's'}`;
  if (!complete)
    return `${number.format(loaded)} of ${total === undefined ? '…' : number.format(total)} ${noun(2)} loaded…`;
  if (shown === loaded) return `${number.format(loaded)} ${noun(loaded)}`;
  return `${number.format(shown)} of ${number.format(loaded)} ${noun(loaded)}`;
}

export function InstancesPage() {
  const styles = useStyles();
  const arm = useArm();
  const navigate = useNavigate();
  const subscriptions = useSubscriptionSelection();
  const { selected, nameOf } = subscriptions;
  const { view, ...actions } = useInstanceView();
  const now = useNow();
  const filter = useMemo(() => serverFilter(view), [view]);

  const search = useQuery({
    ...arm.group(createBackupInstanceQueries).queries.search({ subscriptions: selected, filter }),
    enabled: selected.length > 0,
  });
  // Vault lists name the vaults (filter options, the Secondary Region hint) with or without
  // Resource Graph; they are the vault grid's own cached queries.
  const vaultLists = useQueries({
    queries: selected.map((id) => arm.group(createBackupVaultQueries).queries.list(id)),
  });
  const locations = useQuery({
    ...arm.group(createSubscriptionQueries).queries.locations(selected[0] ?? ''),
    enabled: selected.length > 0,
  });

  const vaults = vaultLists.flatMap((q) => q.data ?? []);
  const vaultOptions: VaultOption[] = vaults
    .flatMap((v) => (v.id ? [{ id: v.id, name: v.name ?? v.id }] : []))
    .sort((a, b) => a.name.localeCompare(b.name));

  const data = search.data;
  const rows = data?.rows;
  const gridRows = useMemo(
    () =>
      toGridRows(rows ?? [], {
        region: view.region,
        now,
        subscriptionName: nameOf,
        regionLabel: (r) => (r ? regionDisplayName(r, locations.data) : '—'),
      }),
    // nameOf changes identity each render; the subscription list behind it is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rows, view.region, now, locations.data, subscriptions.subscriptions],
  );
  // Typing and sorting work on a deferred copy: 50,000 rows never block the input.
  const deferredSearch = useDeferredValue(view.search);
  const deferredSort = useDeferredValue(view.sort);
  const deferredRows = useDeferredValue(gridRows);
  // Sorted once per list or sort; a keystroke only filters the sorted rows (a filter keeps order).
  const sorted = useMemo(() => sortRows(deferredRows, deferredSort), [deferredRows, deferredSort]);
  const shown = useMemo(() => searchRows(sorted, deferredSearch), [sorted, deferredSearch]);
  const cellClasses = useInstanceCellClasses();
  const columns = useMemo(
    () => instanceColumns(view.region, now, cellClasses),
    [view.region, now, cellClasses],
  );

  const loaded = rows?.length ?? 0;
  // Complete only once the rows on screen are every page (the deferred copy has caught up), so the
  // count never reads as final while the last page is still being rendered.
  const complete = (data?.complete ?? false) && deferredRows === gridRows;
  const noVaults = vaultLists.length > 0 && vaultLists.every((q) => q.isSuccess) && vaults.length === 0;

  return (
    <>
      <PageHeader
        title="Backup instances"
        description="Every backup instance in the selected subscriptions, from Azure Resource Graph. Choose Instance Region = Secondary Region to see what Cross Region Restore has replicated and how fresh it is."
      />
      {subscriptions.query.error ? (
        <SubscriptionsError query={subscriptions.query} />
      ) : (
        <>
          <InstanceFilters subscriptions={subscriptions} view={view} vaults={vaultOptions} {...actions} />
          <div className={styles.status}>
            {data && <InstanceNotices result={data} subscriptionName={nameOf} />}
            {view.region === 'secondary' && data && (
              <SecondaryRegionHint vaults={vaults} selectedVaultIds={view.vaultIds} />
            )}
          </div>
          {subscriptions.query.isPending ? (
            <Spinner label="Loading subscriptions…" />
          ) : subscriptions.subscriptions.length === 0 ? (
            <MessageBar intent="info">
              <MessageBarBody>
                You have no Azure subscriptions, or none you may read. Ask for Backup Reader on a
                subscription.
              </MessageBarBody>
            </MessageBar>
          ) : selected.length === 0 ? (
            <NoSubscriptionSelected what="backup instances" />
          ) : search.error ? (
            <ArmErrorMessage
              error={search.error}
              title="Backup instances could not be loaded"
              onRetry={() => void search.refetch()}
            />
          ) : !data ? (
            <Spinner label="Loading backup instances…" />
          ) : (
            <>
              <Text className={styles.count} role="status">
                {countText(shown.length, loaded, data.totalRecords, complete)}
              </Text>
              {complete && loaded === 0 ? (
                <MessageBar intent="info">
                  <MessageBarBody>
                    {hasFilters(view)
                      ? 'No backup instance matches the filters.'
                      : noVaults
                        ? 'There are no Backup vaults in the selected subscriptions.'
                        : 'The Backup vaults in the selected subscriptions protect nothing yet.'}
                  </MessageBarBody>
                  {hasFilters(view) && (
                    <MessageBarActions>
                      <Button onClick={actions.clearAll}>Clear all</Button>
                    </MessageBarActions>
                  )}
                </MessageBar>
              ) : shown.length === 0 && loaded > 0 && deferredSearch === view.search ? (
                <MessageBar intent="info">
                  <MessageBarBody>
                    <MessageBarTitle>No backup instance matches the search</MessageBarTitle>
                    {complete ? '' : 'More instances are still loading.'}
                  </MessageBarBody>
                  <MessageBarActions>
                    <Button onClick={actions.clearAll}>Clear all</Button>
                  </MessageBarActions>
                </MessageBar>
              ) : (
                <VirtualGrid<GridRow>
                  label="Backup instances"
                  rows={shown}
                  columns={columns}
                  rowKey={(r) => r.key}
                  sort={view.sort}
                  onSortChange={actions.setSort}
                  onActivate={(r) => void navigate(instancePath(r.row.id))}
                />
              )}
            </>
          )}
        </>
      )}
    </>
  );
}
