import { useEffect, useRef } from 'react';
import { useLocation } from '@/lib/router';

/**
 * After a client-side navigation, screen readers hear nothing unless focus moves; move it to
 * the page heading like a full page load would. Search-param changes (filters) keep focus.
 */
export function RouteFocus() {
  const { pathname } = useLocation();
  // Comparing with the previous path (not a "first run" flag) keeps StrictMode's double effect
  // from stealing focus on the first load.
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, [pathname]);
  return null;
}
