import { describe, expect, it } from 'vitest';
import { DEMO_OPENIDS, seedDemo } from '../prisma/seed.js';
import { TEST_APPID } from './support/harness.js';
import { useHarness } from './support/use-harness.js';

const h = useHarness();

describe('demo seed', () => {
  // Seeds twice, each through the import's checks and plan (about 2 s alone; several times that on a busy machine).
  it('creates two communities with ~200 units, exact areas and every role, once', { timeout: 60_000 }, async () => {
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

  it('puts units, owners and parking in through the import, leaving no import run or audit row behind', async () => {
    await seedDemo(h.db, TEST_APPID);
    expect(await h.db.ownerRosterEntry.count()).toBe(210);
    expect(
      await h.db.ownerRosterEntry.findFirstOrThrow({
        where: { unit: { number: '101', building: { name: '1号楼' }, community: { name: '梧桐苑' } } },
        select: { name: true, phone: true, relation: true },
      }),
    ).toEqual({ name: '李强', phone: '+8613910007919', relation: 'OWNER' });
    const spaces = await h.db.parkingSpace.groupBy({ by: ['kind'], _count: true, orderBy: { kind: 'asc' } });
    expect(spaces.map((s) => [s.kind, s._count])).toEqual([
      ['OWNED', 24],
      ['RENTED', 16],
      [null, 20],
    ]);
    const p002 = await h.db.parkingSpace.findFirstOrThrow({
      where: { number: 'P002', community: { name: '梧桐苑' } },
      select: { area: true, unit: { select: { number: true, building: { select: { name: true } } } } },
    });
    expect([p002.area?.toFixed(2), p002.unit?.building.name, p002.unit?.number]).toEqual(['12.50', '1号楼', '202']);
    expect(await h.db.unit.count({ where: { areaSource: 'SURVEYED' } })).toBe(12);
    expect(await h.db.unit.count({ where: { deliveredAt: null } })).toBe(16);
    expect(
      await h.db.building.findMany({
        where: { community: { name: '梧桐苑' } },
        select: { name: true, sortOrder: true },
        orderBy: { sortOrder: 'asc' },
      }),
    ).toEqual([1, 2, 3, 4, 5].map((n) => ({ name: `${n}号楼`, sortOrder: n })));
    expect(await h.db.importRun.count()).toBe(0);
    expect(await h.db.auditEvent.count()).toBe(0);
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
