// The tenant's resources as stored state: subscriptions, resource groups, vaults, backup instances
// and the restore targets (PostgreSQL servers, key vaults, storage accounts). Lookups are by
// lower-cased id (ARM ids are case-insensitive); `require*` raise the 404s ARM answers.

import { resourceGroupNotFound, resourceNotFound, subscriptionNotFound } from './errors';
import { guidFromName } from './prng';
import { findRegion } from './regions';
import { idKey, instanceResourceId, vaultResourceId } from './ids';
import type {
  BackupInstance,
  KeyVault,
  PgServer,
  ResourceGroup,
  RoleAssignment,
  StorageAccount,
  Subscription,
  Vault,
} from './types';

export type VaultInit = Pick<Vault, 'subscriptionId' | 'resourceGroup' | 'name' | 'location' | 'redundancy'> &
  Partial<Pick<Vault, 'crrState' | 'crrEnabledAt' | 'softDeleteState' | 'immutabilityState' | 'tags'>>;

export class Registry {
  readonly subscriptions = new Map<string, Subscription>();
  readonly resourceGroups = new Map<string, ResourceGroup>();
  readonly vaults = new Map<string, Vault>();
  readonly instances = new Map<string, BackupInstance>();
  readonly pgServers = new Map<string, PgServer>();
  readonly keyVaults = new Map<string, KeyVault>();
  readonly storageAccounts = new Map<string, StorageAccount>();
  /** Every role assignment of the tenant, in creation order (Microsoft.Authorization). */
  readonly roleAssignments: RoleAssignment[] = [];
  /** Vaults in the order they were added, which is the order ARM lists them in. */
  private readonly vaultOrder: Vault[] = [];

  // ---------------------------------------------------------------- building

  addSubscription(sub: Subscription): Subscription {
    this.subscriptions.set(idKey(sub.subscriptionId), sub);
    return sub;
  }

  addResourceGroup(rg: ResourceGroup): ResourceGroup {
    this.resourceGroups.set(idKey(`${rg.subscriptionId}/${rg.name}`), rg);
    return rg;
  }

  addVault(init: VaultInit): Vault {
    const id = vaultResourceId(init.subscriptionId, init.resourceGroup, init.name);
    const vault: Vault = {
      id,
      name: init.name,
      subscriptionId: init.subscriptionId,
      resourceGroup: init.resourceGroup,
      location: init.location,
      redundancy: init.redundancy,
      crrState: init.crrState,
      crrEnabledAt: init.crrEnabledAt ?? (init.crrState === 'Enabled' ? 0 : undefined),
      softDeleteState: init.softDeleteState ?? 'On',
      immutabilityState: init.immutabilityState ?? 'Disabled',
      alertsForAllJobFailures: 'Enabled',
      principalId: guidFromName(`${id}#principal`),
      tags: init.tags ?? {},
      instanceIds: [],
      crrJobs: [],
      storedJobs: [],
    };
    this.vaults.set(idKey(id), vault);
    this.vaultOrder.push(vault);
    return vault;
  }

  addInstance(vault: Vault, instance: Omit<BackupInstance, 'id' | 'vaultId'>): BackupInstance {
    const bi: BackupInstance = {
      ...instance,
      id: instanceResourceId(vault.id, instance.name),
      vaultId: vault.id,
    };
    this.instances.set(idKey(bi.id), bi);
    vault.instanceIds.push(bi.id);
    return bi;
  }

  addPgServer(server: PgServer): PgServer {
    this.pgServers.set(idKey(server.id), server);
    return server;
  }

  addKeyVault(kv: KeyVault): KeyVault {
    this.keyVaults.set(idKey(kv.id), kv);
    return kv;
  }

  addStorageAccount(sa: StorageAccount): StorageAccount {
    this.storageAccounts.set(idKey(sa.id), sa);
    return sa;
  }

  // ---------------------------------------------------------------- scopes

  listSubscriptions(): Subscription[] {
    return [...this.subscriptions.values()];
  }

  getSubscription(subscriptionId: string): Subscription | undefined {
    return this.subscriptions.get(idKey(subscriptionId));
  }

  requireSubscription(subscriptionId: string): Subscription {
    const sub = this.getSubscription(subscriptionId);
    if (!sub) throw subscriptionNotFound(subscriptionId);
    return sub;
  }

  getResourceGroup(subscriptionId: string, name: string): ResourceGroup | undefined {
    return this.resourceGroups.get(idKey(`${subscriptionId}/${name}`));
  }

  requireResourceGroup(subscriptionId: string, name: string): ResourceGroup {
    this.requireSubscription(subscriptionId);
    const rg = this.getResourceGroup(subscriptionId, name);
    if (!rg) throw resourceGroupNotFound(name);
    return rg;
  }

  listResourceGroups(subscriptionId: string): ResourceGroup[] {
    return [...this.resourceGroups.values()].filter(
      (rg) => idKey(rg.subscriptionId) === idKey(subscriptionId),
    );
  }

  /** Resources of a subscription, or of one of its resource groups when `resourceGroup` is given. */
  inScope<T extends { subscriptionId: string; resourceGroup: string }>(
    items: Iterable<T>,
    subscriptionId: string,
    resourceGroup: string | undefined,
  ): T[] {
    const sub = idKey(subscriptionId);
    const rg = resourceGroup === undefined ? undefined : idKey(resourceGroup);
    return [...items].filter(
      (i) => idKey(i.subscriptionId) === sub && (rg === undefined || idKey(i.resourceGroup) === rg),
    );
  }

  // ---------------------------------------------------------------- vaults and instances

  listVaultsInSubscription(subscriptionId: string): Vault[] {
    const key = idKey(subscriptionId);
    return this.vaultOrder.filter((v) => idKey(v.subscriptionId) === key);
  }

  listVaultsInResourceGroup(subscriptionId: string, resourceGroup: string): Vault[] {
    return this.listVaultsInSubscription(subscriptionId).filter(
      (v) => idKey(v.resourceGroup) === idKey(resourceGroup),
    );
  }

  getVaultById(id: string): Vault | undefined {
    return this.vaults.get(idKey(id));
  }

  requireVault(subscriptionId: string, resourceGroup: string, name: string): Vault {
    this.requireResourceGroup(subscriptionId, resourceGroup);
    const vault = this.getVaultById(vaultResourceId(subscriptionId, resourceGroup, name));
    if (!vault) throw resourceNotFound('Microsoft.DataProtection/backupVaults', name, resourceGroup);
    return vault;
  }

  /** The secondary region: `replicatedRegions[0]` for GRS vaults, as real ARM reports it. */
  secondaryRegionOf(vault: Vault): string | undefined {
    if (vault.redundancy !== 'GeoRedundant') return undefined;
    return findRegion(vault.location)?.pairedRegion;
  }

  listInstances(vault: Vault): BackupInstance[] {
    return vault.instanceIds
      .map((id) => this.instances.get(idKey(id)))
      .filter((bi): bi is BackupInstance => bi !== undefined);
  }

  getInstanceById(id: string): BackupInstance | undefined {
    return this.instances.get(idKey(id));
  }

  requireInstance(vault: Vault, name: string): BackupInstance {
    const bi = this.getInstanceById(instanceResourceId(vault.id, name));
    if (!bi)
      throw resourceNotFound(
        'Microsoft.DataProtection/backupVaults/backupInstances',
        `${vault.name}/${name}`,
        vault.resourceGroup,
      );
    return bi;
  }
}
