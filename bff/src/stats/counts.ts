import type { Deps } from '../deps.js';
import { ZQuestion } from '../surveys/schema.js';
import { targetUnits } from '../surveys/surveys.js';

export type Window = { from: Date; to: Date };
type Row = Record<string, number | string>;
const byCommunity = <T>(ids: string[], rows: (T & { communityId: string })[], empty: T) =>
  new Map<string, T>(ids.map((id) => [id, rows.find((r) => r.communityId === id) ?? empty]));

export type RatingCounts = { rated: number; starSum: number; stars: [number, number, number, number, number] };

/**
 * Ratings of the repairs filed in the window: a repair's stars are the lower of its two (attitude,
 * quality) — the same reading as the return visit's (4–5 on both counts satisfied; return-visits/hooks.ts).
 */
export async function ratingCounts(deps: Deps, ids: string[], w: Window) {
  const rows = await deps.db.$queryRaw<Row[]>`
    SELECT "communityId"::text AS "communityId", count(*)::int AS "rated",
           coalesce(sum(LEAST("ratingAttitude", "ratingQuality")), 0)::int AS "starSum",
           count(*) FILTER (WHERE LEAST("ratingAttitude", "ratingQuality") = 1)::int AS "s1",
           count(*) FILTER (WHERE LEAST("ratingAttitude", "ratingQuality") = 2)::int AS "s2",
           count(*) FILTER (WHERE LEAST("ratingAttitude", "ratingQuality") = 3)::int AS "s3",
           count(*) FILTER (WHERE LEAST("ratingAttitude", "ratingQuality") = 4)::int AS "s4",
           count(*) FILTER (WHERE LEAST("ratingAttitude", "ratingQuality") = 5)::int AS "s5"
      FROM "RepairRequest"
     WHERE "communityId" = ANY(${ids}::uuid[]) AND "filedAt" >= ${w.from} AND "filedAt" < ${w.to}
       AND "ratingAttitude" IS NOT NULL AND "ratingQuality" IS NOT NULL
     GROUP BY "communityId"`;
  return byCommunity<RatingCounts>(
    ids,
    rows.map((r) => ({
      communityId: String(r.communityId),
      rated: Number(r.rated),
      starSum: Number(r.starSum),
      stars: [Number(r.s1), Number(r.s2), Number(r.s3), Number(r.s4), Number(r.s5)],
    })),
    { rated: 0, starSum: 0, stars: [0, 0, 0, 0, 0] },
  );
}

export type ComplaintCounts = {
  filed: number;
  triageOnTime: number;
  triageLate: number;
  contactOnTime: number;
  contactLate: number;
  rehandled: number;
};

/**
 * The complaint clocks of the complaints and consultations filed in the window, settled as the repair
 * clocks are (done on time or late, or missed and recorded as a breach; the contact clock of the current
 * re-handling), and how many were re-handled at least once.
 */
export async function complaintCounts(deps: Deps, ids: string[], w: Window) {
  const rows = await deps.db.$queryRaw<(ComplaintCounts & { communityId: string })[]>`
    SELECT c."communityId"::text AS "communityId", count(*)::int AS "filed",
      count(*) FILTER (WHERE c."triagedAt" <= c."triageDueAt")::int AS "triageOnTime",
      count(*) FILTER (WHERE c."triagedAt" > c."triageDueAt" OR (c."triagedAt" IS NULL AND EXISTS (SELECT 1 FROM "ComplaintBreach" b WHERE b."complaintId" = c."id" AND b."clock" = 'TRIAGE')))::int AS "triageLate",
      count(*) FILTER (WHERE c."contactedAt" <= c."contactDueAt")::int AS "contactOnTime",
      count(*) FILTER (WHERE c."contactedAt" > c."contactDueAt" OR (c."contactedAt" IS NULL AND EXISTS (SELECT 1 FROM "ComplaintBreach" b WHERE b."complaintId" = c."id" AND b."clock" = 'CONTACT' AND b."cycle" = c."rehandleCount")))::int AS "contactLate",
      count(*) FILTER (WHERE c."rehandleCount" > 0)::int AS "rehandled"
      FROM "Complaint" c
     WHERE c."communityId" = ANY(${ids}::uuid[]) AND c."filedAt" >= ${w.from} AND c."filedAt" < ${w.to}
     GROUP BY c."communityId"`;
  return byCommunity<ComplaintCounts>(ids, rows, {
    filed: 0,
    triageOnTime: 0,
    triageLate: 0,
    contactOnTime: 0,
    contactLate: 0,
    rehandled: 0,
  });
}

export type SnapshotCounts = { filed: number; autoClosed: number };

/** 随手拍 filed in the window, and those closed by the clock because nobody acted (docs/domain.md §2). */
export async function snapshotCounts(deps: Deps, ids: string[], w: Window) {
  const rows = await deps.db.$queryRaw<(SnapshotCounts & { communityId: string })[]>`
    SELECT "communityId"::text AS "communityId", count(*)::int AS "filed",
           count(*) FILTER (WHERE "status" = 'AUTO_CLOSED')::int AS "autoClosed"
      FROM "Snapshot"
     WHERE "communityId" = ANY(${ids}::uuid[]) AND "createdAt" >= ${w.from} AND "createdAt" < ${w.to}
     GROUP BY "communityId"`;
  return byCommunity<SnapshotCounts>(ids, rows, { filed: 0, autoClosed: 0 });
}

export type SurveyCounts = {
  surveys: number;
  targeted: number;
  answered: number;
  starAnswers: number;
  satisfied: number;
};

/**
 * The surveys closing in the window (a survey counts in the month its window ends): units targeted and
 * units answered (coverage), and of their star answers, those of 4 or 5 stars (satisfaction).
 */
export async function surveyCounts(deps: Deps, ids: string[], w: Window) {
  const surveys = await deps.db.survey.findMany({
    where: { communityId: { in: ids }, closesAt: { gte: w.from, lt: w.to } },
    select: { id: true, communityId: true, buildingIds: true, questions: true },
  });
  const counts = new Map<string, SurveyCounts>(
    ids.map((id) => [id, { surveys: 0, targeted: 0, answered: 0, starAnswers: 0, satisfied: 0 }]),
  );
  for (const s of surveys) {
    const stars = (s.questions as unknown[]).flatMap((q, i) => (ZQuestion.parse(q).type === 'stars' ? [i] : []));
    // Counted in the database: a survey of 20,000 units is not read row by row into the BFF.
    const [targeted, [row]] = await Promise.all([
      deps.db.unit.count({ where: targetUnits(s) }),
      deps.db.$queryRaw<{ answered: number; satisfied: number }[]>`
        SELECT count(*)::int AS "answered",
               coalesce(sum((SELECT count(*) FROM unnest(${stars}::int[]) AS q(i) WHERE (r."answers" ->> q.i)::int >= 4)), 0)::int AS "satisfied"
          FROM "SurveyResponse" r
         WHERE r."surveyId" = ${s.id}::uuid`,
    ]);
    const c = counts.get(s.communityId)!;
    c.surveys += 1;
    c.targeted += targeted;
    c.answered += row!.answered;
    c.starAnswers += row!.answered * stars.length; // every answer holds every question (checkAnswers)
    c.satisfied += row!.satisfied;
  }
  return counts;
}
