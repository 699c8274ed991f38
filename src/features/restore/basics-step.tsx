import {
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { datasourceTypeLabel } from '@/azure/backup-instances/datasource-types';
import { regionDisplayName } from '@/azure/regions';
import { ARCHIVE_TIER_REASON, recoveryPointName, recoveryPointTier } from '@/azure/restore/restore-rules';
import { ArmErrorMessage } from '@/components/arm-error-message';
import { FactList, type Fact } from '@/components/fact-list';
import { RouterLink } from '@/components/router-link';
import { vaultPath } from '@/lib/app-paths';
import { formatDateTime, formatDuration, formatUtc } from '@/lib/format';
import { useNow } from '@/lib/use-now';
import { fieldError } from './field-errors';
import type { WizardContext } from './wizard-context';

const useStyles = makeStyles({
  body: { display: 'grid', gap: tokens.spacingVerticalL },
  points: { maxHeight: '360px', overflowY: 'auto', paddingInlineEnd: tokens.spacingHorizontalM },
});

/** Step 1: what is restored, from where to where, and which recovery point. */
export function BasicsStep({ ctx }: { ctx: WizardContext }) {
  const styles = useStyles();
  const now = useNow();
  const { source, instance, vault } = ctx;
  const primary = regionDisplayName(source.sourceRegion, source.locations);
  const secondary = regionDisplayName(source.secondaryRegion, source.locations);
  const facts: Fact[] = [
    ['Backup instance', instance.properties?.friendlyName ?? instance.name],
    ['Datasource type', datasourceTypeLabel(source.datasourceType)],
    ['Backup vault', <RouterLink to={vaultPath(source.vaultId)}>{vault.name}</RouterLink>],
    ['Source region', `${primary} (Primary Region)`],
  ];
  return (
    <div className={styles.body}>
      <FactList facts={facts} label="Source" />
      <Field
        label="Target region"
        hint={`A cross-region restore runs in the vault's Secondary Region, the paired region its backups are copied to. It cannot be changed: the restore works even while ${primary} is down.`}
      >
        <Input readOnly value={`${secondary} (Secondary Region)`} />
      </Field>
      <RecoveryPointPicker ctx={ctx} now={now} secondaryLabel={secondary} />
    </div>
  );
}

function RecoveryPointPicker({
  ctx,
  now,
  secondaryLabel,
}: {
  ctx: WizardContext;
  now: number;
  secondaryLabel: string;
}) {
  const styles = useStyles();
  const { secondary } = ctx.queries;
  if (secondary.isPending) return <Spinner label={`Loading recovery points in ${secondaryLabel}…`} />;
  if (secondary.isError)
    return (
      <ArmErrorMessage
        error={secondary.error}
        title="The recovery points in the Secondary Region could not be loaded"
        onRetry={() => void secondary.refetch()}
      />
    );
  const points = ctx.points ?? [];
  if (points.length === 0)
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            No recovery point has reached the Secondary Region ({secondaryLabel}) yet
          </MessageBarTitle>
          Recovery points are copied to the Secondary Region up to 12 hours after each backup, and after Cross
          Region Restore is enabled backup items can take up to 48 hours to appear there. Nothing can be
          restored in {secondaryLabel} until one has arrived.
        </MessageBarBody>
      </MessageBar>
    );
  const time = (p: (typeof points)[number]) => Date.parse(p.properties?.recoveryPointTime ?? '');
  const newest = points[0];
  const archived = points.filter((p) => recoveryPointTier(p) === 'archive').length;
  const error = fieldError(ctx, 'recoveryPoint', 'basics');
  return (
    <Field
      label="Recovery point"
      required
      validationMessage={error}
      hint={`${points.length} recovery points in the Secondary Region, newest first. The newest was taken ${formatDuration(
        now - (newest ? time(newest) : now),
      )} ago.${archived > 0 ? ` ${archived} in the archive tier are not offered. ${ARCHIVE_TIER_REASON}` : ''}`}
    >
      <RadioGroup
        className={styles.points}
        value={ctx.values.recoveryPoint}
        onChange={(_, data) => ctx.set({ recoveryPoint: data.value })}
      >
        {points.map((p) => {
          const name = recoveryPointName(p);
          const archive = recoveryPointTier(p) === 'archive';
          const t = time(p);
          return (
            <Radio
              key={name}
              value={name}
              disabled={archive}
              title={`${formatUtc(t)} · ${name}`}
              label={`${formatDateTime(t)} · ${p.properties?.recoveryPointType ?? 'Full'} · ${
                archive ? 'Archive tier (needs rehydration)' : 'Vault tier'
              }`}
            />
          );
        })}
      </RadioGroup>
    </Field>
  );
}
