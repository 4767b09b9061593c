import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import { grantRole, makeCommunity } from './support/factories/index.js';

/**
 * What the desk console's voice screens added to the BFF (#31, docs/console.md §Voice): the office's
 * complaint queue filtered by kind and overdue clocks in keyset pages with the total; one complaint and
 * its actions for a desk session, as staff only; and the office's list of surveys with live coverage.
 */
const clock = new ManualClock(atBeijing('2026-10-12', 10 * 60)); // a Monday, working hours
const h = useHarness({ clock });
let A: Awaited<ReturnType<typeof makeCommunity>>;
let owner: Actor;
let managerOwner: Actor;
let engineer: Actor;
let desk: string;
let otherDesk: string;
const desk$ = (token: string, method: string, path: string, body?: unknown) => h.call(method, path, { token, body });
const list = (q = '', token = desk) => desk$(token, 'GET', `/api/staff/communities/${A.community.id}/complaints${q}`);

beforeAll(async () => {
  A = await makeCommunity(h.db, { units: 3 });
  const B = await makeCommunity(h.db, { units: 1 });
  owner = await resident(h, A.units[0]!, { name: '李业主' });
  managerOwner = await resident(h, A.units[1]!, { name: '王经理' });
  await grantRole(h.db, managerOwner.userId, A.companyId, 'MANAGER', A.community.id);
  engineer = await staff(h, 'TECHNICIAN', { id: A.community.id, companyId: A.companyId }, { name: '工程冯' });
  desk = (await h.deps.sessions.createDesk(managerOwner.userId, managerOwner.openid)).token;
  const outsider = await staff(h, 'MANAGER', { id: B.community.id, companyId: B.companyId });
  otherDesk = (await h.deps.sessions.createDesk(outsider.userId, outsider.openid)).token;
});

async function file(who: Actor, unitId: string, kind = 'COMPLAINT') {
  const res = await who.call('POST', '/api/complaints', {
    body: { unitId, kind, category: '噪音扰民', text: '楼上每晚装修到十一点' },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

describe('the office queue', () => {
  it('filters by kind and overdue, pages by keyset with the total; another community sees 404', async () => {
    const first = await file(owner, A.units[0]!.id);
    clock.advance(60_000);
    const question = await file(owner, A.units[0]!.id, 'CONSULTATION');
    clock.advance(60_000);
    const third = await file(owner, A.units[0]!.id);
    const page1 = await list('?limit=2');
    expect(page1.status).toBe(200);
    expect(page1.body.total).toBe(3);
    expect(page1.body.items.map((c: any) => c.id)).toEqual([third, question]);
    const page2 = await list(`?limit=2&cursor=${page1.body.nextCursor}`);
    expect([page2.body.items.map((c: any) => c.id), page2.body.nextCursor]).toEqual([[first], null]);
    expect((await list('?kind=CONSULTATION')).body).toMatchObject({ total: 1, items: [{ id: question }] });
    expect((await list('?overdue=1')).body.total).toBe(0);
    clock.advance(2 * 3_600_000); // the triage hour of working time has passed for all three
    expect((await list('?overdue=1&kind=COMPLAINT')).body.total).toBe(2);
    expect((await list('?overdue=1&status=TRIAGED')).body.total).toBe(0);
    expect((await list('', otherDesk)).status).toBe(404);
  });
});

describe('one complaint at the desk', () => {
  it('is handled as the office by a desk session, never answered as the resident it was filed by', async () => {
    const own = await file(managerOwner, A.units[1]!.id);
    const path = `/api/staff/complaints/${own}`;
    const act = (body: unknown) => desk$(desk, 'POST', `${path}/actions`, body);
    const seen = (await desk$(desk, 'GET', path)).body;
    expect(seen).toMatchObject({ id: own, status: 'SUBMITTED', escalationStep: 0 });
    expect(seen.from.name).not.toBe('王经理'); // the office's view (masked), not the resident's own
    const triaged = await act({ action: 'triage', department: '工程部', assigneeId: engineer.userId });
    expect(triaged.body).toMatchObject({ status: 'TRIAGED', department: '工程部', assigneeId: engineer.userId });
    expect((await act({ action: 'note', note: '内部：先查监控', public: false })).body.events.at(-1)).toMatchObject({
      public: false,
    });
    await act({ action: 'contact', note: '已电话联系住户' });
    expect((await act({ action: 'done', note: '已约谈施工方' })).body.status).toBe('DONE');
    // The desk takes the answer on the phone (with a note) as the office: 不满意 → re-handling.
    const again = await act({ action: 'confirm', satisfied: false, note: '住户说晚上还在装修' });
    expect(again.body).toMatchObject({ status: 'TRIAGED', rehandleCount: 1 });
    expect((await desk$(otherDesk, 'GET', path)).status).toBe(404);
    expect((await desk$(otherDesk, 'POST', `${path}/actions`, { action: 'contact', note: 'x' })).status).toBe(404);
    // The resident routes stay closed to a desk session (their own side is on the phone).
    expect((await desk$(desk, 'GET', `/api/complaints/${own}`)).status).toBe(403);
  });

  it('a technician who is not office staff and not assigned finds nothing', async () => {
    const id = await file(owner, A.units[0]!.id);
    expect((await engineer.call('GET', `/api/staff/complaints/${id}`)).status).toBe(404);
  });
});

describe('surveys of a community', () => {
  it('lists them newest first with their window and coverage; another community sees 404', async () => {
    const base = `/api/staff/communities/${A.community.id}/surveys`;
    const now = clock.now().getTime();
    const window = (from: number, to: number) => ({
      opensAt: new Date(now + from * 3_600_000).toISOString(),
      closesAt: new Date(now + to * 3_600_000).toISOString(),
    });
    const make = async (title: string, from: number, to: number) => {
      const body = { title, questions: [{ type: 'stars', title: '总体满意度' }], ...window(from, to) };
      const res = await desk$(desk, 'POST', base, body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      clock.advance(1000);
      return res.body.id as string;
    };
    const open = await make('下半年满意度', -1, 48);
    const later = await make('明年计划征询', 24, 48);
    expect(
      (await owner.call('POST', `/api/surveys/${open}/responses`, { body: { unitId: A.units[0]!.id, answers: [4] } }))
        .status,
    ).toBe(201);
    const res = await desk$(desk, 'GET', `${base}?limit=1`);
    expect(res.body).toMatchObject({ total: 2, items: [{ id: later, state: 'SCHEDULED', answeredUnits: 0 }] });
    const next = await desk$(desk, 'GET', `${base}?limit=1&cursor=${res.body.nextCursor}`);
    expect(next.body.items).toEqual([
      expect.objectContaining({ id: open, state: 'OPEN', targetedUnits: 3, answeredUnits: 1, coveragePermille: 333 }),
    ]);
    expect((await desk$(otherDesk, 'GET', base)).status).toBe(404);
  });
});

describe('the rows behind the statistics (docs/stats.md)', () => {
  it('complaints filed in a Beijing month, and those re-handled; return visits opened in a month', async () => {
    const ids = (await list('?month=2026-10&limit=100')).body.items.map((c: any) => c.id);
    expect(ids.length).toBeGreaterThan(0);
    const rows = await h.db.complaint.findMany({ where: { communityId: A.community.id } });
    const october = rows.filter(
      (r) => r.filedAt >= atBeijing('2026-10-01', 0) && r.filedAt < atBeijing('2026-11-01', 0),
    );
    expect([...ids].sort()).toEqual(october.map((r) => r.id).sort());
    expect((await list('?month=2026-09')).body.total).toBe(0);
    await h.db.complaint.update({ where: { id: ids[0] }, data: { rehandleCount: 1 } });
    // Counted independently: October's complaints handled again (earlier tests may have sent one back too).
    const again = (await h.db.complaint.findMany({ where: { id: { in: ids }, rehandleCount: { gt: 0 } } })).map(
      (c) => c.id,
    );
    expect(again).toContain(ids[0]);
    const rehandled = (await list('?month=2026-10&rehandled=1&limit=100')).body;
    expect(rehandled.total).toBe(again.length);
    expect(rehandled.items.map((c: any) => c.id).sort()).toEqual(again.sort());
    const visits = `/api/staff/communities/${A.community.id}/return-visits`;
    expect((await desk$(desk, 'GET', `${visits}?month=2026-10`)).body.items).toEqual([]);
    expect((await desk$(desk, 'GET', `${visits}?month=2026-1`)).status).toBe(400);
  });
});
