import { describe, expect, it } from 'vitest';
import {
  backupInstanceDetailQuery,
  backupInstancesQuery,
  instanceCountByVaultQuery,
  normaliseBackupInstanceFilter,
} from './backup-instance-query';
import { KqlValueError, kqlString, kqlStringList } from './kql';

const VAULT =
  '/subscriptions/8f4a6c2e-3b1d-4e7a-9c5f-1d2e3f4a5b6c/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/v1';

describe('kqlString', () => {
  it.each([
    ['plain', "'plain'"],
    ["o'brien", "'o\\'brien'"],
    ['back\\slash', "'back\\\\slash'"],
    ['a|b', "'a|b'"],
    ['line\nbreak\r\ttab', "'line\\nbreak\\r\\ttab'"],
    ["x' | where 1==1 | project secrets //", "'x\\' | where 1==1 | project secrets //'"],
    ["\\'", "'\\\\\\''"],
  ])('escapes %j', (value, literal) => {
    expect(kqlString(value)).toBe(literal);
  });

  it('refuses control characters it has no escape for', () => {
    expect(() => kqlString('a\u0000b')).toThrow(KqlValueError);
    expect(() => kqlString('a\u001bb')).toThrow(KqlValueError);
  });

  it('lists literals in parentheses', () => {
    expect(kqlStringList(['a', "b'"])).toBe("('a', 'b\\'')");
  });
});

describe('backupInstancesQuery', () => {
  it('without filters lists every backup instance, projected and ordered by id', () => {
    expect(backupInstancesQuery()).toBe(
      "RecoveryServicesResources | where type =~ 'microsoft.dataprotection/backupvaults/backupinstances' | project id, location, friendlyName = properties.friendlyName, protectionState = properties.currentProtectionState, datasourceId = properties.dataSourceInfo.resourceID, datasourceType = properties.dataSourceInfo.datasourceType, secondaryRegion = properties.backupInstanceExtendedProperties.protectedSecondaryRegion, latestRecoveryPointInPrimaryRegion = properties.backupInstanceExtendedProperties.recoveryPointInfo.latestRecoveryPointInPrimaryRegion, latestRecoveryPointInSecondaryRegion = properties.backupInstanceExtendedProperties.recoveryPointInfo.latestRecoveryPointInSecondaryRegion, rpoWarningThresholdInSecondaryRegion = properties.backupInstanceExtendedProperties.policyExtendedInfo.rpoWarningThresholdInSecondaryRegion | order by id asc",
    );
  });

  it('adds one where per filter, with allow-listed types and states and escaped ids', () => {
    const q = backupInstancesQuery({
      datasourceTypes: ['Microsoft.DBforPostgreSQL/servers/databases'],
      vaultIds: [VAULT],
      protectionStates: ['ProtectionConfigured', 'ProtectionStopped'],
      secondaryRegion: 'protected',
    });
    expect(q).toContain(
      " | where properties.dataSourceInfo.datasourceType in~ ('Microsoft.DBforPostgreSQL/servers/databases') | ",
    );
    expect(q).toContain(
      ` | where properties.backupInstanceExtendedProperties.vaultId in~ ('${VAULT.toLowerCase()}') | `,
    );
    expect(q).toContain(
      " | where properties.currentProtectionState in~ ('ProtectionConfigured', 'ProtectionStopped') | ",
    );
    expect(q).toContain(
      ' | where isnotempty(properties.backupInstanceExtendedProperties.protectedSecondaryRegion) | ',
    );
    expect(backupInstancesQuery({ secondaryRegion: 'notProtected' })).toContain(
      ' | where isempty(properties.backupInstanceExtendedProperties.protectedSecondaryRegion) | ',
    );
  });

  it('drops datasource types and states that are not on the allow-lists', () => {
    const q = backupInstancesQuery({
      datasourceTypes: ["Microsoft.Compute/disks') | project secret", 'Microsoft.Compute/disks'],
      protectionStates: ["ProtectionConfigured' or 1==1"],
    });
    expect(q).toContain("datasourceType in~ ('Microsoft.Compute/disks') | ");
    expect(q).not.toContain('secret');
    expect(q).not.toContain('currentProtectionState in~');
  });

  it('keeps a hostile vault id inside one literal: it neither ends the string nor adds a stage', () => {
    const hostile = `${VAULT}') | project id | where name contains ('x\n| summarize count()\\`;
    const q = backupInstancesQuery({ vaultIds: [hostile] });
    const literal = kqlString(hostile.toLowerCase());
    expect(q).toContain(`vaultId in~ (${literal}) | project`);
    // Outside the literal the query has exactly the stages of an unfiltered one plus one where.
    const outside = q.replace(literal, "'…'");
    expect(outside.split(' | ')).toHaveLength(backupInstancesQuery().split(' | ').length + 1);
    expect(outside).not.toContain('\n');
  });

  it('equal filters build equal queries (order, case and duplicates do not matter)', () => {
    expect(
      backupInstancesQuery({
        vaultIds: [VAULT, VAULT.toUpperCase()],
        protectionStates: ['ProtectionStopped', 'ProtectionConfigured'],
      }),
    ).toBe(
      backupInstancesQuery({
        vaultIds: [VAULT.toLowerCase()],
        protectionStates: ['ProtectionConfigured', 'ProtectionStopped'],
      }),
    );
    expect(normaliseBackupInstanceFilter({ vaultIds: [' ', VAULT] }).vaultIds).toEqual([VAULT.toLowerCase()]);
  });
});

describe('backupInstanceDetailQuery', () => {
  it('reads whole rows of the given ids, escaped, and refuses an empty list (it would list everything)', () => {
    expect(backupInstanceDetailQuery([`${VAULT}/backupInstances/a'b`])).toBe(
      `RecoveryServicesResources | where type =~ 'microsoft.dataprotection/backupvaults/backupinstances' | where id in~ ('${VAULT.toLowerCase()}/backupinstances/a\\'b') | project id, name, location, properties | order by id asc`,
    );
    expect(() => backupInstanceDetailQuery([' '])).toThrow();
  });
});

describe('instanceCountByVaultQuery', () => {
  it('counts per lower-cased vault id with one summarize', () => {
    expect(instanceCountByVaultQuery()).toBe(
      "RecoveryServicesResources | where type =~ 'microsoft.dataprotection/backupvaults/backupinstances' | extend vaultId = tolower(tostring(properties.backupInstanceExtendedProperties.vaultId)) | summarize count() by vaultId | order by vaultId asc",
    );
  });
});
