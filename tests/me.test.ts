import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from './support/use-harness.js';
import { resident } from './support/actors.js';
import { grantRole, makeCommunity } from './support/factories/index.js';

/** GET /api/me: what the app reads at every start to choose its home page and the user's units. */
const h = useHarness();
let home: Awaited<ReturnType<typeof makeCommunity>>;
let work: Awaited<ReturnType<typeof makeCommunity>>;

beforeAll(async () => {
  home = await makeCommunity(h.db, { units: 2 });
  work = await makeCommunity(h.db, { units: 1 });
});

describe('GET /api/me', () => {
  it('lists the units in the order asked for, with building and community, and the roles per community', async () => {
    const me = await resident(h, home.units[0]!, { name: '王芳' });
    const later = await me.call('POST', '/api/units/bind-requests', {
      body: { unitId: home.units[1]!.id, relation: 'TENANT' },
    });
    expect(later.status).toBe(201);
    await grantRole(h.db, me.userId, work.companyId, 'CASHIER', work.community.id, false);
    const memberships = await h.db.unitMembership.findMany({
      where: { userId: me.userId },
      orderBy: { requestedAt: 'asc' },
    });

    const res = await me.call('GET', '/api/me');
    expect(res.status).toBe(200);
    const place = (unit: { id: string; number: string }) => ({
      unitId: unit.id,
      number: unit.number,
      building: { id: home.building.id, name: home.building.name },
      // The test community is not in Shanghai and has no duty line set: nothing to call but the app's own way.
      community: {
        id: home.community.id,
        name: home.community.name,
        dutyPhone: null,
        officeHours: null,
        cityHotline: null,
      },
    });
    expect(res.body).toEqual({
      id: me.userId,
      name: '王芳',
      phone: me.phone,
      hasPhone: true,
      desk: false,
      units: [
        { membershipId: memberships[0]!.id, ...place(home.units[0]!), relation: 'OWNER', status: 'VERIFIED' },
        { membershipId: memberships[1]!.id, ...place(home.units[1]!), relation: 'TENANT', status: 'PENDING' },
      ],
      staff: [
        { community: { id: work.community.id, name: work.community.name }, roles: ['CASHIER'], canRevealPii: false },
      ],
    });
  });

  it("names a community's duty phone and office hours, and Shanghai's 962121 for a community in Shanghai", async () => {
    const sh = await makeCommunity(h.db, { units: 1 });
    await h.db.community.update({
      where: { id: sh.community.id },
      data: { address: '上海市徐汇区测试路1号', dutyPhone: '021-64380000', officeHours: '8:30–17:30' },
    });
    const me = await resident(h, sh.units[0]!);
    const res = await me.call('GET', '/api/me');
    expect(res.body.units[0].community).toEqual({
      id: sh.community.id,
      name: sh.community.name,
      dutyPhone: '021-64380000',
      officeHours: '8:30–17:30',
      cityHotline: '962121',
    });
  });

  it('a session whose user no longer exists is a dead session, not a server error', async () => {
    const token = await h.deps.sessions.create({ userId: randomUUID(), openid: 'o_gone' }, 'sk');
    const res = await h.call('GET', '/api/me', { token });
    expect([res.status, res.body.code]).toEqual([401, 'SESSION_EXPIRED']);
  });
});
