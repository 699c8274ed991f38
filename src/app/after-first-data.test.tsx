import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createTestQueryClient } from '@/testing/render';
import { AfterFirstData } from './after-first-data';

function Page({ release }: { release: Promise<string> }) {
  // The key names the one answer this test gives.
  const query = useQuery({ queryKey: ['first', release], queryFn: () => release });
  return <p>{query.data ?? 'loading'}</p>;
}

describe('AfterFirstData', () => {
  it("waits for the page's first loads before rendering what the first data row does not need", async () => {
    let answer: (value: string) => void = () => undefined;
    const release = new Promise<string>((resolve) => (answer = resolve));
    render(
      <QueryClientProvider client={createTestQueryClient()}>
        <Page release={release} />
        <AfterFirstData fallback={<span>account name</span>}>
          <span>account menu</span>
        </AfterFirstData>
      </QueryClientProvider>,
    );
    expect(screen.getByText('account name')).toBeInTheDocument();
    // Nothing settles for a while: still the fallback (the 3 s fallback timer has not run).
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(screen.queryByText('account menu')).toBeNull();
    answer('first row');
    expect(await screen.findByText('first row')).toBeInTheDocument();
    expect(await screen.findByText('account menu')).toBeInTheDocument();
  });
});
