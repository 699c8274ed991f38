import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  tokens,
} from '@fluentui/react-components';
import { EditRegular } from '@fluentui/react-icons';
import { useMutationState, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useArm } from '@/azure/arm-context';
import { armMutationKeys } from '@/azure/query-keys';
import { ArmErrorMessage } from '@/components/arm-error-message';
import {
  crossRegionRestoreStatus,
  crossRegionRestoreUpdateRule,
  secondaryRegion,
  storageRedundancy,
  type StorageRedundancy,
} from '@/azure/backup-vaults/vault-rules';
import { useSearchParam } from '@/lib/url-state';
import { CrossRegionRestorePanel } from './cross-region-restore-panel';
import { CrrBanner } from './crr-banner';
import { SettingGroup } from './setting-group';
import type { VaultSectionProps } from './vault-overview';
import { CRR_LABEL, REDUNDANCY_LABEL, regionLabel } from './vault-labels';
import { createArmOperations } from '@/azure/operations/arm-operations';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL },
  reason: {
    display: 'block',
    color: tokens.colorNeutralForeground2,
    marginTop: tokens.spacingVerticalXS,
    maxWidth: '220px',
  },
  stack: { display: 'grid', gap: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalL },
});

export const CRR_PANEL = 'cross-region-restore';

const REDUNDANCY_EXPLANATION: Record<StorageRedundancy, string> = {
  GeoRedundant: 'Backups are also copied to the secondary, paired region. Needed for Cross Region Restore.',
  LocallyRedundant:
    'Backups are kept in one datacenter of the vault region; they are not copied to another region.',
  ZoneRedundant:
    'Backups are spread across availability zones of the vault region; they are not copied to another region.',
  Unknown: 'Azure did not report the storage redundancy of this vault.',
};

export function VaultProperties({ vaultId, vault, locations }: VaultSectionProps) {
  const styles = useStyles();
  const [panel, setPanel] = useSearchParam('panel');
  const update = useVaultUpdate(vaultId);
  const redundancy = storageRedundancy(vault);
  const crr = crossRegionRestoreStatus(vault);
  const baseRule = crossRegionRestoreUpdateRule(vault);
  const rule = update.running
    ? { canEnable: false, canDisable: false, reason: 'An update of this vault is in progress' }
    : baseRule;

  // The panel closes when an update succeeds while this page is open (not for one that
  // succeeded before it was opened), even if the panel was closed and reopened meanwhile.
  const seenSuccess = useRef(update.succeededAt);
  useEffect(() => {
    if (update.succeededAt === seenSuccess.current) return;
    seenSuccess.current = update.succeededAt;
    if (update.succeededAt !== undefined) setPanel(null);
  }, [update.succeededAt, setPanel]);
  const secondaryName = secondaryRegion(vault, locations);
  const secondary = regionLabel(secondaryName, locations);
  const security = vault.properties.securitySettings;
  const softDelete = security?.softDeleteSettings;
  const immutability = security?.immutabilitySettings?.state ?? 'Disabled';
  const encryption =
    security?.encryptionSettings?.state === 'Enabled' ? 'Customer-managed keys' : 'Microsoft-managed keys';
  const alerts =
    vault.properties.monitoringSettings?.azureMonitorAlertSettings?.alertsForAllJobFailures ?? 'Disabled';

  return (
    <>
      <div className={styles.stack}>
        {update.succeededAt !== undefined && crr === 'Enabled' && (
          <MessageBar intent="success" layout="multiline" role="status">
            <MessageBarBody>
              <MessageBarTitle>Cross Region Restore is enabled</MessageBarTitle>
              Backup items can take up to 48 hours to appear in the secondary region ({secondary}).
            </MessageBarBody>
          </MessageBar>
        )}
        {update.running && panel !== CRR_PANEL && (
          <MessageBar intent="info" layout="multiline" role="status">
            <MessageBarBody>
              <MessageBarTitle>Cross Region Restore is being enabled</MessageBarTitle>
              {update.resumed
                ? 'The update started before this page was loaded and is still running in Azure.'
                : 'The update is running in Azure.'}
              <ProgressBar aria-label="Enabling Cross Region Restore" />
            </MessageBarBody>
          </MessageBar>
        )}
        {update.resumeError && (
          <ArmErrorMessage
            error={update.resumeError}
            title="The earlier Cross Region Restore update failed"
          />
        )}
        {update.error && panel !== CRR_PANEL && (
          <ArmErrorMessage error={update.error} title="Cross Region Restore could not be enabled" />
        )}
        <CrrBanner status={crr} secondaryRegionLabel={secondary} />
      </div>

      <section aria-labelledby="vault-settings" className={styles.section}>
        <h2 id="vault-settings">Vault Settings</h2>
        <SettingGroup
          title="Storage redundancy"
          value={REDUNDANCY_LABEL[redundancy]}
          explanation={`${REDUNDANCY_EXPLANATION[redundancy]} It cannot be changed once items are protected.`}
        />
        <SettingGroup
          title="Cross Region Restore"
          value={CRR_LABEL[crr]}
          explanation={
            crr === 'Enabled'
              ? `Backups can be restored in the secondary region (${secondary}).`
              : crr === 'Disabled'
                ? `Restore backups in the secondary region (${secondary}) during an outage or for a drill. Incurs additional charges.`
                : 'Only geo-redundant vaults copy backups to another region, so only they can restore there.'
          }
          action={() => (
            <>
              <Button
                icon={<EditRegular />}
                aria-label="Update Cross Region Restore"
                aria-describedby={rule.reason ? 'crr-update-reason' : undefined}
                disabledFocusable={!rule.canEnable}
                onClick={() => setPanel(CRR_PANEL, { replace: false })}
              >
                Update
              </Button>
              {rule.reason && (
                <Text id="crr-update-reason" size={200} className={styles.reason}>
                  {rule.reason}
                </Text>
              )}
            </>
          )}
        />
        <SettingGroup
          title="Secondary Region"
          value={secondary}
          explanation={
            secondaryName
              ? 'The Azure paired region that holds the copy of this vault’s backups.'
              : 'This vault does not copy its backups to another region.'
          }
        />
      </section>

      <section aria-labelledby="security-settings" className={styles.section}>
        <h2 id="security-settings">Security Settings</h2>
        <SettingGroup
          title="Soft delete"
          value={softDelete?.state === 'AlwaysOn' ? 'Always on' : softDelete?.state === 'On' ? 'On' : 'Off'}
          explanation={
            softDelete?.state && softDelete.state !== 'Off'
              ? `Deleted backups are kept for ${softDelete.retentionDurationInDays ?? 14} days and can be recovered.`
              : 'Deleted backups are removed at once.'
          }
        />
        <SettingGroup
          title="Immutable vault"
          value={
            immutability === 'Locked'
              ? 'Enabled and locked'
              : immutability === 'Unlocked'
                ? 'Enabled'
                : 'Disabled'
          }
          explanation={
            immutability === 'Locked'
              ? 'Recovery points cannot be deleted before they expire, and this can no longer be turned off.'
              : immutability === 'Unlocked'
                ? 'Recovery points cannot be deleted before they expire; it can still be turned off.'
                : 'Recovery points can be deleted before they expire.'
          }
        />
        <SettingGroup
          title="Encryption"
          value={encryption}
          explanation="How backup data is encrypted at rest."
        />
        <SettingGroup
          title="Security level"
          value={vault.properties.bcdrSecurityLevel ?? 'Not reported'}
          explanation="Azure's rating of this vault's protection against ransomware and accidental deletion."
        />
        <SettingGroup
          title="Alerts for all job failures"
          value={alerts}
          explanation="Whether Azure Monitor raises an alert for every failed backup or restore job."
        />
        <SettingGroup
          title="Provisioning state"
          value={vault.properties.provisioningState ?? 'Unknown'}
          explanation="Whether Azure has finished applying the last change to this vault."
        />
      </section>

      <CrossRegionRestorePanel
        open={panel === CRR_PANEL}
        vaultId={vaultId}
        vault={vault}
        secondaryRegionLabel={secondary}
        updateRunning={update.running}
        onClose={() => setPanel(null, { replace: false })}
      />
    </>
  );
}

/**
 * The state of this vault's Cross Region Restore update, wherever it runs: in this page's mutation
 * (the panel may be closed), or resumed from the pending-operation store after a reload.
 */
function useVaultUpdate(vaultId: string) {
  const arm = useArm();
  const store = arm.group(createArmOperations).store;
  const pending = useSyncExternalStore(store.subscribe, () => store.snapshot('vaultUpdate', vaultId));
  const follow = useQuery(arm.group(createArmOperations).queries.follow('vaultUpdate', vaultId));
  const latest = useMutationState({
    filters: { mutationKey: armMutationKeys.updateBackupVault(vaultId) },
    select: (mutation) => mutation.state,
  }).at(-1);
  const resumed = pending !== null && follow.isFetching && latest?.status !== 'pending';
  return {
    running: latest?.status === 'pending' || resumed,
    resumed,
    /** When the last update succeeded (in this page or resumed), to show the notice once. */
    succeededAt:
      latest?.status === 'success'
        ? latest.submittedAt
        : follow.data?.state === 'succeeded'
          ? follow.dataUpdatedAt
          : undefined,
    error: latest?.status === 'error' ? latest.error : null,
    resumeError: follow.error,
  };
}
