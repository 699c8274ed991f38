// @vitest-environment node
// The contract validator itself: it must refuse what the spec refuses, or the contract suite
// proves nothing. Without ../shared/azure-spec it reports itself skipped.

import { describe, expect, it } from 'vitest';
import { DEMO_INSTANCE_IDS, DEMO_RESTORE_TARGETS, DEMO_VAULT_IDS } from '@/mocks/tenant/demo-tenant';
import { CONTRACT_TITLE, specSuite } from './contract-suite';
import { formatIssues } from './validation-issues';
import { getContractValidator } from './validator';

specSuite(CONTRACT_TITLE, () => {
  describe('the validator is not lenient', () => {
    const validator = getContractValidator();
    const vaultUrl = `https://management.azure.com${DEMO_VAULT_IDS.contosoPg}?api-version=2025-07-01`;
    const okVault = {
      id: DEMO_VAULT_IDS.contosoPg,
      name: 'v',
      type: 'Microsoft.DataProtection/backupVaults',
      location: 'eastus',
      properties: { storageSettings: [] },
    };

    it('reports operationId and JSON path for an unknown property', () => {
      const r = validator?.validateExchange({
        method: 'GET',
        url: vaultUrl,
        status: 200,
        responseBody: { ...okVault, properties: { storageSettings: [{ type: 'GeoRedundant', bogus: 1 }] } },
      });
      expect(r?.issues.map((i) => `${i.operationId} ${i.path}`)).toEqual([
        'BackupVaults_Get $.properties.storageSettings[0].bogus',
      ]);
    });

    it('refuses a wrong api-version, a missing required property and a wrong type', () => {
      const r = validator?.validateExchange({
        method: 'GET',
        url: vaultUrl.replace('2025-07-01', '2024-04-01'),
        status: 200,
        responseBody: { ...okVault, location: 5, properties: {} },
      });
      expect(formatIssues(r?.issues ?? [])).toMatch(/api-version/);
      expect(formatIssues(r?.issues ?? [])).toMatch(/\$\.location: must be string/);
      expect(formatIssues(r?.issues ?? [])).toMatch(
        /\$\.properties: must have required property 'storageSettings'/,
      );
    });

    it('dispatches on the discriminator and rejects unknown subtypes', () => {
      const url = `https://management.azure.com${DEMO_INSTANCE_IDS.ordersDb}/recoveryPoints?api-version=2025-07-01`;
      const bad = validator?.validateExchange({
        method: 'GET',
        url,
        status: 200,
        responseBody: { value: [{ properties: { objectType: 'NoSuchRecoveryPoint' } }] },
      });
      expect(formatIssues(bad?.issues ?? [])).toMatch(
        /RecoveryPoints_List response \$\.value\[0\]\.properties\.objectType: must be one of/,
      );
      const missing = validator?.validateExchange({
        method: 'GET',
        url,
        status: 200,
        responseBody: { value: [{ properties: { objectType: 'AzureBackupDiscreteRecoveryPoint' } }] },
      });
      expect(formatIssues(missing?.issues ?? [])).toMatch(/must have required property 'recoveryPointTime'/);
    });

    it('refuses read-only properties in requests and unknown paths under the provider', () => {
      const r = validator?.validateExchange({
        method: 'PATCH',
        url: vaultUrl,
        requestBody: { identity: { principalId: 'x' } },
        status: 202,
      });
      expect(formatIssues(r?.issues ?? [])).toMatch(/request \$\.identity\.principalId: read-only property/);
      const u = validator?.validateExchange({
        method: 'GET',
        url: `https://management.azure.com${DEMO_VAULT_IDS.contosoPg}/nonsense?api-version=2025-07-01`,
        status: 200,
        responseBody: {},
      });
      expect(u?.issues[0]?.message).toMatch(/matches no operation/);
    });

    it('checks Microsoft.Authorization traffic against its own spec and api-version', () => {
      const scope = DEMO_RESTORE_TARGETS.keyVaultId;
      const r = validator?.validateExchange({
        method: 'PUT',
        url: `https://management.azure.com${scope}/providers/Microsoft.Authorization/roleAssignments/5c0ffee0-0000-4000-8000-000000000001?api-version=2025-07-01`,
        requestBody: { properties: { roleDefinitionId: 'x', principalId: 'y', scope } },
        status: 201,
        responseBody: { properties: { roleDefinitionId: 'x' } },
      });
      expect(r?.operationId).toBe('RoleAssignments_Create');
      expect(formatIssues(r?.issues ?? [])).toMatch(/api-version is '2025-07-01', the spec is 2022-04-01/);
      expect(formatIssues(r?.issues ?? [])).toMatch(/request \$\.properties\.scope: read-only property/);
      expect(formatIssues(r?.issues ?? [])).toMatch(
        /response \$\.properties: must have required property 'principalId'/,
      );
      const byId = validator?.findOperation('GET', '/providers/Microsoft.Authorization/roleDefinitions/abc');
      expect(byId?.op.operationId).toBe('RoleDefinitions_GetById');
    });

    it('allows null for optional properties only through the documented deviation', () => {
      const url = `https://management.azure.com${DEMO_INSTANCE_IDS.ordersDb}/recoveryPoints?api-version=2025-07-01`;
      const body = {
        value: [{ properties: { objectType: 'AzureBackupDiscreteRecoveryPoint', recoveryPointTime: null } }],
      };
      const r = validator?.validateExchange({ method: 'GET', url, status: 200, responseBody: body });
      expect(formatIssues(r?.issues ?? [])).toMatch(/recoveryPointTime: must be string/);
    });
  });
});
