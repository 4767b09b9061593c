import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';
import { TEMPLATES } from '../bff/src/push/templates.js';
import { sweepComplaintClocks } from '../bff/src/complaints/sweep.js';
import { closeUnanswered } from '../bff/src/complaints/auto-close.js';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import { makeCommunity } from './support/factories/index.js';

/**
 * Complaints and consultations (docs/domain.md §8) with a moved clock: triage within an hour of working
 * time, first contact within 24 hours of working days (the same day when urgent), each miss recorded and
 * pushed once, across weekends and the Qingming and National Day holidays; the resident's confirmation,
 * re-handling and the auto-close after 7 days.
 */
const clock = new ManualClock(atBeijing('2026-10-12', 10 * 60));
const h = useHarness({ clock, worker: true });
let A: Awaited<ReturnType<typeof makeCommunity>>;
let owner: Actor;
let neighbour: Actor;
let manager: Actor;
let admin: Actor;
let engineer: Actor;
let outsider: Actor;
const OVERDUE = TEMPLATES.complaintOverdue.id;

beforeAll(async () => {
  A = await makeCommunity(h.db, { units: 2 });
  const B = await makeCommunity(h.db, { units: 1 });
  owner = await resident(h, A.units[0]!, { name: '李业主' });
  neighbour = await resident(h, A.units[1]!);
  manager = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId }, { name: '客服王' });
  admin = await staff(h, 'COMPANY_ADMIN', { id: null, companyId: A.companyId }, { name: '赵总' });
  engineer = await staff(h, 'TECHNICIAN', { id: A.community.id, companyId: A.companyId }, { name: '工程冯' });
  outsider = await staff(h, 'MANAGER', { id: B.community.id, companyId: B.companyId });
  const accepting = [manager, admin, engineer];
  await h.db.pushCredit.createMany({
    data: accepting.map((s) => ({ userId: s.userId, templateId: OVERDUE, credit: 100 })),
  });
  await h.sim('/sim/subscribe/accept', {
    items: accepting.flatMap((s) => Array.from({ length: 100 }, () => ({ openid: s.openid, templateId: OVERDUE }))),
  });
});

const setTime = (date: string, minute: number) => clock.set(atBeijing(date, minute));
const bj = (date: string, hh: number, mm = 0) => atBeijing(date, hh * 60 + mm).toISOString();
const act = (who: Actor, id: string, body: Record<string, unknown>) =>
  who.call('POST', `/api/complaints/${id}/actions`, { body });
const due = (c: any, clockName: string) => c.deadlines.find((d: any) => d.clock === clockName)?.dueAt;
async function file(extra: Record<string, unknown> = {}) {
  const res = await owner.call('POST', '/api/complaints', {
    body: { unitId: A.units[0]!.id, kind: 'COMPLAINT', category: '噪音扰民', text: '楼上每晚装修到十一点', ...extra },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
const triage = (id: string, extra: Record<string, unknown> = {}) =>
  act(manager, id, { action: 'triage', department: '工程部', assigneeId: engineer.userId, ...extra });
const breaches = (complaintId: string) =>
  h.db.complaintBreach.findMany({ where: { complaintId }, orderBy: [{ clock: 'asc' }, { step: 'asc' }] });
const pushedTo = async (complaintId: string) => {
  const ids = (await breaches(complaintId)).map((b) => b.id);
  const rows = await h.db.pushMessage.findMany({ where: { eventKind: 'complaint.overdue', eventId: { in: ids } } });
  return rows.map((p) => p.userId).sort();
};

describe('the triage clock: an hour of working time', () => {
  it('filed on Friday 17:00: due Monday 09:00; missed, recorded once however often the sweep runs, pushed once to customer service and the company', async () => {
    setTime('2026-10-16', 17 * 60);
    const c = await file();
    expect(due(c, 'TRIAGE')).toBe(bj('2026-10-19', 9));
    setTime('2026-10-19', 8 * 60 + 59);
    await sweepComplaintClocks(h.deps);
    expect(await breaches(c.id)).toEqual([]);
    setTime('2026-10-19', 9 * 60 + 1);
    await Promise.all([sweepComplaintClocks(h.deps), sweepComplaintClocks(h.deps), sweepComplaintClocks(h.deps)]);
    clock.advance(3 * 3_600_000);
    await sweepComplaintClocks(h.deps); // the one-step chain has ended: nothing more
    expect((await breaches(c.id)).map((b) => [b.clock, b.step])).toEqual([['TRIAGE', 0]]);
    await expect.poll(() => pushedTo(c.id), { timeout: 10_000 }).toEqual([manager.userId, admin.userId].sort());
    const push = await h.db.pushMessage.findFirstOrThrow({
      where: { eventKind: 'complaint.overdue', userId: manager.userId },
    });
    expect(push.data).toMatchObject({ phrase1: '分派超时', thing2: '投诉：噪音扰民', time3: '2026年10月19日 09:00' });
    expect((await manager.call('GET', `/api/complaints/${c.id}`)).body.deadlines[0]).toMatchObject({ overdue: true });
  });

  it('filed on the eve of Qingming (Friday 2026-04-03 17:00): due Tuesday 2026-04-07 09:00', async () => {
    setTime('2026-04-03', 17 * 60);
    const c = await file();
    expect(due(c, 'TRIAGE')).toBe(bj('2026-04-07', 9));
    setTime('2026-04-06', 23 * 60);
    await sweepComplaintClocks(h.deps);
    expect(await breaches(c.id)).toEqual([]);
    setTime('2026-04-07', 9 * 60);
    await sweepComplaintClocks(h.deps);
    expect((await breaches(c.id)).map((b) => b.clock)).toEqual(['TRIAGE']);
  });

  it('urgent: on plain time, even on a Saturday — triage in an hour, contact the same day', async () => {
    setTime('2026-10-17', 10 * 60);
    const c = await file({ urgent: true });
    expect(due(c, 'TRIAGE')).toBe(bj('2026-10-17', 11));
    clock.advance(30 * 60_000);
    const triaged = (await triage(c.id)).body;
    expect(due(triaged, 'CONTACT')).toBe(bj('2026-10-17', 23, 59));
    setTime('2026-10-18', 0);
    await sweepComplaintClocks(h.deps);
    expect((await breaches(c.id)).map((b) => b.clock)).toEqual(['CONTACT']);
  });
});

describe('the contact clock: 24 hours counted on working days', () => {
  it('triaged Friday 10:00: due Monday 10:00; missed, pushed to customer service and the person assigned', async () => {
    setTime('2026-10-16', 9 * 60 + 30);
    const c = await file();
    setTime('2026-10-16', 10 * 60);
    const triaged = (await triage(c.id)).body;
    expect(triaged).toMatchObject({ status: 'TRIAGED', department: '工程部', deadlines: [{ clock: 'CONTACT' }] });
    expect(due(triaged, 'CONTACT')).toBe(bj('2026-10-19', 10));
    setTime('2026-10-19', 9 * 60 + 59);
    await sweepComplaintClocks(h.deps);
    expect(await breaches(c.id)).toEqual([]);
    setTime('2026-10-19', 10 * 60);
    await sweepComplaintClocks(h.deps);
    await sweepComplaintClocks(h.deps);
    expect((await breaches(c.id)).map((b) => [b.clock, b.cycle])).toEqual([['CONTACT', 0]]);
    await expect.poll(() => pushedTo(c.id), { timeout: 10_000 }).toEqual([manager.userId, engineer.userId].sort());
  });

  it('triaged on the working day before National Day (2026-09-30 15:00): the eight days off do not count', async () => {
    setTime('2026-09-30', 14 * 60);
    const c = await file();
    setTime('2026-09-30', 15 * 60);
    expect(due((await triage(c.id)).body, 'CONTACT')).toBe(bj('2026-10-08', 15));
    setTime('2026-10-08', 14 * 60);
    expect((await act(engineer, c.id, { action: 'contact', note: '已电话联系，约今晚上门查看' })).body).toMatchObject({
      status: 'IN_PROGRESS',
      deadlines: [],
    });
    setTime('2026-10-08', 16 * 60);
    await sweepComplaintClocks(h.deps);
    expect(await breaches(c.id)).toEqual([]);
  });
});

describe('the answer', () => {
  it('done and not answered: closes by itself 7 calendar days later — holidays included — shown as such', async () => {
    setTime('2026-09-29', 9 * 60);
    const c = await file();
    await triage(c.id);
    await act(engineer, c.id, { action: 'contact', note: '已联系' });
    setTime('2026-09-29', 10 * 60);
    const done = (await act(engineer, c.id, { action: 'done', note: '已与楼上住户沟通，22 点后停工' })).body;
    expect(done).toMatchObject({ status: 'DONE', autoCloseAt: bj('2026-10-06', 10) });
    setTime('2026-10-06', 9 * 60 + 59);
    await closeUnanswered(h.deps);
    expect((await owner.call('GET', `/api/complaints/${c.id}`)).body.status).toBe('DONE');
    setTime('2026-10-06', 10 * 60);
    expect(await closeUnanswered(h.deps)).toBeGreaterThanOrEqual(1);
    expect(await closeUnanswered(h.deps)).toBe(0);
    const closed = (await owner.call('GET', `/api/complaints/${c.id}`)).body;
    expect(closed).toMatchObject({ status: 'CLOSED', closure: 'AUTO', closureLabel: '自动办结（住户未答复）' });
    expect(closed.events.at(-1)).toMatchObject({
      action: 'auto-close',
      bySystem: true,
      note: expect.stringMatching(/自动办结/),
    });
    // Too late to answer now.
    expect((await act(owner, c.id, { action: 'confirm', satisfied: false })).status).toBe(409);
  });

  it('is nobody else’s: a neighbour, another community’s office and the person not assigned get 404', async () => {
    setTime('2026-10-12', 10 * 60);
    const c = await file();
    for (const who of [neighbour, outsider, engineer])
      expect((await who.call('GET', `/api/complaints/${c.id}`)).status).toBe(404);
    expect(
      (await act(outsider, c.id, { action: 'triage', department: '工程部', assigneeId: engineer.userId })).status,
    ).toBe(404);
    // A person named at triage must be this community's staff.
    expect((await triage(c.id, { assigneeId: outsider.userId })).status).toBe(404);
    expect((await triage(c.id, { assigneeId: owner.userId })).status).toBe(404);
    expect(
      (await act(owner, c.id, { action: 'triage', department: '工程部', assigneeId: engineer.userId })).status,
    ).toBe(403);
  });
});
