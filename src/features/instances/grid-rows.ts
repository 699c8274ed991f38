import { datasourceTypeHint, datasourceTypeLabel } from '@/azure/backup-instances/datasource-types';
import type { BackupInstanceRow } from '@/azure/backup-instances/instance-row';
import { protectionStatusLabel } from '@/azure/backup-instances/protection-states';
import { secondaryRpo, type SecondaryRpo, type SecondaryRpoState } from '@/azure/backup-instances/rpo';
import type { GridSort } from '@/components/virtual-grid';
import type { InstanceRegion } from './use-instance-view';

/** A row of the grid with everything it shows, sorts and searches on computed once. */
export interface GridRow {
  row: BackupInstanceRow;
  key: string;
  name: string;
  /** "server / database", or the server for a flexible server. */
  datasource: string;
  typeLabel: string;
  /** Set for a retired server type (Single Server). */
  typeHint: string | undefined;
  vaultName: string;
  subscriptionName: string;
  resourceGroup: string;
  /** The region of the view: primary, or the secondary region in the Secondary Region view. */
  region: string | undefined;
  regionLabel: string;
  status: string;
  /** Newest recovery point in the view's region (epoch ms). */
  latest: number | undefined;
  /** The secondary RPO state (Secondary Region view only). */
  rpo: SecondaryRpo | undefined;
  /** Lower-cased text the search box matches. */
  search: string;
}

interface StaticParts {
  name: string;
  datasource: string;
  typeLabel: string;
  typeHint: string | undefined;
  status: string;
  search: string;
}

// Pages stream in and the view is rebuilt per page; each instance's fixed parts are built once.
const statics = new WeakMap<BackupInstanceRow, StaticParts>();

function staticParts(row: BackupInstanceRow): StaticParts {
  let parts = statics.get(row);
  if (!parts) {
    const ds = row.datasource;
    const datasource = ds.serverName && ds.name ? `${ds.serverName} / ${ds.name}` : (ds.name ?? '—');
    parts = {
      name: row.friendlyName,
      datasource,
      typeLabel: datasourceTypeLabel(ds.type),
      typeHint: datasourceTypeHint(ds.type),
      status: protectionStatusLabel(row.protectionState),
      search: [row.friendlyName, datasource, row.vaultName, row.resourceGroup, row.name]
        .join('\n')
        .toLowerCase(),
    };
    statics.set(row, parts);
  }
  return parts;
}

/** Everything {@link toGridRows} needs besides the rows. */
export interface GridContext {
  region: InstanceRegion;
  now: number;
  subscriptionName: (subscriptionId: string) => string;
  regionLabel: (region: string | undefined) => string;
}

/** The grid's rows for a view; the Secondary Region view shows the secondary region and its RPO. */
export function toGridRows(rows: readonly BackupInstanceRow[], ctx: GridContext): GridRow[] {
  const secondary = ctx.region === 'secondary';
  return rows.map((row) => {
    const parts = staticParts(row);
    const region = secondary ? row.secondaryRegion : (row.primaryRegion ?? row.location);
    return {
      ...parts,
      row,
      key: row.key,
      vaultName: row.vaultName,
      subscriptionName: ctx.subscriptionName(row.subscriptionId),
      resourceGroup: row.resourceGroup,
      region,
      regionLabel: ctx.regionLabel(region),
      latest: secondary ? row.recoveryPoints.latestSecondary : row.recoveryPoints.latestPrimary,
      rpo: secondary ? secondaryRpo(row, ctx.now) : undefined,
    };
  });
}

/** Rows whose text contains every word of `search` (case-insensitive). */
export function searchRows(rows: readonly GridRow[], search: string): readonly GridRow[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((r) => words.every((w) => r.search.includes(w)));
}

const RPO_ORDER: Record<SecondaryRpoState, number> = {
  overdue: 0,
  noneReplicated: 1,
  unknown: 2,
  withinRpo: 3,
  notProtected: 4,
};

/** Sort value of a column (text lower-cased; times as numbers, missing last). */
export const SORT_VALUES: Record<string, (r: GridRow) => string | number> = {
  name: (r) => r.name.toLowerCase(),
  datasource: (r) => r.datasource.toLowerCase(),
  type: (r) => r.typeLabel.toLowerCase(),
  vault: (r) => r.vaultName.toLowerCase(),
  subscription: (r) => r.subscriptionName.toLowerCase(),
  resourceGroup: (r) => r.resourceGroup.toLowerCase(),
  location: (r) => r.regionLabel.toLowerCase(),
  status: (r) => r.status.toLowerCase(),
  latest: (r) => r.latest ?? Number.NEGATIVE_INFINITY,
  age: (r) => (r.latest === undefined ? Number.NEGATIVE_INFINITY : -r.latest),
  rpo: (r) => (r.rpo ? RPO_ORDER[r.rpo.state] : 9),
};

/** A sorted copy; ties keep a stable order by id so the view does not shuffle between pages. */
export function sortRows(rows: readonly GridRow[], sort: GridSort): GridRow[] {
  const value = SORT_VALUES[sort.column] ?? SORT_VALUES.name;
  if (!value) return [...rows];
  const sign = sort.direction === 'descending' ? -1 : 1;
  const keyed = rows.map((r) => ({ r, v: value(r) }));
  keyed.sort((a, b) => {
    if (a.v < b.v) return -sign;
    if (a.v > b.v) return sign;
    return a.r.key < b.r.key ? -1 : a.r.key > b.r.key ? 1 : 0;
  });
  return keyed.map((k) => k.r);
}
