import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import { makeCommunity } from './support/factories/index.js';

/**
 * The resident's side of surveys (docs/domain.md §8): the open surveys of my units, one with its
 * questions, and who answered for each unit — me (已提交) or another member (已由家人代答).
 */
const clock = new ManualClock(atBeijing('2026-10-12', 10 * 60));
const h = useHarness({ clock });
let A: Awaited<ReturnType<typeof makeCommunity>>;
let me: Actor;
let family: Actor;
let neighbour: Actor;
let outsider: Actor;
let surveyId: string;

beforeAll(async () => {
  A = await makeCommunity(h.db, { units: 2 });
  const B = await makeCommunity(h.db, { units: 1 });
  me = await resident(h, A.units[0]!);
  family = await resident(h, A.units[0]!);
  neighbour = await resident(h, A.units[1]!);
  outsider = await resident(h, B.units[0]!);
  const manager = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId });
  const create = (title: string, opensAt: string, closesAt: string) =>
    manager.call('POST', `/api/staff/communities/${A.community.id}/surveys`, {
      body: { title, opensAt, closesAt, questions: [{ type: 'stars', title: '总体满意度' }] },
    });
  const open = await create(
    '下半年满意度调查',
    atBeijing('2026-10-12', 0).toISOString(),
    atBeijing('2026-10-26', 0).toISOString(),
  );
  surveyId = open.body.id;
  // Closed, and not yet open: neither is listed.
  await create('上半年满意度调查', atBeijing('2026-04-01', 0).toISOString(), atBeijing('2026-04-15', 0).toISOString());
  await create('明年的调查', atBeijing('2027-01-01', 0).toISOString(), atBeijing('2027-01-15', 0).toISOString());
});

describe('my surveys', () => {
  it('lists the open surveys of my units, with who answered for each unit', async () => {
    const mine = (await me.call('GET', '/api/surveys')).body;
    expect(mine.items).toEqual([
      {
        id: surveyId,
        title: '下半年满意度调查',
        closesAt: atBeijing('2026-10-26', 0).toISOString(),
        questionCount: 1,
        byCommittee: false, // the office's, not the committee's 意见征询
        units: [{ unitId: A.units[0]!.id, label: expect.stringContaining('室'), answered: 'none' }],
      },
    ]);
    expect((await outsider.call('GET', '/api/surveys')).body.items).toEqual([]);
    const answered = await family.call('POST', `/api/surveys/${surveyId}/responses`, {
      body: { unitId: A.units[0]!.id, answers: [4] },
    });
    expect(answered.status).toBe(201);
    expect((await me.call('GET', '/api/surveys')).body.items[0].units[0].answered).toBe('family');
    expect((await family.call('GET', '/api/surveys')).body.items[0].units[0].answered).toBe('mine');
    expect((await neighbour.call('GET', '/api/surveys')).body.items[0].units[0].answered).toBe('none');
  });

  it('opens one with its questions for a member of a targeted unit; anyone else: not found', async () => {
    const one = (await me.call('GET', `/api/surveys/${surveyId}`)).body;
    expect(one).toMatchObject({
      title: '下半年满意度调查',
      open: true,
      questions: [{ type: 'stars', title: '总体满意度' }],
    });
    expect(one.units).toEqual([{ unitId: A.units[0]!.id, label: expect.any(String), answered: 'family' }]);
    const hidden = await outsider.call('GET', `/api/surveys/${surveyId}`);
    expect(hidden.status).toBe(404);
    const missing = await me.call('GET', '/api/surveys/00000000-0000-4000-8000-000000000000');
    expect(missing.body).toEqual(hidden.body);
    clock.set(atBeijing('2026-10-26', 0));
    expect((await me.call('GET', `/api/surveys/${surveyId}`)).body.open).toBe(false);
    expect((await me.call('GET', '/api/surveys')).body.items).toEqual([]);
  });
});
