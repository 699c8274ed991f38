// Builders shared by the demo tenant and the bulk generator, so both produce the same model.

import { guidFromName, hash32 } from './prng';
import { providerResourceId } from './ids';
import type { Tenant } from './tenant';
import type { BackupInstance, PgServer, Vault } from './types';

/** Backup instance names (the last id segment) are built like the portal does: server-db-guid. */
export function demoInstanceName(datasourceName: string): string {
  return `${datasourceName}-${guidFromName(`demo-bi:${datasourceName}`)}`;
}

export function pgServer(
  subscriptionId: string,
  resourceGroup: string,
  name: string,
  location: string,
  kind: PgServer['kind'],
  databases: string[],
): PgServer {
  const type = kind === 'single' ? 'servers' : 'flexibleServers';
  return {
    id: providerResourceId(subscriptionId, resourceGroup, 'Microsoft.DBforPostgreSQL', type, name),
    name,
    subscriptionId,
    resourceGroup,
    location,
    kind,
    version: kind === 'single' ? '11' : '16',
    administratorLogin: 'pgadmin',
    databases,
  };
}

/** Adds a PostgreSQL backup instance the way the portal names and describes it. */
export function addPgInstance(
  tenant: Tenant,
  vault: Vault,
  pg: PgServer,
  database: string | undefined,
  firstBackupAt: number,
  replicationLagHours: BackupInstance['replicationLagHours'],
  instanceName?: string,
): BackupInstance {
  const single = pg.kind === 'single' && database !== undefined;
  const datasourceName = single ? `${pg.name}-${database}` : pg.name;
  const dsType = single
    ? 'Microsoft.DBforPostgreSQL/servers/databases'
    : 'Microsoft.DBforPostgreSQL/flexibleServers';
  const name = instanceName ?? demoInstanceName(datasourceName);
  return tenant.addInstance(vault, {
    name,
    friendlyName: single ? `${pg.name}/${database}` : pg.name,
    datasourceType: dsType,
    datasource: single
      ? {
          resourceId: `${pg.id}/databases/${database}`,
          resourceName: database,
          resourceType: 'Microsoft.DBforPostgreSQL/servers/databases',
          location: pg.location,
        }
      : {
          resourceId: pg.id,
          resourceName: pg.name,
          resourceType: 'Microsoft.DBforPostgreSQL/flexibleServers',
          location: pg.location,
        },
    datasourceSet: single
      ? {
          resourceId: pg.id,
          resourceName: pg.name,
          resourceType: 'Microsoft.DBforPostgreSQL/servers',
          location: pg.location,
        }
      : undefined,
    policyName: single ? 'pg-daily-30d' : 'pgflex-daily-30d',
    secretUri: single ? `https://kv-${pg.name}.vault.azure.net/secrets/${pg.name}-conn` : undefined,
    firstBackupAt,
    retentionDays: 30,
    replicationLagHours: vault.redundancy === 'GeoRedundant' ? replicationLagHours : undefined,
    seed: hash32(`${vault.id}/${name}`),
  });
}
