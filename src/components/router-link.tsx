import { Button, Link as FluentLink, type ButtonProps } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useIsActive, useLinkProps } from '@/lib/router';

export interface RouterLinkProps {
  to: string;
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
    <FluentLink {...rest} {...useLinkProps(to)}>
      {children}
    </FluentLink>
  );
}

/** A Fluent button that is an in-app link (a page's main action, e.g. Restore to secondary region). */
export function RouterButtonLink({
  to,
  children,
  appearance,
  icon,
}: {
  to: string;
  children: ReactNode;
  appearance?: ButtonProps['appearance'];
  icon?: ButtonProps['icon'];
}) {
  return (
    <Button as="a" appearance={appearance} icon={icon} {...useLinkProps(to)}>
      {children}
    </Button>
  );
}

/**
 * A navigation entry: a plain link styled by whether it is the current page, which it announces
 * with `aria-current="page"`. `end`: only the exact path counts, not its sub-pages.
 */
export function NavLink({
  to,
  end = false,
  className,
  children,
}: {
  to: string;
  end?: boolean;
  className: (state: { isActive: boolean }) => string;
  children: ReactNode;
}) {
  const isActive = useIsActive(to, end);
  return (
    <a {...useLinkProps(to)} className={className({ isActive })} aria-current={isActive ? 'page' : undefined}>
      {children}
    </a>
  );
}
