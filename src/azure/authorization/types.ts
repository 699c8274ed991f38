/* Microsoft.Authorization types, from the 2022-04-01 spec (authorization-RoleAssignmentsCalls.json, authorization-RoleDefinitionsCalls.json). */

/** Spec `Permission`: what a role (or the caller, at a scope) may do; `*` wildcards allowed. */
export interface Permission {
  actions?: string[] | null;
  notActions?: string[] | null;
  dataActions?: string[] | null;
  notDataActions?: string[] | null;
}

/** Spec `PermissionGetResult`: body of `GET {resource group}/providers/Microsoft.Authorization/permissions`. */
export interface PermissionGetResult {
  value?: Permission[] | null;
  nextLink?: string | null;
}

/** Spec `RoleDefinitionProperties`. */
export interface RoleDefinitionProperties {
  roleName?: string | null;
  description?: string | null;
  type?: string | null;
  permissions?: Permission[] | null;
  assignableScopes?: string[] | null;
}

/** Spec `RoleDefinition`. */
export interface RoleDefinition {
  readonly id?: string;
  readonly name?: string;
  readonly type?: string;
  properties?: RoleDefinitionProperties | null;
}

/** Spec `PrincipalType` (open enum). */
export type PrincipalType = 'User' | 'Group' | 'ServicePrincipal' | 'ForeignGroup' | 'Device' | (string & {});

/** Spec `RoleAssignmentProperties`. */
export interface RoleAssignmentProperties {
  readonly scope?: string | null;
  roleDefinitionId: string;
  principalId: string;
  principalType?: PrincipalType | null;
  description?: string | null;
  condition?: string | null;
  conditionVersion?: string | null;
}

/** Spec `RoleAssignment`. */
export interface RoleAssignment {
  readonly id?: string;
  readonly name?: string;
  readonly type?: string;
  properties?: RoleAssignmentProperties | null;
}

/** Spec `RoleAssignmentCreateParameters`: body of the role assignment PUT. */
export interface RoleAssignmentCreateParameters {
  properties: {
    roleDefinitionId: string;
    principalId: string;
    principalType?: PrincipalType;
    description?: string;
  };
}
