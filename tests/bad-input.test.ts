import { beforeAll, describe, expect, it } from 'vitest';
import { createRouters } from '../bff/src/app.js';
import { useHarness } from './support/use-harness.js';
import { makeCommunity } from './support/factories/index.js';

/**
 * Bad input on every endpoint gets a 4xx with a machine code and a Chinese message, never a 500.
 * The table is checked against the routers themselves, so a new endpoint without cases fails here.
 */
const h = useHarness();
let token: string;
let site: Awaited<ReturnType<typeof makeCommunity>>;
const uuid = '00000000-0000-4000-8000-000000000000';

type Case = { path: string; body?: unknown; raw?: string; contentType?: string; expect?: number };
let table: Record<string, Case[]>;

beforeAll(async () => {
  token = await h.loginAs('o_bad_input');
  site = await makeCommunity(h.db, { units: 1 });
  table = {
    'GET /healthz': [],
    'POST /api/auth/login': [
      { path: '/api/auth/login', body: {} },
      { path: '/api/auth/login', body: { code: '' } },
      { path: '/api/auth/login', body: { code: 42 } },
      { path: '/api/auth/login', body: { code: 'x'.repeat(500) } },
      { path: '/api/auth/login', body: { code: 'abc', admin: true } },
      { path: '/api/auth/login', body: ['code'] },
      { path: '/api/auth/login', raw: '{"code": ' },
      { path: '/api/auth/login', raw: 'code=abc', contentType: 'application/x-www-form-urlencoded', expect: 415 },
      { path: '/api/auth/login', raw: '{"code":"abc"}', contentType: 'text/plain', expect: 415 },
      { path: '/api/auth/login', raw: JSON.stringify({ code: 'y'.repeat(300_000) }), expect: 413 },
    ],
    'POST /api/auth/logout': [],
    'POST /api/auth/phone': [
      { path: '/api/auth/phone', body: {} },
      { path: '/api/auth/phone', body: { code: null } },
    ],
    'GET /api/me': [],
    'GET /api/communities': [],
    'GET /api/communities/:communityId/buildings': [{ path: '/api/communities/not-a-uuid/buildings' }],
    'GET /api/buildings/:buildingId/units': [{ path: "/api/buildings/1'%20OR%201=1/units" }],
    'POST /api/units/bind-requests': [
      { path: '/api/units/bind-requests', body: {} },
      { path: '/api/units/bind-requests', body: { unitId: 'x', relation: 'OWNER' } },
      { path: '/api/units/bind-requests', body: { unitId: site.units[0]!.id, relation: 'LANDLORD' } },
      { path: '/api/units/bind-requests', body: { unitId: site.units[0]!.id } },
    ],
    'GET /api/units/bind-requests': [],
    'GET /api/units/:unitId/members': [{ path: '/api/units/123/members' }],
    'GET /api/staff/communities/:communityId/bind-requests': [
      { path: '/api/staff/communities/abc/bind-requests' },
      { path: `/api/staff/communities/${uuid}/bind-requests?status=ALL` },
      { path: `/api/staff/communities/${uuid}/bind-requests?limit=0` },
      { path: `/api/staff/communities/${uuid}/bind-requests?limit=many` },
      { path: `/api/staff/communities/${uuid}/bind-requests?limit=101` },
      { path: `/api/staff/communities/${uuid}/bind-requests?sort=name` },
    ],
    'POST /api/staff/bind-requests/:id/decision': [
      { path: '/api/staff/bind-requests/nope/decision', body: { decision: 'approve' } },
      { path: `/api/staff/bind-requests/${uuid}/decision`, body: { decision: 'maybe' } },
      { path: `/api/staff/bind-requests/${uuid}/decision`, body: { decision: 'reject' } },
      { path: `/api/staff/bind-requests/${uuid}/decision`, body: { decision: 'reject', reason: '   ' } },
      { path: `/api/staff/bind-requests/${uuid}/decision`, body: { decision: 'reject', reason: 'a\u0000b' } },
    ],
    'POST /api/staff/communities/:communityId/reveal': [
      { path: `/api/staff/communities/${uuid}/reveal`, body: { userId: uuid, field: 'ID_NUMBER', reason: '核实身份' } },
      { path: `/api/staff/communities/${uuid}/reveal`, body: { userId: uuid, field: 'PHONE' } },
      { path: `/api/staff/communities/${uuid}/reveal`, body: { userId: uuid, field: 'PHONE', reason: '\u200b\u200b\u200b' } },
      { path: '/api/staff/communities/x/reveal', body: { userId: uuid, field: 'PHONE', reason: '核实身份' } },
    ],
    'POST /api/uploads': [
      { path: '/api/uploads', body: { file: 'data:image/png;base64,AAAA' }, expect: 415 },
      { path: '/api/uploads', raw: '--x\r\ncontent-disposition: form-data; name="file"; filename="a.jpg"\r\n\r\nhello\r\n--x--\r\n', contentType: 'multipart/form-data; boundary=x', expect: 415 },
      { path: '/api/uploads', raw: 'garbage', contentType: 'multipart/form-data' },
      { path: '/api/uploads', raw: '--x--\r\n', contentType: 'multipart/form-data; boundary=x' },
    ],
    'GET /api/uploads/:id': [{ path: '/api/uploads/not-an-id' }],
    'GET /files/*key': [
      { path: '/files/uploads/2026-11/x.jpg?expires=1&sig=abcdefghijkl' },
      { path: '/files/uploads/..%2f..%2fetc%2fpasswd?expires=1&sig=abcdefghijkl' },
      { path: `/files/uploads/2026-11/${uuid}.jpg` },
    ],
    'GET /api/admin/jobs/failed': [{ path: '/api/admin/jobs/failed?limit=0' }, { path: '/api/admin/jobs/failed?state=all' }],
  };
});

describe('bad input', () => {
  it('has cases for every route that takes input', () => {
    const routes = createRouters(h.deps).flatMap((r) =>
      r.stack.flatMap((layer) => layer.methods.filter((m) => m !== 'HEAD').map((m) => `${m} ${layer.path}`)),
    );
    const inputless = new Set(['GET /healthz', 'POST /api/auth/logout', 'GET /api/me', 'GET /api/communities', 'GET /api/units/bind-requests']);
    for (const route of routes) {
      expect(table, `no bad-input cases for ${route}`).toHaveProperty([route]);
      if (!inputless.has(route)) expect(table[route]!.length, route).toBeGreaterThan(0);
    }
  });

  it('answers 4xx with a code and a Chinese message, never 5xx', async () => {
    for (const [route, cases] of Object.entries(table)) {
      const method = route.split(' ')[0]!;
      for (const c of cases) {
        const res = await h.call(method, c.path, {
          token,
          ...(c.raw !== undefined ? { raw: c.raw } : c.body !== undefined ? { body: c.body } : {}),
          headers: c.contentType ? { 'content-type': c.contentType } : {},
        });
        const label = `${route} ${c.path} ${JSON.stringify(c.body ?? c.raw)?.slice(0, 60)}`;
        expect(res.status, label).toBe(c.expect ?? 400);
        expect(res.body.code, label).toMatch(/^[A-Z_]+$/);
        expect(res.body.message, label).toMatch(/[\u4e00-\u9fa5]/);
      }
    }
  });

  it('answers unknown routes and wrong methods with JSON errors', async () => {
    const unknown = await h.call('GET', '/api/nothing-here', { token });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND']);
    const wrongMethod = await h.call('DELETE', '/api/me', { token });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.body.code).toMatch(/^[A-Z_]+$/);
  });
});
