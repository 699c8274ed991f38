import { Link, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { CrossRegionRestoreStatus } from '@/azure/backup-vaults/vault-rules';

export const CRR_DOCS_URL = 'https://learn.microsoft.com/azure/backup/tutorial-cross-region-restore';

/** Every geo-redundant vault shows this banner, as the tutorial describes the portal doing. */
export function CrrBanner({
  status,
  secondaryRegionLabel,
}: {
  status: CrossRegionRestoreStatus;
  secondaryRegionLabel: string;
}) {
  if (status === 'NotAvailable') return null;
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>About Cross Region Restore</MessageBarTitle>
        {status === 'Enabled'
          ? `This geo-redundant vault can restore its backups in the secondary region (${secondaryRegionLabel}), for an outage or a regional drill.`
          : `This vault is geo-redundant: its backups are copied to ${secondaryRegionLabel}. Enable Cross Region Restore to restore them there, for an outage or a regional drill.`}{' '}
        <Link href={CRR_DOCS_URL} target="_blank" rel="noreferrer" inline>
          Learn about Cross Region Restore (opens in a new tab)
        </Link>
      </MessageBarBody>
    </MessageBar>
  );
}
