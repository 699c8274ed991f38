import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES } from './built-in-roles';
import { operationMatches, permissionsAllow } from './permission-match';
import {
  accessPolicyAllows,
  identityRequirements,
  missingOperations,
  CALLER_RESTORE_ACTIONS,
  rolesAllowing,
  roleDefinitionKey,
  scopeCovers,
} from './restore-permissions';
import type { RoleAssignment, RoleDefinition } from './types';

const SUB = '/subscriptions/8f4a6c2e-3b1d-4e7a-9c5f-1d2e3f4a5b6c';
const RG = `${SUB}/resourceGroups/rg-restore`;
const SERVER = `${RG}/providers/Microsoft.DBforPostgreSQL/servers/pg-restore-westus`;
const KV = `${RG}/providers/Microsoft.KeyVault/vaults/kv-restore-westus`;
const SA = `${RG}/providers/Microsoft.Storage/storageAccounts/strestorewestus`;
const CONTAINER = `${SA}/blobServices/default/containers/restores`;
const PRINCIPAL = '11111111-2222-3333-4444-555555555555';

/** Role definitions as Azure publishes them (built-in roles reference). */
const DEFINITIONS: Record<string, RoleDefinition> = {
  reader: {
    name: BUILT_IN_ROLES.reader.id,
    properties: {
      roleName: 'Reader',
      permissions: [{ actions: ['*/read'], notActions: [], dataActions: [] }],
    },
  },
  contributor: {
    name: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
    properties: {
      roleName: 'Contributor',
      permissions: [
        {
          actions: ['*'],
          notActions: ['Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write'],
          dataActions: [],
        },
      ],
    },
  },
  secretsUser: {
    name: BUILT_IN_ROLES.keyVaultSecretsUser.id,
    properties: {
      roleName: 'Key Vault Secrets User',
      permissions: [
        {
          actions: [],
          dataActions: [
            'Microsoft.KeyVault/vaults/secrets/getSecret/action',
            'Microsoft.KeyVault/vaults/secrets/readMetadata/action',
          ],
        },
      ],
    },
  },
  blobContributor: {
    name: BUILT_IN_ROLES.storageBlobDataContributor.id,
    properties: {
      roleName: 'Storage Blob Data Contributor',
      permissions: [
        {
          actions: ['Microsoft.Storage/storageAccounts/blobServices/containers/*'],
          dataActions: ['Microsoft.Storage/storageAccounts/blobServices/containers/blobs/*'],
          notDataActions: [],
        },
      ],
    },
  },
};

const definitions = new Map(Object.values(DEFINITIONS).map((d) => [roleDefinitionKey(d.name ?? ''), d]));
const assignment = (scope: string, role: RoleDefinition): RoleAssignment => ({
  properties: {
    scope,
    principalId: PRINCIPAL,
    roleDefinitionId: `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${role.name ?? ''}`,
  },
});

describe('RBAC wildcard matching', () => {
  it('matches `*` anywhere, case-insensitively, and nothing more', () => {
    expect(operationMatches('*/read', 'Microsoft.DBforPostgreSQL/servers/read')).toBe(true);
    expect(operationMatches('*/read', 'Microsoft.DBforPostgreSQL/servers/write')).toBe(false);
    expect(
      operationMatches(
        'microsoft.keyvault/vaults/secrets/*',
        'Microsoft.KeyVault/vaults/secrets/getSecret/action',
      ),
    ).toBe(true);
    expect(
      operationMatches('Microsoft.KeyVault/vaults/secrets/*', 'Microsoft.KeyVault/vaults/keys/read'),
    ).toBe(false);
    expect(operationMatches('Microsoft.Storage/x.y', 'Microsoft.Storage/xzy')).toBe(false);
  });

  it('notActions subtract from their own entry only; actions never grant data actions', () => {
    const write = { action: 'Microsoft.Authorization/roleAssignments/write' };
    const contributor = DEFINITIONS.contributor?.properties?.permissions ?? [];
    expect(permissionsAllow(contributor, write)).toBe(false);
    expect(
      permissionsAllow([...contributor, { actions: ['Microsoft.Authorization/roleAssignments/*'] }], write),
    ).toBe(true);
    expect(
      permissionsAllow([{ actions: ['*'] }], {
        dataAction: 'Microsoft.KeyVault/vaults/secrets/getSecret/action',
      }),
    ).toBe(false);
  });
});

describe("what a restore needs from the vault's identity, mapped through role definitions", () => {
  const database = identityRequirements({
    kind: 'database',
    serverId: SERVER,
    keyVault: { id: KV, properties: { enableRbacAuthorization: true } },
  });
  const [server, keyVault] = database;
  const [storage] = identityRequirements({ kind: 'files', storageAccountId: SA, containerId: CONTAINER });

  it('names Reader on the server, Key Vault Secrets User on the key vault, Storage Blob Data Contributor on the account', () => {
    expect(database.map((r) => [r.role.name, r.scope])).toEqual([
      ['Reader', SERVER],
      ['Key Vault Secrets User', KV],
    ]);
    expect([storage?.role.name, storage?.scope, storage?.checkScope]).toEqual([
      'Storage Blob Data Contributor',
      SA,
      CONTAINER,
    ]);
  });

  it('Reader (*/read) inherited from the resource group covers the server; not the key vault secret', () => {
    const assignments = [assignment(RG, DEFINITIONS.reader as RoleDefinition)];
    expect(server && rolesAllowing(server, assignments, definitions)).toEqual(['Reader']);
    expect(keyVault && rolesAllowing(keyVault, assignments, definitions)).toEqual([]);
  });

  it('Contributor reads the server too, but grants no secret data action', () => {
    const assignments = [assignment(SUB, DEFINITIONS.contributor as RoleDefinition)];
    expect(server && rolesAllowing(server, assignments, definitions)).toEqual(['Contributor']);
    expect(keyVault && rolesAllowing(keyVault, assignments, definitions)).toEqual([]);
  });

  it('Key Vault Secrets User on the key vault, and Storage Blob Data Contributor on the container, count', () => {
    expect(
      keyVault &&
        rolesAllowing(keyVault, [assignment(KV, DEFINITIONS.secretsUser as RoleDefinition)], definitions),
    ).toEqual(['Key Vault Secrets User']);
    expect(
      storage &&
        rolesAllowing(
          storage,
          [assignment(CONTAINER, DEFINITIONS.blobContributor as RoleDefinition)],
          definitions,
        ),
    ).toEqual(['Storage Blob Data Contributor']);
  });

  it('assignments below the checked scope (which the principalId filter also returns) do not count', () => {
    const onOtherContainer = assignment(
      `${SA}/blobServices/default/containers/audit-logs`,
      DEFINITIONS.blobContributor as RoleDefinition,
    );
    expect(storage && rolesAllowing(storage, [onOtherContainer], definitions)).toEqual([]);
    expect(scopeCovers(SERVER, RG)).toBe(false);
    expect(scopeCovers(RG.toUpperCase(), SERVER)).toBe(true);
    expect(scopeCovers(`${RG}-2`, SERVER)).toBe(false);
    expect(scopeCovers('/providers/Microsoft.Management/managementGroups/contoso', SERVER)).toBe(true);
  });

  it('a key vault using access policies is checked by its policy for the principal', () => {
    const [, policyVault] = identityRequirements({
      kind: 'database',
      serverId: SERVER,
      keyVault: {
        id: KV,
        properties: {
          enableRbacAuthorization: false,
          accessPolicies: [{ objectId: PRINCIPAL.toUpperCase(), permissions: { secrets: ['Get', 'List'] } }],
        },
      },
    });
    expect(policyVault?.accessPolicies && accessPolicyAllows(policyVault.accessPolicies, PRINCIPAL)).toBe(
      true,
    );
    expect(accessPolicyAllows([{ objectId: PRINCIPAL, permissions: { secrets: ['List'] } }], PRINCIPAL)).toBe(
      false,
    );
  });

  it("the caller's permissions at the vault's resource group name the missing CRR actions", () => {
    expect(missingOperations([{ actions: ['*'] }], CALLER_RESTORE_ACTIONS)).toEqual([]);
    expect(
      missingOperations(
        [
          {
            actions: [
              'Microsoft.DataProtection/*/read',
              'Microsoft.DataProtection/locations/validateCrossRegionRestore/action',
            ],
          },
        ],
        CALLER_RESTORE_ACTIONS,
      ),
    ).toEqual([
      'Microsoft.DataProtection/locations/crossRegionRestore/action',
      'Microsoft.DataProtection/locations/fetchCrossRegionRestoreJob/action',
    ]);
  });
});
