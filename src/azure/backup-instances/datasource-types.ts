/**
 * Datasource types a Backup vault protects, in the words Backup center uses. The keys are also the
 * allow-list of the datasource type filter: nothing else reaches a Resource Graph query.
 */
export const DATASOURCE_TYPES = {
  'Microsoft.DBforPostgreSQL/servers/databases': {
    label: 'Azure Database for PostgreSQL servers',
    retiredHint: 'Single Server was retired on 28 March 2025; its backups remain restorable.',
  },
  'Microsoft.DBforPostgreSQL/flexibleServers': {
    label: 'Azure Database for PostgreSQL flexible servers',
    retiredHint: undefined,
  },
  'Microsoft.DBforMySQL/flexibleServers': {
    label: 'Azure Database for MySQL flexible servers',
    retiredHint: undefined,
  },
  'Microsoft.Compute/disks': { label: 'Azure Disks', retiredHint: undefined },
  'Microsoft.Storage/storageAccounts/blobServices': { label: 'Azure Blobs', retiredHint: undefined },
  'Microsoft.Storage/storageAccounts/adlsBlobServices': {
    label: 'Azure Data Lake Storage',
    retiredHint: undefined,
  },
  'Microsoft.ContainerService/managedClusters': {
    label: 'Azure Kubernetes Service',
    retiredHint: undefined,
  },
} as const satisfies Record<string, { label: string; retiredHint: string | undefined }>;

/** A datasource type we can name. */
export type KnownDatasourceType = keyof typeof DATASOURCE_TYPES;

/** Every known datasource type, PostgreSQL first (the tutorial's workload). */
export const KNOWN_DATASOURCE_TYPES = Object.keys(DATASOURCE_TYPES) as KnownDatasourceType[];

/** The known type `type` names (case-insensitive, as ARM casing varies), or undefined. */
export function knownDatasourceType(type: string | null | undefined): KnownDatasourceType | undefined {
  if (!type) return undefined;
  const lower = type.toLowerCase();
  return KNOWN_DATASOURCE_TYPES.find((t) => t.toLowerCase() === lower);
}

/** The datasource type in words; an unknown type is shown as ARM names it. */
export function datasourceTypeLabel(type: string | null | undefined): string {
  const known = knownDatasourceType(type);
  return known ? DATASOURCE_TYPES[known].label : (type ?? 'Unknown datasource type');
}

/** Why a datasource type needs a hint (a retired server type), or undefined. */
export function datasourceTypeHint(type: string | null | undefined): string | undefined {
  const known = knownDatasourceType(type);
  return known ? DATASOURCE_TYPES[known].retiredHint : undefined;
}
