import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import { makeCommunity, repairBody } from './support/factories/index.js';

/**
 * Return visits after repairs (docs/domain.md §8): a task for the office when a repair is resolved, done
 * by phone or by the resident's rating, whichever first; the monthly rate counted from the rows.
 */
const clock = new ManualClock(atBeijing('2026-10-31', 21 * 60)); // late on the last Beijing day of October;
const h = useHarness({ clock });
let A: Awaited<ReturnType<typeof makeCommunity>>;
let owner: Actor;
let manager: Actor;
let technician: Actor;
let outsider: Actor;

beforeAll(async () => {
  A = await makeCommunity(h.db, { units: 1 });
  const B = await makeCommunity(h.db, { units: 1 });
  owner = await resident(h, A.units[0]!);
  manager = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId });
  technician = await staff(h, 'TECHNICIAN', { id: A.community.id, companyId: A.companyId });
  outsider = await staff(h, 'MANAGER', { id: B.community.id, companyId: B.companyId });
});

const act = async (who: Actor, id: string, body: Record<string, unknown>) => {
  const res = await who.call('POST', `/api/repairs/${id}/actions`, { body });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};
async function resolvedRepair() {
  const r = (await owner.call('POST', '/api/repairs', { body: repairBody(A.units[0]!.id) })).body;
  await act(manager, r.id, { action: 'accept' });
  await act(manager, r.id, { action: 'assign', technicianId: technician.userId });
  await act(technician, r.id, {
    action: 'contact',
    appointmentAt: new Date(clock.now().getTime() + 3_600_000).toISOString(),
  });
  await act(technician, r.id, { action: 'arrive' });
  await act(technician, r.id, { action: 'resolve', workDone: '更换阀芯' });
  return r.id as string;
}
const visits = `/api/staff/communities/${'X'}/return-visits`;
const openVisits = async () =>
  (await manager.call('GET', visits.replace('X', A.community.id))).body.items as { id: string; repairId: string }[];

describe('return visits', () => {
  it('a resolved repair opens a task; the rating or the phone, whichever first, does it; the second is refused', async () => {
    const rated = await resolvedRepair();
    const phoned = await resolvedRepair();
    const open = await openVisits();
    expect(open.map((v) => v.repairId)).toEqual([rated, phoned]);
    await act(owner, rated, { action: 'rate', attitude: 5, quality: 3 });
    const phoneVisit = open.find((v) => v.repairId === phoned)!;
    expect(
      (await outsider.call('POST', `/api/staff/return-visits/${phoneVisit.id}`, { body: { result: 'SATISFIED' } }))
        .status,
    ).toBe(404);
    expect(
      (await technician.call('POST', `/api/staff/return-visits/${phoneVisit.id}`, { body: { result: 'SATISFIED' } }))
        .status,
    ).toBe(404);
    const [a, b] = await Promise.all([
      manager.call('POST', `/api/staff/return-visits/${phoneVisit.id}`, {
        body: { result: 'SATISFIED', note: '业主说水龙头不漏了' },
      }),
      manager.call('POST', `/api/staff/return-visits/${phoneVisit.id}`, { body: { result: 'UNSATISFIED' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    await act(owner, phoned, { action: 'rate', attitude: 1, quality: 1 }); // the phone came first: stays
    expect(await openVisits()).toEqual([]);
    const done = (await manager.call('GET', `${visits.replace('X', A.community.id)}?status=DONE`)).body.items;
    expect(done.find((v: any) => v.repairId === rated)).toMatchObject({
      method: 'RATING',
      result: 'BASICALLY_SATISFIED',
      methodLabel: '住户在线评价',
    });
    // Whichever of the two calls won is the one recorded, with its own note (or none).
    expect(done.find((v: any) => v.repairId === phoned)).toMatchObject(
      a.status === 200
        ? { method: 'PHONE', result: 'SATISFIED', note: '业主说水龙头不漏了' }
        : { method: 'PHONE', result: 'UNSATISFIED', note: null },
    );
  });

  it('counts the month’s rate from the rows: resolved in the Beijing month, visited by now', async () => {
    clock.set(atBeijing('2026-10-31', 23 * 60));
    const ids = [await resolvedRepair(), await resolvedRepair(), await resolvedRepair()];
    clock.set(atBeijing('2026-11-01', 30)); // November in Beijing, still October in UTC: it does not count for October
    await resolvedRepair();
    await act(owner, ids[0]!, { action: 'reopen', reason: '还是漏水' }); // an answer in the app too: unsatisfied
    const v = (await openVisits()).find((x) => x.repairId === ids[1])!;
    await manager.call('POST', `/api/staff/return-visits/${v.id}`, { body: { result: 'SATISFIED' } });
    const rows = await h.db.returnVisit.findMany({ where: { communityId: A.community.id } });
    // Counted independently: October's rows (the first test's two and these three), and those done.
    const inOctober = rows.filter((r) => r.createdAt < atBeijing('2026-11-01', 0));
    const done = inOctober.filter((r) => r.doneAt);
    expect([inOctober.length, done.length]).toEqual([5, 4]);
    const rate = (await manager.call('GET', `${visits.replace('X', A.community.id)}/rate?month=2026-10`)).body;
    expect(rate).toMatchObject({
      month: '2026-10',
      due: inOctober.length,
      done: done.length,
      byPhone: done.filter((r) => r.method === 'PHONE').length,
      byRating: done.filter((r) => r.method === 'RATING').length,
      ratePermille: 800,
      met: false,
    });
    expect((await outsider.call('GET', `${visits.replace('X', A.community.id)}/rate?month=2026-10`)).status).toBe(404);
  });
});
