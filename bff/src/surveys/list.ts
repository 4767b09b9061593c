import { z } from 'zod';
import type { Deps } from '../deps.js';
import { OFFICE_ROLES } from '../access/scope.js';
import type { StaffRoleKind } from '@prisma/client';
import { requireRole } from '../access/guards.js';
import { keyset, toPage } from '../http/params.js';

export const ZSurveyListQuery = z
  .object({
    cursor: z.string('翻页参数无效').max(200, '翻页参数无效').optional(),
    limit: z.coerce.number('条数必须是数字').int().min(1, '至少 1 条').max(100, '最多 100 条').default(20),
  })
  .strict();

/** Who builds and reads a survey: the office (满意度调查) or the community's committee (意见征询). */
export type SurveySide = 'office' | 'committee';
export const SIDE_ROLES: Record<SurveySide, StaffRoleKind[]> = {
  office: OFFICE_ROLES,
  committee: ['COMMITTEE_MEMBER'],
};

/** Where a survey's window stands now: 未开始, 进行中 or 已结束. */
export const surveyState = (s: { opensAt: Date; closesAt: Date }, now: Date): 'SCHEDULED' | 'OPEN' | 'CLOSED' =>
  now < s.opensAt ? 'SCHEDULED' : now < s.closesAt ? 'OPEN' : 'CLOSED';

/**
 * The office's surveys of a community (the desk console's 满意度调查, #31), newest first in keyset pages
 * with the total; each with its window's state and live coverage (units answered ÷ units targeted).
 */
export async function listSurveys(
  deps: Deps,
  staffId: string,
  communityId: string,
  q: z.infer<typeof ZSurveyListQuery>,
  side: SurveySide = 'office',
) {
  await requireRole(deps.db, staffId, communityId, SIDE_ROLES[side]);
  // The office sees every survey of its community (the committee's marked); the committee its own only.
  const mine = { communityId, ...(side === 'committee' ? { byCommittee: true } : {}) };
  const p = keyset('createdAt', q.cursor, q.limit, 'desc');
  const [total, rows] = await Promise.all([
    deps.db.survey.count({ where: mine }),
    deps.db.survey.findMany({ where: { AND: [mine, p.where] }, orderBy: p.orderBy, take: p.take }),
  ]);
  const { items, nextCursor } = toPage(rows, q.limit, (r) => r.createdAt);
  const answered = await deps.db.surveyResponse.groupBy({
    by: ['surveyId'],
    where: { surveyId: { in: items.map((s) => s.id) } },
    _count: true,
  });
  const answers = new Map(answered.map((a) => [a.surveyId, a._count]));
  const now = deps.clock.now();
  return {
    total,
    nextCursor,
    items: await Promise.all(
      items.map(async (s) => {
        const targetedUnits = await deps.db.unit.count({
          where: { communityId, ...(s.buildingIds.length > 0 ? { buildingId: { in: s.buildingIds } } : {}) },
        });
        const answeredUnits = answers.get(s.id) ?? 0;
        return {
          id: s.id,
          title: s.title,
          byCommittee: s.byCommittee,
          questionCount: (s.questions as unknown[]).length,
          buildingCount: s.buildingIds.length,
          opensAt: s.opensAt.toISOString(),
          closesAt: s.closesAt.toISOString(),
          createdAt: s.createdAt.toISOString(),
          state: surveyState(s, now),
          targetedUnits,
          answeredUnits,
          coveragePermille: targetedUnits === 0 ? null : Math.floor((answeredUnits * 1000) / targetedUnits),
        };
      }),
    ),
  };
}
