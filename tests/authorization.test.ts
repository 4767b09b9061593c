import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_APPID } from './support/harness.js';
import { useHarness } from './support/use-harness.js';
import { addRosterOwner, grantRole, makeCommunity, makeUser, uniquePhone } from './support/factories/index.js';

/**
 * Two communities of one company, a resident in each, a manager of A only, a company admin,
 * and a cashier of A without the reveal permission. Every cross-boundary read must look like
 * "not found" (docs/conventions.md rule 4), and personal information stays masked unless revealed and audited.
 */
const h = useHarness();
let A: Awaited<ReturnType<typeof makeCommunity>>;
let B: Awaited<ReturnType<typeof makeCommunity>>;
const t: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  A = await makeCommunity(h.db, { units: 2 });
  B = await makeCommunity(h.db, { companyId: A.companyId, units: 2 });
  const other = await makeCommunity(h.db, { units: 1 }); // another company altogether

  for (const [key, unit] of [
    ['residentA', A.units[0]!],
    ['residentB', B.units[0]!],
  ] as const) {
    const phone = uniquePhone();
    await addRosterOwner(h.db, unit.id, phone, key === 'residentA' ? '孙甲' : '周乙');
    t[key] = await h.loginAs(`o_${key}`);
    await h.bindPhone(t[key]!, phone);
    const bound = await h.call('POST', '/api/units/bind-requests', {
      token: t[key],
      body: { unitId: unit.id, relation: 'OWNER' },
    });
    ids[key] = (await h.db.unitMembership.findUniqueOrThrow({ where: { id: bound.body.id } })).userId;
  }
  const staff = async (
    key: string,
    role: 'MANAGER' | 'CASHIER' | 'COMPANY_ADMIN',
    communityId: string | null,
    reveal: boolean,
    companyId = A.companyId,
  ) => {
    const u = await makeUser(h.db, TEST_APPID, { name: `${key}员工`, phone: uniquePhone() });
    await grantRole(h.db, u.id, companyId, role, communityId, reveal);
    t[key] = await h.loginAs(u.openid);
  };
  await staff('managerA', 'MANAGER', A.community.id, true);
  await staff('cashierA', 'CASHIER', A.community.id, false);
  await staff('admin', 'COMPANY_ADMIN', null, false);
  await staff('outsider', 'COMPANY_ADMIN', null, true, other.companyId);
});

const expectNotFound = (res: { status: number; body: { code: string } }) =>
  expect([res.status, res.body.code]).toEqual([404, 'NOT_FOUND']);

describe('residents', () => {
  it('read their own unit members but not another unit, nor staff queues', async () => {
    expect((await h.call('GET', `/api/units/${A.units[0]!.id}/members`, { token: t.residentA })).status).toBe(200);
    expectNotFound(await h.call('GET', `/api/units/${A.units[1]!.id}/members`, { token: t.residentA }));
    expectNotFound(await h.call('GET', `/api/units/${B.units[0]!.id}/members`, { token: t.residentA }));
    expectNotFound(
      await h.call('GET', `/api/staff/communities/${A.community.id}/bind-requests`, { token: t.residentA }),
    );
    expectNotFound(
      await h.call('POST', `/api/staff/communities/${A.community.id}/reveal`, {
        token: t.residentA,
        body: { userId: ids.residentA, field: 'PHONE', reason: '核实' },
      }),
    );
  });

  it('cannot decide a bind request, even their own', async () => {
    const token = await h.loginAs('o_pending_self');
    await h.bindPhone(token, uniquePhone());
    const pending = await h.call('POST', '/api/units/bind-requests', {
      token,
      body: { unitId: A.units[1]!.id, relation: 'TENANT' },
    });
    expectNotFound(
      await h.call('POST', `/api/staff/bind-requests/${pending.body.id}/decision`, {
        token,
        body: { decision: 'approve' },
      }),
    );
    expect((await h.db.unitMembership.findUniqueOrThrow({ where: { id: pending.body.id } })).status).toBe('PENDING');
  });
});

describe('staff', () => {
  it('of community A cannot read community B', async () => {
    expect((await h.call('GET', `/api/units/${A.units[0]!.id}/members`, { token: t.managerA })).status).toBe(200);
    expectNotFound(await h.call('GET', `/api/units/${B.units[0]!.id}/members`, { token: t.managerA }));
    expectNotFound(
      await h.call('GET', `/api/staff/communities/${B.community.id}/bind-requests`, { token: t.managerA }),
    );
    expectNotFound(
      await h.call('POST', `/api/staff/communities/${B.community.id}/reveal`, {
        token: t.managerA,
        body: { userId: ids.residentB, field: 'PHONE', reason: '核实' },
      }),
    );
  });

  it('with a company-wide role see every community of their company and none of another', async () => {
    expect(
      (await h.call('GET', `/api/staff/communities/${A.community.id}/bind-requests`, { token: t.admin })).status,
    ).toBe(200);
    expect(
      (await h.call('GET', `/api/staff/communities/${B.community.id}/bind-requests`, { token: t.admin })).status,
    ).toBe(200);
    expectNotFound(
      await h.call('GET', `/api/staff/communities/${A.community.id}/bind-requests`, { token: t.outsider }),
    );
    const me = await h.call('GET', '/api/me', { token: t.admin });
    expect(me.body.staff.map((s: { community: { id: string } }) => s.community.id).sort()).toEqual(
      [A.community.id, B.community.id].sort(),
    );
  });

  it('see residents masked; revealing needs the permission and leaves an audit row', async () => {
    const members = await h.call('GET', `/api/units/${A.units[0]!.id}/members`, { token: t.managerA });
    expect(members.body.items[0]).toMatchObject({ name: '孙*', isMe: false });
    expect(members.body.items[0].phone).toMatch(/^\+86 \d{3}\*{4}\d{4}$/);

    expectNotFound(
      await h.call('POST', `/api/staff/communities/${A.community.id}/reveal`, {
        token: t.cashierA,
        body: { userId: ids.residentA, field: 'PHONE', reason: '核实' },
      }),
    );
    const revealed = await h.call('POST', `/api/staff/communities/${A.community.id}/reveal`, {
      token: t.managerA,
      body: { userId: ids.residentA, field: 'NAME', reason: '上门维修前核实身份' },
    });
    expect(revealed.body).toEqual({ field: 'NAME', value: '孙甲', basis: 'VERIFIED_MEMBER' });
    const audit = await h.db.piiRevealAudit.findMany({ where: { subjectId: ids.residentA } });
    expect(audit).toEqual([
      expect.objectContaining({ field: 'NAME', reason: '上门维修前核实身份', communityId: A.community.id }),
    ]);
  });

  it('who are not office roles cannot read resident lists', async () => {
    expectNotFound(await h.call('GET', `/api/units/${A.units[0]!.id}/members`, { token: t.cashierA }));
  });
});
