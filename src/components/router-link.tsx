import { BreadcrumbButton, Button, Link as FluentLink, type ButtonProps } from '@fluentui/react-components';
import type { MouseEvent, ReactNode } from 'react';
import { useHref, useLinkClickHandler, type To } from 'react-router';

/**
 * The one way an element becomes an in-app link: a real href (so open-in-new-tab and copy link
 * work, and support staff can paste it) and a click handler that navigates without a reload.
 */
function useRouterLink(to: To): { href: string; onClick: (event: MouseEvent<HTMLAnchorElement>) => void } {
  return { href: useHref(to), onClick: useLinkClickHandler<HTMLAnchorElement>(to) };
}

export interface RouterLinkProps {
  to: To;
  children: ReactNode;
  inline?: boolean;
  'aria-label'?: string;
  className?: string;
  /** -1 inside a grid row, which holds the one tab stop and opens the link with Enter. */
  tabIndex?: number;
}

/** A Fluent link that navigates inside the app. */
export function RouterLink({ to, children, ...rest }: RouterLinkProps) {
  return (
    <FluentLink {...rest} {...useRouterLink(to)}>
      {children}
    </FluentLink>
  );
}

/** A Fluent breadcrumb entry that navigates inside the app. */
export function RouterBreadcrumbLink({ to, children }: { to: To; children: ReactNode }) {
  return (
    <BreadcrumbButton as="a" {...useRouterLink(to)}>
      {children}
    </BreadcrumbButton>
  );
}

/** A Fluent button that is an in-app link (a page's main action, e.g. Restore to secondary region). */
export function RouterButtonLink({
  to,
  children,
  appearance,
  icon,
}: {
  to: To;
  children: ReactNode;
  appearance?: ButtonProps['appearance'];
  icon?: ButtonProps['icon'];
}) {
  return (
    <Button as="a" appearance={appearance} icon={icon} {...useRouterLink(to)}>
      {children}
    </Button>
  );
}
