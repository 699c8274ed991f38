import { QueryClient } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createArm } from '../arm';
import { DemoCredential } from '../credentials';
import { ARM, installMswServer } from '../test-utils';
import { tenantLabel } from './queries';
import type { Tenant } from './types';
import { createTenantQueries } from './queries';

const server = installMswServer();

const CONTOSO: Tenant = {
  id: '/tenants/72f988bf-86f1-41af-91ab-2d7cd011db47',
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  tenantCategory: 'Home',
  displayName: 'Contoso',
  defaultDomain: 'contoso.onmicrosoft.com',
};
const FABRIKAM: Tenant = {
  id: '/tenants/b7c3e1d9-2f4a-4b6c-8d0e-1a2b3c4d5e6f',
  tenantId: 'b7c3e1d9-2f4a-4b6c-8d0e-1a2b3c4d5e6f',
  tenantCategory: 'ProjectedBy',
  displayName: null,
  defaultDomain: 'fabrikam.onmicrosoft.com',
};

describe('tenant queries', () => {
  it('lists every page of GET /tenants with the Resources api-version and a bearer token', async () => {
    const seen: { url: string; auth: string | null }[] = [];
    server.use(
      http.get(`${ARM}/tenants`, ({ request }) => {
        seen.push({ url: request.url, auth: request.headers.get('authorization') });
        const url = new URL(request.url);
        return url.searchParams.get('$skiptoken')
          ? HttpResponse.json({ value: [FABRIKAM] })
          : HttpResponse.json({
              value: [CONTOSO],
              nextLink: `${ARM}/tenants?api-version=2022-12-01&$skiptoken=2`,
            });
      }),
    );
    const arm = createArm({ credential: new DemoCredential() });
    const tenants = await new QueryClient().fetchQuery(arm.group(createTenantQueries).queries.list());
    expect(tenants.map((t) => t.tenantId)).toEqual([CONTOSO.tenantId, FABRIKAM.tenantId]);
    expect(seen.map((s) => s.url)).toEqual([
      `${ARM}/tenants?api-version=2022-12-01`,
      `${ARM}/tenants?api-version=2022-12-01&$skiptoken=2`,
    ]);
    expect(seen.every((s) => s.auth === 'Bearer demo-token-1')).toBe(true);
    expect(arm.group(createTenantQueries).queries.list().queryKey).toEqual(['arm', 'tenants']);
  });

  it('names a tenant by display name, then default domain, then id', () => {
    expect(tenantLabel(CONTOSO, 'x')).toBe('Contoso');
    expect(tenantLabel(FABRIKAM, 'x')).toBe('fabrikam.onmicrosoft.com');
    expect(tenantLabel(undefined, 'b7c3e1d9')).toBe('b7c3e1d9');
  });
});
