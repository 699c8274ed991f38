// The names and ids of the named demo tenant: tests, e2e specs and the tenant builder all refer to
// its resources through these, so a renamed resource changes in one place.

import { providerResourceId, vaultResourceId } from './ids';
import { addPgInstance, demoInstanceName } from './pg-instances';

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
  /** A second key vault in West US whose secrets the vault's identity cannot read yet (no role). */
  drillKeyVaultId: providerResourceId(
    PROD,
    RG.restoreWestUs,
    'Microsoft.KeyVault',
    'vaults',
    'kv-drill-westus',
  ),
  drillSecretUri: 'https://kv-drill-westus.vault.azure.net/secrets/pg-admin-credentials',
  /** Restore targets in the primary region (East US): never valid for a cross-region restore. */
  eastUsServerId: providerResourceId(
    PROD,
    RG.data,
    'Microsoft.DBforPostgreSQL',
    'servers',
    'pg-staging-eastus',
  ),
  eastUsStorageAccountId: providerResourceId(
    PROD,
    RG.data,
    'Microsoft.Storage',
    'storageAccounts',
    'stcontosoeastus',
  ),
  eastUsContainerUrl: 'https://stcontosoeastus.blob.core.windows.net/restores',
} as const;

export { addPgInstance, demoInstanceName };

export const DEMO_INSTANCE_IDS = {
  ordersDb: `${DEMO_VAULT_IDS.contosoPg}/backupInstances/${demoInstanceName('pg-contoso-prod-orders-db')}`,
  inventoryDb: `${DEMO_VAULT_IDS.contosoPg}/backupInstances/${demoInstanceName('pg-contoso-prod-inventory-db')}`,
  billingDb: `${DEMO_VAULT_IDS.contosoPg}/backupInstances/${demoInstanceName('pg-contoso-prod-billing-db')}`,
  reportingDb: `${DEMO_VAULT_IDS.contosoPg}/backupInstances/${demoInstanceName('pg-contoso-prod-reporting-db')}`,
  analyticsFlex: `${DEMO_VAULT_IDS.contosoPg}/backupInstances/${demoInstanceName('analytics-flex')}`,
} as const;
