import type { Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { AppError, isUniqueViolation, notFound } from '../errors.js';
import { requireRole } from '../access/guards.js';
import { FAN_OUT_TRANSACTION } from '../push/outbox.js';
import { pushSurveyOpened } from './pushes.js';
import { SIDE_ROLES, type SurveySide } from './list.js';
import { ZQuestion, type CreateSurvey, type Question, type Respond } from './schema.js';

/** The office builds a survey for its community, or some of its buildings, open in a window. */
export async function createSurvey(
  deps: Deps,
  staffId: string,
  communityId: string,
  input: CreateSurvey,
  side: SurveySide = 'office',
) {
  await requireRole(deps.db, staffId, communityId, SIDE_ROLES[side]);
  const buildings = await deps.db.building.count({ where: { id: { in: input.buildingIds }, communityId } });
  if (buildings !== new Set(input.buildingIds).size) throw notFound('楼栋');
  return publishSurvey(deps, staffId, communityId, input, side === 'committee');
}

/**
 * A survey is published when created (there is no draft): stored and, when its window is already open,
 * announced to the members who subscribed in the same transaction; one opening later is announced by
 * the sweep (`surveys.push-sweep`, docs/domain.md §8).
 */
export async function publishSurvey(
  deps: Deps,
  userId: string,
  communityId: string,
  input: CreateSurvey,
  byCommittee: boolean,
) {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const survey = await tx.survey.create({
      data: {
        communityId,
        title: input.title,
        questions: input.questions as Prisma.InputJsonValue,
        buildingIds: [...new Set(input.buildingIds)],
        opensAt: new Date(input.opensAt),
        closesAt: new Date(input.closesAt),
        createdById: userId,
        createdAt: now,
        byCommittee,
      },
    });
    const pushed = survey.opensAt <= now && now < survey.closesAt ? await pushSurveyOpened(deps, tx, survey) : 0;
    return { id: survey.id, pushed };
  }, FAN_OUT_TRANSACTION);
}

/** The units a survey asks: its buildings, or the whole community. */
export const targetUnits = (s: { communityId: string; buildingIds: string[] }): Prisma.UnitWhereInput => ({
  communityId: s.communityId,
  ...(s.buildingIds.length > 0 ? { buildingId: { in: s.buildingIds } } : {}),
});

/** Each answer must fit its question: an option that exists, 1–5 stars, text for a text question. */
function checkAnswers(questions: Question[], answers: Respond['answers']) {
  const fits = (q: Question, a: Respond['answers'][number]) =>
    q.type === 'single'
      ? typeof a === 'number' && a < q.options.length
      : q.type === 'multiple'
        ? Array.isArray(a) && new Set(a).size === a.length && a.every((i) => i < q.options.length)
        : q.type === 'stars'
          ? typeof a === 'number' && a >= 1 && a <= 5
          : typeof a === 'string';
  if (answers.length !== questions.length || questions.some((q, i) => !fits(q, answers[i]!)))
    throw new AppError('VALIDATION_FAILED', '回答与题目不符，请逐题作答');
}

/**
 * A verified member answers for a targeted unit, once per unit: the unique (survey, unit) index settles
 * concurrent answers — one is stored, the others are told the unit has answered.
 */
export async function respond(deps: Deps, userId: string, surveyId: string, input: Respond) {
  const survey = await deps.db.survey.findUnique({ where: { id: surveyId } });
  const unit =
    survey &&
    (await deps.db.unit.findFirst({
      where: { id: input.unitId, ...targetUnits(survey), memberships: { some: { userId, status: 'VERIFIED' } } },
      select: { id: true },
    }));
  if (!survey || !unit) throw notFound('问卷');
  const now = deps.clock.now();
  if (now < survey.opensAt || now >= survey.closesAt) throw new AppError('CONFLICT', '问卷不在答题时间内');
  checkAnswers(survey.questions as Question[], input.answers);
  try {
    await deps.db.surveyResponse.create({
      data: { surveyId, unitId: unit.id, userId, answers: input.answers as Prisma.InputJsonValue, at: now },
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', '这套房屋已经答过这份问卷了');
    throw err;
  }
  return { surveyId, unitId: unit.id, answered: true };
}

/**
 * Results for the office, live: counts per option, the stars' average in hundredths and distribution,
 * free text without names, and coverage = units answered / units targeted, in tenths of a percent.
 */
export async function surveyResults(deps: Deps, staffId: string, surveyId: string, side: SurveySide = 'office') {
  const survey = await deps.db.survey.findUnique({ where: { id: surveyId } });
  // The committee reads its own surveys' results; the office every survey of its community.
  if (!survey || (side === 'committee' && !survey.byCommittee)) throw notFound('问卷');
  await requireRole(deps.db, staffId, survey.communityId, SIDE_ROLES[side], '问卷');
  const [targeted, responses] = await Promise.all([
    deps.db.unit.count({ where: targetUnits(survey) }),
    deps.db.surveyResponse.findMany({ where: { surveyId }, select: { answers: true } }),
  ]);
  const answers = responses.map((r) => r.answers as Respond['answers']);
  const questions = (survey.questions as unknown[]).map((q) => ZQuestion.parse(q));
  return {
    id: survey.id,
    title: survey.title,
    byCommittee: survey.byCommittee,
    targetedUnits: targeted,
    answeredUnits: responses.length,
    coveragePermille: targeted === 0 ? null : Math.floor((responses.length * 1000) / targeted),
    questions: questions.map((q, i) => {
      const given = answers.map((a) => a[i]!);
      if (q.type === 'single' || q.type === 'multiple')
        return {
          ...q,
          counts: q.options.map((_, o) => given.filter((g) => g === o || (Array.isArray(g) && g.includes(o))).length),
        };
      if (q.type === 'stars') {
        const stars = given as number[];
        const sum = stars.reduce((s, n) => s + n, 0);
        return {
          ...q,
          distribution: [1, 2, 3, 4, 5].map((n) => stars.filter((s) => s === n).length),
          averageHundredths: stars.length ? Math.round((sum * 100) / stars.length) : null,
        };
      }
      return { ...q, texts: (given as string[]).filter((t) => t.length > 0) };
    }),
  };
}
