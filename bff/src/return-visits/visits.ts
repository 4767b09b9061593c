import { z } from 'zod';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { OFFICE_ROLES, staffRolesByCommunity } from '../access/scope.js';
import { writeCommunityAudit } from '../roles/audit-write.js';
import type { RequestIds } from '../privacy/reveal.js';
import { requireRole } from '../access/guards.js';
import { maskName, maskPhone } from '../privacy/mask.js';
import { ZText } from '../http/params.js';
import { monthStart } from '../beijing.js';
import { nextMonth } from '../fees/periods.js';

export const ZVisitListQuery = z
  .object({
    status: z.enum(['OPEN', 'DONE'], '状态不正确').default('OPEN'),
    /** Opened in this Beijing month: the rows behind the month's 回访率 (docs/stats.md). */
    month: z
      .string('请选择月份')
      .regex(/^20\d\d-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
      .optional(),
    limit: z.coerce.number('条数必须是数字').int().min(1, '至少 1 条').max(100, '最多 100 条').default(50),
  })
  .strict();

export const ZPhoneVisit = z
  .object({
    result: z.enum(['SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED'], '请选择回访结果'),
    note: ZText({ min: 0, max: 300, label: '回访记录' }).default(''),
  })
  .strict();

export const ZRateQuery = z
  .object({ month: z.string('请选择月份').regex(/^20\d\d-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM') })
  .strict();

/** The office's return-visit tasks of a community: open ones oldest first, to be phoned. */
export async function listReturnVisits(
  deps: Deps,
  staffId: string,
  communityId: string,
  q: z.infer<typeof ZVisitListQuery>,
) {
  await requireRole(deps.db, staffId, communityId, OFFICE_ROLES);
  const visits = await deps.db.returnVisit.findMany({
    where: {
      communityId,
      doneAt: q.status === 'OPEN' ? null : { not: null },
      ...(q.month ? { createdAt: { gte: monthStart(q.month), lt: monthStart(nextMonth(q.month)) } } : {}),
    },
    orderBy: { createdAt: q.status === 'OPEN' ? 'asc' : 'desc' },
    take: q.limit,
  });
  const repairs = await deps.db.repairRequest.findMany({
    where: { id: { in: visits.map((v) => v.repairId) } },
    select: {
      id: true,
      number: true,
      part: true,
      resolvedAt: true,
      reporterId: true,
      contactPhone: true,
      reporter: { select: { name: true } },
    },
  });
  const byId = new Map(repairs.map((r) => [r.id, r]));
  return {
    items: visits.map((v) => {
      const r = byId.get(v.repairId)!;
      return {
        id: v.id,
        repairId: v.repairId,
        number: r.number,
        part: r.part,
        // The number to call is the repair's contact phone (代客报修, or another number the resident gave), not
        // the account's: masked here, in full only through the visit's audited reveal (revealVisitPhone).
        resident: { id: r.reporterId, name: maskName(r.reporter.name), phone: maskPhone(r.contactPhone) },
        createdAt: v.createdAt.toISOString(),
        doneAt: v.doneAt?.toISOString() ?? null,
        method: v.method,
        methodLabel: v.method === 'PHONE' ? '电话回访' : v.method === 'RATING' ? '住户在线评价' : null,
        result: v.result,
        note: v.note,
      };
    }),
  };
}

export const ZVisitReveal = z.object({ reason: ZText({ min: 2, max: 200, label: '查看原因' }) }).strict();

/**
 * The full contact phone of a visit's repair, to phone the return visit: for staff holding the reveal
 * permission in the visit's community (anyone else finds no visit), whether or not the reporter still lives
 * there — the visit is the basis (docs/domain.md §6). The audit rows and the read share one transaction, as in
 * the general reveal (privacy/reveal.ts): no number without its record.
 */
export async function revealVisitPhone(
  deps: Deps,
  staffId: string,
  id: string,
  input: z.infer<typeof ZVisitReveal>,
  ids: RequestIds,
) {
  const visit = await deps.db.returnVisit.findUnique({
    where: { id },
    select: { communityId: true, repairId: true, doneAt: true },
  });
  if (!visit) throw notFound('回访');
  // The office works the visits (listing and recording need an office role): a technician who may reveal
  // residents' phones elsewhere finds no visit here either.
  const roles = (await staffRolesByCommunity(deps.db, staffId)).get(visit.communityId);
  if (!roles?.canRevealPii || !roles.roles.some((r) => OFFICE_ROLES.includes(r))) throw notFound('回访');
  // The visit is the basis only while it waits for its call.
  if (visit.doneAt) throw new AppError('CONFLICT', '这次维修已经回访过了');
  return deps.db.$transaction(async (tx) => {
    const { reporterId, contactPhone } = await tx.repairRequest.findUniqueOrThrow({
      where: { id: visit.repairId },
      select: { reporterId: true, contactPhone: true },
    });
    const basis = 'RETURN_VISIT' as const;
    await tx.piiRevealAudit.create({
      data: {
        staffUserId: staffId,
        subjectId: reporterId,
        communityId: visit.communityId,
        field: 'PHONE',
        reason: input.reason,
        basis,
        ...ids,
      },
    });
    await writeCommunityAudit(tx, {
      communityId: visit.communityId,
      actorId: staffId,
      kind: 'PII_REVEALED',
      subjectId: reporterId,
      after: { field: 'PHONE', basis, returnVisitId: id },
      reason: input.reason,
      at: deps.clock.now(),
    });
    return { field: 'PHONE' as const, value: contactPhone, basis };
  });
}

/**
 * The office records a phone visit. Whichever comes first counts (docs/domain.md §8): a visit the
 * resident already answered in the app, or another clerk already recorded, is not written over.
 */
export async function recordPhoneVisit(deps: Deps, staffId: string, id: string, input: z.infer<typeof ZPhoneVisit>) {
  const visit = await deps.db.returnVisit.findUnique({ where: { id }, select: { communityId: true } });
  if (!visit) throw notFound('回访');
  await requireRole(deps.db, staffId, visit.communityId, OFFICE_ROLES, '回访');
  const done = await deps.db.returnVisit.updateMany({
    where: { id, doneAt: null },
    data: { doneAt: deps.clock.now(), method: 'PHONE', result: input.result, note: input.note || null, staffId },
  });
  if (done.count === 0) throw new AppError('CONFLICT', '这次维修已经回访过了');
  return { id, done: true };
}

export type VisitCounts = { due: number; phone: number; rating: number };

/** The return visits opened in [from, to) per community — how many, and how many done by phone or by rating. */
export async function returnVisitCounts(deps: Deps, communityIds: string[], from: Date, to: Date) {
  const rows = await deps.db.$queryRaw<(VisitCounts & { communityId: string })[]>`
    SELECT "communityId"::text AS "communityId", count(*)::int AS due,
           count(*) FILTER (WHERE "method" = 'PHONE')::int AS phone,
           count(*) FILTER (WHERE "method" = 'RATING')::int AS rating
      FROM "ReturnVisit"
     WHERE "communityId" = ANY(${communityIds}::uuid[]) AND "createdAt" >= ${from} AND "createdAt" < ${to}
     GROUP BY "communityId"`;
  return new Map<string, VisitCounts>(
    communityIds.map((id) => [id, rows.find((r) => r.communityId === id) ?? { due: 0, phone: 0, rating: 0 }]),
  );
}

/** Tenths of a percent rounded down, in integers: a rate compared with a target (95 %) is never a float comparison, nor rounded up to it. */
export const floorPermille = (part: number, whole: number) => (whole === 0 ? null : Math.floor((part * 1000) / whole));

export const RETURN_VISIT_TARGET = 950;

/** 回访率 (docs/domain.md §8): repairs resolved in the Beijing month, and the share visited by now. */
export async function returnVisitRate(deps: Deps, staffId: string, communityId: string, month: string) {
  await requireRole(deps.db, staffId, communityId, OFFICE_ROLES);
  const counts = await returnVisitCounts(deps, [communityId], monthStart(month), monthStart(nextMonth(month)));
  const { due, phone, rating } = counts.get(communityId)!;
  const done = phone + rating;
  const permille = floorPermille(done, due);
  return {
    month,
    due,
    done,
    byPhone: phone,
    byRating: rating,
    ratePermille: permille,
    target: RETURN_VISIT_TARGET,
    met: permille === null ? null : permille >= RETURN_VISIT_TARGET,
  };
}
