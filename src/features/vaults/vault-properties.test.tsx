import { http, HttpResponse } from 'msw';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEMO_SUBSCRIPTIONS, DEMO_VAULT_IDS } from '@/testing/demo-ids';
import { renderAppAt, setupSimulatedArm } from '@/testing/simulated-arm';
import { createBackupVaultQueries } from '@/azure/backup-vaults/queries';
import { createArmOperations } from '@/azure/operations/arm-operations';

const PROD = DEMO_SUBSCRIPTIONS.contosoProduction.subscriptionId;
const GRS_PROPERTIES = `/vaults/${PROD}/rg-contoso-backup-weu/contoso-grs-vault/properties`;

// The panel is opened from its URL (the e2e suite clicks Update). Fluent keeps drawers and dialogs
// aria-hidden until their enter motion ends, which in jsdom on a loaded machine can take seconds;
// the e2e suite checks the real accessibility tree, these tests check what is sent to Azure, so
// they find the controls including hidden nodes.
const HIDDEN = { hidden: true } as const;

async function enableInOpenPanel(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('radio', { name: 'Enable', ...HIDDEN }));
  await user.click(screen.getByRole('button', { name: 'Save', ...HIDDEN }));
  await user.click(await screen.findByRole('checkbox', { name: /I understand/, ...HIDDEN }));
  await user.click(screen.getByRole('button', { name: 'Enable Cross Region Restore', ...HIDDEN }));
}

describe('vault Properties against the simulated tenant', () => {
  const sim = setupSimulatedArm();

  it('enables Cross Region Restore with exactly one PATCH and shows the result from the cache', async () => {
    const user = userEvent.setup();
    const { queryClient } = renderAppAt(`${GRS_PROPERTIES}?panel=cross-region-restore`, sim());
    const group = await screen.findByRole('group', { name: 'Cross Region Restore' });
    await within(group).findByText('Disabled');

    await enableInOpenPanel(user);

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
      sim().arm.group(createBackupVaultQueries).queries.detail(DEMO_VAULT_IDS.contosoGrs).queryKey,
    );
    expect(cached?.properties.featureSettings?.crossRegionRestoreSettings?.state).toBe('Enabled');
  });
});

describe('a vault update whose panel is closed while it runs', () => {
  // Every wait between polls blocks until the test opens the gate, so the operation is surely
  // still running when the panel closes.
  let openGate: () => void = () => {};
  let waiting = 0;
  const gate = new Promise<void>((resolve) => {
    openGate = resolve;
  });
  const sim = setupSimulatedArm({
    // Azure asks for a wait between polls, and the client's waits are the gate above.
    timings: { retryAfterSeconds: 1 },
    arm: {
      sleep: () => {
        waiting++;
        return gate;
      },
    },
  });

  it('still shows the result and forgets the operation once Azure finishes', async () => {
    const user = userEvent.setup();
    renderAppAt(`${GRS_PROPERTIES}?panel=cross-region-restore`, sim());
    const group = await screen.findByRole('group', { name: 'Cross Region Restore' });
    await within(group).findByText('Disabled');
    await enableInOpenPanel(user);

    // Azure accepted the PATCH and the client is waiting to poll: the operation is recorded.
    await waitFor(() => expect(waiting).toBeGreaterThan(0));
    const store = sim().arm.group(createArmOperations).store;
    expect(store.get('vaultUpdate', DEMO_VAULT_IDS.contosoGrs)?.resumeToken).toEqual(expect.any(String));

    await user.click(screen.getByRole('button', { name: 'Close', ...HIDDEN }));
    expect(await screen.findByText('Cross Region Restore is being enabled')).toBeInTheDocument();

    openGate();
    expect(await screen.findByText('Cross Region Restore is enabled')).toBeInTheDocument();
    await waitFor(() => expect(within(group).getByText('Enabled')).toBeInTheDocument());
    expect(store.get('vaultUpdate', DEMO_VAULT_IDS.contosoGrs)).toBeUndefined();
    const patches = (await sim().recorder.exchanges()).filter((e) => e.method === 'PATCH');
    expect(patches).toHaveLength(1);
  });
});

describe('a vault body without an id', () => {
  const sim = setupSimulatedArm();

  const serveVaultWithoutId = () => {
    const vaultUrl = `https://management.azure.com${DEMO_VAULT_IDS.contosoGrs}`;
    sim().server.server.use(
      http.get(vaultUrl, () =>
        HttpResponse.json({
          name: 'contoso-grs-vault',
          type: 'Microsoft.DataProtection/backupVaults',
          location: 'westeurope',
          properties: {
            storageSettings: [{ datastoreType: 'VaultStore', type: 'GeoRedundant' }],
            featureSettings: { crossRegionRestoreSettings: { state: 'Disabled' } },
            provisioningState: 'Succeeded',
          },
        }),
      ),
    );
  };

  it('renders Overview from the id in the URL', async () => {
    serveVaultWithoutId();
    renderAppAt(GRS_PROPERTIES.replace('/properties', ''), sim());
    expect(await screen.findByRole('heading', { name: 'Essentials' })).toBeInTheDocument();
    expect(screen.getByText('rg-contoso-backup-weu')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('renders Properties from the id in the URL', async () => {
    serveVaultWithoutId();
    renderAppAt(GRS_PROPERTIES, sim());
    const group = await screen.findByRole('group', { name: 'Cross Region Restore' });
    expect(await within(group).findByText('Disabled')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
