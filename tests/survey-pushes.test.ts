import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';
import { TEMPLATES } from '../bff/src/push/templates.js';
import { surveyPushSweep } from '../bff/src/surveys/pushes.js';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import { makeCommunity } from './support/factories/index.js';

/**
 * Survey pushes (docs/domain.md §8): the opening to the targeted units' members who subscribed — at
 * creation when open, else by the sweep when it opens — and one reminder a day before closing to the
 * units not answered; the sweep is a pg-boss job run on the moved clock, and running it again sends nothing.
 */
const clock = new ManualClock(atBeijing('2026-10-12', 10 * 60)); // a Monday, 10:00
const h = useHarness({ clock, worker: true });
const OPENED = TEMPLATES.surveyOpened.id;
const CLOSING = TEMPLATES.surveyClosing.id;
let A: Awaited<ReturnType<typeof makeCommunity>>;
let manager: Actor;
let r: Actor[];

async function subscribe(who: Actor, templateId: string, times = 1) {
  for (let i = 0; i < times; i++) {
    const res = await who.call('POST', '/api/push/subscriptions', { body: { results: { [templateId]: 'accept' } } });
    expect(res.status).toBe(200);
  }
  await h.sim('/sim/subscribe/accept', { openid: who.openid, templateId, times });
}

const messages = (kind: string, id: string) =>
  h.db.pushMessage.findMany({ where: { eventKind: kind, eventId: id }, orderBy: { userId: 'asc' } });
const recipients = async (kind: string, id: string) => (await messages(kind, id)).map((m) => m.userId).sort();

async function create(title: string, opensAt: Date, closesAt: Date) {
  const res = await manager.call('POST', `/api/staff/communities/${A.community.id}/surveys`, {
    body: {
      title,
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
      questions: [{ type: 'stars', title: '总体满意度' }],
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

beforeAll(async () => {
  A = await makeCommunity(h.db, { units: 3 });
  manager = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId });
  r = [];
  for (const unit of A.units) r.push(await resident(h, unit));
  // r0 and r1 subscribe (twice to the opening: two surveys); r2 does not.
  for (const who of [r[0]!, r[1]!]) {
    await subscribe(who, OPENED, 2);
    await subscribe(who, CLOSING);
  }
});

describe('survey pushes', () => {
  let open: string;
  let later: string;

  it('a survey open when published is pushed at once to the members who subscribed, and only once', async () => {
    open = await create('四季度保洁满意度', atBeijing('2026-10-12', 0), atBeijing('2026-10-19', 0));
    expect(await recipients('survey.opened', open)).toEqual([r[0]!.userId, r[1]!.userId].sort());
    expect(await h.runJob(surveyPushSweep, {})).toBe('completed');
    expect(await messages('survey.opened', open)).toHaveLength(2);
    await expect
      .poll(async () => (await messages('survey.opened', open)).map((m) => m.status), { timeout: 15_000 })
      .toEqual(['SENT', 'SENT']);
    const delivered = (await (await fetch(`${h.simUrl}/sim/subscribe/delivered`)).json()) as {
      items: { touser: string; page: string; data: Record<string, { value: string }> }[];
    };
    const mine = delivered.items.find((i) => i.touser === r[0]!.openid)!;
    expect(mine.page).toBe(`packages/voice/surveys/detail?id=${open}`);
    expect(mine.data.thing1!.value).toBe('四季度保洁满意度');
    expect(mine.data.time2!.value).toBe('2026年10月19日 00:00');
  });

  it('a survey opening later is pushed by the sweep when it opens, not before, and once', async () => {
    later = await create('电梯改造意见', atBeijing('2026-10-13', 9 * 60), atBeijing('2026-10-14', 9 * 60));
    expect(await h.runJob(surveyPushSweep, {})).toBe('completed');
    expect(await messages('survey.opened', later)).toHaveLength(0);
    clock.set(atBeijing('2026-10-13', 9 * 60 + 3));
    expect(await h.runJob(surveyPushSweep, {})).toBe('completed');
    expect(await h.runJob(surveyPushSweep, {})).toBe('completed');
    expect(await recipients('survey.opened', later)).toEqual([r[0]!.userId, r[1]!.userId].sort());
  });

  it('one reminder a day before closing, to the units not answered who subscribed; none for a one-day window', async () => {
    const answered = await r[0]!.call('POST', `/api/surveys/${open}/responses`, {
      body: { unitId: A.units[0]!.id, answers: [5] },
    });
    expect(answered.status).toBe(201);
    clock.set(atBeijing('2026-10-17', 23 * 60)); // 25 hours before closing: not yet
    expect(await h.runJob(surveyPushSweep, {})).toBe('completed');
    expect(await messages('survey.reminder', open)).toHaveLength(0);
    clock.set(atBeijing('2026-10-18', 1 * 60));
    expect(await h.runJob(surveyPushSweep, {})).toBe('completed');
    expect(await h.runJob(surveyPushSweep, {})).toBe('completed');
    expect(await recipients('survey.reminder', open)).toEqual([r[1]!.userId]);
    const survey = await h.db.survey.findUniqueOrThrow({ where: { id: open } });
    expect(survey.remindedAt).toEqual(atBeijing('2026-10-18', 1 * 60));
    // The one-day survey closed meanwhile without a reminder (its opening push is the reminder enough).
    expect(await messages('survey.reminder', later)).toHaveLength(0);
  });
});
