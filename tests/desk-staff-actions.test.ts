import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import { grantRole, makeCommunity, repairBody } from './support/factories/index.js';

/**
 * #26: a desk session does at the desk what the same person does on the phone as staff — repair and
 * 随手拍 actions included — while their own resident side (what they filed) stays on the phone.
 */
const h = useHarness();
let A: Awaited<ReturnType<typeof makeCommunity>>;
let owner: Actor;
/** A manager of A who also lives there and files repairs like any owner. */
let managerOwner: Actor;
let technician: Actor;
let desk: string;
let otherDesk: string;

const deskCall = (token: string, method: string, path: string, body?: unknown) => h.call(method, path, { token, body });

beforeAll(async () => {
  A = await makeCommunity(h.db, { units: 2 });
  const B = await makeCommunity(h.db, { units: 1 });
  owner = await resident(h, A.units[0]!);
  managerOwner = await resident(h, A.units[1]!);
  await grantRole(h.db, managerOwner.userId, A.companyId, 'MANAGER', A.community.id);
  technician = await staff(h, 'TECHNICIAN', { id: A.community.id, companyId: A.companyId }, { name: '冯师傅' });
  desk = (await h.deps.sessions.createDesk(managerOwner.userId, managerOwner.openid)).token;
  const outsider = await staff(h, 'MANAGER', { id: B.community.id, companyId: B.companyId });
  otherDesk = (await h.deps.sessions.createDesk(outsider.userId, outsider.openid)).token;
});

async function filedBy(who: Actor, unitId: string) {
  const res = await who.call('POST', '/api/repairs', { body: repairBody(unitId) });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('a desk session on repairs', () => {
  it('opens, accepts and assigns a repair as the office; another community’s desk finds nothing', async () => {
    const id = await filedBy(owner, A.units[0]!.id);
    const seen = await deskCall(desk, 'GET', `/api/repairs/${id}`);
    expect(seen).toMatchObject({ status: 200, body: { status: 'SUBMITTED', myRoles: ['office'] } });
    expect((await deskCall(desk, 'POST', `/api/repairs/${id}/actions`, { action: 'accept' })).body.status).toBe(
      'ACCEPTED',
    );
    const assigned = await deskCall(desk, 'POST', `/api/repairs/${id}/actions`, {
      action: 'assign',
      technicianId: technician.userId,
    });
    expect(assigned.body).toMatchObject({ status: 'ASSIGNED', assignee: { name: '冯师傅' } });
    // The board's cards name who has each repair; the technicians list counts their open jobs here.
    const list = await deskCall(desk, 'GET', `/api/staff/communities/${A.community.id}/repairs?status=ASSIGNED`);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id, assignee: { id: technician.userId, name: '冯师傅' } }),
    ]);
    const techs = await deskCall(desk, 'GET', `/api/staff/communities/${A.community.id}/technicians`);
    expect(techs.body.items).toEqual([{ id: technician.userId, name: '冯师傅', openJobs: 1 }]);
    expect((await deskCall(otherDesk, 'GET', `/api/repairs/${id}`)).status).toBe(404);
    expect(
      (await deskCall(otherDesk, 'POST', `/api/repairs/${id}/actions`, { action: 'return', reason: 'OUT_OF_SCOPE' }))
        .status,
    ).toBe(404);
    // Bad input is still a Chinese 400.
    const bad = await deskCall(desk, 'POST', `/api/repairs/${id}/actions`, { action: 'assign' });
    expect(bad.status).toBe(400);
  });

  it('acts only as staff: the reporter’s own actions on what they filed stay on the phone', async () => {
    const mine = await filedBy(managerOwner, A.units[1]!.id);
    // As the office they still see and accept it; cancelling it as its reporter is the phone's.
    expect((await deskCall(desk, 'GET', `/api/repairs/${mine}`)).body.myRoles).toEqual(['office']);
    const cancel = await deskCall(desk, 'POST', `/api/repairs/${mine}/actions`, { action: 'cancel' });
    expect(cancel).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(
      (await managerOwner.call('POST', `/api/repairs/${mine}/actions`, { body: { action: 'cancel' } })).status,
    ).toBe(200);
    // Filing, the own list and answering an appointment are not desk work at all.
    expect((await deskCall(desk, 'POST', '/api/repairs', repairBody(A.units[1]!.id))).status).toBe(403);
    expect((await deskCall(desk, 'GET', '/api/repairs')).status).toBe(403);
    expect((await deskCall(desk, 'POST', `/api/repairs/${mine}/appointment-answer`, { agree: true })).status).toBe(403);
  });
});

describe('a desk session on 随手拍', () => {
  it('opens (accepts) and replies as the office; the author side of its own posts stays on the phone', async () => {
    const post = await owner.call('POST', '/api/snapshots', {
      body: { communityId: A.community.id, kind: 'PROBLEM', text: '3号楼门口路灯不亮' },
    });
    const opened = await deskCall(desk, 'GET', `/api/snapshots/${post.body.id}`);
    expect(opened.body.status).toBe('ACCEPTED');
    const reply = await deskCall(desk, 'POST', `/api/snapshots/${post.body.id}/actions`, {
      action: 'reply',
      text: '已安排电工今晚更换',
    });
    expect(reply.body.status).toBe('HANDLED');

    const own = await managerOwner.call('POST', '/api/snapshots', {
      body: { communityId: A.community.id, kind: 'SUGGESTION', text: '建议增加快递柜' },
    });
    const followUp = await deskCall(desk, 'POST', `/api/snapshots/${own.body.id}/actions`, {
      action: 'follow-up',
      text: '请问有进展吗',
    });
    expect(followUp).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect((await deskCall(otherDesk, 'GET', `/api/snapshots/${post.body.id}`)).status).toBe(404);
  });
});
