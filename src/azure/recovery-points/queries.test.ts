import { QueryClient } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createArm } from '../arm';
import { DemoCredential } from '../credentials';
import { createPendingOperationStore, memoryStorage } from '../operations/pending-operations';
import { ARM, SUB, installMswServer } from '../test-utils';
import { createRecoveryPointQueries } from './queries';

const server = installMswServer();
const RG = `/subscriptions/${SUB}/resourceGroups/rg1/providers/Microsoft.DataProtection`;
const INSTANCE = `${RG}/backupVaults/v1/backupInstances/pg-orders`;
const point = (name: string, time: string) => ({
  name,
  properties: { objectType: 'AzureBackupDiscreteRecoveryPoint', recoveryPointTime: time },
});

describe('secondary recovery points in a time window', () => {
  it('sends the window as $filter and applies it to the answer too, since the service may ignore it', async () => {
    const seen: string[] = [];
    server.use(
      http.post(`${ARM}${RG}/locations/westus/fetchSecondaryRecoveryPoints`, ({ request }) => {
        seen.push(new URL(request.url).searchParams.get('$filter') ?? '');
        // This answer ignores the filter, as the CLI's users found the secondary list does.
        return HttpResponse.json({
          value: [
            point('before', '2025-10-31T23:00:00Z'),
            point('inside', '2025-11-02T10:00:00Z'),
            point('after', '2025-11-05T00:00:01Z'),
          ],
        });
      }),
    );
    const arm = createArm({
      credential: new DemoCredential(),
      sleep: () => Promise.resolve(),
      pendingOperations: createPendingOperationStore({ storage: memoryStorage() }),
    });
    const points = await new QueryClient().fetchQuery(
      arm
        .group(createRecoveryPointQueries)
        .queries.secondary(
          INSTANCE,
          { sourceRegion: 'eastus', secondaryRegion: 'westus' },
          { from: '2025-11-01T00:00:00Z', to: '2025-11-05T00:00:00Z' },
        ),
    );
    expect(points.map((p) => p.name)).toEqual(['inside']);
    expect(seen).toEqual([
      "startDate eq '2025-11-01T00:00:00.000Z' and endDate eq '2025-11-05T00:00:00.000Z'",
    ]);
  });
});
