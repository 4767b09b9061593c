import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import { makeCommunity, makeRepairs } from './support/factories/index.js';

/**
 * What the staff phone's complaint and return-visit pages (#31, docs/design.md §投诉处理 and 回访 on the
 * phone) added to the BFF: a department's person lists the complaints assigned to them (the office lists
 * the whole queue), 处理中 as one filter, and a return visit names the resident so the phone can ask for
 * the number to call through the audited reveal.
 */
const clock = new ManualClock(atBeijing('2026-10-12', 10 * 60)); // a Monday, working hours
const h = useHarness({ clock });
let A: Awaited<ReturnType<typeof makeCommunity>>;
let owner: Actor;
let manager: Actor;
let engineer: Actor;
let cleaner: Actor;

beforeAll(async () => {
  A = await makeCommunity(h.db, { units: 2 });
  const site = { id: A.community.id, companyId: A.companyId };
  owner = await resident(h, A.units[0]!, { name: '李业主' });
  manager = await staff(h, 'MANAGER', site, { name: '客服王', canRevealPii: true });
  engineer = await staff(h, 'TECHNICIAN', site, { name: '工程冯' });
  cleaner = await staff(h, 'TECHNICIAN', site, { name: '保洁陈' });
});

const base = () => `/api/staff/communities/${A.community.id}`;
async function fileAndAssign(assignee: Actor) {
  const c = await owner.call('POST', '/api/complaints', {
    body: { unitId: A.units[0]!.id, kind: 'COMPLAINT', category: '环境卫生', text: '垃圾桶两天没有清运' },
  });
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  const t = await manager.call('POST', `/api/staff/complaints/${c.body.id}/actions`, {
    body: { action: 'triage', department: '环境部', assigneeId: assignee.userId },
  });
  expect(t.status, JSON.stringify(t.body)).toBe(200);
  clock.advance(1000);
  return c.body.id as string;
}

describe('complaints on the staff phone', () => {
  it("a department's person lists only the complaints assigned to them; 处理中 covers assigned and contacted", async () => {
    const mine = await fileAndAssign(engineer);
    const contacted = await fileAndAssign(engineer);
    await engineer.call('POST', `/api/staff/complaints/${contacted}/actions`, {
      body: { action: 'contact', note: '已电话联系' },
    });
    const theirs = await fileAndAssign(cleaner);
    const list = await engineer.call('GET', `${base()}/complaints?status=HANDLING`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items.map((c: any) => c.id)).toEqual([contacted, mine]);
    expect((await cleaner.call('GET', `${base()}/complaints`)).body.items.map((c: any) => c.id)).toEqual([theirs]);
    const office = await manager.call('GET', `${base()}/complaints?status=HANDLING`);
    expect(office.body.total).toBe(3);
  });

  it('a resident, or staff of another community, finds no community', async () => {
    const B = await makeCommunity(h.db, { units: 1 });
    const outsider = await staff(h, 'TECHNICIAN', { id: B.community.id, companyId: B.companyId });
    for (const who of [owner, outsider]) {
      const res = await who.call('GET', `${base()}/complaints`);
      expect([res.status, res.body.code]).toEqual([404, 'NOT_FOUND']);
    }
  });

  it('a status the BFF does not know is a 400 with a Chinese message', async () => {
    const res = await manager.call('GET', `${base()}/complaints?status=LOST`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('状态不正确');
  });
});

describe('return visits on the staff phone', () => {
  it('name the resident, so the office can ask for the number to call (audited)', async () => {
    const [repairId] = await makeRepairs(
      h.db,
      {
        communityId: A.community.id,
        unitId: A.units[0]!.id,
        reporterId: owner.userId,
        assigneeId: null,
        status: 'RESOLVED',
      },
      1,
    );
    await h.db.returnVisit.create({
      data: { repairId: repairId!, cycle: 1, communityId: A.community.id, createdAt: clock.now() },
    });
    const list = await manager.call('GET', `${base()}/return-visits`);
    const visit = list.body.items.find((v: any) => v.repairId === repairId);
    expect(visit.resident).toEqual({ id: owner.userId, name: '李**', phone: expect.stringContaining('****') });
    const reveal = await manager.call('POST', `${base()}/reveal`, {
      body: { userId: visit.resident.id, field: 'PHONE', reason: '电话回访' },
    });
    expect([reveal.status, reveal.body.value]).toEqual([200, owner.phone]);
    expect(await h.db.piiRevealAudit.count({ where: { subjectId: owner.userId, reason: '电话回访' } })).toBe(1);
  });
});
