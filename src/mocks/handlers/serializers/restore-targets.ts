// Restore targets as JSON (outside the DataProtection spec; the fields the app reads): PostgreSQL
// servers and databases, key vaults and secrets, storage accounts and blob containers.

import { guidFromName } from '../../tenant/prng';
import type { KeyVault, PgServer, StorageAccount } from '../../tenant/types';

export function serializePgServer(server: PgServer): Record<string, unknown> {
  if (server.kind === 'flexible') {
    return {
      sku: { name: 'Standard_D2ds_v5', tier: 'GeneralPurpose' },
      properties: {
        administratorLogin: server.administratorLogin,
        version: server.version,
        state: 'Ready',
        fullyQualifiedDomainName: `${server.name}.postgres.database.azure.com`,
      },
      location: server.location,
      tags: {},
      id: server.id,
      name: server.name,
      type: 'Microsoft.DBforPostgreSQL/flexibleServers',
    };
  }
  return {
    sku: { name: 'GP_Gen5_2', tier: 'GeneralPurpose', family: 'Gen5', capacity: 2 },
    properties: {
      administratorLogin: server.administratorLogin,
      version: server.version,
      sslEnforcement: 'Enabled',
      userVisibleState: 'Ready',
      fullyQualifiedDomainName: `${server.name}.postgres.database.azure.com`,
      storageProfile: { backupRetentionDays: 7, geoRedundantBackup: 'Disabled', storageMB: 102400 },
    },
    location: server.location,
    tags: {},
    id: server.id,
    name: server.name,
    type: 'Microsoft.DBforPostgreSQL/servers',
  };
}

export function serializePgDatabase(server: PgServer, name: string): Record<string, unknown> {
  return {
    properties: { charset: 'UTF8', collation: 'English_United States.1252' },
    id: `${server.id}/databases/${name}`,
    name,
    type: 'Microsoft.DBforPostgreSQL/servers/databases',
  };
}

export function serializeKeyVault(kv: KeyVault): Record<string, unknown> {
  return {
    id: kv.id,
    name: kv.name,
    type: 'Microsoft.KeyVault/vaults',
    location: kv.location,
    tags: {},
    properties: {
      sku: { family: 'A', name: 'standard' },
      tenantId: kv.tenantId,
      vaultUri: `https://${kv.name}.vault.azure.net/`,
      enableRbacAuthorization: kv.rbacAuthorization,
      accessPolicies: [],
      enableSoftDelete: true,
      provisioningState: 'Succeeded',
    },
  };
}

export function serializeSecret(kv: KeyVault, secret: KeyVault['secrets'][number]): Record<string, unknown> {
  const seconds = Math.floor(secret.createdAt / 1000);
  const version = guidFromName(`${kv.id}/${secret.name}#v1`).replace(/-/g, '');
  return {
    id: `${kv.id}/secrets/${secret.name}`,
    name: secret.name,
    type: 'Microsoft.KeyVault/vaults/secrets',
    location: kv.location,
    properties: {
      attributes: { enabled: true, created: seconds, updated: seconds },
      contentType: secret.contentType,
      secretUri: `https://${kv.name}.vault.azure.net/secrets/${secret.name}`,
      secretUriWithVersion: `https://${kv.name}.vault.azure.net/secrets/${secret.name}/${version}`,
    },
  };
}

export function serializeStorageAccount(sa: StorageAccount): Record<string, unknown> {
  return {
    sku: { name: sa.sku, tier: 'Standard' },
    kind: 'StorageV2',
    id: sa.id,
    name: sa.name,
    type: 'Microsoft.Storage/storageAccounts',
    location: sa.location,
    tags: {},
    properties: {
      provisioningState: 'Succeeded',
      primaryEndpoints: {
        blob: `https://${sa.name}.blob.core.windows.net/`,
        dfs: `https://${sa.name}.dfs.core.windows.net/`,
      },
      primaryLocation: sa.location,
      statusOfPrimary: 'available',
      allowBlobPublicAccess: false,
      minimumTlsVersion: 'TLS1_2',
    },
  };
}

export function serializeContainer(
  sa: StorageAccount,
  container: StorageAccount['containers'][number],
): Record<string, unknown> {
  return {
    id: `${sa.id}/blobServices/default/containers/${container.name}`,
    name: container.name,
    type: 'Microsoft.Storage/storageAccounts/blobServices/containers',
    etag: `"0x8DC${guidFromName(container.name).replace(/-/g, '').slice(0, 12).toUpperCase()}"`,
    properties: {
      publicAccess: 'None',
      leaseStatus: 'Unlocked',
      leaseState: 'Available',
      lastModifiedTime: new Date(container.createdAt).toISOString(),
      hasImmutabilityPolicy: false,
      hasLegalHold: false,
    },
  };
}
