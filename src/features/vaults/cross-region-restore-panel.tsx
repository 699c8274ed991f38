import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DrawerBody,
  DrawerFooter,
  DrawerHeader,
  DrawerHeaderTitle,
  makeStyles,
  OverlayDrawer,
  ProgressBar,
  Radio,
  RadioGroup,
  Field,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useArm } from '@/azure/arm-context';
import type { BackupVaultResource } from '@/azure/backup-vaults/types';
import {
  CRR_IRREVERSIBLE,
  crossRegionRestoreStatus,
  crossRegionRestoreUpdateRule,
  ENABLE_CROSS_REGION_RESTORE_PATCH,
} from '@/azure/backup-vaults/vault-rules';
import type { LroProgress } from '@/azure/lro';
import { ArmErrorMessage } from '@/components/arm-error-message';
import { useFormDraft } from '@/components/form-draft';
import { resourceIdKey } from '@/azure/resource-id';
import { createBackupVaultQueries } from '@/azure/backup-vaults/queries';

const useStyles = makeStyles({
  body: { display: 'grid', gap: tokens.spacingVerticalL, alignContent: 'start' },
  hint: { color: tokens.colorNeutralForeground2 },
  footer: { display: 'flex', gap: tokens.spacingHorizontalS },
  consequences: {
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
});

export interface CrossRegionRestorePanelProps {
  open: boolean;
  /** The vault's id as the route gives it (the vault body's own id may be missing). */
  vaultId: string;
  vault: BackupVaultResource;
  secondaryRegionLabel: string;
  onClose: () => void;
  /** An update of this vault started earlier (before a reload, or while the panel was closed) is still running. */
  updateRunning: boolean;
}

type Choice = 'Enabled' | 'Disabled';
const isChoice = (value: unknown): value is Choice => value === 'Enabled' || value === 'Disabled';

export function CrossRegionRestorePanel(props: CrossRegionRestorePanelProps) {
  return (
    <OverlayDrawer
      open={props.open}
      position="end"
      size="medium"
      onOpenChange={(_, data) => {
        if (!data.open) props.onClose();
      }}
      aria-labelledby="crr-panel-title"
    >
      {props.open && <PanelContent {...props} />}
    </OverlayDrawer>
  );
}

function PanelContent({
  vaultId,
  vault,
  secondaryRegionLabel,
  onClose,
  updateRunning,
}: CrossRegionRestorePanelProps) {
  const styles = useStyles();
  const arm = useArm();
  const current: Choice = crossRegionRestoreStatus(vault) === 'Enabled' ? 'Enabled' : 'Disabled';
  const rule = crossRegionRestoreUpdateRule(vault);
  // Kept across a sign-in redirect (token expired mid-task); dropped when the panel is closed.
  const [choice, setChoice, clearDraft] = useFormDraft<Choice>(
    `crr:${resourceIdKey(vaultId)}`,
    current,
    isChoice,
  );
  const close = () => {
    clearDraft();
    onClose();
  };
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const [progress, setProgress] = useState<LroProgress | null>(null);

  // What must happen once the update ends (cache, notice, closing this panel) lives in the
  // mutation's options and the vault page, not here: this panel may be closed long before.
  const mutation = useMutation(arm.group(createBackupVaultQueries).mutations.update(vaultId));
  const busy = mutation.isPending || updateRunning;

  const enable = () => {
    setConfirmOpen(false);
    setProgress(null);
    mutation.mutate({ vaultId, patch: ENABLE_CROSS_REGION_RESTORE_PATCH, onProgress: setProgress });
  };

  const canSave = choice === 'Enabled' && current === 'Disabled' && rule.canEnable && !busy;

  return (
    <>
      <DrawerHeader>
        <DrawerHeaderTitle
          heading={{ id: 'crr-panel-title' }}
          action={<Button appearance="subtle" aria-label="Close" icon={<DismissRegular />} onClick={close} />}
        >
          Cross Region Restore
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={styles.body}>
        <Text>
          Cross Region Restore lets you restore this vault&apos;s backups in the secondary region (
          {secondaryRegionLabel}
          ), during an outage in the primary region or for a drill.
        </Text>
        <Field label="Cross Region Restore" hint={current === 'Enabled' ? CRR_IRREVERSIBLE : undefined}>
          <RadioGroup
            value={choice}
            onChange={(_, data) => setChoice(data.value as Choice)}
            disabled={busy}
            aria-label="Cross Region Restore"
          >
            <Radio value="Enabled" label="Enable" />
            <Radio value="Disabled" label="Disable" disabled={current === 'Enabled'} />
          </RadioGroup>
        </Field>
        {busy && (
          <Field
            validationState="none"
            validationMessage={
              progress ? `Azure reports: ${progress.status}` : 'Sending the change to Azure…'
            }
          >
            <ProgressBar aria-label="Enabling Cross Region Restore" />
            <Text role="status">Enabling Cross Region Restore… This usually takes under a minute.</Text>
          </Field>
        )}
        {mutation.isError && !busy && (
          <ArmErrorMessage
            error={mutation.error}
            title="Cross Region Restore could not be enabled"
            onRetry={enable}
          />
        )}
      </DrawerBody>
      <DrawerFooter className={styles.footer}>
        <Button appearance="primary" disabled={!canSave} onClick={() => setConfirmOpen(true)}>
          Save
        </Button>
        <Button onClick={close}>Cancel</Button>
      </DrawerFooter>

      <Dialog
        open={confirmOpen}
        modalType="alert"
        onOpenChange={(_, data) => {
          setConfirmOpen(data.open);
          if (!data.open) setUnderstood(false);
        }}
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Enable Cross Region Restore?</DialogTitle>
            <DialogContent>
              <ul className={styles.consequences}>
                <li>It incurs additional charges for this vault.</li>
                <li>
                  Once it is enabled and protection has started, it cannot be disabled, and the vault can no
                  longer be changed to locally redundant or zone-redundant storage.
                </li>
                <li>
                  Backup items can take up to 48 hours to appear in the secondary region (
                  {secondaryRegionLabel}).
                </li>
                <li>
                  Recovery points in the secondary region lag behind: the recovery point objective there is
                  about 36 hours.
                </li>
              </ul>
              <Checkbox
                checked={understood}
                onChange={(_, data) => setUnderstood(data.checked === true)}
                label="I understand that Cross Region Restore cannot be turned off again"
              />
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" disabled={!understood || busy} onClick={enable}>
                Enable Cross Region Restore
              </Button>
              <Button onClick={() => setConfirmOpen(false)}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
