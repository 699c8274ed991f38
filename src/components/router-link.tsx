import { Link as FluentLink } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useHref, useLinkClickHandler, type To } from 'react-router';

export interface RouterLinkProps {
  to: To;
  children: ReactNode;
  inline?: boolean;
  'aria-label'?: string;
  className?: string;
}

/** A Fluent link that navigates inside the app (real href, so open-in-new-tab and copy work). */
export function RouterLink({ to, children, ...rest }: RouterLinkProps) {
  const href = useHref(to);
  const handleClick = useLinkClickHandler<HTMLAnchorElement>(to);
  return (
    <FluentLink {...rest} href={href} onClick={handleClick}>
      {children}
    </FluentLink>
  );
}
