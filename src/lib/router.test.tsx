import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Route, Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { ReactNode } from 'react';
import {
  NavigationProvider,
  PagePreloadContext,
  routeParser,
  useLinkProps,
  useLocation,
  useParams,
  type PagePreload,
} from './router';

function renderAt(path: string, ui: ReactNode, preload: PagePreload = () => undefined, base = '') {
  const memory = memoryLocation({ path, record: true });
  render(
    <Router hook={memory.hook} searchHook={memory.searchHook} parser={routeParser} base={base}>
      <PagePreloadContext.Provider value={preload}>
        <NavigationProvider>{ui}</NavigationProvider>
      </PagePreloadContext.Provider>
    </Router>,
  );
  return memory;
}

function Params() {
  const params = useParams();
  return <output>{JSON.stringify(params)}</output>;
}

function Where() {
  const { pathname, search } = useLocation();
  return <p>at {`${pathname}${search}`}</p>;
}

function Go({ to }: { to: string }) {
  return <a {...useLinkProps(to)}>go</a>;
}

describe('the routing module', () => {
  it('decodes route parameters (resource names may hold escaped characters) and keeps only named ones', () => {
    renderAt(
      '/vaults/rg%20one(1)/v%2F1',
      <Route path="/vaults/:resourceGroupName/:vaultName">
        <Params />
      </Route>,
    );
    expect(JSON.parse(screen.getByRole('status').textContent ?? '')).toEqual({
      resourceGroupName: 'rg one(1)',
      vaultName: 'v/1',
    });
  });

  it("a link has the deployment's base in its href and navigates without it", async () => {
    const memory = renderAt(
      '/vaults',
      <>
        <Go to="/jobs?region=secondary" />
        <Where />
      </>,
      () => undefined,
      '/portal',
    );
    expect(screen.getByRole('link', { name: 'go' })).toHaveAttribute('href', '/portal/jobs?region=secondary');
    await userEvent.click(screen.getByRole('link', { name: 'go' }));
    expect(memory.history.at(-1)).toBe('/portal/jobs?region=secondary');
  });

  it("fetches the next page's code before leaving the current page", async () => {
    let finish: () => void = () => undefined;
    const asked: string[] = [];
    const preload: PagePreload = (path) => {
      asked.push(path);
      return new Promise<void>((resolve) => (finish = resolve));
    };
    renderAt(
      '/vaults',
      <>
        <Go to="/jobs?status=Failed" />
        <Where />
      </>,
      preload,
    );
    await userEvent.click(screen.getByRole('link', { name: 'go' }));
    expect(asked).toEqual(['/jobs']);
    // Still on the current page while the next page's code loads.
    expect(screen.getByText('at /vaults')).toBeInTheDocument();
    await act(() => {
      finish();
      return Promise.resolve();
    });
    expect(await screen.findByText('at /jobs?status=Failed')).toBeInTheDocument();
  });
});
