import { makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import { SECONDARY_RPO_LABELS, type SecondaryRpoState } from '@/azure/backup-instances/rpo';
import { GridLink, type VirtualGridColumn } from '@/components/virtual-grid';
import { formatDateTime, formatDuration, formatUtc } from '@/lib/format';
import { instancePath } from '@/lib/app-paths';
import type { GridRow } from './grid-rows';
import type { InstanceRegion } from './use-instance-view';

// Cells are plain elements with Fluent's badge look (tint and outline, medium): a grid scrolls
// thousands of rows past, and a Fluent Badge per cell runs its hooks for each. The classes are
// computed once per column set, not per cell.
/** The classes of the grid's cells; the page computes them once and passes them to {@link instanceColumns}. */
export const useInstanceCellClasses = makeStyles({
  withBadge: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  text: { overflow: 'hidden', textOverflow: 'ellipsis' },
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    flexShrink: 0,
    boxSizing: 'border-box',
    height: '20px',
    minWidth: '20px',
    padding: `0 calc(${tokens.spacingHorizontalXS} + ${tokens.spacingHorizontalXXS})`,
    borderRadius: tokens.borderRadiusCircular,
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorTransparentStroke),
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase200,
    verticalAlign: 'middle',
  },
  outlineWarning: { color: tokens.colorPaletteYellowForeground2, ...shorthands.borderColor('currentColor') },
  success: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    color: tokens.colorPaletteGreenForeground1,
    ...shorthands.borderColor(tokens.colorPaletteGreenBorder1),
  },
  danger: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    color: tokens.colorPaletteRedForeground1,
    ...shorthands.borderColor(tokens.colorPaletteRedBorder1),
  },
  warning: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    color: tokens.colorPaletteYellowForeground1,
    ...shorthands.borderColor(tokens.colorPaletteYellowBorder1),
  },
  informative: {
    backgroundColor: tokens.colorNeutralBackground4,
    color: tokens.colorNeutralForeground3,
    ...shorthands.borderColor(tokens.colorNeutralStroke2),
  },
  subtle: {
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground3,
    ...shorthands.borderColor(tokens.colorNeutralStroke2),
  },
});

type Classes = ReturnType<typeof useInstanceCellClasses>;

const RPO_COLOR: Record<SecondaryRpoState, 'success' | 'danger' | 'warning' | 'informative' | 'subtle'> = {
  withinRpo: 'success',
  overdue: 'danger',
  noneReplicated: 'warning',
  unknown: 'informative',
  notProtected: 'subtle',
};

const rpoTitle = (row: GridRow) =>
  row.rpo &&
  `RPO ${formatDuration(row.rpo.thresholdMs)} (${row.rpo.thresholdSource === 'policy' ? "the policy's threshold" : 'fallback: the policy sets none'})`;

/**
 * The grid's columns for a view. The Secondary Region view leads with what it is for: where the
 * copy is, the newest recovery point that reached it, its age and the RPO state.
 */
export function instanceColumns(
  region: InstanceRegion,
  now: number,
  classes: Classes,
): VirtualGridColumn<GridRow>[] {
  const secondary = region === 'secondary';
  const typeBadge = mergeClasses(classes.badge, classes.outlineWarning);
  const rpoBadge = Object.fromEntries(
    Object.entries(RPO_COLOR).map(([state, color]) => [state, mergeClasses(classes.badge, classes[color])]),
  ) as Record<SecondaryRpoState, string>;
  const c: Record<string, VirtualGridColumn<GridRow>> = {
    name: {
      id: 'name',
      header: 'Backup instance',
      width: 220,
      render: (r) => <GridLink to={instancePath(r.row.id)}>{r.name}</GridLink>,
      title: (r) => r.name,
    },
    datasource: {
      id: 'datasource',
      header: 'Datasource',
      width: 200,
      render: (r) => r.datasource,
      title: (r) => r.datasource,
    },
    type: {
      id: 'type',
      header: 'Datasource type',
      width: 380,
      render: (r) =>
        r.typeHint ? (
          <span className={classes.withBadge}>
            <span className={classes.text} title={r.typeLabel}>
              {r.typeLabel}
            </span>
            {/* A native title, not Fluent's Tooltip: thousands of rows scroll past, each would mount one. */}
            <span className={typeBadge} title={r.typeHint} aria-description={r.typeHint}>
              Retired server type
            </span>
          </span>
        ) : (
          r.typeLabel
        ),
      title: (r) => (r.typeHint ? undefined : r.typeLabel),
    },
    vault: {
      id: 'vault',
      header: 'Vault',
      width: 150,
      render: (r) => r.vaultName,
      title: (r) => r.vaultName,
    },
    subscription: {
      id: 'subscription',
      header: 'Subscription',
      width: 150,
      render: (r) => r.subscriptionName,
      title: (r) => r.subscriptionName,
    },
    resourceGroup: {
      id: 'resourceGroup',
      header: 'Resource group',
      width: 170,
      render: (r) => r.resourceGroup,
      title: (r) => r.resourceGroup,
    },
    location: {
      id: 'location',
      header: secondary ? 'Secondary Region' : 'Location',
      width: 130,
      render: (r) => r.regionLabel,
      title: (r) => r.regionLabel,
    },
    status: {
      id: 'status',
      header: 'Protection status',
      width: 140,
      render: (r) => r.status,
      title: (r) => r.status,
    },
    latest: {
      id: 'latest',
      header: secondary ? 'Latest recovery point in Secondary Region' : 'Latest recovery point',
      width: 180,
      render: (r) => (r.latest === undefined ? '—' : formatDateTime(r.latest)),
      title: (r) => (r.latest === undefined ? undefined : formatUtc(r.latest)),
    },
    age: {
      id: 'age',
      header: 'Age',
      width: 90,
      render: (r) => (r.latest === undefined ? '—' : formatDuration(now - r.latest)),
      title: (r) => (r.latest === undefined ? undefined : formatDuration(now - r.latest)),
    },
    rpo: {
      id: 'rpo',
      header: 'RPO state',
      width: 160,
      render: (r) =>
        r.rpo ? (
          <span className={rpoBadge[r.rpo.state]} title={rpoTitle(r)}>
            {SECONDARY_RPO_LABELS[r.rpo.state]}
          </span>
        ) : (
          '—'
        ),
    },
  };
  const order = secondary
    ? [
        'name',
        'location',
        'latest',
        'age',
        'rpo',
        'vault',
        'datasource',
        'type',
        'subscription',
        'resourceGroup',
        'status',
      ]
    : [
        'name',
        'datasource',
        'type',
        'vault',
        'subscription',
        'resourceGroup',
        'location',
        'status',
        'latest',
      ];
  return order.flatMap((id) => (c[id] ? [c[id]] : []));
}
