import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEMO_SUBSCRIPTIONS, DEMO_VAULT_IDS } from '@/testing/demo-ids';
import { renderAppAt, setupSimulatedArm } from '@/testing/simulated-arm';

const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const GRS_PROPERTIES = `/vaults/${PROD}/rg-contoso-backup-weu/contoso-grs-vault/properties`;

describe('vault Properties against the simulated tenant', () => {
  const sim = setupSimulatedArm();

  it('enables Cross Region Restore with exactly one PATCH and shows the result from the cache', async () => {
    const user = userEvent.setup();
    const { queryClient } = renderAppAt(GRS_PROPERTIES, sim());
    const group = await screen.findByRole('group', { name: 'Cross Region Restore' });
    await within(group).findByText('Disabled');

    await user.click(within(group).getByRole('button', { name: 'Update Cross Region Restore' }));
    const panel = await screen.findByRole('dialog', { name: 'Cross Region Restore' });
    await user.click(within(panel).getByRole('radio', { name: 'Enable' }));
    await user.click(within(panel).getByRole('button', { name: 'Save' }));
    const confirm = await screen.findByRole(
      'alertdialog',
      { name: 'Enable Cross Region Restore?' },
      { timeout: 5000 },
    );
    await user.click(within(confirm).getByRole('checkbox', { name: /I understand/ }));
    await user.click(within(confirm).getByRole('button', { name: 'Enable Cross Region Restore' }));

    expect(
      await screen.findByText('Cross Region Restore is enabled', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    await waitFor(() => expect(within(group).getByText('Enabled')).toBeInTheDocument());

    const exchanges = await sim().recorder.exchanges();
    const patches = exchanges.filter((e) => e.method === 'PATCH');
    expect(patches).toHaveLength(1);
    expect(patches[0]?.requestBody).toEqual({
      properties: { featureSettings: { crossRegionRestoreSettings: { state: 'Enabled' } } },
    });
    // Azure's model changed, and the cache holds the operation's final vault.
    expect(sim().server.tenant.getVaultById(DEMO_VAULT_IDS.contosoGrs)?.crrState).toBe('Enabled');
    const cached = queryClient.getQueryData(
      sim().arm.backupVaults.queries.detail(DEMO_VAULT_IDS.contosoGrs).queryKey,
    );
    expect(cached?.properties.featureSettings?.crossRegionRestoreSettings?.state).toBe('Enabled');
  });
});
