import type { Prisma } from '@prisma/client';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { OFFICE_ROLES } from '../access/scope.js';
import { requireRole } from '../access/guards.js';
import { keyset, toPage } from '../http/params.js';
import { monthStart } from '../beijing.js';
import { nextMonth } from '../fees/periods.js';
import { ZMonth } from '../stats/figures.js';
import { ZComplaintKind } from './schema.js';
import { complaintView, include, withPeople } from './view.js';

/**
 * The office's queue (the desk console's 投诉与咨询, #31): by state, kind, and only those whose running
 * clock has passed its promise; newest first in keyset pages with the total.
 */
export const ZOfficeComplaintListQuery = z
  .object({
    status: z.enum(['SUBMITTED', 'TRIAGED', 'IN_PROGRESS', 'DONE', 'CLOSED'], '状态不正确').optional(),
    kind: ZComplaintKind.optional(),
    overdue: z.enum(['1'], '超时筛选只能是 1').optional(),
    /** Filed in this Beijing month: the rows behind the statistics' complaint figures (docs/stats.md). */
    month: ZMonth.optional(),
    /** Re-handled at least once (the resident was not satisfied): the rows behind 投诉重新处理率. */
    rehandled: z.enum(['1'], '重办筛选只能是 1').optional(),
    cursor: z.string('翻页参数无效').max(200, '翻页参数无效').optional(),
    limit: z.coerce.number('条数必须是数字').int().min(1, '至少 1 条').max(100, '最多 100 条').default(50),
  })
  .strict();
export type OfficeComplaintListQuery = z.infer<typeof ZOfficeComplaintListQuery>;

/**
 * Overdue = the clock running now is past the promise made (triage while 待分派, first contact while
 * 已分派 and not yet contacted; docs/domain.md §8 Clocks), whatever escalation step the sweep has reached.
 */
const overdueWhere = (now: Date): Prisma.ComplaintWhereInput => ({
  OR: [
    { status: 'SUBMITTED', triageDueAt: { lte: now } },
    { status: 'TRIAGED', contactedAt: null, contactDueAt: { lte: now } },
  ],
});

export async function listOfficeComplaints(
  deps: Deps,
  userId: string,
  communityId: string,
  q: OfficeComplaintListQuery,
) {
  await requireRole(deps.db, userId, communityId, OFFICE_ROLES);
  const now = deps.clock.now();
  const where: Prisma.ComplaintWhereInput = {
    communityId,
    ...(q.status ? { status: q.status } : {}),
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.overdue ? overdueWhere(now) : {}),
    ...(q.month ? { filedAt: { gte: monthStart(q.month), lt: monthStart(nextMonth(q.month)) } } : {}),
    ...(q.rehandled ? { rehandleCount: { gt: 0 } } : {}),
  };
  const p = keyset('filedAt', q.cursor, q.limit, 'desc');
  const [total, rows] = await Promise.all([
    deps.db.complaint.count({ where }),
    deps.db.complaint.findMany({ where: { AND: [where, p.where] }, orderBy: p.orderBy, take: p.take, include }),
  ]);
  const { items, nextCursor } = toPage(rows, q.limit, (r) => r.filedAt);
  const office = new Set(['office'] as const);
  return {
    total,
    nextCursor,
    items: (await withPeople(deps, items)).map((r) => complaintView(r, office, now)),
  };
}
