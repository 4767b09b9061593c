import { describe, expect, it } from 'vitest';
import { DEMO_OPENIDS, seedDemo } from '../prisma/seed.js';
import { TEST_APPID } from './support/harness.js';
import { useHarness } from './support/use-harness.js';

const h = useHarness();

describe('demo seed', () => {
  it('creates two communities with ~200 units, exact areas and every role, once', async () => {
    const first = await seedDemo(h.db, TEST_APPID);
    expect(first.created).toBe(true);
    expect(first.communities.map((c) => c.units).reduce((a, b) => a + b)).toBe(200);
    const again = await seedDemo(h.db, TEST_APPID);
    expect(again.created).toBe(false);
    expect(await h.db.unit.count()).toBe(200);

    const unit = await h.db.unit.findFirstOrThrow({
      where: { building: { name: '1号楼' }, number: '101', community: { name: '梧桐苑' } },
    });
    expect(unit.buildingArea.toString()).toBe('89.72'); // 8956 + 13 + 3 hundredths
    expect(unit.exclusiveArea.toString()).toBe('73.57'); // round(8972 × 0.82) hundredths
  });

  it('lets every demo user log in, with the roles the closing note promises', async () => {
    const roles: Record<string, string[]> = {};
    for (const openid of Object.values(DEMO_OPENIDS)) {
      const me = await h.call('GET', '/api/me', { token: await h.loginAs(openid) });
      expect(me.status).toBe(200);
      roles[openid] = me.body.staff.map(
        (s: { community: { name: string }; roles: string[] }) => `${s.community.name}:${s.roles.join('+')}`,
      );
    }
    expect(roles[DEMO_OPENIDS.managerA]).toEqual(['梧桐苑:MANAGER']);
    expect(roles[DEMO_OPENIDS.technician]).toEqual(['梧桐苑:TECHNICIAN', '银杏花园:TECHNICIAN']);
    expect(roles[DEMO_OPENIDS.committee]).toEqual(['梧桐苑:COMMITTEE_MEMBER']);
    expect(roles[DEMO_OPENIDS.admin]).toEqual(['梧桐苑:COMPANY_ADMIN', '银杏花园:COMPANY_ADMIN']);
    expect(roles[DEMO_OPENIDS.owner]).toEqual([]);

    // The unbound owner is on the roster: binding is approved at once.
    const token = await h.loginAs(DEMO_OPENIDS.ownerUnbound);
    const me = await h.call('GET', '/api/me', { token });
    const roster = await h.db.ownerRosterEntry.findFirstOrThrow({ where: { phone: me.body.phone } });
    const bound = await h.call('POST', '/api/units/bind-requests', {
      token,
      body: { unitId: roster.unitId, relation: 'OWNER' },
    });
    expect(bound.body.status).toBe('VERIFIED');
  });
});
