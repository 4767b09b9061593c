import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';
import { sweepRepairClocks } from '../bff/src/repairs/sla-sweep.js';
import { TEMPLATES } from '../bff/src/push/templates.js';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import { makeCommunity, repairBody } from './support/factories/index.js';

/**
 * The SLA clocks of repairs (docs/domain.md §1) with a moved clock: deadlines computed when each clock
 * starts, from the community's settings and China's working calendar; the sweep records each miss
 * once, climbs the escalation chain and pushes to the staff; residents see the service level.
 */
const clock = new ManualClock(atBeijing('2026-10-12', 10 * 60)); // a Monday, 10:00 in Beijing
const h = useHarness({ clock, worker: true });
let A: Awaited<ReturnType<typeof makeCommunity>>;
let owner: Actor;
let manager: Actor;
let admin: Actor;
let technician: Actor;

const MIN = 60_000;
const OVERDUE = TEMPLATES.repairOverdue.id;

beforeAll(async () => {
  A = await makeCommunity(h.db, { units: 2 });
  owner = await resident(h, A.units[0]!);
  manager = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId }, { name: '王经理' });
  admin = await staff(h, 'COMPANY_ADMIN', { id: null, companyId: A.companyId }, { name: '赵总' });
  technician = await staff(h, 'TECHNICIAN', { id: A.community.id, companyId: A.companyId }, { name: '冯师傅' });
  // The staff accepted overdue pushes (as the staff pages ask them to), enough for every test here.
  const accepting = [manager, admin, technician];
  await h.db.pushCredit.createMany({
    data: accepting.map((s) => ({ userId: s.userId, templateId: OVERDUE, credit: 100 })),
  });
  await h.sim('/sim/subscribe/accept', {
    items: accepting.flatMap((s) => Array.from({ length: 100 }, () => ({ openid: s.openid, templateId: OVERDUE }))),
  });
});

const setTime = (date: string, minute: number) => clock.set(atBeijing(date, minute));
const act = (who: Actor, id: string, body: Record<string, unknown>) =>
  who.call('POST', `/api/repairs/${id}/actions`, { body });
async function fileRepair(extra: Record<string, unknown> = {}) {
  const res = await owner.call('POST', '/api/repairs', { body: repairBody(A.units[0]!.id, extra) });
  expect(res.status).toBe(201);
  return res.body;
}
const deadline = (repair: any, clockName: string) =>
  repair.sla.deadlines.find((d: any) => d.clock === clockName)?.dueAt;
const bj = (date: string, hh: number, mm = 0) => atBeijing(date, hh * 60 + mm).toISOString();

describe('deadlines', () => {
  it('emergency: accept in 15 min, then contact in 15 and arrive in 30 from acceptance; a later appointment becomes the arrival deadline', async () => {
    setTime('2026-10-12', 10 * 60);
    const r = await fileRepair({ emergency: true });
    expect(deadline(r, 'ACCEPT')).toBe(bj('2026-10-12', 10, 15));
    expect(r.sla.next).toMatchObject({ clock: 'ACCEPT', dueAt: bj('2026-10-12', 10, 15), overdue: false });
    clock.advance(5 * MIN);
    const accepted = (await act(manager, r.id, { action: 'accept' })).body;
    expect(deadline(accepted, 'CONTACT')).toBe(bj('2026-10-12', 10, 20));
    expect(deadline(accepted, 'ARRIVE')).toBe(bj('2026-10-12', 10, 35));
    expect(deadline(accepted, 'FEEDBACK')).toBe(bj('2026-10-16', 10, 5));
    await act(manager, r.id, { action: 'assign', technicianId: technician.userId });
    const contacted = (await act(technician, r.id, { action: 'contact', appointmentAt: bj('2026-10-12', 12) })).body;
    expect(deadline(contacted, 'ARRIVE')).toBe(bj('2026-10-12', 12));
    expect(contacted.sla.next).toMatchObject({ clock: 'ARRIVE', dueAt: bj('2026-10-12', 12) });
  });

  it('routine, filed on the Friday night before Qingming: contact due an hour after work starts on the Tuesday after', async () => {
    setTime('2026-04-03', 21 * 60);
    const r = await fileRepair();
    clock.advance(5 * MIN);
    const accepted = (await act(manager, r.id, { action: 'accept' })).body;
    expect(deadline(accepted, 'CONTACT')).toBe(bj('2026-04-07', 9, 30));
    expect(deadline(accepted, 'ARRIVE')).toBeUndefined(); // routine: follows the contact
    await act(manager, r.id, { action: 'assign', technicianId: technician.userId });
    setTime('2026-04-07', 9 * 60);
    const contacted = (await act(technician, r.id, { action: 'contact', appointmentAt: bj('2026-04-07', 9, 30) })).body;
    expect(deadline(contacted, 'ARRIVE')).toBe(bj('2026-04-07', 10)); // an hour after the contact; the earlier appointment does not shorten it
  });

  it('routine, on a make-up working Saturday: working time, contact due within the hour; on an ordinary Saturday: Monday', async () => {
    setTime('2026-10-10', 10 * 60);
    const onMakeUpDay = await fileRepair();
    expect(deadline((await act(manager, onMakeUpDay.id, { action: 'accept' })).body, 'CONTACT')).toBe(
      bj('2026-10-10', 11),
    );
    setTime('2026-10-17', 10 * 60);
    const onWeekend = await fileRepair();
    expect(deadline((await act(manager, onWeekend.id, { action: 'accept' })).body, 'CONTACT')).toBe(
      bj('2026-10-19', 9, 30),
    );
  });

  it('follows the company’s calendar corrections and the community’s own clocks', async () => {
    // The company declares Monday 2026-10-19 a day off: a Saturday acceptance waits for Tuesday.
    const calendar = `/api/staff/communities/${A.community.id}/work-calendar`;
    expect(
      (await manager.call('PUT', `${calendar}/2026-10-19`, { body: { working: false, note: '公司调休' } })).status,
    ).toBe(404);
    expect(
      (await admin.call('PUT', `${calendar}/2026-10-19`, { body: { working: false, note: '公司调休' } })).body.days,
    ).toEqual([{ date: '2026-10-19', working: false, note: '公司调休' }]);
    setTime('2026-10-17', 10 * 60);
    const r = await fileRepair();
    expect(deadline((await act(manager, r.id, { action: 'accept' })).body, 'CONTACT')).toBe(bj('2026-10-20', 9, 30));
    expect((await admin.call('DELETE', `${calendar}/2026-10-19`)).body.days).toEqual([]);

    const sla = `/api/staff/communities/${A.community.id}/repair-sla`;
    const current = (await manager.call('GET', sla)).body;
    expect(current).toMatchObject({ isDefault: true, settings: { acceptMinutes: 15, feedbackDays: 4 } });
    expect((await manager.call('PUT', sla, { body: { ...current.settings, acceptMinutes: 30 } })).status).toBe(404);
    expect(
      (await admin.call('PUT', sla, { body: { ...current.settings, acceptMinutes: 30, workStart: 9 * 60 } })).body,
    ).toMatchObject({ isDefault: false, settings: { acceptMinutes: 30 } });
    setTime('2026-10-17', 10 * 60);
    const later = await fileRepair();
    expect(deadline(later, 'ACCEPT')).toBe(bj('2026-10-17', 10, 30));
    expect(deadline((await act(manager, later.id, { action: 'accept' })).body, 'CONTACT')).toBe(bj('2026-10-19', 10)); // work starts at 09:00 now
    await admin.call('PUT', sla, { body: current.settings });
  });

  it('warns the staff in December, on the overdue board too, until an administrator confirms the next year’s whole schedule', async () => {
    const calendar = `/api/staff/communities/${A.community.id}/work-calendar`;
    setTime('2026-11-15', 600); // sessions live 30 days: these two log in now
    const tech = await staff(h, 'TECHNICIAN', { id: A.community.id, companyId: A.companyId });
    const boss = await staff(h, 'COMPANY_ADMIN', { id: null, companyId: A.companyId });
    const office = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId });
    expect((await tech.call('GET', calendar)).body).toMatchObject({ coveredUntil: '2026-12-31', warning: null });
    setTime('2026-12-01', 600);
    expect((await tech.call('GET', calendar)).body.warning).toMatch(/2027 年的法定节假日/);
    const board = `/api/staff/communities/${A.community.id}/repairs/overdue`;
    expect((await office.call('GET', board)).body.calendarWarning).toMatch(/2027 年/);
    // One day entered is not a year's schedule: the warning stays.
    await boss.call('PUT', `${calendar}/2027-01-01`, { body: { working: false, note: '元旦' } });
    expect((await tech.call('GET', calendar)).body).toMatchObject({ coveredUntil: '2026-12-31' });
    expect((await tech.call('GET', calendar)).body.warning).toMatch(/2027 年/);

    // The whole year in one request, confirmed by an administrator; a manager may not, nor a day of another year.
    const year = `${calendar}/years/2027`;
    const schedule = {
      days: [
        { date: '2027-01-01', working: false, note: '元旦' },
        { date: '2027-02-06', working: false, note: '春节' },
        { date: '2027-02-20', working: true, note: '春节调休上班' },
      ],
    };
    expect((await office.call('PUT', year, { body: schedule })).status).toBe(404);
    const wrongYear = { days: [...schedule.days, { date: '2028-01-01', working: false, note: '元旦' }] };
    expect((await boss.call('PUT', year, { body: wrongYear })).body.code).toBe('VALIDATION_FAILED');
    const confirmed = (await boss.call('PUT', year, { body: schedule })).body;
    expect(confirmed).toMatchObject({ coveredUntil: '2027-12-31', warning: null });
    expect(confirmed.days.filter((d: any) => d.date.startsWith('2027')).map((d: any) => d.date)).toEqual([
      '2027-01-01',
      '2027-02-06',
      '2027-02-20',
    ]);
    expect((await office.call('GET', board)).body.calendarWarning).toBeNull();
  });

  it('an extension moves the result deadline; a reopening starts the clocks again', async () => {
    setTime('2026-10-12', 10 * 60);
    const r = await fileRepair();
    await act(manager, r.id, { action: 'accept' });
    const extended = (await act(manager, r.id, { action: 'extend', days: 3, reason: '等配件' })).body;
    expect(deadline(extended, 'FEEDBACK')).toBe(bj('2026-10-19', 10));
    await act(manager, r.id, { action: 'assign', technicianId: technician.userId });
    await act(technician, r.id, { action: 'contact', appointmentAt: bj('2026-10-12', 10, 30) });
    await act(technician, r.id, { action: 'arrive' });
    await act(technician, r.id, { action: 'resolve', workDone: '已修好' });
    expect((await h.db.repairRequest.findUniqueOrThrow({ where: { id: r.id } })).nextDueAt).toBeNull();
    setTime('2026-10-13', 10 * 60);
    const reopened = (await act(owner, r.id, { action: 'reopen', reason: '又漏了' })).body;
    expect(deadline(reopened, 'CONTACT')).toBe(bj('2026-10-13', 11));
    expect(deadline(reopened, 'FEEDBACK')).toBe(bj('2026-10-17', 10));
    expect(reopened.sla.deadlines.find((d: any) => d.clock === 'CONTACT').doneAt).toBeNull();
  });
});

describe('the sweep', () => {
  const breaches = (repairId: string) =>
    h.db.repairBreach.findMany({ where: { repairId }, orderBy: [{ clock: 'asc' }, { step: 'asc' }] });
  async function overduePushes(repairId: string) {
    const ids = (await breaches(repairId)).map((b) => b.id);
    return h.db.pushMessage.findMany({
      where: { eventKind: 'repair.overdue', eventId: { in: ids } },
      select: { userId: true, eventId: true },
    });
  }

  it('records a missed acceptance once however often it runs, escalates along the chain, and pushes each step to its people', async () => {
    setTime('2026-10-12', 14 * 60);
    const r = await fileRepair();
    clock.advance(16 * MIN);
    const counted = async () =>
      (await h.deps.metrics.slaBreaches.get()).values.find((v) => v.labels.clock === 'ACCEPT')?.value ?? 0;
    const before = await counted();
    await Promise.all([sweepRepairClocks(h.deps), sweepRepairClocks(h.deps), sweepRepairClocks(h.deps)]);
    expect((await breaches(r.id)).map((b) => [b.clock, b.step])).toEqual([['ACCEPT', 0]]);
    expect(await counted()).toBe(before + 1); // wyt_repair_sla_breaches_total: once, like the row
    // The first step (物业公司第二响应: the company administrators) and the managers hear of it.
    await expect
      .poll(async () => (await overduePushes(r.id)).map((p) => p.userId).sort(), { timeout: 10_000 })
      .toEqual([manager.userId, admin.userId].sort());
    const board = (await manager.call('GET', `/api/staff/communities/${A.community.id}/repairs/overdue`)).body;
    expect(board.items.find((i: any) => i.id === r.id)).toMatchObject({
      escalationStep: 1,
      overdue: [{ clock: 'ACCEPT', lateMinutes: 1 }],
    });
    expect((await owner.call('GET', `/api/staff/communities/${A.community.id}/repairs/overdue`)).status).toBe(404);

    // 8 minutes later the second step fires; then the chain ends and nothing more is recorded.
    clock.advance(8 * MIN);
    await sweepRepairClocks(h.deps);
    clock.advance(60 * MIN);
    await sweepRepairClocks(h.deps);
    expect((await breaches(r.id)).map((b) => [b.clock, b.step])).toEqual([
      ['ACCEPT', 0],
      ['ACCEPT', 1],
    ]);
    await expect.poll(async () => (await overduePushes(r.id)).length, { timeout: 10_000 }).toBe(4);
    const pushed = await h.db.pushMessage.findFirstOrThrow({
      where: { eventKind: 'repair.overdue', userId: manager.userId, eventId: (await breaches(r.id))[0]!.id },
    });
    expect(pushed.data).toMatchObject({
      character_string1: r.number,
      phrase2: '接收超时',
      time4: '2026年10月12日 14:15',
    });

    // Accepted late: off the board, and the contact clock runs.
    const accepted = (await act(manager, r.id, { action: 'accept' })).body;
    expect(accepted.sla.deadlines[0]).toMatchObject({ clock: 'ACCEPT', late: true });
    expect(
      (await manager.call('GET', `/api/staff/communities/${A.community.id}/repairs/overdue`)).body.items.map(
        (i: any) => i.id,
      ),
    ).not.toContain(r.id);
  });

  it('records missed contact, arrival and result deadlines, each once, and tells the technician', async () => {
    setTime('2026-10-13', 9 * 60);
    const r = await fileRepair({ emergency: true });
    await act(manager, r.id, { action: 'accept' });
    await act(manager, r.id, { action: 'assign', technicianId: technician.userId });
    clock.advance(40 * MIN); // contact (15) and arrival (30) both missed
    await sweepRepairClocks(h.deps);
    await sweepRepairClocks(h.deps);
    expect((await breaches(r.id)).map((b) => b.clock)).toEqual(['CONTACT', 'ARRIVE']);
    await expect
      .poll(async () => (await overduePushes(r.id)).filter((p) => p.userId === technician.userId).length, {
        timeout: 10_000,
      })
      .toBe(2);
    expect(await h.db.repairBreach.count({ where: { repairId: r.id, notifiedAt: null } })).toBe(0);
    clock.advance(4 * 24 * 60 * MIN);
    await sweepRepairClocks(h.deps);
    expect((await breaches(r.id)).map((b) => b.clock)).toEqual(['CONTACT', 'ARRIVE', 'FEEDBACK']);
    expect((await h.db.repairRequest.findUniqueOrThrow({ where: { id: r.id } })).nextDueAt).toBeNull();
  });

  it('sweeps only what is due: a repair with time left is not touched', async () => {
    setTime('2026-10-14', 10 * 60);
    const r = await fileRepair();
    clock.advance(14 * MIN);
    await sweepRepairClocks(h.deps);
    expect(await breaches(r.id)).toEqual([]);
    expect((await h.db.repairRequest.findUniqueOrThrow({ where: { id: r.id } })).nextDueAt).toEqual(
      atBeijing('2026-10-14', 615),
    );
  });
});

describe('the escalation chain', () => {
  it('names only staff of the community: a resident or another company’s staff reads as not found', async () => {
    const sla = `/api/staff/communities/${A.community.id}/repair-sla`;
    const current = (await admin.call('GET', sla)).body.settings;
    const B = await makeCommunity(h.db, { units: 1 });
    const elsewhere = await staff(h, 'MANAGER', { id: B.community.id, companyId: B.companyId });
    const withUser = (userId: string) => ({
      ...current,
      escalation: [{ label: '专人督办', roles: [], userIds: [userId], minutes: 10 }],
    });
    for (const userId of [owner.userId, elsewhere.userId]) {
      const res = await admin.call('PUT', sla, { body: withUser(userId) });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    expect((await admin.call('GET', sla)).body.settings.escalation).toEqual(current.escalation);
    expect((await admin.call('PUT', sla, { body: withUser(technician.userId) })).status).toBe(200);
    await admin.call('PUT', sla, { body: current });
  });
});

describe('the two escalation chains', () => {
  it('an emergency repair nobody accepts escalates along the emergency chain, a routine one along the routine chain', async () => {
    const sla = `/api/staff/communities/${A.community.id}/repair-sla`;
    const current = (await admin.call('GET', sla)).body.settings;
    const put = await admin.call('PUT', sla, {
      body: {
        ...current,
        escalation: [{ label: '日常督办', roles: [], userIds: [technician.userId], minutes: 10 }],
        emergencyEscalation: [
          { label: '应急第二响应', roles: ['COMPANY_ADMIN'], userIds: [], minutes: 5 },
          { label: '应急主管', roles: ['COMPANY_ADMIN'], userIds: [], minutes: 30 },
        ],
      },
    });
    expect(put.status).toBe(200);
    expect(put.body.settings.emergencyEscalation.map((s: any) => s.label)).toEqual(['应急第二响应', '应急主管']);
    try {
      setTime('2026-10-16', 14 * 60);
      const emergency = await fileRepair({ emergency: true });
      const routine = await fileRepair({ emergency: false });
      clock.advance(21 * MIN); // accept missed at 15; the emergency chain's first step (5 min) too
      await sweepRepairClocks(h.deps);
      const steps = async (id: string) =>
        (await h.db.repairBreach.findMany({ where: { repairId: id }, orderBy: { step: 'asc' } })).map((b) => b.step);
      expect(await steps(emergency.id)).toEqual([0, 1]);
      expect(await steps(routine.id)).toEqual([0]);
      const pushedTo = async (id: string, step: number) => {
        const b = await h.db.repairBreach.findFirstOrThrow({ where: { repairId: id, clock: 'ACCEPT', step } });
        await expect
          .poll(() => h.db.repairBreach.count({ where: { id: b.id, notifiedAt: null } }), { timeout: 10_000 })
          .toBe(0);
        const pushes = await h.db.pushMessage.findMany({ where: { eventKind: 'repair.overdue', eventId: b.id } });
        return pushes.map((p) => p.userId).sort();
      };
      expect(await pushedTo(emergency.id, 0)).toEqual([manager.userId, admin.userId].sort());
      expect(await pushedTo(routine.id, 0)).toEqual([manager.userId, technician.userId].sort());
    } finally {
      await admin.call('PUT', sla, { body: current });
    }
  });

  it('a community that set one chain before keeps it for both kinds until it sets them apart', async () => {
    const sla = `/api/staff/communities/${A.community.id}/repair-sla`;
    const { settings, defaults } = (await admin.call('GET', sla)).body;
    expect(defaults.emergencyEscalation).toEqual(defaults.escalation);
    expect(settings.emergencyEscalation).toBeDefined();
    const stranger = await resident(h, A.units[1]!);
    const res = await admin.call('PUT', sla, {
      body: {
        ...settings,
        emergencyEscalation: [{ label: '专人', roles: [], userIds: [stranger.userId], minutes: 5 }],
      },
    });
    expect(res.status).toBe(404);
    expect((await admin.call('GET', sla)).body.settings).toEqual(settings);
  });
});

describe('the appointment at the contact', () => {
  it('is at most 14 days ahead; a later one needs the resident’s agreement by phone, recorded with the staff member named', async () => {
    setTime('2026-10-20', 10 * 60);
    const r = await fileRepair();
    await act(manager, r.id, { action: 'accept' });
    await act(manager, r.id, { action: 'assign', technicianId: technician.userId });
    const far = await act(technician, r.id, { action: 'contact', appointmentAt: '2099-01-01T02:00:00.000Z' });
    expect(far.status).toBe(400);
    expect(far.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/90 天/) });
    const late = await act(technician, r.id, { action: 'contact', appointmentAt: bj('2026-11-03', 10, 1) });
    expect(late.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/14 天/) });
    expect((await h.db.repairRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe('ASSIGNED');

    const agreed = await act(technician, r.id, {
      action: 'contact',
      appointmentAt: bj('2026-11-05', 9),
      phoneAgreement: '住户出差，电话约定回来后上门',
    });
    expect(agreed.status).toBe(200);
    expect(deadline(agreed.body, 'ARRIVE')).toBe(bj('2026-11-05', 9));
    expect(agreed.body.timeline.at(-1).note).toMatch(/住户电话同意.*冯师傅.*住户出差/);

    const near = await fileRepair();
    await act(manager, near.id, { action: 'accept' });
    await act(manager, near.id, { action: 'assign', technicianId: technician.userId });
    const inTime = await act(technician, near.id, { action: 'contact', appointmentAt: bj('2026-11-03', 10) });
    expect(inTime.status).toBe(200);
  });
});

describe('the appointment agreed in the app', () => {
  it('a proposal more than 14 days ahead moves the arrival deadline only when the repair’s author agrees; anyone else’s answer is not found', async () => {
    setTime('2026-10-21', 10 * 60);
    const r = await fileRepair();
    await act(manager, r.id, { action: 'accept' });
    await act(manager, r.id, { action: 'assign', technicianId: technician.userId });
    await act(technician, r.id, { action: 'contact', appointmentAt: bj('2026-10-22', 9) });
    const proposed = await act(technician, r.id, {
      action: 'propose',
      appointmentAt: bj('2026-11-20', 9),
      reason: '等配件',
    });
    expect(proposed.status).toBe(200);
    expect(deadline(proposed.body, 'ARRIVE')).toBe(bj('2026-10-22', 9));
    expect(proposed.body.proposedAppointmentAt).toBe(bj('2026-11-20', 9));
    const mine = (await owner.call('GET', `/api/repairs/${r.id}`)).body;
    expect(mine.proposedAppointmentAt).toBe(bj('2026-11-20', 9));

    const answer = (who: Actor, agree: boolean) =>
      who.call('POST', `/api/repairs/${r.id}/appointment-answer`, { body: { agree } });
    const neighbour = await resident(h, A.units[1]!);
    for (const other of [neighbour, technician, manager]) {
      const res = await answer(other, true);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    expect(deadline((await owner.call('GET', `/api/repairs/${r.id}`)).body, 'ARRIVE')).toBe(bj('2026-10-22', 9));

    const agreed = await answer(owner, true);
    expect(agreed.status).toBe(200);
    expect(deadline(agreed.body, 'ARRIVE')).toBe(bj('2026-11-20', 9));
    expect(agreed.body).toMatchObject({ appointmentAt: bj('2026-11-20', 9), proposedAppointmentAt: null });
    expect(agreed.body.timeline.at(-1).note).toMatch(/住户在小程序中同意/);
    expect((await answer(owner, true)).status).toBe(409);
  });

  it('a declined proposal leaves the deadline where it was; nothing beyond 90 days is proposed', async () => {
    setTime('2026-10-21', 10 * 60);
    const r = await fileRepair();
    await act(manager, r.id, { action: 'accept' });
    await act(manager, r.id, { action: 'assign', technicianId: technician.userId });
    await act(technician, r.id, { action: 'contact', appointmentAt: bj('2026-10-22', 9) });
    const tooFar = await act(technician, r.id, {
      action: 'propose',
      appointmentAt: bj('2027-02-01', 9),
      reason: '等配件',
    });
    expect(tooFar.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/90 天/) });
    await act(technician, r.id, { action: 'propose', appointmentAt: bj('2026-11-20', 9), reason: '等配件' });
    const declined = await owner.call('POST', `/api/repairs/${r.id}/appointment-answer`, { body: { agree: false } });
    expect(declined.status).toBe(200);
    expect(deadline(declined.body, 'ARRIVE')).toBe(bj('2026-10-22', 9));
    expect(declined.body).toMatchObject({ appointmentAt: bj('2026-10-22', 9), proposedAppointmentAt: null });
  });
});

describe('the urgent appeal (加急)', () => {
  it('pushes at once to the managers and the assigned technician, and shows on the overdue board due the same day', async () => {
    setTime('2026-10-15', 10 * 60);
    const r = await fileRepair();
    await act(manager, r.id, { action: 'accept' });
    await act(manager, r.id, { action: 'assign', technicianId: technician.userId });
    clock.advance(5 * MIN);
    expect((await act(owner, r.id, { action: 'urgent', reason: '楼下被淹，等不到明天' })).status).toBe(200);
    const pushes = await h.db.pushMessage.findMany({ where: { eventKind: 'repair.urgent', eventId: r.id } });
    expect(pushes.map((p) => p.userId).sort()).toEqual([manager.userId, technician.userId].sort());
    expect(pushes[0]!.data).toMatchObject({
      character_string1: r.number,
      phrase2: '住户加急',
      time4: '2026年10月15日 23:59',
    });

    const board = async () =>
      (await manager.call('GET', `/api/staff/communities/${A.community.id}/repairs/overdue`)).body.items.find(
        (i: any) => i.id === r.id,
      );
    expect(await board()).toMatchObject({
      urgent: { at: bj('2026-10-15', 10, 5), dueAt: bj('2026-10-15', 23, 59), reason: '楼下被淹，等不到明天' },
      overdue: [],
    });
    setTime('2026-10-16', 8 * 60);
    expect((await board()).overdue[0]).toMatchObject({ clock: 'URGENT', label: '加急反馈', lateMinutes: 8 * 60 + 1 });
    await act(technician, r.id, { action: 'contact', appointmentAt: bj('2026-10-16', 9) });
    await act(technician, r.id, { action: 'arrive' });
    await act(technician, r.id, { action: 'resolve', workDone: '已修好' });
    expect(await board()).toBeUndefined();
  });
});

describe('the service level residents see', () => {
  it('shows the share accepted, contacted and arrived on time over the last 30 days, and the promise', async () => {
    const c = await makeCommunity(h.db, { units: 1 });
    const me = await resident(h, c.units[0]!);
    const office = await staff(h, 'MANAGER', { id: c.community.id, companyId: c.companyId });
    const tech = await staff(h, 'TECHNICIAN', { id: c.community.id, companyId: c.companyId });
    setTime('2026-10-20', 10 * 60);
    const file = async () =>
      (await me.call('POST', '/api/repairs', { body: repairBody(c.units[0]!.id, { emergency: true }) })).body
        .id as string;
    const onTime = await file();
    const late = await file();
    await act(office, onTime, { action: 'accept' });
    await act(office, onTime, { action: 'assign', technicianId: tech.userId });
    await act(tech, onTime, { action: 'contact', appointmentAt: bj('2026-10-20', 10, 20) });
    await act(tech, onTime, { action: 'arrive' });
    clock.advance(20 * MIN);
    await act(office, late, { action: 'accept' }); // 20 minutes: late
    clock.advance(20 * MIN);
    await sweepRepairClocks(h.deps); // the late one's contact is now missed too
    const level = (await me.call('GET', `/api/communities/${c.community.id}/repair-service`)).body;
    expect(level).toMatchObject({
      days: 30,
      filed: 2,
      accepted: { onTime: 1, late: 1, rate: 50 },
      contacted: { onTime: 1, late: 1, rate: 50 },
      arrived: { onTime: 1, late: 0, rate: 100 },
      promise: { acceptMinutes: 15, emergencyArriveMinutes: 30, feedbackDays: 4 },
    });
    expect((await owner.call('GET', `/api/communities/${c.community.id}/repair-service`)).status).toBe(404);
    // 30 days on, those repairs have left the window (a neighbour who logs in then asks).
    setTime('2026-11-20', 10 * 60);
    const later = await resident(h, c.units[0]!, { relation: 'CO_OWNER' });
    expect((await later.call('GET', `/api/communities/${c.community.id}/repair-service`)).body).toMatchObject({
      filed: 0,
      accepted: { rate: null },
    });
  });
});
