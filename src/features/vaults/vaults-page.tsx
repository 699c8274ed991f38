import { PageHeader } from '@/components/page-header';

export function VaultsPage() {
  return (
    <>
      <PageHeader title="Backup vaults" description="Every Backup vault in the selected subscriptions." />
    </>
  );
}
