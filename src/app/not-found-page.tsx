import { Text } from '@fluentui/react-components';
import { useLocation } from '@/lib/router';
import { RouterLink } from '@/components/router-link';
import { PageHeader } from '@/components/page-header';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <>
      <PageHeader title="Page not found" />
      <Text as="p">
        There is no page at <code>{pathname}</code>. The link may be mistyped or out of date.
      </Text>
      <Text as="p">
        <RouterLink to="/">Go to Overview</RouterLink>
      </Text>
    </>
  );
}
