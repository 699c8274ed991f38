import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { instancePath } from '@/lib/app-paths';
import { http, HttpResponse } from 'msw';
import { DEMO_INSTANCE_IDS, DEMO_RESTORE_TARGETS, demoCrossRegionRestoreInput } from '@/testing/demo-ids';
import { renderAppAt, setupSimulatedArm } from '@/testing/simulated-arm';
import { createArmOperations } from '@/azure/operations/arm-operations';

describe('a restore whose answer never arrived, which Azure did start', () => {
  const sim = setupSimulatedArm();

  it('finds the job among the Secondary Region restore jobs and follows it, without sending anything', async () => {
    const user = userEvent.setup();
    const { server, arm } = sim();
    const sentAt = server.clock.now();
    arm.group(createArmOperations).store.put({
      kind: 'crossRegionRestore',
      resourceId: DEMO_INSTANCE_IDS.ordersDb,
      startedAt: new Date(sentAt).toISOString(),
    });
    // The POST reached Azure before the tab lost it: a restore job exists.
    const op = server.tenant.triggerCrossRegionRestore(
      demoCrossRegionRestoreInput(server.tenant, 'orders-db-lost'),
    );
    server.advance(server.tenant.timings.crrTriggerMs + 1000);

    renderAppAt(instancePath(DEMO_INSTANCE_IDS.ordersDb, 'restore'), sim());
    expect(
      await screen.findByText("The restore was sent, but Azure's answer never arrived"),
    ).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Follow this restore' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Restore submitted' })).toBeInTheDocument();
    expect(screen.getByText(new RegExp(`as job ${op.jobId?.split('/').pop() ?? 'x'}`))).toBeInTheDocument();
    await waitFor(() => expect(arm.group(createArmOperations).store.list()).toEqual([]));
    const posts = await sim().recorder.exchanges();
    expect(posts.filter((e) => e.method === 'POST' && /\/crossRegionRestore\?/.test(e.url))).toEqual([]);
  });
});

describe('a restore whose request failed in transit (a timeout, a dropped connection)', () => {
  const sim = setupSimulatedArm();

  it('is not offered again: the page says it may have started, and no second request leaves', async () => {
    const user = userEvent.setup();
    let posts = 0;
    sim().server.server.use(
      http.post(/\/locations\/westus\/crossRegionRestore$/, () => {
        posts++;
        return HttpResponse.error();
      }),
    );
    const query = new URLSearchParams({
      step: 'review',
      server: DEMO_RESTORE_TARGETS.pgServerId,
      db: 'orders-db-timeout',
      kv: DEMO_RESTORE_TARGETS.keyVaultId,
      secret: 'pg-admin-credentials',
    });
    renderAppAt(`${instancePath(DEMO_INSTANCE_IDS.ordersDb, 'restore')}?${query.toString()}`, sim());
    const validate = await screen.findByRole('button', { name: 'Validate' }, { timeout: 15_000 });
    await waitFor(() => expect(validate).toBeEnabled(), { timeout: 15_000 });
    await user.click(validate);
    await screen.findByText('Validation succeeded', {}, { timeout: 15_000 });
    await user.click(screen.getByRole('button', { name: 'Restore' }));

    expect(
      await screen.findByText(
        "The restore was sent, but Azure's answer never arrived",
        {},
        { timeout: 15_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Restore' })).toBeNull();
    expect(posts).toBe(1);
    expect(
      sim()
        .arm.group(createArmOperations)
        .store.list()
        .map((o) => o.resumeToken),
    ).toEqual([undefined]);
  });
});
