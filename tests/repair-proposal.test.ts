import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';
import { TEMPLATES } from '../bff/src/push/templates.js';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import { makeCommunity, repairBody } from './support/factories/index.js';

/**
 * A later appointment the technician proposes (docs/domain.md §1, appointments): the resident hears of it
 * by subscribe message, with the time and the reason, and the technician sees whether they agreed.
 */
const clock = new ManualClock(atBeijing('2026-10-12', 10 * 60));
const h = useHarness({ clock, worker: true });
const PROPOSED = TEMPLATES.repairAppointmentProposed.id;
let A: Awaited<ReturnType<typeof makeCommunity>>;
let owner: Actor;
let manager: Actor;
let technician: Actor;

beforeAll(async () => {
  A = await makeCommunity(h.db, { units: 1 });
  owner = await resident(h, A.units[0]!);
  manager = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId });
  technician = await staff(h, 'TECHNICIAN', { id: A.community.id, companyId: A.companyId }, { name: '冯师傅' });
  // The resident accepted the proposal template when filing (the app asks there): the app reports it,
  // WeChat counts it.
  const report = await owner.call('POST', '/api/push/subscriptions', {
    body: { results: { [PROPOSED]: 'accept' } },
  });
  expect(report.status).toBe(200);
  await h.sim('/sim/subscribe/accept', { openid: owner.openid, templateId: PROPOSED, times: 2 });
});

const bj = (date: string, hh: number) => atBeijing(date, hh * 60).toISOString();
const act = (who: Actor, id: string, body: Record<string, unknown>) =>
  who.call('POST', `/api/repairs/${id}/actions`, { body });
type Delivered = { touser: string; templateId: string; page?: string; data: Record<string, { value: string }> };
const delivered = async () =>
  ((await (await fetch(`${h.simUrl}/sim/subscribe/delivered`)).json()) as { items: Delivered[] }).items;

/** A repair filed by the owner, accepted, assigned and with an appointment tomorrow morning. */
async function contacted() {
  clock.set(atBeijing('2026-10-12', 10 * 60));
  const filed = await owner.call('POST', '/api/repairs', { body: repairBody(A.units[0]!.id) });
  expect(filed.status).toBe(201);
  const id = filed.body.id as string;
  await act(manager, id, { action: 'accept' });
  await act(manager, id, { action: 'assign', technicianId: technician.userId });
  expect((await act(technician, id, { action: 'contact', appointmentAt: bj('2026-10-13', 9) })).status).toBe(200);
  return filed.body as { id: string; number: string };
}

describe('a proposed appointment', () => {
  it('is pushed to the resident with its time and reason; the technician sees it waiting, then agreed', async () => {
    const r = await contacted();
    const proposed = await act(technician, r.id, {
      action: 'propose',
      appointmentAt: bj('2026-11-02', 14),
      reason: '需要等厂家配件到货',
    });
    expect(proposed.status).toBe(200);
    expect(proposed.body.appointmentProposal).toMatchObject({
      appointmentAt: bj('2026-11-02', 14),
      reason: '需要等厂家配件到货',
      state: 'PENDING',
    });
    await expect
      .poll(async () => (await delivered()).filter((d) => d.touser === owner.openid && d.templateId === PROPOSED), {
        timeout: 15_000,
        interval: 100,
      })
      .toHaveLength(1);
    const [message] = (await delivered()).filter((d) => d.touser === owner.openid && d.templateId === PROPOSED);
    expect(message!.page).toBe(`pages/repairs/detail?id=${r.id}`);
    expect(message!.data).toEqual({
      character_string1: { value: r.number },
      time2: { value: '2026年11月2日 14:00' },
      thing3: { value: '需要等厂家配件到货' },
    });
    const mine = (await owner.call('GET', `/api/repairs/${r.id}`)).body;
    expect(mine.appointmentProposal).toMatchObject({ reason: '需要等厂家配件到货', state: 'PENDING' });

    clock.advance(60 * 60_000);
    expect(
      (await owner.call('POST', `/api/repairs/${r.id}/appointment-answer`, { body: { agree: true } })).status,
    ).toBe(200);
    for (const who of [technician, manager]) {
      const seen = (await who.call('GET', `/api/repairs/${r.id}`)).body;
      expect(seen.appointmentProposal).toEqual({
        appointmentAt: bj('2026-11-02', 14),
        reason: '需要等厂家配件到货',
        state: 'AGREED',
        proposedAt: atBeijing('2026-10-12', 10 * 60).toISOString(),
        answeredAt: atBeijing('2026-10-12', 11 * 60).toISOString(),
      });
      expect(seen.appointmentAt).toBe(bj('2026-11-02', 14));
    }
  });

  it('needs a reason; a declined one shows as declined and leaves the appointment as it was', async () => {
    const r = await contacted();
    const bare = await act(technician, r.id, { action: 'propose', appointmentAt: bj('2026-11-02', 14) });
    expect(bare.status).toBe(400);
    expect(bare.body.code).toBe('VALIDATION_FAILED');
    expect(bare.body.details).toContainEqual({ path: 'reason', message: expect.stringMatching(/改约原因/) });
    await act(technician, r.id, { action: 'propose', appointmentAt: bj('2026-11-05', 9), reason: '住户出差' });
    await owner.call('POST', `/api/repairs/${r.id}/appointment-answer`, { body: { agree: false } });
    const seen = (await technician.call('GET', `/api/repairs/${r.id}`)).body;
    expect(seen.appointmentProposal).toMatchObject({ appointmentAt: bj('2026-11-05', 9), state: 'DECLINED' });
    expect(seen.appointmentAt).toBe(bj('2026-10-13', 9));
    expect(seen.timeline.at(-2).note).toMatch(/提议上门时间 2026-11-05 09:00，待住户确认：住户出差/);
  });

  it('a repair without a proposal has none', async () => {
    const r = await contacted();
    expect((await technician.call('GET', `/api/repairs/${r.id}`)).body.appointmentProposal).toBeNull();
  });
});
