import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_APPID } from './support/harness.js';
import { useHarness } from './support/use-harness.js';
import { addRosterOwner, cn, grantRole, makeCommunity, makeUser, uniquePhone } from './support/factories/index.js';

const h = useHarness();
let site: Awaited<ReturnType<typeof makeCommunity>>;
let managerToken: string;

beforeAll(async () => {
  site = await makeCommunity(h.db, { units: 4 });
  const manager = await makeUser(h.db, TEST_APPID, { name: '王经理', phone: uniquePhone() });
  await grantRole(h.db, manager.id, site.companyId, 'MANAGER', site.community.id);
  managerToken = await h.loginAs(manager.openid);
});

async function residentWithPhone(openid: string, phone = uniquePhone()) {
  const token = await h.loginAs(openid);
  await h.bindPhone(token, phone);
  return { token, phone };
}

describe('the address directory', () => {
  it('walks community → building → unit', async () => {
    const token = await h.loginAs('o_dir');
    const communities = await h.call('GET', '/api/communities', { token });
    expect(communities.body.items.map((c: { id: string }) => c.id)).toContain(site.community.id);
    const buildings = await h.call('GET', `/api/communities/${site.community.id}/buildings`, { token });
    expect(buildings.body.items).toEqual([{ id: site.building.id, name: '1号楼' }]);
    const units = await h.call('GET', `/api/buildings/${site.building.id}/units`, { token });
    expect(units.body.items.map((u: { number: string }) => u.number)).toEqual(['101', '201', '301', '401']);
    const missing = await h.call('GET', `/api/buildings/${crypto.randomUUID()}/units`, { token });
    expect([missing.status, missing.body.code]).toEqual([404, 'NOT_FOUND']);
  });
});

describe('POST /api/units/bind-requests', () => {
  it('needs a verified phone first', async () => {
    const token = await h.loginAs('o_nophone');
    const res = await h.call('POST', '/api/units/bind-requests', {
      token,
      body: { unitId: site.units[0]!.id, relation: 'OWNER' },
    });
    expect([res.status, res.body.code]).toEqual([409, 'PHONE_REQUIRED']);
  });

  it('approves at once when the phone is on the owner roster of the unit', async () => {
    const phone = uniquePhone();
    await addRosterOwner(h.db, site.units[0]!.id, phone, '李四', 'CO_OWNER');
    const { token } = await residentWithPhone('o_roster', phone);
    const res = await h.call('POST', '/api/units/bind-requests', {
      token,
      body: { unitId: site.units[0]!.id, relation: 'OWNER' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'VERIFIED',
      autoApproved: true,
      relation: 'CO_OWNER',
      unit: { number: '101', building: '1号楼' },
    });

    const me = await h.call('GET', '/api/me', { token });
    expect(me.body.name).toBe('李四');
    expect(me.body.units).toEqual([
      expect.objectContaining({ unitId: site.units[0]!.id, status: 'VERIFIED', relation: 'CO_OWNER' }),
    ]);

    const dup = await h.call('POST', '/api/units/bind-requests', {
      token,
      body: { unitId: site.units[0]!.id, relation: 'OWNER' },
    });
    expect([dup.status, dup.body.code]).toEqual([409, 'ALREADY_BOUND']);
  });

  it('leaves an unknown phone pending until the manager approves it', async () => {
    const { token, phone } = await residentWithPhone('o_tenant');
    const created = await h.call('POST', '/api/units/bind-requests', {
      token,
      body: { unitId: site.units[1]!.id, relation: 'TENANT' },
    });
    expect(created.body).toMatchObject({ status: 'PENDING', autoApproved: false, relation: 'TENANT' });

    const queue = await h.call('GET', `/api/staff/communities/${site.community.id}/bind-requests`, {
      token: managerToken,
    });
    expect(queue.body.total).toBe(1);
    const mine = queue.body.items.find((r: { id: string }) => r.id === created.body.id);
    expect(mine.requester.phone).toBe(`+86 ${phone.slice(0, 3)}****${phone.slice(-4)}`);

    const approved = await h.call('POST', `/api/staff/bind-requests/${created.body.id}/decision`, {
      token: managerToken,
      body: { decision: 'approve' },
    });
    expect(approved.body.status).toBe('VERIFIED');
    const twice = await h.call('POST', `/api/staff/bind-requests/${created.body.id}/decision`, {
      token: managerToken,
      body: { decision: 'reject', reason: '重复' },
    });
    expect([twice.status, twice.body.code]).toEqual([409, 'ALREADY_DECIDED']);

    const mineNow = await h.call('GET', '/api/units/bind-requests', { token });
    expect(mineNow.body.items[0]).toMatchObject({ id: created.body.id, status: 'VERIFIED' });
  });

  it('lets a rejected resident see the reason and file again', async () => {
    const { token } = await residentWithPhone('o_rejected');
    const created = await h.call('POST', '/api/units/bind-requests', {
      token,
      body: { unitId: site.units[2]!.id, relation: 'FAMILY' },
    });
    const rejected = await h.call('POST', `/api/staff/bind-requests/${created.body.id}/decision`, {
      token: managerToken,
      body: { decision: 'reject', reason: '请提供房产证明' },
    });
    expect(rejected.body).toMatchObject({ status: 'REJECTED', rejectReason: '请提供房产证明' });
    const again = await h.call('POST', '/api/units/bind-requests', {
      token,
      body: { unitId: site.units[2]!.id, relation: 'FAMILY' },
    });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id: created.body.id, status: 'PENDING', rejectReason: null });
  });

  it('settles two simultaneous requests for the same unit with one row', async () => {
    const { token } = await residentWithPhone('o_double');
    const body = { unitId: site.units[3]!.id, relation: 'TENANT' };
    const results = await Promise.all([1, 2, 3].map(() => h.call('POST', '/api/units/bind-requests', { token, body })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });
});

describe('GET /api/units/:unitId/members', () => {
  it('shows a member themself in full and everyone else masked', async () => {
    const phoneA = uniquePhone();
    const phoneB = uniquePhone();
    const unit = (await makeCommunity(h.db, { companyId: site.companyId, units: 1 })).units[0]!;
    await addRosterOwner(h.db, unit.id, phoneA, '赵大');
    await addRosterOwner(h.db, unit.id, phoneB, '钱二', 'CO_OWNER');
    const a = await residentWithPhone('o_member_a', phoneA);
    const b = await residentWithPhone('o_member_b', phoneB);
    for (const t of [a.token, b.token])
      await h.call('POST', '/api/units/bind-requests', { token: t, body: { unitId: unit.id, relation: 'OWNER' } });

    const seenByA = await h.call('GET', `/api/units/${unit.id}/members`, { token: a.token });
    expect(seenByA.body.items).toEqual([
      expect.objectContaining({ name: '赵大', phone: cn(phoneA), isMe: true }),
      expect.objectContaining({ name: '钱*', phone: `+86 ${phoneB.slice(0, 3)}****${phoneB.slice(-4)}`, isMe: false }),
    ]);
  });
});
