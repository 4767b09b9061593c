import type { Survey } from '@prisma/client';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { ZQuestion } from './schema.js';

/** Who answered for a unit, as its member sees it: nobody yet, me, or another member of the household. */
export type UnitAnswer = 'none' | 'mine' | 'family';

/** The caller's verified units, with their community, building and label. */
async function myUnits(deps: Deps, userId: string) {
  const rows = await deps.db.unitMembership.findMany({
    where: { userId, status: 'VERIFIED' },
    select: { unit: { select: { id: true, communityId: true, buildingId: true, number: true, building: true } } },
  });
  return rows.map((r) => ({ ...r.unit, label: `${r.unit.building.name} ${r.unit.number}室` }));
}
type MyUnit = Awaited<ReturnType<typeof myUnits>>[number];

const targets = (s: Pick<Survey, 'communityId' | 'buildingIds'>, u: MyUnit) =>
  u.communityId === s.communityId && (s.buildingIds.length === 0 || s.buildingIds.includes(u.buildingId));

/** For each survey, the caller's targeted units and who has answered for each (docs/domain.md §8). */
async function withUnits(deps: Deps, userId: string, surveys: Survey[], units: MyUnit[]) {
  const responses = await deps.db.surveyResponse.findMany({
    where: { surveyId: { in: surveys.map((s) => s.id) }, unitId: { in: units.map((u) => u.id) } },
    select: { surveyId: true, unitId: true, userId: true },
  });
  const now = deps.clock.now();
  return surveys.map((s) => ({
    survey: s,
    open: now >= s.opensAt && now < s.closesAt,
    units: units
      .filter((u) => targets(s, u))
      .map((u) => {
        const r = responses.find((x) => x.surveyId === s.id && x.unitId === u.id);
        const answered: UnitAnswer = !r ? 'none' : r.userId === userId ? 'mine' : 'family';
        return { unitId: u.id, label: u.label, answered };
      }),
  }));
}

/**
 * The surveys open now for the caller's verified units, newest first, each with its units and who has
 * answered for them — a unit answers once, whichever member does it.
 */
export async function listMySurveys(deps: Deps, userId: string) {
  const units = await myUnits(deps, userId);
  const now = deps.clock.now();
  const surveys = await deps.db.survey.findMany({
    where: {
      communityId: { in: [...new Set(units.map((u) => u.communityId))] },
      opensAt: { lte: now },
      closesAt: { gt: now },
    },
    orderBy: { opensAt: 'desc' },
    take: 50,
  });
  const shown = (await withUnits(deps, userId, surveys, units)).filter((s) => s.units.length > 0);
  return {
    items: shown.map(({ survey, units: mine }) => ({
      id: survey.id,
      title: survey.title,
      byCommittee: survey.byCommittee,
      closesAt: survey.closesAt.toISOString(),
      questionCount: (survey.questions as unknown[]).length,
      units: mine,
    })),
  };
}

/** One survey with its questions, for a member of a unit it targets; anyone else: not found. */
export async function getMySurvey(deps: Deps, userId: string, surveyId: string) {
  const survey = await deps.db.survey.findUnique({ where: { id: surveyId } });
  const units = survey ? await myUnits(deps, userId) : [];
  const [view] = survey ? await withUnits(deps, userId, [survey], units) : [];
  if (!view || view.units.length === 0) throw notFound('问卷');
  return {
    id: survey!.id,
    title: survey!.title,
    byCommittee: survey!.byCommittee,
    opensAt: survey!.opensAt.toISOString(),
    closesAt: survey!.closesAt.toISOString(),
    open: view.open,
    questions: (survey!.questions as unknown[]).map((q) => ZQuestion.parse(q)),
    units: view.units,
  };
}
