import type { Prisma, RepairStatus } from '@prisma/client';
import type { Deps } from '../deps.js';
import { OFFICE_ROLES } from '../access/scope.js';
import { requireRole } from '../access/guards.js';
import { keyset, toPage } from '../http/params.js';
import type { RepairListQuery } from './schema.js';
import { shownText } from './held-text.js';

/** A technician's work not yet done: assigned to them and not resolved, closed or returned. */
export const OPEN_WORK: RepairStatus[] = ['ASSIGNED', 'CONTACTED', 'ARRIVED', 'DEFERRED'];

const summary = {
  id: true,
  number: true,
  status: true,
  faultType: true,
  part: true,
  phenomenon: true,
  emergency: true,
  commonArea: true,
  filedAt: true,
  acceptDueAt: true,
  urgentAt: true,
  textHeld: true,
  /** Who has it, for the office's board (#26): a name the reporter sees on the repair page anyway. */
  assignee: { select: { id: true, name: true } },
  unit: { select: { number: true, building: { select: { name: true } } } },
} as const;

/** `seesHeld`: the list's reader may see text held for review — its author and the office (docs/domain.md §1). */
async function page(deps: Deps, where: Prisma.RepairRequestWhereInput, query: RepairListQuery, seesHeld: boolean) {
  const filtered: Prisma.RepairRequestWhereInput = { ...where, ...(query.status ? { status: query.status } : {}) };
  const p = keyset('filedAt', query.cursor, query.limit, 'desc');
  const [total, rows] = await Promise.all([
    deps.db.repairRequest.count({ where: filtered }),
    deps.db.repairRequest.findMany({
      where: { AND: [filtered, p.where] },
      select: summary,
      orderBy: p.orderBy,
      take: p.take,
    }),
  ]);
  const { items, nextCursor } = toPage(rows, query.limit, (r) => r.filedAt);
  return {
    total,
    nextCursor,
    items: items
      .map((r) => shownText(r, seesHeld))
      .map(({ unit, commonArea, ...r }) => ({
        ...r,
        place: unit ? `${unit.building.name} ${unit.number}室` : (commonArea ?? ''),
      })),
  };
}

/** The resident's own repairs, newest first. */
export const listMyRepairs = (deps: Deps, userId: string, query: RepairListQuery) =>
  page(deps, { reporterId: userId }, query, true);

/** The office's inbox of a community, newest first, by state, with counts by state for the tabs. */
export async function listCommunityRepairs(deps: Deps, staffId: string, communityId: string, query: RepairListQuery) {
  await requireRole(deps.db, staffId, communityId, OFFICE_ROLES);
  const [result, counts] = await Promise.all([
    page(deps, { communityId }, query, true),
    deps.db.repairRequest.groupBy({ by: ['status'], where: { communityId }, _count: true }),
  ]);
  return {
    ...result,
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count])) as Partial<Record<RepairStatus, number>>,
  };
}

/** A technician's jobs: the repairs assigned to them. */
export const listMyJobs = (deps: Deps, userId: string, query: RepairListQuery) =>
  page(deps, { assigneeId: userId }, query, false);

/**
 * The technicians the office can assign in a community (company-wide ones included), with how many of
 * this community's repairs each has open now (the console's board weighs assignments by it, #26).
 */
export async function listTechnicians(deps: Deps, staffId: string, communityId: string) {
  await requireRole(deps.db, staffId, communityId, OFFICE_ROLES);
  const community = await deps.db.community.findUniqueOrThrow({
    where: { id: communityId },
    select: { companyId: true },
  });
  const rows = await deps.db.staffRole.findMany({
    where: { role: 'TECHNICIAN', OR: [{ communityId }, { communityId: null, companyId: community.companyId }] },
    select: { user: { select: { id: true, name: true } } },
    distinct: ['userId'],
  });
  const open = await deps.db.repairRequest.groupBy({
    by: ['assigneeId'],
    where: { communityId, assigneeId: { in: rows.map((r) => r.user.id) }, status: { in: OPEN_WORK } },
    _count: true,
  });
  const jobs = new Map(open.map((o) => [o.assigneeId, o._count]));
  return rows.map((r) => ({ id: r.user.id, name: r.user.name ?? '维修工', openJobs: jobs.get(r.user.id) ?? 0 }));
}
