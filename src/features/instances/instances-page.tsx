import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { PageHeader } from '@/components/page-header';

export function InstancesPage() {
  return (
    <>
      <PageHeader
        title="Backup instances"
        description="Backup instances of every vault, filterable by datasource type and Instance Region (primary or secondary)."
      />
      <MessageBar intent="info">
        <MessageBarBody>
          <MessageBarTitle>Not available yet</MessageBarTitle>
          The backup instances grid is being built. Open a vault from Backup vaults to see its settings in the
          meantime.
        </MessageBarBody>
      </MessageBar>
    </>
  );
}
