import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import { makeCommunity } from './support/factories/index.js';

/**
 * Surveys (docs/domain.md §8): built by the office for a community or some buildings, answered once per
 * unit by any verified member — under 50 concurrent answers too — results and coverage live.
 */
const clock = new ManualClock(atBeijing('2026-10-12', 10 * 60));
const h = useHarness({ clock });
let A: Awaited<ReturnType<typeof makeCommunity>>;
let members: Actor[];
let other: Actor;
let elsewhere: Actor;
let manager: Actor;
let outsider: Actor;
let surveyId: string;

beforeAll(async () => {
  A = await makeCommunity(h.db, { units: 4 });
  const B = await makeCommunity(h.db, { units: 1 });
  // A second building the survey does not target.
  const b2 = await h.db.building.create({ data: { communityId: A.community.id, name: '2号楼' } });
  const untargeted = await h.db.unit.create({
    data: {
      communityId: A.community.id,
      buildingId: b2.id,
      number: '101',
      floor: 1,
      buildingArea: '90.00',
      exclusiveArea: '70.00',
    },
  });
  members = [];
  for (let i = 0; i < 5; i++) members.push(await resident(h, A.units[0]!));
  other = await resident(h, A.units[1]!);
  elsewhere = await resident(h, untargeted);
  manager = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId });
  outsider = await staff(h, 'MANAGER', { id: B.community.id, companyId: B.companyId });
  const created = await manager.call('POST', `/api/staff/communities/${A.community.id}/surveys`, {
    body: {
      title: '2026 年下半年满意度调查',
      buildingIds: [A.building.id],
      opensAt: atBeijing('2026-10-12', 0).toISOString(),
      closesAt: atBeijing('2026-10-26', 0).toISOString(),
      questions: [
        { type: 'stars', title: '总体满意度' },
        { type: 'single', title: '保洁是否及时', options: ['及时', '一般', '不及时'] },
        { type: 'multiple', title: '最需改进', options: ['保洁', '安保', '绿化', '维修'] },
        { type: 'text', title: '其他建议' },
      ],
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  surveyId = created.body.id;
});

const answer = (who: Actor, unitId: string, answers: unknown[]) =>
  who.call('POST', `/api/surveys/${surveyId}/responses`, { body: { unitId, answers } });

describe('surveys', () => {
  it('one answer per unit under 50 concurrent answers from its five members', async () => {
    const tries = members.flatMap((m, i) =>
      Array.from({ length: 10 }, () => answer(m, A.units[0]!.id, [5 - (i % 2), 0, [0, 3], '电梯间多通风'])),
    );
    const statuses = (await Promise.all(tries)).map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(await h.db.surveyResponse.count({ where: { surveyId } })).toBe(1);
  });

  it('only a targeted unit’s member, in the window, with answers that fit; results and coverage live, text without names', async () => {
    expect((await answer(elsewhere, A.units[1]!.id, [3, 1, [1], ''])).status).toBe(404); // not their unit
    expect((await answer(other, A.units[1]!.id, [6, 1, [1], ''])).status).toBe(400);
    expect((await answer(other, A.units[1]!.id, [3, 3, [1], ''])).status).toBe(400); // no option 3
    expect((await answer(other, A.units[1]!.id, [3, 1, [1, 1], ''])).status).toBe(400);
    clock.set(atBeijing('2026-10-26', 0)); // the window has closed
    expect((await answer(other, A.units[1]!.id, [3, 1, [1, 2], ''])).body.message).toBe('问卷不在答题时间内');
    clock.set(atBeijing('2026-10-25', 23 * 60));
    expect((await answer(other, A.units[1]!.id, [3, 1, [1, 2], ''])).status).toBe(201);
    expect((await outsider.call('GET', `/api/staff/surveys/${surveyId}/results`)).status).toBe(404);
    expect((await other.call('GET', `/api/staff/surveys/${surveyId}/results`)).status).toBe(404);
    const results = (await manager.call('GET', `/api/staff/surveys/${surveyId}/results`)).body;
    const first = await h.db.surveyResponse.findFirstOrThrow({ where: { surveyId, unitId: A.units[0]!.id } });
    const stars = [(first.answers as number[])[0]!, 3];
    expect(results).toMatchObject({ targetedUnits: 4, answeredUnits: 2, coveragePermille: 500 });
    expect(results.questions[0]).toMatchObject({
      distribution: [1, 2, 3, 4, 5].map((n) => stars.filter((s) => s === n).length),
      averageHundredths: Math.round(((stars[0]! + stars[1]!) * 100) / 2),
    });
    expect(results.questions[1].counts).toEqual([1, 1, 0]);
    expect(results.questions[2].counts).toEqual([1, 1, 1, 1]);
    expect(results.questions[3].texts).toEqual(['电梯间多通风']);
    expect(JSON.stringify(results)).not.toContain(members[0]!.userId);
  });
});
