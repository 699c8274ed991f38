import { useMemo } from 'react';
import { knownDatasourceType, type KnownDatasourceType } from '@/azure/backup-instances/datasource-types';
import {
  PROTECTION_STATUS_GROUPS,
  PROTECTION_STATUS_GROUP_IDS,
  type ProtectionStatusGroup,
} from '@/azure/backup-instances/protection-states';
import type { BackupInstanceFilter } from '@/azure/resource-graph/backup-instance-query';
import type { GridSort } from '@/components/virtual-grid';
import { parseList, useSearchParam, useSetSearchParams } from '@/lib/url-state';

/** Instance Region of the Backup instances view. */
export type InstanceRegion = 'primary' | 'secondary';

/** Everything that defines the view; all of it lives in the URL (a pasted link reproduces it). */
export interface InstanceView {
  region: InstanceRegion;
  datasourceTypes: KnownDatasourceType[];
  vaultIds: string[];
  statuses: ProtectionStatusGroup[];
  /** Free text, applied client-side to loaded rows: typing never re-queries. */
  search: string;
  sort: GridSort;
}

/** URL parameter names. */
export const VIEW_PARAMS = {
  region: 'region',
  types: 'type',
  vaults: 'vault',
  statuses: 'status',
  search: 'q',
  sort: 'sort',
  direction: 'dir',
} as const;

const DEFAULT_SORT: GridSort = { column: 'name', direction: 'ascending' };

/**
 * The view from the URL, and how to change it. Unknown values in a hand-edited link are dropped
 * (datasource types and statuses are allow-listed), never passed on.
 */
export function useInstanceView() {
  const [region] = useSearchParam(VIEW_PARAMS.region);
  const [types] = useSearchParam(VIEW_PARAMS.types);
  const [vaults] = useSearchParam(VIEW_PARAMS.vaults);
  const [statuses] = useSearchParam(VIEW_PARAMS.statuses);
  const [search, setSearch] = useSearchParam(VIEW_PARAMS.search);
  const [sort] = useSearchParam(VIEW_PARAMS.sort);
  const [direction] = useSearchParam(VIEW_PARAMS.direction);
  const setParams = useSetSearchParams();

  const view = useMemo<InstanceView>(
    () => ({
      region: region === 'secondary' ? 'secondary' : 'primary',
      datasourceTypes: [
        ...new Set(
          parseList(types).flatMap((t) => {
            const known = knownDatasourceType(t);
            return known ? [known] : [];
          }),
        ),
      ],
      vaultIds: parseList(vaults),
      statuses: parseList(statuses).filter((s): s is ProtectionStatusGroup =>
        (PROTECTION_STATUS_GROUP_IDS as readonly string[]).includes(s),
      ),
      search: search ?? '',
      sort: sort
        ? { column: sort, direction: direction === 'descending' ? 'descending' : 'ascending' }
        : DEFAULT_SORT,
    }),
    [region, types, vaults, statuses, search, sort, direction],
  );

  const list = (values: readonly string[]) => (values.length > 0 ? values.join(',') : null);
  return {
    view,
    setRegion: (value: InstanceRegion) =>
      setParams({ [VIEW_PARAMS.region]: value === 'primary' ? null : value }, { replace: false }),
    setDatasourceTypes: (values: string[]) =>
      setParams({ [VIEW_PARAMS.types]: list(values) }, { replace: false }),
    setVaultIds: (values: string[]) => setParams({ [VIEW_PARAMS.vaults]: list(values) }, { replace: false }),
    setStatuses: (values: string[]) =>
      setParams({ [VIEW_PARAMS.statuses]: list(values) }, { replace: false }),
    setSearch: (value: string) => setSearch(value),
    setSort: (value: GridSort) =>
      setParams({ [VIEW_PARAMS.sort]: value.column, [VIEW_PARAMS.direction]: value.direction }),
    /** Clears every filter (not the subscriptions or the sort). */
    clearAll: () =>
      setParams(
        {
          [VIEW_PARAMS.region]: null,
          [VIEW_PARAMS.types]: null,
          [VIEW_PARAMS.vaults]: null,
          [VIEW_PARAMS.statuses]: null,
          [VIEW_PARAMS.search]: null,
        },
        { replace: false },
      ),
  };
}

/** True when any filter narrows the view. */
export function hasFilters(view: InstanceView): boolean {
  return (
    view.region !== 'primary' ||
    view.datasourceTypes.length > 0 ||
    view.vaultIds.length > 0 ||
    view.statuses.length > 0 ||
    view.search.trim() !== ''
  );
}

/** The server-side part of the view: a change here re-queries Resource Graph. */
export function serverFilter(view: InstanceView): BackupInstanceFilter {
  return {
    secondaryRegion: view.region === 'secondary' ? 'protected' : undefined,
    datasourceTypes: view.datasourceTypes,
    vaultIds: view.vaultIds,
    protectionStates: view.statuses.flatMap((g) => PROTECTION_STATUS_GROUPS[g].states),
  };
}
