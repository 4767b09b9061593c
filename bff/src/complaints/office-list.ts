import type { ComplaintStatus, Prisma } from '@prisma/client';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { OFFICE_ROLES, staffRolesByCommunity } from '../access/scope.js';
import { notFound } from '../errors.js';
import { ESCALATION_STAFF_ROLES } from '../repairs/staff-roles.js';
import { keyset, toPage } from '../http/params.js';
import { monthStart } from '../beijing.js';
import { nextMonth } from '../fees/periods.js';
import { ZMonth } from '../stats/figures.js';
import { ZComplaintKind } from './schema.js';
import { complaintView, include, withPeople, type ComplaintRole } from './view.js';

/**
 * The office's queue (the desk console's 投诉与咨询, #31): by state, kind, and only those whose running
 * clock has passed its promise; newest first in keyset pages with the total.
 */
export const ZOfficeComplaintListQuery = z
  .object({
    /** HANDLING: with the department, assigned or contacted (the phone's 处理中, #31). */
    status: z.enum(['SUBMITTED', 'TRIAGED', 'IN_PROGRESS', 'DONE', 'CLOSED', 'HANDLING'], '状态不正确').optional(),
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

/** 处理中 on the phone: with the department, before or after first contact. */
export const HANDLING_STATES: ComplaintStatus[] = ['TRIAGED', 'IN_PROGRESS'];

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
  // The office sees the community's queue; the rest of its staff (a department's person on the phone, #31)
  // the complaints assigned to them; anyone else finds no community (rule 4).
  const roles = (await staffRolesByCommunity(deps.db, userId)).get(communityId)?.roles ?? [];
  if (!roles.some((r) => ESCALATION_STAFF_ROLES.includes(r))) throw notFound('小区');
  const office = roles.some((r) => OFFICE_ROLES.includes(r));
  const now = deps.clock.now();
  const where: Prisma.ComplaintWhereInput = {
    communityId,
    ...(office ? {} : { assigneeId: userId }),
    ...(q.status === 'HANDLING' ? { status: { in: HANDLING_STATES } } : q.status ? { status: q.status } : {}),
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
  // An assignee outside the office sees each as the detail shows it to them (no held text).
  const seen = new Set<ComplaintRole>([office ? 'office' : 'assignee']);
  return {
    total,
    nextCursor,
    items: (await withPeople(deps, items)).map((r) => complaintView(r, seen, now)),
  };
}
