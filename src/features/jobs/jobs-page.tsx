import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { PageHeader } from '@/components/page-header';

export function JobsPage() {
  return (
    <>
      <PageHeader
        title="Backup jobs"
        description="Backup and restore jobs in the primary and the secondary region, updated live."
      />
      <MessageBar intent="info">
        <MessageBarBody>
          <MessageBarTitle>Not available yet</MessageBarTitle>
          The job monitor for both regions is being built.
        </MessageBarBody>
      </MessageBar>
    </>
  );
}
