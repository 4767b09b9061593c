import { describe, expect, it } from 'vitest';
import { useHarness } from './support/use-harness.js';
import { resident, staff } from './support/actors.js';
import { makeCommunity } from './support/factories/index.js';

/** With REDIS_URL=memory:// (no Redis at all) a single BFF still works and says so in /healthz. */
const h = useHarness({ env: { REDIS_URL: 'memory://' } });

describe('in-process Redis fallback', () => {
  it('reports its mode and keeps sessions and the token cache working', async () => {
    const health = await h.call('GET', '/healthz');
    expect(health.body).toEqual({ ok: true, db: 'ok', redis: 'ok', redisMode: 'memory' });
    const token = await h.loginAs('o_fallback');
    await h.bindPhone(token, '13511112222');
    expect((await h.call('GET', '/api/me', { token })).body.phone).toBe('+8613511112222');
  });

  it('serves the resident notice list, whose Redis reads are Lua scripts', async () => {
    const site = await makeCommunity(h.db, { units: 1 });
    const manager = await staff(h, 'MANAGER', { id: site.community.id, companyId: site.companyId });
    const owner = await resident(h, site.units[0]!);
    const { body } = await manager.call('POST', '/api/staff/notices', {
      body: { title: '停水通知', body: '<p>明日停水</p>', category: 'OUTAGE', communityIds: [site.community.id] },
    });
    await manager.call('POST', `/api/staff/notices/${body.id}/publish`);
    const list = async () => (await owner.call('GET', `/api/notices?communityId=${site.community.id}`)).body;
    expect(await list()).toMatchObject({ total: 1, items: [{ id: body.id, read: false }] });
    await owner.call('GET', `/api/notices/${body.id}`);
    expect(await list()).toMatchObject({ total: 1, items: [{ id: body.id, read: true }] });
  });
});
