// The named demo tenant a newcomer can follow the Azure CRR tutorial on. Every time is relative to the
// clock's start, so the demo always looks fresh.

import { DAY, HOUR, MINUTE, SECOND, type SimClock } from './clock';
import { guidFromName } from './prng';
import { BUILT_IN_ROLES } from './authorization';
import { DEMO_USER, TENANT_ID, Tenant, type TenantOptions } from './tenant';
import { addBulk, type BulkOptions } from './bulk';
import { makeJob } from './schedule';
import { addPgInstance, pgServer as server } from './pg-instances';
import { DEMO_RESOURCE_GROUPS, DEMO_RESTORE_TARGETS, DEMO_SEED, DEMO_SUBSCRIPTIONS } from './demo-names';
import {
  backup,
  cancelled,
  completed,
  failed,
  restoreOf,
  warned,
  type JobOf,
  type Outcome,
} from './demo-jobs';
import { BACKUP_FAILURES, BACKUP_WARNING, RESTORE_ERRORS, databaseNameAlreadyInUse } from './job-errors';
import type { BackupInstance, Job } from './types';

export * from './demo-names';

const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const DEVTEST = DEMO_SUBSCRIPTIONS.contosoDevTest.subscriptionId;
const FABRIKAM = DEMO_SUBSCRIPTIONS.fabrikamShared.subscriptionId;
const RG = DEMO_RESOURCE_GROUPS;

export interface DemoTenantOptions extends Omit<TenantOptions, 'seed'> {
  seed?: number;
  /** Extra generated backup instances (the benchmark's `?scale=`). */
  scale?: number;
  /** Generated jobs over the bulk vaults (the benchmark's `?jobs=`); adds 1,000 instances without `scale`. */
  jobs?: number;
  bulk?: Omit<BulkOptions, 'scale' | 'jobs'>;
}

/** Bulk instances added for `jobs` when no `scale` is asked for (5 vaults to hold the jobs). */
export const JOBS_ONLY_SCALE = 1000;

export function createDemoTenant(options: DemoTenantOptions): Tenant {
  const tenant = new Tenant({ ...options, seed: options.seed ?? DEMO_SEED });
  buildDemoTenant(tenant, options.clock);
  const jobs = options.jobs && options.jobs > 0 ? options.jobs : undefined;
  const scale = options.scale && options.scale > 0 ? options.scale : jobs ? JOBS_ONLY_SCALE : 0;
  if (scale > 0) addBulk(tenant, { ...options.bulk, scale, jobs });
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
  // The three single-server databases were protected together, a few minutes apart.
  const firstBackup = t0 - 30 * DAY - 4 * HOUR;
  const orders = addPgInstance(tenant, pgVault, pgProd, 'orders-db', firstBackup, fullHistory);
  const inventory = addPgInstance(
    tenant,
    pgVault,
    pgProd,
    'inventory-db',
    firstBackup + 9 * MINUTE,
    fullHistory,
  );
  const billing = addPgInstance(
    tenant,
    pgVault,
    pgProd,
    'billing-db',
    firstBackup + 17 * MINUTE,
    fullHistory,
  );
  const analytics = addPgInstance(tenant, pgVault, pgFlex, undefined, t0 - 30 * DAY - 3 * HOUR, fullHistory);
  // The single-server databases' policy moves recovery points to the archive tier after 21 days.
  for (const bi of [orders, inventory, billing]) bi.archiveAfterDays = 21;
  // Protected only 19 hours ago: one primary recovery point, not yet copied to the secondary region.
  addPgInstance(tenant, pgVault, pgProd, 'reporting-db', t0 - 19 * HOUR, {
    min: 30,
    max: 30,
  });

  // Demo jobs: a name derived from a stable key, a start relative to t0, a duration, and what ran.
  const ago = (days: number, hours: number, minutes = 0) => t0 - days * DAY - hours * HOUR - minutes * MINUTE;
  const job = (key: string, bi: BackupInstance, startTime: number, durationMs: number, what: JobOf): Job =>
    makeJob(bi, {
      name: guidFromName(`demo-job:${key}`),
      startTime,
      durationMs,
      ...what(bi, startTime),
    });
  const prodDb = (name: string) => `${pgProd.id}/databases/${name}`;
  const restore = (destination: string, outcome: Outcome) => restoreOf(tenant, destination, outcome);
  const inventoryClash = {
    ...databaseNameAlreadyInUse('inventory-db', pgProd.name),
    recommendedAction: [
      'Choose another target database name. A restore never overwrites an existing database.',
    ],
  };
  const { dbUserAuthFailed, msiMissingPermissions, missingNetworkSecurityPermissions } = BACKUP_FAILURES;

  pgVault.storedJobs.push(
    job(
      'p-restore-ok',
      orders,
      ago(5, 3),
      11 * MINUTE,
      restore(prodDb('orders-db-restore-test'), completed(2_400)),
    ),
    job(
      'p-restore-clash',
      inventory,
      ago(8, 6),
      3 * MINUTE,
      restore(prodDb('inventory-db'), failed(inventoryClash)),
    ),
    job('p-adhoc-running', orders, ago(0, 0, 12), 45 * MINUTE, backup(completed(3_100))),
    job('p-backup-auth', billing, ago(3, 5), 2 * MINUTE, backup(failed(dbUserAuthFailed))),
    job(
      'p-backup-msi',
      inventory,
      ago(10, 7),
      1 * MINUTE,
      backup(failed(msiMissingPermissions), 'scheduled'),
    ),
    job('p-backup-warn', analytics, ago(4, 2), 19 * MINUTE, backup(warned(5_200, BACKUP_WARNING))),
    job('p-backup-cancelled', inventory, ago(7, 3), 6 * MINUTE, backup(cancelled())),
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
    rbacAuthorization: true,
    secrets: [
      { name: 'pg-admin-credentials', contentType: 'text/plain', createdAt: t0 - 40 * DAY },
      { name: 'pg-readonly-credentials', contentType: 'text/plain', createdAt: t0 - 40 * DAY },
    ],
  });
  tenant.addKeyVault({
    id: DEMO_RESTORE_TARGETS.drillKeyVaultId,
    name: 'kv-drill-westus',
    subscriptionId: PROD,
    resourceGroup: RG.restoreWestUs,
    location: 'westus',
    tenantId: TENANT_ID,
    rbacAuthorization: true,
    secrets: [{ name: 'pg-admin-credentials', contentType: 'text/plain', createdAt: t0 - 3 * DAY }],
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

  // In the primary region: listed by ARM, but never a valid target of a cross-region restore.
  tenant.addPgServer({
    ...server(PROD, RG.data, 'pg-staging-eastus', 'eastus', 'single', ['postgres']),
    id: DEMO_RESTORE_TARGETS.eastUsServerId,
  });
  tenant.addStorageAccount({
    id: DEMO_RESTORE_TARGETS.eastUsStorageAccountId,
    name: 'stcontosoeastus',
    subscriptionId: PROD,
    resourceGroup: RG.data,
    location: 'eastus',
    sku: 'Standard_GRS',
    containers: [{ name: 'restores', createdAt: t0 - 60 * DAY }],
  });

  // Who may do what (Microsoft.Authorization). The demo user owns Contoso Production; the vault's
  // managed identity has the roles a restore needs on the West US targets, except on kv-drill-westus.
  const assign = (scope: string, role: keyof typeof BUILT_IN_ROLES, principalId: string, type: string) =>
    tenant.roleAssignments.push({
      name: guidFromName(`demo-role-assignment:${scope}:${role}:${principalId}`),
      scope,
      roleDefinitionId: BUILT_IN_ROLES[role]?.id ?? '',
      principalId,
      principalType: type,
      createdAt: t0 - 60 * DAY,
      createdBy: DEMO_USER.objectId,
    });
  assign(`/subscriptions/${PROD}`, 'owner', DEMO_USER.objectId, 'User');
  assign(`/subscriptions/${DEVTEST}`, 'contributor', DEMO_USER.objectId, 'User');
  assign(`/subscriptions/${FABRIKAM}`, 'reader', DEMO_USER.objectId, 'User');
  assign(DEMO_RESTORE_TARGETS.pgServerId, 'reader', pgVault.principalId, 'ServicePrincipal');
  assign(DEMO_RESTORE_TARGETS.eastUsServerId, 'reader', pgVault.principalId, 'ServicePrincipal');
  assign(DEMO_RESTORE_TARGETS.keyVaultId, 'keyVaultSecretsUser', pgVault.principalId, 'ServicePrincipal');
  assign(
    DEMO_RESTORE_TARGETS.storageAccountId,
    'storageBlobDataContributor',
    pgVault.principalId,
    'ServicePrincipal',
  );
  assign(
    DEMO_RESTORE_TARGETS.eastUsStorageAccountId,
    'storageBlobDataContributor',
    pgVault.principalId,
    'ServicePrincipal',
  );

  const westDb = (name: string) => `${targetServer.id}/databases/${name}`;
  const crr = (destination: string, outcome: Outcome) => restoreOf(tenant, destination, outcome, pgVault);
  const { targetMsiMissingPermissions, targetCredentialsRejected, completedWithWarnings } = RESTORE_ERRORS;
  const files = DEMO_RESTORE_TARGETS.containerUrl;
  pgVault.crrJobs.push(
    job('s-restore-ok', orders, ago(6, 4), 14 * MINUTE, crr(westDb('orders-db-drill'), completed(2_350))),
    job(
      's-restore-msi',
      inventory,
      ago(9, 2),
      2 * MINUTE,
      crr(westDb('inventory-db-drill'), failed(targetMsiMissingPermissions)),
    ),
    job(
      's-restore-auth',
      billing,
      ago(12, 8),
      4 * MINUTE,
      crr(westDb('billing-db-drill'), failed(targetCredentialsRejected)),
    ),
    job(
      's-restore-files',
      analytics,
      ago(2, 1),
      23 * MINUTE,
      crr(files, warned(5_100, completedWithWarnings)),
    ),
    job(
      's-restore-running',
      billing,
      ago(0, 0, 35),
      2 * HOUR,
      crr(westDb('billing-db-drill-2'), completed(2_900)),
    ),
    job('s-restore-cancelled', orders, ago(3, 6), 1 * MINUTE, crr(westDb('orders-db-drill-2'), cancelled())),
    // Finishes 15 seconds after the demo opens: the Backup jobs page shows it complete by itself.
    job(
      's-restore-finishing',
      inventory,
      ago(0, 0, 4),
      4 * MINUTE + 15 * SECOND,
      crr(westDb('inventory-db-drill-2'), completed(1_850)),
    ),
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
    job(
      'g-backup-net',
      customers,
      ago(6, 9),
      40 * 1000,
      backup(failed(missingNetworkSecurityPermissions), 'scheduled'),
    ),
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
