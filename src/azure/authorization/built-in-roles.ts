/*
 * The Azure built-in roles this app names, in one table. Their ids are the same in every tenant
 * and cloud (Azure's "built-in roles" reference); the Authorization spec's examples do not show
 * them. A role assignment names a role by `/subscriptions/{sub}/providers/Microsoft.Authorization/
 * roleDefinitions/{id}` (see {@link roleDefinitionResourceId}).
 */

/** A built-in role and what it is for here. */
export interface BuiltInRole {
  /** The role definition's GUID. */
  id: string;
  /** Its name, as the portal shows it. */
  name: string;
}

/** The built-in roles a cross-region restore needs or mentions. */
export const BUILT_IN_ROLES = {
  /** The vault's managed identity reads the target PostgreSQL server. */
  reader: { id: 'acdd72a7-3385-48ef-bd42-f606fba81ae7', name: 'Reader' },
  /** The vault's managed identity reads the secret with the target server's credentials. */
  keyVaultSecretsUser: { id: '4633458b-17de-408a-b874-0445c86b69e6', name: 'Key Vault Secrets User' },
  /** The vault's managed identity writes the restored files. */
  storageBlobDataContributor: {
    id: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
    name: 'Storage Blob Data Contributor',
  },
  /** The caller: validate and trigger a cross-region restore. */
  backupOperator: { id: '00c29273-979b-4161-815c-10b084fb9324', name: 'Backup Operator' },
  /** The caller: grant roles to the vault's identity. */
  userAccessAdministrator: { id: '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9', name: 'User Access Administrator' },
  owner: { id: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', name: 'Owner' },
} as const satisfies Record<string, BuiltInRole>;

/** The full id of a role definition as a role assignment in `subscriptionId` names it. */
export function roleDefinitionResourceId(subscriptionId: string, roleId: string): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleId}`;
}
