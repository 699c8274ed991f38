// The named demo tenant a newcomer can follow the Azure CRR tutorial on. Every time is relative to the
// clock's start, so the demo always looks fresh.

import { DAY, HOUR, MINUTE, type SimClock } from './clock';
import { guidFromName } from './prng';
import { TENANT_ID, Tenant, type TenantOptions } from './tenant';
import { providerResourceId, vaultResourceId } from './ids';
import { addBulk, type BulkOptions } from './bulk';
import { makeJob, type JobInit } from './schedule';
import { addPgInstance, demoInstanceName, pgServer as server } from './pg-instances';
import type { BackupInstance, Job } from './types';

export const DEMO_SEED = 20_251_104;

export const DEMO_SUBSCRIPTIONS = {
  contosoProduction: {
    subscriptionId: '8f4a6c2e-3b1d-4e7a-9c5f-1d2e3f4a5b6c',
    displayName: 'Contoso Production',
  },
  contosoDevTest: { subscriptionId: '2b7e9d14-6a3c-4f8b-a1e2-7c9d0e1f2a3b', displayName: 'Contoso Dev/Test' },
  fabrikamShared: { subscriptionId: '5d3c1a9e-8f2b-4c6d-b7e8-9a0b1c2d3e4f', displayName: 'Fabrikam Shared' },
} as const;

const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const DEVTEST = DEMO_SUBSCRIPTIONS.contosoDevTest.subscriptionId;
const FABRIKAM = DEMO_SUBSCRIPTIONS.fabrikamShared.subscriptionId;

export const DEMO_RESOURCE_GROUPS = {
  backup: 'rg-contoso-backup',
  backupWestEurope: 'rg-contoso-backup-weu',
  data: 'rg-contoso-data',
  dataWestEurope: 'rg-contoso-data-weu',
  restoreWestUs: 'rg-contoso-restore-westus',
  devTestBackup: 'rg-contoso-devtest-backup',
  devTestData: 'rg-contoso-devtest-data',
  fabrikamBackup: 'rg-fabrikam-backup',
  fabrikamData: 'rg-fabrikam-data',
} as const;

const RG = DEMO_RESOURCE_GROUPS;

export const DEMO_VAULT_IDS = {
  contosoPg: vaultResourceId(PROD, RG.backup, 'contoso-pg-vault'),
  contosoGrs: vaultResourceId(PROD, RG.backupWestEurope, 'contoso-grs-vault'),
  contosoLrs: vaultResourceId(DEVTEST, RG.devTestBackup, 'contoso-lrs-vault'),
  fabrikamZrs: vaultResourceId(FABRIKAM, RG.fabrikamBackup, 'fabrikam-zrs-vault'),
} as const;

export const DEMO_RESTORE_TARGETS = {
  pgServerId: providerResourceId(
    PROD,
    RG.restoreWestUs,
    'Microsoft.DBforPostgreSQL',
    'servers',
    'pg-restore-westus',
  ),
  keyVaultId: providerResourceId(PROD, RG.restoreWestUs, 'Microsoft.KeyVault', 'vaults', 'kv-restore-westus'),
  secretUri: 'https://kv-restore-westus.vault.azure.net/secrets/pg-admin-credentials',
  storageAccountId: providerResourceId(
    PROD,
    RG.restoreWestUs,
    'Microsoft.Storage',
    'storageAccounts',
    'strestorewestus',
  ),
  containerUrl: 'https://strestorewestus.blob.core.windows.net/restores',
} as const;

export { addPgInstance, demoInstanceName };

export const DEMO_INSTANCE_IDS = {
  ordersDb: `${DEMO_VAULT_IDS.contosoPg}/backupInstances/${demoInstanceName('pg-contoso-prod-orders-db')}`,
  inventoryDb: `${DEMO_VAULT_IDS.contosoPg}/backupInstances/${demoInstanceName('pg-contoso-prod-inventory-db')}`,
  billingDb: `${DEMO_VAULT_IDS.contosoPg}/backupInstances/${demoInstanceName('pg-contoso-prod-billing-db')}`,
  reportingDb: `${DEMO_VAULT_IDS.contosoPg}/backupInstances/${demoInstanceName('pg-contoso-prod-reporting-db')}`,
  analyticsFlex: `${DEMO_VAULT_IDS.contosoPg}/backupInstances/${demoInstanceName('analytics-flex')}`,
} as const;

export interface DemoTenantOptions extends Omit<TenantOptions, 'seed'> {
  seed?: number;
  /** Extra generated backup instances (the benchmark's `?scale=`). */
  scale?: number;
  bulk?: Omit<BulkOptions, 'scale'>;
}

export function createDemoTenant(options: DemoTenantOptions): Tenant {
  const tenant = new Tenant({ ...options, seed: options.seed ?? DEMO_SEED });
  buildDemoTenant(tenant, options.clock);
  if (options.scale && options.scale > 0) addBulk(tenant, { ...options.bulk, scale: options.scale });
  return tenant;
}

function buildDemoTenant(tenant: Tenant, clock: SimClock): void {
  const t0 = clock.startedAt;

  for (const sub of Object.values(DEMO_SUBSCRIPTIONS)) {
    tenant.addSubscription({
      ...sub,
      tenantId: TENANT_ID,
      state: 'Enabled',
      quotaId: sub.subscriptionId === DEVTEST ? 'MSDNDevTest_2014-09-01' : 'EnterpriseAgreement_2014-09-01',
    });
  }
  const rgs: [string, string, string][] = [
    [PROD, RG.backup, 'eastus'],
    [PROD, RG.backupWestEurope, 'westeurope'],
    [PROD, RG.data, 'eastus'],
    [PROD, RG.dataWestEurope, 'westeurope'],
    [PROD, RG.restoreWestUs, 'westus'],
    [DEVTEST, RG.devTestBackup, 'centralus'],
    [DEVTEST, RG.devTestData, 'centralus'],
    [FABRIKAM, RG.fabrikamBackup, 'southeastasia'],
    [FABRIKAM, RG.fabrikamData, 'southeastasia'],
  ];
  for (const [subscriptionId, name, location] of rgs)
    tenant.addResourceGroup({ subscriptionId, name, location });

  // Source servers (only for realistic ids; the simulator does not serve them).
  const pgProd = server(PROD, RG.data, 'pg-contoso-prod', 'eastus', 'single', [
    'orders-db',
    'inventory-db',
    'billing-db',
    'reporting-db',
  ]);
  const pgFlex = server(PROD, RG.data, 'analytics-flex', 'eastus', 'flexible', []);
  const pgWeu = server(PROD, RG.dataWestEurope, 'pg-contoso-weu', 'westeurope', 'single', [
    'customers-db',
    'payments-db',
  ]);
  const pgDev = server(DEVTEST, RG.devTestData, 'pg-contoso-dev', 'centralus', 'single', [
    'orders-dev',
    'inventory-dev',
  ]);
  const pgFab = server(FABRIKAM, RG.fabrikamData, 'fabrikam-flex-sea', 'southeastasia', 'flexible', []);

  // contoso-pg-vault: the vault of the tutorial.
  const pgVault = tenant.addVault({
    subscriptionId: PROD,
    resourceGroup: RG.backup,
    name: 'contoso-pg-vault',
    location: 'eastus',
    redundancy: 'GeoRedundant',
    crrState: 'Enabled',
    crrEnabledAt: t0 - 90 * DAY,
    tags: { environment: 'production', costCenter: 'CC-1042' },
  });
  const fullHistory = { min: 6, max: 30 };
  const orders = addPgInstance(tenant, pgVault, pgProd, 'orders-db', t0 - 30 * DAY - 4 * HOUR, fullHistory);
  const inventory = addPgInstance(
    tenant,
    pgVault,
    pgProd,
    'inventory-db',
    t0 - 30 * DAY - 4 * HOUR + 9 * MINUTE,
    fullHistory,
  );
  const billing = addPgInstance(
    tenant,
    pgVault,
    pgProd,
    'billing-db',
    t0 - 30 * DAY - 4 * HOUR + 17 * MINUTE,
    fullHistory,
  );
  const analytics = addPgInstance(tenant, pgVault, pgFlex, undefined, t0 - 30 * DAY - 3 * HOUR, fullHistory);
  // Protected only 19 hours ago: one primary recovery point, not yet copied to the secondary region.
  addPgInstance(tenant, pgVault, pgProd, 'reporting-db', t0 - 19 * HOUR, {
    min: 30,
    max: 30,
  });

  const job = (bi: BackupInstance, key: string, init: Omit<JobInit, 'name'>): Job =>
    makeJob(bi, { name: guidFromName(`demo-job:${key}`), ...init });
  const restoreTo = (bi: BackupInstance, target: string, asFiles: boolean, sourceRegion?: string) => {
    const rp = tenant.primaryRecoveryPoints(bi, t0)[3] ?? tenant.primaryRecoveryPoints(bi, t0)[0];
    return {
      recoveryPointId: rp?.recoveryPointId ?? '',
      recoveryPointTime: rp?.time ?? t0,
      destination: target,
      asFiles,
      sourceRegion,
    };
  };
  const prodDb = (name: string) => `${pgProd.id}/databases/${name}`;

  pgVault.storedJobs.push(
    job(orders, 'p-restore-ok', {
      operation: 'Restore',
      startTime: t0 - 5 * DAY - 3 * HOUR,
      durationMs: 11 * MINUTE,
      finalStatus: 'Completed',
      isUserTriggered: true,
      dataBytes: 2_400 * 1024 * 1024,
      restore: restoreTo(orders, prodDb('orders-db-restore-test'), false),
    }),
    job(inventory, 'p-restore-clash', {
      operation: 'Restore',
      startTime: t0 - 8 * DAY - 6 * HOUR,
      durationMs: 3 * MINUTE,
      finalStatus: 'Failed',
      isUserTriggered: true,
      dataBytes: 0,
      error: {
        code: 'UserErrorDatabaseNameAlreadyInUse',
        message: "A database named 'inventory-db' already exists on the target server 'pg-contoso-prod'.",
        recommendedAction: [
          'Choose another target database name. A restore never overwrites an existing database.',
        ],
      },
      restore: restoreTo(inventory, prodDb('inventory-db'), false),
    }),
    job(orders, 'p-adhoc-running', {
      operation: 'Backup',
      startTime: t0 - 12 * MINUTE,
      durationMs: 45 * MINUTE,
      finalStatus: 'Completed',
      isUserTriggered: true,
      dataBytes: 3_100 * 1024 * 1024,
    }),
    job(billing, 'p-backup-auth', {
      operation: 'Backup',
      startTime: t0 - 3 * DAY - 5 * HOUR,
      durationMs: 2 * MINUTE,
      finalStatus: 'Failed',
      isUserTriggered: true,
      dataBytes: 0,
      error: {
        code: 'UserErrorDBUserAuthFailed',
        message:
          'The database user does not have permission to perform the backup, or the password in the key vault is wrong.',
        recommendedAction: [
          'Check the credentials stored in the key vault secret and grant the user the backup role in the database.',
        ],
      },
    }),
    job(inventory, 'p-backup-msi', {
      operation: 'Backup',
      startTime: t0 - 10 * DAY - 7 * HOUR,
      durationMs: 1 * MINUTE,
      finalStatus: 'Failed',
      isUserTriggered: false,
      dataBytes: 0,
      error: {
        code: 'UserErrorMSIMissingPermissions',
        message:
          "The backup vault's managed identity is missing required permissions on the Azure Database for PostgreSQL server.",
        recommendedAction: [
          "Assign the 'Reader' role on the server to the backup vault's managed identity and retry.",
        ],
      },
    }),
    job(analytics, 'p-backup-warn', {
      operation: 'Backup',
      startTime: t0 - 4 * DAY - 2 * HOUR,
      durationMs: 19 * MINUTE,
      finalStatus: 'CompletedWithWarnings',
      isUserTriggered: true,
      dataBytes: 5_200 * 1024 * 1024,
      warning: {
        code: 'UserErrorBackupCompletedWithWarnings',
        message: 'Backup completed, but some database objects could not be read and were skipped.',
        recommendedAction: ['Grant the backup user read permission on all schemas of the database.'],
      },
    }),
  );

  // Restore targets in the secondary region (westus).
  const targetServer = tenant.addPgServer({
    id: DEMO_RESTORE_TARGETS.pgServerId,
    name: 'pg-restore-westus',
    subscriptionId: PROD,
    resourceGroup: RG.restoreWestUs,
    location: 'westus',
    kind: 'single',
    version: '11',
    administratorLogin: 'pgadmin',
    databases: ['postgres', 'orders-db', 'orders-db-drill'],
  });
  tenant.addKeyVault({
    id: DEMO_RESTORE_TARGETS.keyVaultId,
    name: 'kv-restore-westus',
    subscriptionId: PROD,
    resourceGroup: RG.restoreWestUs,
    location: 'westus',
    tenantId: TENANT_ID,
    secrets: [
      { name: 'pg-admin-credentials', contentType: 'text/plain', createdAt: t0 - 40 * DAY },
      { name: 'pg-readonly-credentials', contentType: 'text/plain', createdAt: t0 - 40 * DAY },
    ],
  });
  tenant.addStorageAccount({
    id: DEMO_RESTORE_TARGETS.storageAccountId,
    name: 'strestorewestus',
    subscriptionId: PROD,
    resourceGroup: RG.restoreWestUs,
    location: 'westus',
    sku: 'Standard_LRS',
    containers: [
      { name: 'restores', createdAt: t0 - 40 * DAY },
      { name: 'audit-logs', createdAt: t0 - 40 * DAY },
    ],
  });

  const westDb = (name: string) => `${targetServer.id}/databases/${name}`;
  pgVault.crrJobs.push(
    job(orders, 's-restore-ok', {
      operation: 'Restore',
      isCrossRegionRestore: true,
      startTime: t0 - 6 * DAY - 4 * HOUR,
      durationMs: 14 * MINUTE,
      finalStatus: 'Completed',
      isUserTriggered: true,
      dataBytes: 2_350 * 1024 * 1024,
      restore: restoreTo(orders, westDb('orders-db-drill'), false, 'eastus'),
    }),
    job(inventory, 's-restore-msi', {
      operation: 'Restore',
      isCrossRegionRestore: true,
      startTime: t0 - 9 * DAY - 2 * HOUR,
      durationMs: 2 * MINUTE,
      finalStatus: 'Failed',
      isUserTriggered: true,
      dataBytes: 0,
      error: {
        code: 'UserErrorMSIMissingPermissions',
        message:
          "The backup vault's managed identity is missing required permissions on the target Azure Database for PostgreSQL server.",
        recommendedAction: [
          "Assign the 'Reader' role on the target server to the backup vault's managed identity and retry.",
        ],
      },
      restore: restoreTo(inventory, westDb('inventory-db-drill'), false, 'eastus'),
    }),
    job(billing, 's-restore-auth', {
      operation: 'Restore',
      isCrossRegionRestore: true,
      startTime: t0 - 12 * DAY - 8 * HOUR,
      durationMs: 4 * MINUTE,
      finalStatus: 'Failed',
      isUserTriggered: true,
      dataBytes: 0,
      error: {
        code: 'UserErrorDBUserAuthFailed',
        message: 'The credentials in the key vault secret were rejected by the target server.',
        recommendedAction: [
          'Check the credentials stored in the key vault secret and the permissions of that user on the target server.',
        ],
      },
      restore: restoreTo(billing, westDb('billing-db-drill'), false, 'eastus'),
    }),
    job(analytics, 's-restore-files', {
      operation: 'Restore',
      isCrossRegionRestore: true,
      startTime: t0 - 2 * DAY - 1 * HOUR,
      durationMs: 23 * MINUTE,
      finalStatus: 'CompletedWithWarnings',
      isUserTriggered: true,
      dataBytes: 5_100 * 1024 * 1024,
      warning: {
        code: 'UserErrorRestoreCompletedWithWarnings',
        message: 'Restore completed; some role grants could not be reapplied on the target.',
        recommendedAction: ['Re-create the missing role grants on the restored database.'],
      },
      restore: restoreTo(analytics, DEMO_RESTORE_TARGETS.containerUrl, true, 'eastus'),
    }),
    job(billing, 's-restore-running', {
      operation: 'Restore',
      isCrossRegionRestore: true,
      startTime: t0 - 35 * MINUTE,
      durationMs: 2 * HOUR,
      finalStatus: 'Completed',
      isUserTriggered: true,
      dataBytes: 2_900 * 1024 * 1024,
      restore: restoreTo(billing, westDb('billing-db-drill-2'), false, 'eastus'),
    }),
  );

  // contoso-grs-vault: geo-redundant, CRR not enabled yet (the tutorial's first step).
  const grsVault = tenant.addVault({
    subscriptionId: PROD,
    resourceGroup: RG.backupWestEurope,
    name: 'contoso-grs-vault',
    location: 'westeurope',
    redundancy: 'GeoRedundant',
    crrState: 'Disabled',
    tags: { environment: 'production' },
  });
  const customers = addPgInstance(
    tenant,
    grsVault,
    pgWeu,
    'customers-db',
    t0 - 30 * DAY - 5 * HOUR,
    fullHistory,
  );
  addPgInstance(tenant, grsVault, pgWeu, 'payments-db', t0 - 30 * DAY - 5 * HOUR + 12 * MINUTE, fullHistory);
  grsVault.storedJobs.push(
    job(customers, 'g-backup-net', {
      operation: 'Backup',
      startTime: t0 - 6 * DAY - 9 * HOUR,
      durationMs: 40 * 1000,
      finalStatus: 'Failed',
      isUserTriggered: false,
      dataBytes: 0,
      error: {
        code: 'UserErrorMissingNetworkSecurityPermissions',
        message: "The server's network settings do not allow access from Azure services.",
        recommendedAction: [
          "Enable 'Allow access to Azure services' in the server's connection security settings.",
        ],
      },
    }),
  );

  const lrsVault = tenant.addVault({
    subscriptionId: DEVTEST,
    resourceGroup: RG.devTestBackup,
    name: 'contoso-lrs-vault',
    location: 'centralus',
    redundancy: 'LocallyRedundant',
    softDeleteState: 'Off',
    tags: { environment: 'dev' },
  });
  addPgInstance(tenant, lrsVault, pgDev, 'orders-dev', t0 - 30 * DAY + 4 * HOUR, undefined);
  addPgInstance(tenant, lrsVault, pgDev, 'inventory-dev', t0 - 30 * DAY + 4 * HOUR + 5 * MINUTE, undefined);

  const zrsVault = tenant.addVault({
    subscriptionId: FABRIKAM,
    resourceGroup: RG.fabrikamBackup,
    name: 'fabrikam-zrs-vault',
    location: 'southeastasia',
    redundancy: 'ZoneRedundant',
    tags: {},
  });
  addPgInstance(tenant, zrsVault, pgFab, undefined, t0 - 30 * DAY + 5 * HOUR, undefined);
}
