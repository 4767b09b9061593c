import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import { makeCommunity } from './support/factories/index.js';

/**
 * The committee's own surveys (意见征询) and the company's reusable survey templates (docs/domain.md §8).
 */
const clock = new ManualClock(atBeijing('2026-10-12', 10 * 60));
const h = useHarness({ clock });
let A: Awaited<ReturnType<typeof makeCommunity>>;
let B: Awaited<ReturnType<typeof makeCommunity>>;
let committee: Actor;
let otherCommittee: Actor;
let manager: Actor;
let admin: Actor;
let otherManager: Actor;
let owners: Actor[];

const body = (title: string, questions: unknown[] = [{ type: 'text', title: '您的意见' }]) => ({
  title,
  opensAt: atBeijing('2026-10-12', 0).toISOString(),
  closesAt: atBeijing('2026-10-26', 0).toISOString(),
  questions,
});

beforeAll(async () => {
  A = await makeCommunity(h.db, { units: 2 });
  B = await makeCommunity(h.db, { units: 1 });
  committee = await staff(h, 'COMMITTEE_MEMBER', { id: A.community.id, companyId: A.companyId });
  otherCommittee = await staff(h, 'COMMITTEE_MEMBER', { id: B.community.id, companyId: B.companyId });
  manager = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId });
  admin = await staff(h, 'COMPANY_ADMIN', { id: null, companyId: A.companyId });
  otherManager = await staff(h, 'MANAGER', { id: B.community.id, companyId: B.companyId });
  owners = [await resident(h, A.units[0]!, { name: '张三' }), await resident(h, A.units[1]!, { name: '李四' })];
});

describe('意见征询: the committee’s own surveys', () => {
  let asked: string;
  let office: string;

  it('a committee member publishes one for their community, marked as the committee’s; nobody else may', async () => {
    const path = `/api/committee/communities/${A.community.id}/surveys`;
    const made = await committee.call('POST', path, { body: body('是否同意加装电动车充电桩') });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    asked = made.body.id;
    office = (
      await manager.call('POST', `/api/staff/communities/${A.community.id}/surveys`, { body: body('保洁满意度') })
    ).body.id;
    expect((await otherCommittee.call('POST', path, { body: body('越权') })).status).toBe(404);
    expect((await manager.call('POST', path, { body: body('物业代发') })).status).toBe(404);
    expect((await owners[0]!.call('POST', path, { body: body('业主自发') })).status).toBe(404);
    // The committee lists its own only; the office every survey, the committee's marked.
    const mine = (await committee.call('GET', path)).body;
    expect(mine.items.map((s: { id: string }) => s.id)).toEqual([asked]);
    expect(mine.items[0]).toMatchObject({ byCommittee: true, targetedUnits: 2 });
    const all = (await manager.call('GET', `/api/staff/communities/${A.community.id}/surveys`)).body;
    expect(
      Object.fromEntries(all.items.map((s: { id: string; byCommittee: boolean }) => [s.id, s.byCommittee])),
    ).toEqual({ [asked]: true, [office]: false });
    const seen = (await owners[0]!.call('GET', '/api/surveys')).body.items;
    expect(seen.find((s: { id: string }) => s.id === asked)).toMatchObject({ byCommittee: true });
  });

  it('its results go to the committee, free text without names; not the office’s surveys', async () => {
    for (const [i, who] of owners.entries())
      expect(
        (
          await who.call('POST', `/api/surveys/${asked}/responses`, {
            body: { unitId: A.units[i]!.id, answers: [i === 0 ? '同意，越快越好' : '担心消防安全'] },
          })
        ).status,
      ).toBe(201);
    const results = await committee.call('GET', `/api/committee/surveys/${asked}/results`);
    expect(results.status).toBe(200);
    expect(results.body).toMatchObject({ byCommittee: true, answeredUnits: 2, coveragePermille: 1000 });
    expect([...results.body.questions[0].texts].sort()).toEqual(['同意，越快越好', '担心消防安全'].sort());
    const text = JSON.stringify(results.body);
    for (const o of owners) expect(text).not.toContain(o.userId);
    expect(text).not.toMatch(/张三|李四|101|102/);
    expect((await committee.call('GET', `/api/committee/surveys/${office}/results`)).status).toBe(404);
    expect((await otherCommittee.call('GET', `/api/committee/surveys/${asked}/results`)).status).toBe(404);
  });
});

describe('the company’s survey templates (半年度满意度调查)', () => {
  it('a company admin saves a survey as the company’s template; the office starts a new survey from it', async () => {
    const questions = [
      { type: 'stars', title: '总体满意度' },
      { type: 'single', title: '保洁是否及时', options: ['及时', '一般', '不及时'] },
    ];
    const first = await manager.call('POST', `/api/staff/communities/${A.community.id}/surveys`, {
      body: body('2026 年上半年满意度调查', questions),
    });
    const save = (who: Actor, surveyId: string, title?: string) =>
      who.call('POST', '/api/company/survey-templates', { body: { surveyId, ...(title ? { title } : {}) } });
    expect((await save(manager, first.body.id)).status).toBe(404); // the company's, not a manager's
    const committeeSurvey = (await committee.call('GET', `/api/committee/communities/${A.community.id}/surveys`)).body
      .items[0].id;
    expect((await save(admin, committeeSurvey)).status).toBe(404); // the committee's own stays its own
    const saved = await save(admin, first.body.id, '半年度满意度调查');
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const list = (await manager.call('GET', `/api/staff/communities/${A.community.id}/survey-templates`)).body;
    expect(list.items).toEqual([
      { id: saved.body.id, title: '半年度满意度调查', questions, createdAt: expect.any(String) },
    ]);
    expect(
      (await otherManager.call('GET', `/api/staff/communities/${B.community.id}/survey-templates`)).body.items,
    ).toEqual([]);
    expect((await otherManager.call('GET', `/api/staff/communities/${A.community.id}/survey-templates`)).status).toBe(
      404,
    );
    expect((await committee.call('GET', `/api/staff/communities/${A.community.id}/survey-templates`)).status).toBe(404);
    const next = await manager.call('POST', `/api/staff/communities/${A.community.id}/surveys`, {
      body: body('2026 年下半年满意度调查', list.items[0].questions),
    });
    expect(next.status).toBe(201);
    const results = (await manager.call('GET', `/api/staff/surveys/${next.body.id}/results`)).body;
    expect(results.questions.map((q: { title: string }) => q.title)).toEqual(['总体满意度', '保洁是否及时']);
  });
});
