import { createContext, useCallback, useContext, useMemo, type MouseEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { parse } from 'regexparam';
import {
  matchRoute,
  useLocation as useWouterLocation,
  useParams as useWouterParams,
  useRouter,
  useSearch,
} from 'wouter';

// The app's one routing module. Pages and components import routing from here, never from the
// router library: wouter (about 2 kB) replaced React Router (about 28 kB gzip on the first paint)
// for the little routing the app does, and this module keeps what the pages relied on: decoded
// params, a page's code loaded before the app leaves the current page, links with real hrefs.

export { useSearchParams } from 'wouter';

/**
 * Loads the code of the page at a path; `undefined` once it is loaded. Provided by the app's
 * routes (`src/app/router.tsx`); the default knows no pages.
 */
export type PagePreload = (path: string) => Promise<unknown> | undefined;

export const PagePreloadContext = createContext<PagePreload>(() => undefined);

export interface NavigateOptions {
  /** Replace the current history entry (filters as the user types), instead of adding one. */
  replace?: boolean;
  /** Commit the new page before returning (e.g. before the account scope changes). */
  flushSync?: boolean;
}

export type Navigate = (to: string, options?: NavigateOptions) => Promise<void>;

const NavigateContext = createContext<Navigate | null>(null);

/**
 * Provides the app's one navigate function (inside the router, above every link). Links and
 * pages read it from context: a grid draws thousands of links, and each would otherwise subscribe
 * to the URL only to get a function that never changes.
 */
export function NavigationProvider({ children }: { children: ReactNode }) {
  const [, navigate] = useWouterLocation();
  const preload = useContext(PagePreloadContext);
  const go = useCallback<Navigate>(
    async (to, options = {}) => {
      const loading = preload(pathOf(to));
      // A page whose code failed to load still opens: its route shows the failure and a retry.
      if (loading) await loading.catch(() => undefined);
      const move = () => navigate(to, { replace: options.replace ?? false });
      if (options.flushSync) flushSync(move);
      else move();
    },
    [navigate, preload],
  );
  return <NavigateContext.Provider value={go}>{children}</NavigateContext.Provider>;
}

/**
 * Navigates within the app. The next page's code is fetched first, so the current page stays on
 * screen (and keeps focus) until the next one can render, as with a full page load.
 */
export function useNavigate(): Navigate {
  const navigate = useContext(NavigateContext);
  if (!navigate)
    throw new Error('useNavigate needs the app router (AppRouterProvider in src/app/router.tsx).');
  return navigate;
}

/** The current path within the app (without the deployment's base path) and query string. */
export function useLocation(): { pathname: string; search: string } {
  const [pathname] = useWouterLocation();
  const search = useSearch();
  return { pathname, search: search ? `?${search}` : '' };
}

/** The current route's parameters, decoded (resource names may contain escaped characters). */
export function useParams(): Readonly<Record<string, string | undefined>> {
  const raw = useWouterParams<Record<string, string | undefined>>();
  return useMemo(() => decodeParams(raw), [raw]);
}

/** Matches a path against a route pattern (`/vaults/:vaultName`); decoded params, or null. */
export function matchPath(pattern: string, path: string): Record<string, string | undefined> | null {
  const [matches, params] = matchRoute(routeParser, pattern, pathOf(path));
  return matches ? decodeParams(params) : null;
}

/**
 * What makes an element an in-app link: a real href (open in a new tab and copy link work, and
 * support staff can paste it), and a click that navigates without a reload.
 */
export function useLinkProps(to: string): {
  href: string;
  onClick: (event: MouseEvent<HTMLAnchorElement>) => void;
} {
  const router = useRouter();
  const navigate = useNavigate();
  const href = router.hrefs(`${router.base}${to}`, router);
  const onClick = useCallback(
    (event: MouseEvent<HTMLAnchorElement>) => {
      const target = event.currentTarget.getAttribute('target');
      const modified = event.metaKey || event.altKey || event.ctrlKey || event.shiftKey;
      if (event.defaultPrevented || event.button !== 0 || modified || (target && target !== '_self')) return;
      event.preventDefault();
      void navigate(to);
    },
    [navigate, to],
  );
  return { href, onClick };
}

/** Whether `to` is the current page (or, unless `end`, one of its sub-pages). */
export function useIsActive(to: string, end = false): boolean {
  const { pathname } = useLocation();
  const target = pathOf(to);
  if (pathname === target) return true;
  return !end && pathname.startsWith(target.endsWith('/') ? target : `${target}/`);
}

function pathOf(to: string): string {
  return to.split(/[?#]/, 1)[0] ?? to;
}

function decodeParams(raw: Record<string, string | undefined>): Record<string, string | undefined> {
  const decoded: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(raw)) {
    // wouter also keeps positional captures under "0", "1"...: only named parameters are ours.
    if (/^\d+$/.test(key)) continue;
    decoded[key] = value === undefined ? undefined : safeDecode(value);
  }
  return decoded;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** wouter's own default parser; named here so matching outside React agrees with the routes. */
export const routeParser: Parameters<typeof matchRoute>[0] = (route, loose) => parse(route, loose);
