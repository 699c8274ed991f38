import { Toaster } from '@fluentui/react-components';
import { act, screen } from '@testing-library/react';
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
