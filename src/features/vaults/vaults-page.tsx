import {
  createTableColumn,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
  Text,
  tokens,
  type TableColumnDefinition,
} from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useArm } from '@/azure/arm-context';
import type { BackupVaultResource } from '@/azure/backup-vaults/types';
import {
  crossRegionRestoreStatus,
  secondaryRegion,
  storageRedundancy,
  type CrossRegionRestoreStatus,
  type StorageRedundancy,
} from '@/azure/backup-vaults/vault-rules';
import { parseBackupVaultId, resourceIdKey } from '@/azure/resource-id';
import type { Location } from '@/azure/subscriptions/types';
import { ArmErrorMessage } from '@/components/arm-error-message';
import { FilterBar } from '@/components/filter-bar';
import { PageHeader } from '@/components/page-header';
import { RouterLink } from '@/components/router-link';
import {
  SubscriptionPicker,
  useSubscriptionSelection,
  SubscriptionsError,
  NoSubscriptionSelected,
} from '@/components/subscription-picker';
import { useSearchParam, useSetSearchParams } from '@/lib/url-state';
import { CRR_LABEL, REDUNDANCY_LABEL, regionLabel } from './vault-labels';
import { vaultPath } from '@/lib/app-paths';
import { createInstanceCountQueries } from '@/azure/backup-instances/count-queries';
import { createBackupVaultQueries } from '@/azure/backup-vaults/queries';
import { createSubscriptionQueries } from '@/azure/subscriptions/queries';

const useStyles = makeStyles({
  status: { display: 'grid', gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalM },
  count: { color: tokens.colorNeutralForeground2, display: 'block', marginBottom: tokens.spacingVerticalS },
});

export interface VaultRow {
  id: string;
  name: string;
  subscriptionId: string;
  subscriptionName: string;
  resourceGroup: string;
  location: string;
  locationLabel: string;
  redundancy: StorageRedundancy;
  crr: CrossRegionRestoreStatus;
  secondaryRegionLabel: string;
  /** Undefined while loading, null when the count could not be had. */
  instanceCount: number | null | undefined;
}

function toRow(
  vault: BackupVaultResource,
  subscriptionName: string,
  locations: readonly Location[] | undefined,
  instanceCount: number | null | undefined,
): VaultRow | undefined {
  if (!vault.id) return undefined;
  const ids = parseBackupVaultId(vault.id);
  return {
    id: vault.id,
    name: vault.name ?? ids.vaultName,
    subscriptionId: ids.subscriptionId,
    subscriptionName,
    resourceGroup: ids.resourceGroupName,
    location: vault.location,
    locationLabel: regionLabel(vault.location, locations),
    redundancy: storageRedundancy(vault),
    crr: crossRegionRestoreStatus(vault),
    secondaryRegionLabel: regionLabel(secondaryRegion(vault, locations), locations),
    instanceCount,
  };
}

const compareText = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' });

const COLUMNS: TableColumnDefinition<VaultRow>[] = [
  createTableColumn<VaultRow>({
    columnId: 'name',
    compare: (a, b) => compareText(a.name, b.name),
    renderHeaderCell: () => 'Name',
    renderCell: (row) => <RouterLink to={vaultPath(row.id)}>{row.name}</RouterLink>,
  }),
  createTableColumn<VaultRow>({
    columnId: 'subscription',
    compare: (a, b) => compareText(a.subscriptionName, b.subscriptionName),
    renderHeaderCell: () => 'Subscription',
    renderCell: (row) => row.subscriptionName,
  }),
  createTableColumn<VaultRow>({
    columnId: 'resourceGroup',
    compare: (a, b) => compareText(a.resourceGroup, b.resourceGroup),
    renderHeaderCell: () => 'Resource group',
    renderCell: (row) => row.resourceGroup,
  }),
  createTableColumn<VaultRow>({
    columnId: 'location',
    compare: (a, b) => compareText(a.locationLabel, b.locationLabel),
    renderHeaderCell: () => 'Location',
    renderCell: (row) => row.locationLabel,
  }),
  createTableColumn<VaultRow>({
    columnId: 'redundancy',
    compare: (a, b) => compareText(REDUNDANCY_LABEL[a.redundancy], REDUNDANCY_LABEL[b.redundancy]),
    renderHeaderCell: () => 'Storage redundancy',
    renderCell: (row) => REDUNDANCY_LABEL[row.redundancy],
  }),
  createTableColumn<VaultRow>({
    columnId: 'crossRegionRestore',
    compare: (a, b) => compareText(CRR_LABEL[a.crr], CRR_LABEL[b.crr]),
    renderHeaderCell: () => 'Cross Region Restore',
    renderCell: (row) => CRR_LABEL[row.crr],
  }),
  createTableColumn<VaultRow>({
    columnId: 'secondaryRegion',
    compare: (a, b) => compareText(a.secondaryRegionLabel, b.secondaryRegionLabel),
    renderHeaderCell: () => 'Secondary Region',
    renderCell: (row) => row.secondaryRegionLabel,
  }),
  createTableColumn<VaultRow>({
    columnId: 'instances',
    compare: (a, b) => (a.instanceCount ?? -1) - (b.instanceCount ?? -1),
    renderHeaderCell: () => 'Backup instances',
    renderCell: (row) =>
      row.instanceCount === undefined
        ? '…'
        : row.instanceCount === null
          ? 'Unavailable'
          : String(row.instanceCount),
  }),
];

const REDUNDANCY_FILTERS: StorageRedundancy[] = ['GeoRedundant', 'LocallyRedundant', 'ZoneRedundant'];
const CRR_FILTERS: CrossRegionRestoreStatus[] = ['Enabled', 'Disabled', 'NotAvailable'];

export function VaultsPage() {
  const styles = useStyles();
  const arm = useArm();
  const {
    query: subscriptionsQuery,
    subscriptions,
    selected,
    nameOf,
    setSelected,
  } = useSubscriptionSelection();
  const [search, setSearch] = useSearchParam('q');
  const [redundancyFilter, setRedundancyFilter] = useSearchParam('redundancy');
  const [crrFilter, setCrrFilter] = useSearchParam('crr');
  const [sortColumn] = useSearchParam('sort');
  const [sortDirection] = useSearchParam('dir');
  const setParams = useSetSearchParams();

  const vaultQueries = useQueries({
    queries: selected.map((id) => arm.group(createBackupVaultQueries).queries.list(id)),
  });
  const locationQueries = useQueries({
    queries: selected.map((id) => arm.group(createSubscriptionQueries).queries.locations(id)),
  });
  // One Resource Graph `summarize count() by vaultId` for every vault of the selection, the way
  // Backup center counts: never a page through each vault's instances for a number. It needs only
  // the subscriptions, so it runs beside the vault lists, not after them.
  const counts = useQuery({
    ...arm.group(createInstanceCountQueries).countsByVault(selected),
    enabled: selected.length > 0,
  });
  const countOf = (vaultId: string): number | null | undefined =>
    counts.data ? (counts.data.byVault[resourceIdKey(vaultId)] ?? 0) : counts.isError ? null : undefined;
  const rows = selected.flatMap((subscriptionId, index) => {
    const locations = locationQueries[index]?.data;
    return (vaultQueries[index]?.data ?? []).flatMap((vault) => {
      const row = toRow(vault, nameOf(subscriptionId), locations, vault.id ? countOf(vault.id) : undefined);
      return row ? [row] : [];
    });
  });

  const needle = (search ?? '').trim().toLowerCase();
  const filtered = rows.filter(
    (row) =>
      (!needle ||
        row.name.toLowerCase().includes(needle) ||
        row.resourceGroup.toLowerCase().includes(needle)) &&
      (!redundancyFilter || row.redundancy === redundancyFilter) &&
      (!crrFilter || row.crr === crrFilter),
  );

  const loading = subscriptionsQuery.isPending || vaultQueries.some((q) => q.isPending);
  const failures = vaultQueries.flatMap((q, index) =>
    q.error ? [{ error: q.error, index, refetch: q.refetch }] : [],
  );

  return (
    <>
      <PageHeader
        title="Backup vaults"
        description="Every Backup vault in the selected subscriptions, with its storage redundancy and Cross Region Restore state."
      />
      {subscriptionsQuery.error ? (
        <SubscriptionsError query={subscriptionsQuery} />
      ) : (
        <>
          <FilterBar label="Filter Backup vaults">
            <SubscriptionPicker subscriptions={subscriptions} selected={selected} onChange={setSelected} />
            <Field label="Filter by name">
              <Input
                contentBefore={<SearchRegular />}
                value={search ?? ''}
                onChange={(_, data) => setSearch(data.value)}
                placeholder="Vault or resource group"
              />
            </Field>
            <Field label="Storage redundancy">
              <Dropdown
                value={redundancyFilter ? REDUNDANCY_LABEL[redundancyFilter as StorageRedundancy] : 'All'}
                selectedOptions={[redundancyFilter ?? '']}
                onOptionSelect={(_, data) =>
                  setRedundancyFilter(data.optionValue ?? null, { replace: false })
                }
              >
                <Option value="">All</Option>
                {REDUNDANCY_FILTERS.map((r) => (
                  <Option key={r} value={r}>
                    {REDUNDANCY_LABEL[r]}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field label="Cross Region Restore">
              <Dropdown
                value={crrFilter ? CRR_LABEL[crrFilter as CrossRegionRestoreStatus] : 'All'}
                selectedOptions={[crrFilter ?? '']}
                onOptionSelect={(_, data) => setCrrFilter(data.optionValue ?? null, { replace: false })}
              >
                <Option value="">All</Option>
                {CRR_FILTERS.map((c) => (
                  <Option key={c} value={c}>
                    {CRR_LABEL[c]}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          </FilterBar>
          <div className={styles.status}>
            {counts.error && (
              <ArmErrorMessage
                error={counts.error}
                title="Backup instance counts could not be loaded"
                onRetry={() => void counts.refetch()}
              />
            )}
            {failures.map(({ error, index, refetch }) => {
              const id = selected[index] ?? '';
              const name = nameOf(id);
              return (
                <ArmErrorMessage
                  key={id}
                  error={error}
                  title={`Backup vaults of ${name} could not be loaded`}
                  onRetry={() => void refetch()}
                />
              );
            })}
          </div>
          {loading ? (
            <Spinner label="Loading Backup vaults…" />
          ) : selected.length === 0 ? (
            <NoSubscriptionSelected what="Backup vaults" />
          ) : (
            <>
              <Text className={styles.count} role="status">
                {filtered.length === rows.length
                  ? `${rows.length} Backup vault${rows.length === 1 ? '' : 's'}`
                  : `${filtered.length} of ${rows.length} Backup vaults`}
              </Text>
              {filtered.length === 0 ? (
                <MessageBar intent="info">
                  <MessageBarBody>
                    {rows.length === 0
                      ? 'There are no Backup vaults in the selected subscriptions.'
                      : 'No Backup vault matches the filters.'}
                  </MessageBarBody>
                </MessageBar>
              ) : (
                <DataGrid
                  aria-label="Backup vaults"
                  items={filtered}
                  columns={COLUMNS}
                  sortable
                  sortState={{
                    sortColumn: sortColumn ?? 'name',
                    sortDirection: sortDirection === 'descending' ? 'descending' : 'ascending',
                  }}
                  onSortChange={(_, state) =>
                    setParams({ sort: String(state.sortColumn ?? 'name'), dir: state.sortDirection })
                  }
                  getRowId={(row: VaultRow) => row.id}
                  focusMode="composite"
                >
                  <DataGridHeader>
                    <DataGridRow>
                      {({ renderHeaderCell }) => (
                        <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>
                      )}
                    </DataGridRow>
                  </DataGridHeader>
                  <DataGridBody<VaultRow>>
                    {({ item, rowId }) => (
                      <DataGridRow<VaultRow> key={rowId}>
                        {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
                      </DataGridRow>
                    )}
                  </DataGridBody>
                </DataGrid>
              )}
            </>
          )}
        </>
      )}
    </>
  );
}
