import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { SECONDARY_RPO_LABELS, type SecondaryRpoState } from '@/azure/backup-instances/rpo';
import { RouterLink } from '@/components/router-link';
import type { VirtualGridColumn } from '@/components/virtual-grid';
import { formatDateTime, formatDuration, formatUtc } from '@/lib/format';
import { instancePath } from '@/lib/app-paths';
import type { GridRow } from './grid-rows';
import type { InstanceRegion } from './use-instance-view';

const useStyles = makeStyles({
  text: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', display: 'block' },
  withBadge: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  badge: { whiteSpace: 'nowrap', flexShrink: 0 },
});

const RPO_COLOR: Record<SecondaryRpoState, 'success' | 'danger' | 'warning' | 'informative' | 'subtle'> = {
  withinRpo: 'success',
  overdue: 'danger',
  noneReplicated: 'warning',
  unknown: 'informative',
  notProtected: 'subtle',
};

function Text({ children, title }: { children: string; title?: string }) {
  const styles = useStyles();
  return (
    <span className={styles.text} title={title ?? children}>
      {children}
    </span>
  );
}

function Time({ ms }: { ms: number | undefined }) {
  if (ms === undefined) return <Text>—</Text>;
  return <Text title={formatUtc(ms)}>{formatDateTime(ms)}</Text>;
}

function TypeCell({ row }: { row: GridRow }) {
  const styles = useStyles();
  return (
    <span className={styles.withBadge}>
      <Text>{row.typeLabel}</Text>
      {row.typeHint && (
        // A native title, not Fluent's Tooltip: thousands of rows scroll past, each would mount one.
        <Badge
          appearance="outline"
          color="warning"
          className={styles.badge}
          title={row.typeHint}
          aria-description={row.typeHint}
        >
          Retired server type
        </Badge>
      )}
    </span>
  );
}

function RpoCell({ row }: { row: GridRow }) {
  if (!row.rpo) return <Text>—</Text>;
  const { state, thresholdMs, thresholdSource } = row.rpo;
  const threshold = `RPO ${formatDuration(thresholdMs)} (${thresholdSource === 'policy' ? "the policy's threshold" : 'fallback: the policy sets none'})`;
  return (
    <Badge appearance="tint" color={RPO_COLOR[state]} title={threshold}>
      {SECONDARY_RPO_LABELS[state]}
    </Badge>
  );
}

/**
 * The grid's columns for a view. The Secondary Region view leads with what it is for: where the
 * copy is, the newest recovery point that reached it, its age and the RPO state.
 */
export function instanceColumns(region: InstanceRegion, now: number): VirtualGridColumn<GridRow>[] {
  const secondary = region === 'secondary';
  const c: Record<string, VirtualGridColumn<GridRow>> = {
    name: {
      id: 'name',
      header: 'Backup instance',
      width: 220,
      render: (r) => (
        <RouterLink to={instancePath(r.row.id)} tabIndex={-1}>
          {r.name}
        </RouterLink>
      ),
    },
    datasource: {
      id: 'datasource',
      header: 'Datasource',
      width: 200,
      render: (r) => <Text>{r.datasource}</Text>,
    },
    type: { id: 'type', header: 'Datasource type', width: 380, render: (r) => <TypeCell row={r} /> },
    vault: { id: 'vault', header: 'Vault', width: 150, render: (r) => <Text>{r.vaultName}</Text> },
    subscription: {
      id: 'subscription',
      header: 'Subscription',
      width: 150,
      render: (r) => <Text>{r.subscriptionName}</Text>,
    },
    resourceGroup: {
      id: 'resourceGroup',
      header: 'Resource group',
      width: 170,
      render: (r) => <Text>{r.resourceGroup}</Text>,
    },
    location: {
      id: 'location',
      header: secondary ? 'Secondary Region' : 'Location',
      width: 130,
      render: (r) => <Text>{r.regionLabel}</Text>,
    },
    status: { id: 'status', header: 'Protection status', width: 140, render: (r) => <Text>{r.status}</Text> },
    latest: {
      id: 'latest',
      header: secondary ? 'Latest recovery point in Secondary Region' : 'Latest recovery point',
      width: 180,
      render: (r) => <Time ms={r.latest} />,
    },
    age: {
      id: 'age',
      header: 'Age',
      width: 90,
      render: (r) => <Text>{r.latest === undefined ? '—' : formatDuration(now - r.latest)}</Text>,
    },
    rpo: { id: 'rpo', header: 'RPO state', width: 160, render: (r) => <RpoCell row={r} /> },
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
