import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import { makeCommunity, repairBody } from './support/factories/index.js';
import { TEMPLATES } from '../bff/src/push/templates.js';

/** Subscribe messages through the outbox, delivered by an in-process worker against the simulator. */
const h = useHarness({ worker: true });
const TPL = TEMPLATES.noticePublished.id;
let site: Awaited<ReturnType<typeof makeCommunity>>;
let manager: Actor;
let residents: Actor[];

beforeAll(async () => {
  site = await makeCommunity(h.db, { units: 4 });
  manager = await staff(h, 'MANAGER', { id: site.community.id, companyId: site.companyId });
  residents = [];
  for (const unit of site.units) residents.push(await resident(h, unit));
});

/** A resident taps "订阅" and accepts: the app reports it, WeChat counts it. */
async function subscribe(r: Actor, times = 1) {
  for (let i = 0; i < times; i++) {
    const res = await r.call('POST', '/api/push/subscriptions', {
      body: { results: { [TPL]: 'accept', T_UNKNOWN: 'accept' } },
    });
    expect(res.status).toBe(200);
  }
  await h.sim('/sim/subscribe/accept', { openid: r.openid, templateId: TPL, times });
}

async function publish(title: string) {
  const { body } = await manager.call('POST', '/api/staff/notices', {
    body: { title, body: '<p>x</p>', category: 'OUTAGE', communityIds: [site.community.id] },
  });
  await manager.call('POST', `/api/staff/notices/${body.id}/publish`);
  return body.id as string;
}

const delivered = async () =>
  (
    (await (await fetch(`${h.simUrl}/sim/subscribe/delivered`)).json()) as {
      items: { touser: string; data: Record<string, { value: string }> }[];
    }
  ).items;
const messages = (eventId: string) => h.db.pushMessage.findMany({ where: { eventId }, orderBy: { createdAt: 'asc' } });
const settled = (eventId: string) =>
  expect
    .poll(async () => (await messages(eventId)).every((m) => !['QUEUED', 'SENDING'].includes(m.status)), {
      timeout: 15_000,
      interval: 100,
    })
    .toBe(true);

describe('a notice published', () => {
  it('is pushed once to each resident who accepted, never to those who did not; values fitted to their types', async () => {
    await subscribe(residents[0]!);
    await subscribe(residents[1]!, 2);
    const publishedAt = Date.now();
    const id = await publish('梧桐苑3号楼电梯维修完成，请业主知悉并配合后续检查工作');
    await settled(id);
    const sent = await messages(id);
    expect(sent.map((m) => m.status)).toEqual(['SENT', 'SENT']);
    for (const m of sent) expect(m.sentAt!.getTime()).toBeGreaterThanOrEqual(publishedAt - 1000); // an instant, not a local time
    for (const m of sent) expect(m.sentAt!.getTime()).toBeLessThanOrEqual(Date.now());
    // Written as the event commits: the instant, the community and the page to open.
    for (const m of sent) expect(m.createdAt.getTime()).toBeGreaterThanOrEqual(publishedAt - 1000);
    for (const m of sent) expect(m.createdAt.getTime()).toBeLessThanOrEqual(m.sentAt!.getTime());
    for (const m of sent)
      expect(m).toMatchObject({
        communityId: site.community.id,
        eventKind: 'notice.published',
        page: `pages/notices/detail?id=${id}`,
      });
    expect(new Set(sent.map((m) => m.userId))).toEqual(new Set([residents[0]!.userId, residents[1]!.userId]));
    const got = (await delivered()).filter((d) => d.data.thing1?.value.startsWith('梧桐苑3号楼'));
    expect(got).toHaveLength(2);
    expect(got[0]!.data).toMatchObject({
      thing1: { value: '梧桐苑3号楼电梯维修完成，请业主知悉并…' },
      phrase2: { value: '停水停电' },
    });
    expect(got[0]!.data.time3!.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    // Credit: spent on success only; the unknown template id was ignored.
    const credits = await h.db.pushCredit.findMany({
      where: { userId: { in: [residents[0]!.userId, residents[1]!.userId] } },
    });
    expect(
      credits.map((c) => [c.userId === residents[0]!.userId ? 'r0' : 'r1', c.templateId, c.credit]).sort(),
    ).toEqual([
      ['r0', TPL, 0],
      ['r1', TPL, 1],
    ]);
  });

  it('a 43101 from WeChat ends the message REFUSED and zeroes the credit', async () => {
    // The app reported an accept that WeChat never counted (a stale client, say).
    await residents[2]!.call('POST', '/api/push/subscriptions', { body: { results: { [TPL]: 'accept' } } });
    const id = await publish('第二条');
    await settled(id);
    const mine = (await messages(id)).find((m) => m.userId === residents[2]!.userId)!;
    expect(mine).toMatchObject({ status: 'REFUSED' });
    expect(mine.reason).toMatch(/^43101/);
    expect((await h.db.pushCredit.findFirstOrThrow({ where: { userId: residents[2]!.userId } })).credit).toBe(0);
  });

  it('survives WeChat answering 5xx for a while, then delivers each message once', async () => {
    await subscribe(residents[3]!);
    await h.sim('/sim/subscribe/behaviour', { http5xxTimes: 2 });
    const before = (await delivered()).length;
    const id = await publish('第三条');
    await settled(id);
    const mine = (await messages(id)).find((m) => m.userId === residents[3]!.userId)!;
    expect(mine).toMatchObject({ status: 'SENT', attempts: 3 });
    expect((await delivered()).length - before).toBe((await messages(id)).filter((m) => m.status === 'SENT').length);
    expect((await h.db.pushCredit.findFirstOrThrow({ where: { userId: residents[3]!.userId } })).credit).toBe(0);
  });

  it('staff see per event whether each push went out, and why not', async () => {
    await subscribe(residents[3]!);
    await residents[2]!.call('POST', '/api/push/subscriptions', { body: { results: { [TPL]: 'accept' } } });
    const id = await publish('第四条');
    await settled(id);
    const view = await manager.call(
      'GET',
      `/api/staff/communities/${site.community.id}/pushes?kind=notice.published&id=${id}`,
    );
    expect(view.body.counts).toEqual({ SENT: 1, REFUSED: 1 }); // residents[1] spent their second accept on the second notice
    expect(view.body.items.find((i: { status: string }) => i.status === 'REFUSED').reason).toMatch(/43101/);
    const outsider = await staff(h, 'MANAGER', {
      id: (await makeCommunity(h.db, { units: 1 })).community.id,
      companyId: site.companyId,
    });
    expect(
      (await outsider.call('GET', `/api/staff/communities/${site.community.id}/pushes?kind=notice.published&id=${id}`))
        .status,
    ).toBe(404);
  });
});

describe('a repair accepted and resolved', () => {
  it('tells the reporter who subscribed, with the number and what was wrong', async () => {
    const tech = await staff(h, 'TECHNICIAN', { id: site.community.id, companyId: site.companyId });
    const reporter = residents[0]!;
    const accepted = TEMPLATES.repairAccepted.id;
    await reporter.call('POST', '/api/push/subscriptions', { body: { results: { [accepted]: 'accept' } } });
    await h.sim('/sim/subscribe/accept', { openid: reporter.openid, templateId: accepted });
    const { body } = await reporter.call('POST', '/api/repairs', {
      body: repairBody(site.units[0]!.id, { part: '卫生间下水管道', phenomenon: '堵塞，水排不下去，已经两天了' }),
    });
    await manager.call('POST', `/api/repairs/${body.id}/actions`, { body: { action: 'accept' } });
    await settled(body.id);
    const sent = (await delivered()).filter(
      (d) => (d.data as Record<string, { value: string }>).character_string1?.value === body.number,
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]!.data.thing2!.value).toBe('卫生间下水管道：堵塞，水排不下去，已经…'); // 20 characters, the limit of a thing
    // No accept for the "resolved" template: the resolution queues nothing for them.
    await manager.call('POST', `/api/repairs/${body.id}/actions`, {
      body: { action: 'assign', technicianId: tech.userId },
    });
    await tech.call('POST', `/api/repairs/${body.id}/actions`, {
      body: { action: 'contact', appointmentAt: '2026-12-01T02:00:00Z' },
    });
    await tech.call('POST', `/api/repairs/${body.id}/actions`, { body: { action: 'arrive' } });
    await tech.call('POST', `/api/repairs/${body.id}/actions`, { body: { action: 'resolve', workDone: '疏通' } });
    expect(await h.db.pushMessage.count({ where: { eventId: body.id, eventKind: 'repair.resolve' } })).toBe(0);
  });
});
