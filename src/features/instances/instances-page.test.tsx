import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderAppAt, setupSimulatedArm, type SimulatedArm } from '@/testing/simulated-arm';
import { tenantWithoutVaults } from '@/testing/tenants';

/** Grid queries (not counts) the page sent to Resource Graph so far. */
async function gridQueries(sim: SimulatedArm): Promise<string[]> {
  return (await sim.recorder.exchanges())
    .filter((e) => e.url.includes('/providers/Microsoft.ResourceGraph/resources'))
    .map((e) => (e.requestBody as { query: string }).query)
    .filter((q) => q.includes('| project id, location'));
}

describe('Backup instances page: what re-queries and what does not', () => {
  const sim = setupSimulatedArm();

  it('searching filters the loaded rows without a query; a server-side filter change re-queries', async () => {
    const { tenant } = sim().server;
    const total = [...tenant.vaults.values()].reduce((n, v) => n + tenant.listInstances(v).length, 0);
    const { router } = renderAppAt('/instances', sim());
    // The first render loads subscriptions, then Resource Graph: slow on a loaded 2-core machine.
    expect(await screen.findByText(`${total} backup instances`, {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(await gridQueries(sim())).toHaveLength(1);

    fireEvent.change(screen.getByRole('textbox', { name: 'Search' }), { target: { value: 'orders' } });
    expect(await screen.findByText(`2 of ${total} backup instances`)).toBeInTheDocument();
    expect(await gridQueries(sim())).toHaveLength(1);

    act(() => router.navigate('/instances?region=secondary&q=orders'));
    expect(await screen.findByText('1 of 5 backup instances')).toBeInTheDocument();
    const queries = await gridQueries(sim());
    expect(queries).toHaveLength(2);
    expect(queries[1]).toContain(
      'isnotempty(properties.backupInstanceExtendedProperties.protectedSecondaryRegion)',
    );
    // Nothing of the search text reaches Resource Graph.
    expect(queries.join('\n')).not.toContain('orders');
  }, 30_000);

  it('nothing matching the filters offers Clear all', async () => {
    renderAppAt('/instances?type=Microsoft.Compute%2Fdisks', sim());
    expect(
      await screen.findByText('No backup instance matches the filters.', {}, { timeout: 15_000 }),
    ).toBeInTheDocument();
    fireEvent.click(screen.getAllByRole('button', { name: 'Clear all' }).at(-1) as HTMLElement);
    expect(await screen.findByRole('grid', { name: 'Backup instances' })).toBeInTheDocument();
  }, 30_000);
});

describe('Backup instances page on a subscription without vaults', () => {
  const sim = setupSimulatedArm({ tenant: tenantWithoutVaults });

  it('says there are no Backup vaults', async () => {
    renderAppAt('/instances', sim());
    expect(
      await screen.findByText(
        'There are no Backup vaults in the selected subscriptions.',
        {},
        { timeout: 15_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('0 backup instances')).toBeInTheDocument();
  }, 30_000);
});
