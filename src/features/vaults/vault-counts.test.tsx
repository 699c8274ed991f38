import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderAppAt, setupSimulatedArm } from '@/testing/simulated-arm';

describe('Backup vaults grid: instance counts', () => {
  // Enough vaults that per-vault paging would show: 2,000 generated instances in 10 vaults.
  const sim = setupSimulatedArm({ scale: 2000, pageSizes: { instances: 50 } });

  it('come from one Resource Graph summarize query, not from paging through each vault’s instances', async () => {
    const { tenant } = sim().server;
    const subscriptions = tenant.listSubscriptions().map((s) => s.subscriptionId);
    renderAppAt(`/vaults?subscriptions=${subscriptions.join(',')}`, sim());

    const grid = await screen.findByRole('grid', { name: 'Backup vaults' }, { timeout: 15_000 });
    const vaults = [...tenant.vaults.values()];
    expect(vaults.length).toBeGreaterThan(10);
    for (const vault of vaults) {
      const link = await within(grid).findByRole('link', { name: vault.name });
      const row = link.closest('[role="row"]') as HTMLElement;
      const cells = within(row).getAllByRole('gridcell');
      await waitFor(() =>
        expect(cells.at(-1)).toHaveTextContent(new RegExp(`^${tenant.listInstances(vault).length}$`)),
      );
    }

    const exchanges = await sim().recorder.exchanges();
    const graph = exchanges.filter((e) => e.url.includes('/providers/Microsoft.ResourceGraph/resources'));
    expect(graph).toHaveLength(1);
    expect((graph[0]?.requestBody as { query: string }).query).toContain('summarize count() by vaultId');
    expect(
      exchanges.filter((e) => /\/backupInstances(\?|$)/.test(new URL(e.url).pathname + '?')),
    ).toHaveLength(0);
  }, 30_000);
});
