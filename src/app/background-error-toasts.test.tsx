import { Toaster } from '@fluentui/react-components';
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ArmError } from '@/azure/arm-error';
import { createTestQueryClient, renderWithProviders } from '@/testing/render';
import { BackgroundErrorToasts } from './background-error-toasts';

const failing = () =>
  Promise.reject(
    new ArmError({ status: 503, code: 'ServiceUnavailable', message: 'Try later', requestId: 'rid-9' }),
  );

function renderToasts() {
  const queryClient = createTestQueryClient();
  renderWithProviders(
    <>
      <Toaster toasterId="t" />
      <BackgroundErrorToasts toasterId="t" />
    </>,
    { queryClient },
  );
  return queryClient;
}

describe('background error toasts', () => {
  it('reports a failed refresh of data already on screen', async () => {
    const queryClient = renderToasts();
    queryClient.setQueryData(['vaults'], ['v1']);
    await act(() =>
      queryClient.fetchQuery({ queryKey: ['vaults'], queryFn: failing, staleTime: 0 }).catch(() => undefined),
    );
    expect(await screen.findByText('Could not refresh data from Azure')).toBeInTheDocument();
    // Fluent's live region repeats the toast's text for screen readers, hence "all".
    expect(screen.getAllByText(/ServiceUnavailable: Try later \(request id rid-9\)/).length).toBeGreaterThan(
      0,
    );
  });

  it('stays silent for a first load, which the view itself shows', async () => {
    const queryClient = renderToasts();
    await act(() => queryClient.fetchQuery({ queryKey: ['fresh'], queryFn: failing }).catch(() => undefined));
    expect(screen.queryByText('Could not refresh data from Azure')).not.toBeInTheDocument();
  });
});

describe('background error toasts while polling', () => {
  const ok = () => Promise.resolve(['v2']);
  const refresh = (queryClient: ReturnType<typeof renderToasts>, key: string, fn: () => Promise<unknown>) =>
    act(() => queryClient.fetchQuery({ queryKey: [key], queryFn: fn, staleTime: 0 }).catch(() => undefined));
  const toastCount = () => screen.queryAllByText('Could not refresh data from Azure').length;

  it('shows one toast for repeated failed refreshes, of one query or several', async () => {
    const queryClient = renderToasts();
    queryClient.setQueryData(['jobs-a'], ['v1']);
    queryClient.setQueryData(['jobs-b'], ['v1']);
    for (let poll = 0; poll < 4; poll++) {
      await refresh(queryClient, 'jobs-a', failing);
      await refresh(queryClient, 'jobs-b', failing);
    }
    expect(await screen.findByText('Could not refresh data from Azure')).toBeInTheDocument();
    expect(toastCount()).toBe(1);
  });

  it('a query that keeps failing is not reported again because another one recovered', async () => {
    const queryClient = renderToasts();
    queryClient.setQueryData(['jobs-a'], ['v1']);
    queryClient.setQueryData(['jobs-b'], ['v1']);
    await refresh(queryClient, 'jobs-a', failing);
    await screen.findByText('Could not refresh data from Azure');
    for (let poll = 0; poll < 3; poll++) {
      await refresh(queryClient, 'jobs-b', ok);
      await refresh(queryClient, 'jobs-a', failing);
    }
    expect(toastCount()).toBe(1);
  });

  it('reports again once refreshes had recovered and then fail anew', async () => {
    const queryClient = renderToasts();
    queryClient.setQueryData(['jobs-a'], ['v1']);
    await refresh(queryClient, 'jobs-a', failing);
    await screen.findByText('Could not refresh data from Azure');
    await refresh(queryClient, 'jobs-a', ok);
    await refresh(queryClient, 'jobs-a', failing);
    await refresh(queryClient, 'jobs-a', failing);
    await waitFor(() => expect(toastCount()).toBe(2));
  });
});
