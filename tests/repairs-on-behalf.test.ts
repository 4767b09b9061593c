import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';
import { TEMPLATES } from '../bff/src/push/templates.js';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import { makeCommunity, repairBody } from './support/factories/index.js';

/**
 * 代客报修 (issue 30): the office files a repair for a resident who phoned or walked in. It is the
 * resident's repair — their list, their pushes, their rating — and its SLA clock runs like any other.
 */
const clock = new ManualClock(atBeijing('2026-10-12', 10 * 60)); // a Monday, 10:00 in Beijing
const h = useHarness({ clock });
let A: Awaited<ReturnType<typeof makeCommunity>>;
let B: Awaited<ReturnType<typeof makeCommunity>>;
let owner: Actor;
let neighbour: Actor;
let manager: Actor;
let technician: Actor;
let otherManager: Actor;

beforeAll(async () => {
  A = await makeCommunity(h.db, { units: 2 });
  B = await makeCommunity(h.db, { companyId: A.companyId, units: 1 });
  owner = await resident(h, A.units[0]!);
  neighbour = await resident(h, A.units[1]!);
  const office = { id: A.community.id, companyId: A.companyId };
  manager = await staff(h, 'MANAGER', office, { name: '王经理' });
  technician = await staff(h, 'TECHNICIAN', office, { name: '冯师傅' });
  otherManager = await staff(h, 'MANAGER', { id: B.community.id, companyId: A.companyId });
});

const onBehalf = (who: Actor, body: Record<string, unknown>, communityId = A.community.id) =>
  who.call('POST', `/api/staff/communities/${communityId}/repairs/on-behalf`, { body });
const body = (extra: Record<string, unknown> = {}) => {
  const { unitId, ...rest } = repairBody(A.units[0]!.id);
  return { unitId, residentId: owner.userId, channel: 'PHONE', ...rest, ...extra };
};
const act = (who: Actor, id: string, action: Record<string, unknown>) =>
  who.call('POST', `/api/repairs/${id}/actions`, { body: action });

describe('代客报修', () => {
  it('is the resident’s repair: in their list, with their phone, pushed to them, rated by them', async () => {
    const accepted = TEMPLATES.repairAccepted.id;
    await owner.call('POST', '/api/push/subscriptions', { body: { results: { [accepted]: 'accept' } } });
    const res = await onBehalf(manager, body({ emergency: true }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'SUBMITTED', filedByOffice: { channel: 'PHONE' }, place: '1号楼 101室' });
    expect(res.body.myRoles).toEqual(['office']);
    const id = res.body.id as string;

    const mine = await owner.call('GET', '/api/repairs');
    expect(mine.body.items.map((r: { id: string }) => r.id)).toContain(id);
    const seen = await owner.call('GET', `/api/repairs/${id}`);
    expect(seen.body).toMatchObject({
      contactPhone: owner.phone,
      myRoles: ['reporter'],
      filedByOffice: { channel: 'PHONE' },
    });
    expect(seen.body.timeline).toEqual([expect.objectContaining({ action: 'file', by: '王**' })]);
    expect((await neighbour.call('GET', `/api/repairs/${id}`)).status).toBe(404);
    expect(await h.db.filedOnBehalf.findFirst({ where: { recordId: id } })).toMatchObject({
      recordKind: 'repair',
      filedById: manager.userId,
      residentId: owner.userId,
      unitId: A.units[0]!.id,
      channel: 'PHONE',
    });

    // The SLA clock runs as for any filing: an emergency is accepted within 15 minutes.
    expect(seen.body.sla.next).toMatchObject({
      clock: 'ACCEPT',
      dueAt: atBeijing('2026-10-12', 10 * 60 + 15).toISOString(),
      overdue: false,
    });
    clock.advance(16 * 60_000);
    expect((await owner.call('GET', `/api/repairs/${id}`)).body.sla.next.overdue).toBe(true);

    expect((await act(manager, id, { action: 'accept' })).status).toBe(200);
    expect(
      await h.db.pushMessage.count({ where: { eventId: id, eventKind: 'repair.accept', userId: owner.userId } }),
    ).toBe(1);
    await act(manager, id, { action: 'assign', technicianId: technician.userId });
    await act(technician, id, { action: 'contact', appointmentAt: clock.now().toISOString() });
    await act(technician, id, { action: 'arrive' });
    await act(technician, id, { action: 'resolve', workDone: '换了阀芯' });
    const rated = await act(owner, id, { action: 'rate', attitude: 5, quality: 5 });
    expect(rated.status).toBe(200);
    expect(rated.body.status).toBe('CLOSED');
  });

  it('a visit is recorded as such, with the callback number the caller gave', async () => {
    const res = await onBehalf(manager, body({ channel: 'VISIT', contactPhone: '13910007919' }));
    expect(res.status).toBe(201);
    expect(res.body.filedByOffice).toEqual({ channel: 'VISIT' });
    expect((await owner.call('GET', `/api/repairs/${res.body.id}`)).body.contactPhone).toBe('+8613910007919');
  });

  it('a unit of another community, or a resident not of that unit, is not found', async () => {
    const other = await onBehalf(manager, body({ unitId: B.units[0]!.id }));
    expect(other.status).toBe(404);
    expect((await onBehalf(manager, body({ residentId: neighbour.userId }))).status).toBe(404);
    // Another community's manager, a technician and the resident themself do not run this office.
    expect((await onBehalf(otherManager, body())).status).toBe(404);
    expect((await onBehalf(technician, body())).status).toBe(404);
    expect((await onBehalf(owner, body())).status).toBe(404);
    // Nothing was stored for any of them.
    const rows = await h.db.filedOnBehalf.count({ where: { communityId: B.community.id } });
    expect(rows).toBe(0);
  });
});

describe('代客登记 (随手拍)', () => {
  const snap = (who: Actor, extra: Record<string, unknown> = {}, communityId = A.community.id) =>
    who.call('POST', `/api/staff/communities/${communityId}/snapshots/on-behalf`, {
      body: {
        unitId: A.units[0]!.id,
        residentId: owner.userId,
        channel: 'VISIT',
        kind: 'PROBLEM',
        text: '东门路灯不亮',
        ...extra,
      },
    });

  it('is the resident’s: in their list and theirs to close', async () => {
    const res = await snap(manager);
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    const mine = await owner.call('GET', '/api/snapshots');
    expect(mine.body.items.map((s: { id: string }) => s.id)).toContain(id);
    expect((await owner.call('GET', `/api/snapshots/${id}`)).body.myRoles).toEqual(['author']);
    expect((await neighbour.call('GET', `/api/snapshots/${id}`)).status).toBe(404);
    expect(await h.db.filedOnBehalf.findFirst({ where: { recordId: id } })).toMatchObject({
      recordKind: 'snapshot',
      channel: 'VISIT',
      filedById: manager.userId,
    });
  });

  it('a unit of another community is not found; the praise wall is never chosen for them', async () => {
    expect((await snap(manager, { unitId: B.units[0]!.id })).status).toBe(404);
    expect((await snap(otherManager)).status).toBe(404);
    expect((await snap(manager, { wallConsent: true })).status).toBe(400);
  });
});
