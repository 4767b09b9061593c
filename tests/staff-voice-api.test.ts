import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import { makeCommunity, makeRepairs } from './support/factories/index.js';
import { maskPhone } from '../bff/src/privacy/mask.js';

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
async function fileAndAssign(assignee: Actor, anonymous = false) {
  const c = await owner.call('POST', '/api/complaints', {
    body: { unitId: A.units[0]!.id, kind: 'COMPLAINT', category: '环境卫生', text: '垃圾桶两天没有清运', anonymous },
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

  it('the assignee sees an anonymous complaint as 匿名住户, in the list and the detail', async () => {
    const id = await fileAndAssign(engineer, true);
    const list = await engineer.call('GET', `${base()}/complaints`);
    const row = list.body.items.find((c: any) => c.id === id);
    const detail = await engineer.call('GET', `/api/staff/complaints/${id}`);
    expect(detail.status).toBe(200);
    for (const seen of [row, detail.body]) {
      expect(JSON.stringify(seen)).toContain('匿名住户');
      expect(JSON.stringify(seen)).not.toContain('李');
      expect(JSON.stringify(seen)).not.toContain(maskPhone(owner.phone)!);
    }
  });

  it('a technician finds no complaint assigned to someone else (404 on the detail)', async () => {
    const theirs = await fileAndAssign(cleaner);
    const res = await engineer.call('GET', `/api/staff/complaints/${theirs}`);
    expect([res.status, res.body.code]).toEqual([404, 'NOT_FOUND']);
    expect((await cleaner.call('GET', `/api/staff/complaints/${theirs}`)).status).toBe(200);
  });

  it('a status the BFF does not know is a 400 with a Chinese message', async () => {
    const res = await manager.call('GET', `${base()}/complaints?status=LOST`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('状态不正确');
  });
});

describe('return visits on the staff phone', () => {
  async function openVisit(reporter: Actor, unitId: string) {
    const [repairId] = await makeRepairs(
      h.db,
      { communityId: A.community.id, unitId, reporterId: reporter.userId, assigneeId: null, status: 'RESOLVED' },
      1,
    );
    // The repair's contact number is not the reporter's account phone (代客报修, or another number given).
    await h.db.repairRequest.update({ where: { id: repairId! }, data: { contactPhone: '+8613700001111' } });
    const visit = await h.db.returnVisit.create({
      data: { repairId: repairId!, cycle: 1, communityId: A.community.id, createdAt: clock.now() },
    });
    clock.advance(1000);
    return { repairId: repairId!, visitId: visit.id };
  }
  const revealFor = (who: Actor, visitId: string, body: object = { reason: '电话回访' }) =>
    who.call('POST', `/api/staff/return-visits/${visitId}/reveal-phone`, { body });

  it("show the repair's contact phone masked; the full number is an audited reveal based on the visit", async () => {
    const { repairId, visitId } = await openVisit(owner, A.units[0]!.id);
    const list = await manager.call('GET', `${base()}/return-visits`);
    const visit = list.body.items.find((v: any) => v.repairId === repairId);
    expect(visit.resident).toEqual({ id: owner.userId, name: '李**', phone: maskPhone('+8613700001111') });
    const reveal = await revealFor(manager, visitId);
    expect([reveal.status, reveal.body]).toEqual([
      200,
      { field: 'PHONE', value: '+8613700001111', basis: 'RETURN_VISIT' },
    ]);
    expect(
      await h.db.piiRevealAudit.count({
        where: { subjectId: owner.userId, staffUserId: manager.userId, basis: 'RETURN_VISIT', reason: '电话回访' },
      }),
    ).toBe(1);
    const logged = await h.db.auditEvent.findFirst({
      where: { kind: 'PII_REVEALED', actorId: manager.userId },
      orderBy: { at: 'desc' },
    });
    expect(logged?.after).toEqual({ field: 'PHONE', basis: 'RETURN_VISIT', returnVisitId: visitId });
  });

  it('a reporter who has since moved out can still be phoned for the visit', async () => {
    const gone = await resident(h, A.units[1]!, { name: '赵搬走' });
    const { visitId } = await openVisit(gone, A.units[1]!.id);
    await h.db.unitMembership.updateMany({
      where: { userId: gone.userId },
      data: { status: 'ENDED', endedAt: clock.now() },
    });
    const reveal = await revealFor(manager, visitId);
    expect([reveal.status, reveal.body.value]).toEqual([200, '+8613700001111']);
  });

  it('without the reveal permission, from another community, or for no such visit: 404, nothing recorded', async () => {
    const { visitId } = await openVisit(owner, A.units[0]!.id);
    const B = await makeCommunity(h.db, { units: 1 });
    const outsider = await staff(h, 'MANAGER', { id: B.community.id, companyId: B.companyId }, { canRevealPii: true });
    const before = await h.db.piiRevealAudit.count();
    for (const [who, id] of [
      [engineer, visitId],
      [outsider, visitId],
      [owner, visitId],
      [manager, crypto.randomUUID()],
    ] as const) {
      const res = await revealFor(who, id);
      expect([res.status, res.body.code]).toEqual([404, 'NOT_FOUND']);
    }
    expect(await h.db.piiRevealAudit.count()).toBe(before);
    const bad = await revealFor(manager, visitId, { reason: '' });
    expect(bad.status).toBe(400);
  });

  it('a technician who may reveal phones finds no visit either: the office works them', async () => {
    const { visitId } = await openVisit(owner, A.units[0]!.id);
    const revealing = await staff(
      h,
      'TECHNICIAN',
      { id: A.community.id, companyId: A.companyId },
      { name: '工程褚', canRevealPii: true },
    );
    const before = await h.db.piiRevealAudit.count();
    const res = await revealFor(revealing, visitId);
    expect([res.status, res.body.code]).toEqual([404, 'NOT_FOUND']);
    expect(await h.db.piiRevealAudit.count()).toBe(before);
  });

  it('a visit already recorded is no basis for a reveal any more', async () => {
    const { visitId } = await openVisit(owner, A.units[0]!.id);
    const done = await manager.call('POST', `/api/staff/return-visits/${visitId}`, { body: { result: 'SATISFIED' } });
    expect(done.status).toBe(200);
    const before = await h.db.piiRevealAudit.count();
    const res = await revealFor(manager, visitId);
    expect([res.status, res.body.code]).toEqual([409, 'CONFLICT']);
    expect(await h.db.piiRevealAudit.count()).toBe(before);
  });
});
