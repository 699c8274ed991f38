import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { DEMO_SUBSCRIPTIONS } from '@/testing/demo-ids';
import { renderAppAt, setupSimulatedArm } from '@/testing/simulated-arm';

const DEV = DEMO_SUBSCRIPTIONS.contosoDevTest;

describe('Backup vaults page: subscription ids are compared case-insensitively', () => {
  const sim = setupSimulatedArm();

  it('names a subscription whose vaults failed even when the link spells its id in upper case', async () => {
    sim().server.server.use(
      http.get(
        `https://management.azure.com/subscriptions/:sub/providers/Microsoft.DataProtection/backupVaults`,
        () =>
          HttpResponse.json(
            { error: { code: 'AuthorizationFailed', message: 'The client does not have authorization.' } },
            { status: 403, headers: { 'x-ms-request-id': 'req-403' } },
          ),
      ),
    );
    renderAppAt(`/vaults?subscriptions=${DEV.subscriptionId.toUpperCase()}`, sim());
    expect(
      await screen.findByText(`Backup vaults of ${DEV.displayName} could not be loaded`),
    ).toBeInTheDocument();
  });
});
