// Restore targets the wizard picks in the secondary region (outside the DataProtection spec;
// minimal shapes): PostgreSQL servers and their databases, key vaults and their secrets, storage
// accounts and their blob containers.

import { ok, pageOf, type ArmContext } from '../arm-response';
import {
  serializeContainer,
  serializeKeyVault,
  serializePgDatabase,
  serializePgServer,
  serializeSecret,
  serializeStorageAccount,
} from '../serializers/restore-targets';
import { resourceNotFound } from '../../tenant/errors';
import { idKey, providerResourceId } from '../../tenant/ids';
import type { PgServer } from '../../tenant/types';
import { param, required, route, type Params, type Route } from './route';

const SUB = '/subscriptions/{subscriptionId}';
const RG = `${SUB}/resourceGroups/{resourceGroupName}`;

/** A resource type served here: its provider, type and the api-versions the app may send. */
interface TargetType {
  provider: string;
  type: string;
  versions: readonly string[];
}

const targetType = (provider: string, type: string, versions: string[]): TargetType => ({
  provider,
  type,
  versions,
});
const PG_SERVERS = targetType('Microsoft.DBforPostgreSQL', 'servers', ['2017-12-01']);
const PG_FLEXIBLE = targetType('Microsoft.DBforPostgreSQL', 'flexibleServers', [
  '2022-12-01',
  '2023-06-01-preview',
  '2024-08-01',
]);
const KEY_VAULTS = targetType('Microsoft.KeyVault', 'vaults', ['2023-07-01', '2022-07-01', '2024-11-01']);
const STORAGE = targetType('Microsoft.Storage', 'storageAccounts', [
  '2023-05-01',
  '2023-01-01',
  '2024-01-01',
]);

export function restoreTargetRoutes(): Route[] {
  const pgServers = (kind: PgServer['kind']) => (ctx: ArmContext, params: Params) =>
    scoped(ctx, params, ctx.tenant.pgServers.values()).filter((s) => s.kind === kind);
  const PGS = `${RG}/providers/Microsoft.DBforPostgreSQL/servers/{serverName}`;
  const KV = `${RG}/providers/Microsoft.KeyVault/vaults/{vaultName}`;
  const SA = `${RG}/providers/Microsoft.Storage/storageAccounts/{accountName}`;
  return [
    ...lists(PG_SERVERS, pgServers('single'), serializePgServer),
    ...lists(PG_FLEXIBLE, pgServers('flexible'), serializePgServer),
    ...lists(
      KEY_VAULTS,
      (ctx, params) => scoped(ctx, params, ctx.tenant.keyVaults.values()),
      serializeKeyVault,
    ),
    ...lists(
      STORAGE,
      (ctx, params) => scoped(ctx, params, ctx.tenant.storageAccounts.values()),
      serializeStorageAccount,
    ),

    read(PG_SERVERS, PGS, (ctx, params) => ok(serializePgServer(pgServer(ctx, params, PG_SERVERS)))),
    read(PG_SERVERS, `${PGS}/databases`, (ctx, params) => {
      const server = pgServer(ctx, params, PG_SERVERS);
      return ok({ value: server.databases.map((d) => serializePgDatabase(server, d)) });
    }),
    read(PG_SERVERS, `${PGS}/databases/{databaseName}`, (ctx, params) => {
      const server = pgServer(ctx, params, PG_SERVERS);
      const name = param(params, 'databaseName');
      return ok(
        serializePgDatabase(
          server,
          child(server.databases, (d) => d, name, PG_SERVERS, 'databases', server),
        ),
      );
    }),
    read(
      PG_FLEXIBLE,
      `${RG}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}`,
      (ctx, params) => ok(serializePgServer(pgServer(ctx, params, PG_FLEXIBLE))),
    ),

    read(KEY_VAULTS, KV, (ctx, params) => ok(serializeKeyVault(keyVault(ctx, params)))),
    read(KEY_VAULTS, `${KV}/secrets`, (ctx, params) => {
      const vault = keyVault(ctx, params);
      return ok(pageOf(ctx, vault.secrets, ctx.tenant.pageSizes.resources, (s) => serializeSecret(vault, s)));
    }),
    read(KEY_VAULTS, `${KV}/secrets/{secretName}`, (ctx, params) => {
      const vault = keyVault(ctx, params);
      const name = param(params, 'secretName');
      return ok(
        serializeSecret(
          vault,
          child(vault.secrets, (s) => s.name, name, KEY_VAULTS, 'secrets', vault),
        ),
      );
    }),

    read(STORAGE, SA, (ctx, params) => ok(serializeStorageAccount(storageAccount(ctx, params)))),
    read(STORAGE, `${SA}/blobServices/default/containers`, (ctx, params) => {
      const account = storageAccount(ctx, params);
      return ok(
        pageOf(ctx, account.containers, ctx.tenant.pageSizes.resources, (c) =>
          serializeContainer(account, c),
        ),
      );
    }),
    read(STORAGE, `${SA}/blobServices/default/containers/{containerName}`, (ctx, params) => {
      const account = storageAccount(ctx, params);
      const name = param(params, 'containerName');
      const container = child(
        account.containers,
        (c) => c.name,
        name,
        STORAGE,
        'blobServices/containers',
        account,
        'default/',
      );
      return ok(serializeContainer(account, container));
    }),
  ];
}

/**
 * GET of one resource or of its children. The RBAC action is read on the types in the path
 * (`Microsoft.Storage/storageAccounts/blobServices/containers/read`), as ARM derives it.
 */
function read(target: TargetType, template: string, handle: Route['handle']): Route {
  const segments = template.split(`/providers/${target.provider}/`)[1]?.split('/') ?? [];
  const types = segments.filter((_, i) => i % 2 === 0).join('/');
  return route('GET', template, target.versions, `${target.provider}/${types}/read`, handle);
}

/** The list at subscription and at resource-group scope. */
function lists<T>(
  target: TargetType,
  items: (ctx: ArmContext, params: Params) => T[],
  serialize: (t: T) => unknown,
): Route[] {
  return [SUB, RG].map((scope) =>
    route(
      'GET',
      `${scope}/providers/${target.provider}/${target.type}`,
      target.versions,
      `${target.provider}/${target.type}/read`,
      (ctx, params) => {
        if (params.resourceGroupName)
          ctx.tenant.requireResourceGroup(param(params, 'subscriptionId'), params.resourceGroupName);
        else ctx.tenant.requireSubscription(param(params, 'subscriptionId'));
        return ok(pageOf(ctx, items(ctx, params), ctx.tenant.pageSizes.resources, serialize));
      },
    ),
  );
}

/** Items in the list's scope: the subscription, or the resource group when the URL names one. */
function scoped<T extends { subscriptionId: string; resourceGroup: string }>(
  ctx: ArmContext,
  params: Params,
  items: Iterable<T>,
): T[] {
  return ctx.tenant.inScope(items, param(params, 'subscriptionId'), params.resourceGroupName);
}

/** The resource of `target` the URL names, or ARM's 404 for it or its resource group. */
function target<T>(
  ctx: ArmContext,
  params: Params,
  items: Map<string, T>,
  of: TargetType,
  nameParam: string,
): T {
  const subscriptionId = param(params, 'subscriptionId');
  const rg = param(params, 'resourceGroupName');
  const name = param(params, nameParam);
  ctx.tenant.requireResourceGroup(subscriptionId, rg);
  const id = providerResourceId(subscriptionId, rg, of.provider, of.type, name);
  return required(items.get(idKey(id)), `${of.provider}/${of.type}`, name, rg);
}

function pgServer(ctx: ArmContext, params: Params, of: TargetType): PgServer {
  const server = target(ctx, params, ctx.tenant.pgServers, of, 'serverName');
  if ((of === PG_SERVERS) !== (server.kind === 'single'))
    throw resourceNotFound(`${of.provider}/${of.type}`, server.name, server.resourceGroup);
  return server;
}

function keyVault(ctx: ArmContext, params: Params) {
  return target(ctx, params, ctx.tenant.keyVaults, KEY_VAULTS, 'vaultName');
}

function storageAccount(ctx: ArmContext, params: Params) {
  return target(ctx, params, ctx.tenant.storageAccounts, STORAGE, 'accountName');
}

/** The child named `name` (case-insensitive), or ARM's 404 naming it under its parent resource. */
function child<T>(
  items: readonly T[],
  nameOf: (item: T) => string,
  name: string,
  parentType: TargetType,
  childType: string,
  parent: { name: string; resourceGroup: string },
  pathPrefix = '',
): T {
  return required(
    items.find((item) => nameOf(item).toLowerCase() === name.toLowerCase()),
    `${parentType.provider}/${parentType.type}/${childType}`,
    `${parent.name}/${pathPrefix}${name}`,
    parent.resourceGroup,
  );
}
