// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../node';
import { BUILT_IN_ROLES } from '../tenant/authorization';
import { DEMO_RESTORE_TARGETS, DEMO_SUBSCRIPTIONS, DEMO_VAULT_IDS } from '../tenant/demo-tenant';
import { DEMO_USER } from '../tenant/tenant';
import { arm } from '@/testing/contract/arm-fetch';

const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const AUTH = 'providers/Microsoft.Authorization';
const V = 'api-version=2022-04-01';
let t: TestServer | undefined;
afterEach(() => t?.close());

function start(options: Parameters<typeof createTestServer>[0] = {}): TestServer {
  t = createTestServer(options);
  t.listen();
  return t;
}
const principal = (s: TestServer) => s.tenant.getVaultById(DEMO_VAULT_IDS.contosoPg)?.principalId ?? '';
type List = { value: { name: string; properties: { scope: string; roleDefinitionId: string } }[] };

describe('Microsoft.Authorization in the simulated tenant', () => {
  it("answers the caller's permissions at a resource group from the demo user's roles (Owner on Contoso Production)", async () => {
    start();
    const r = await arm<{ value: { actions: string[] }[] }>(
      'GET',
      `/subscriptions/${PROD}/resourceGroups/rg-contoso-backup/${AUTH}/permissions?${V}`,
    );
    expect(r.status).toBe(200);
    expect(r.body.value).toEqual([{ actions: ['*'], notActions: [], dataActions: [], notDataActions: [] }]);
  });

  it("lists a principal's role assignments at, above and below a scope with the spec's filters", async () => {
    const s = start();
    const id = principal(s);
    const atKv = await arm<List>(
      'GET',
      `${DEMO_RESTORE_TARGETS.keyVaultId}/${AUTH}/roleAssignments?$filter=${encodeURIComponent(`principalId eq '${id}'`)}&${V}`,
    );
    expect(atKv.body.value.map((a) => a.properties.roleDefinitionId)).toEqual([
      `/subscriptions/${PROD}/providers/Microsoft.Authorization/roleDefinitions/${BUILT_IN_ROLES.keyVaultSecretsUser?.id ?? ''}`,
    ]);
    // Below the resource group: every West US target role of the identity.
    const rg = `/subscriptions/${PROD}/resourceGroups/rg-contoso-restore-westus`;
    const below = await arm<List>(
      'GET',
      `${rg}/${AUTH}/roleAssignments?$filter=principalId%20eq%20'${id}'&${V}`,
    );
    expect(below.body.value.map((a) => a.properties.scope.split('/').pop())).toEqual([
      'pg-restore-westus',
      'kv-restore-westus',
      'strestorewestus',
    ]);
    const atScope = await arm<List>('GET', `${rg}/${AUTH}/roleAssignments?$filter=atScope()&${V}`);
    expect(atScope.body.value.map((a) => a.properties.scope)).toEqual([`/subscriptions/${PROD}`]);
  });

  it('creates an assignment (201), says 409 RoleAssignmentExists for the same one under another name, and the next list sees it', async () => {
    const s = start();
    const body = {
      properties: {
        roleDefinitionId: `/subscriptions/${PROD}/providers/Microsoft.Authorization/roleDefinitions/${BUILT_IN_ROLES.keyVaultSecretsUser?.id ?? ''}`,
        principalId: principal(s),
        principalType: 'ServicePrincipal',
      },
    };
    const url = (name: string) =>
      `${DEMO_RESTORE_TARGETS.drillKeyVaultId}/${AUTH}/roleAssignments/${name}?${V}`;
    const created = await arm<{ properties: { scope: string; principalType: string } }>(
      'PUT',
      url('0f9e8d7c-1111-4222-8333-444455556666'),
      body,
    );
    expect([created.status, created.body.properties.scope, created.body.properties.principalType]).toEqual([
      201,
      DEMO_RESTORE_TARGETS.drillKeyVaultId,
      'ServicePrincipal',
    ]);
    const again = await arm<{ error: { code: string } }>(
      'PUT',
      url('0f9e8d7c-1111-4222-8333-444455556667'),
      body,
    );
    expect([again.status, again.body.error.code]).toEqual([409, 'RoleAssignmentExists']);
    const list = await arm<List>(
      'GET',
      `${DEMO_RESTORE_TARGETS.drillKeyVaultId}/${AUTH}/roleAssignments?$filter=principalId eq '${principal(s)}'&${V}`,
    );
    expect(list.body.value.map((a) => a.name)).toEqual(['0f9e8d7c-1111-4222-8333-444455556666']);
    expect(s.tenant.journal.entries.map((e) => e.kind)).toEqual(['createRoleAssignment']);
  });

  it('refuses a role that does not exist, and a scope that does not exist', async () => {
    start();
    const bad = await arm<{ error: { code: string } }>(
      'PUT',
      `${DEMO_RESTORE_TARGETS.drillKeyVaultId}/${AUTH}/roleAssignments/0f9e8d7c-1111-4222-8333-444455556666?${V}`,
      {
        properties: {
          roleDefinitionId: `/subscriptions/${PROD}/providers/Microsoft.Authorization/roleDefinitions/00000000-0000-0000-0000-000000000000`,
          principalId: DEMO_USER.objectId,
        },
      },
    );
    expect([bad.status, bad.body.error.code]).toEqual([400, 'RoleDefinitionDoesNotExist']);
    const missing = await arm(
      'GET',
      `/subscriptions/${PROD}/resourceGroups/rg-contoso-restore-westus/providers/Microsoft.KeyVault/vaults/nope/${AUTH}/roleAssignments?${V}`,
    );
    expect(missing.status).toBe(404);
  });

  it('serves built-in role definitions by id, at subscription and tenant level', async () => {
    start();
    const id = BUILT_IN_ROLES.reader?.id ?? '';
    const sub = await arm<{ id: string; properties: { roleName: string } }>(
      'GET',
      `/subscriptions/${PROD}/${AUTH}/roleDefinitions/${id}?${V}`,
    );
    expect([sub.body.id, sub.body.properties.roleName]).toEqual([
      `/subscriptions/${PROD}/providers/Microsoft.Authorization/roleDefinitions/${id}`,
      'Reader',
    ]);
    const tenant = await arm<{ id: string }>('GET', `/${AUTH}/roleDefinitions/${id}?${V}`);
    expect(tenant.body.id).toBe(`/providers/Microsoft.Authorization/roleDefinitions/${id}`);
  });

  it('the forbidden scenario refuses reading role assignments when asked to (the check then cannot be done)', async () => {
    start({
      scenarios: { names: ['forbidden'], forbiddenAction: 'Microsoft.Authorization/roleAssignments/read' },
    });
    const r = await arm<{ error: { code: string } }>(
      'GET',
      `${DEMO_RESTORE_TARGETS.keyVaultId}/${AUTH}/roleAssignments?${V}`,
    );
    expect([r.status, r.body.error.code]).toEqual([403, 'AuthorizationFailed']);
  });
});
