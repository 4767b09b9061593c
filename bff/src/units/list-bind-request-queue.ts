import type { Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { OFFICE_ROLES } from '../access/scope.js';
import { requireRole } from '../access/guards.js';
import { keyset, toPage } from '../http/params.js';
import { maskName, maskPhone } from '../privacy/mask.js';
import type { BindRequestQueueQuery } from './schema.js';
import { shapeBindRequest, unitLabel } from './shape.js';
import { HOUSEHOLD_RELATIONS, ROSTER_OWNER } from './ownership.js';

/**
 * The office's queue, oldest first, paged by a keyset cursor with the total, so a flood of requests
 * cannot push a genuine one out of sight. Requesters are masked. The caller's own requests are not
 * in their queue: another office holder decides them.
 */
export async function listBindRequestQueue(
  deps: Deps,
  staffId: string,
  communityId: string,
  query: BindRequestQueueQuery,
) {
  await requireRole(deps.db, staffId, communityId, OFFICE_ROLES);
  const where: Prisma.UnitMembershipWhereInput = {
    status: query.status,
    unit: { communityId },
    userId: { not: staffId },
    // Family members and tenants of a unit whose owner of record is in the app ask that owner, not the
    // office (docs/roles.md, Households): only owner claims the roster does not confirm stay here.
    NOT: { relation: { in: HOUSEHOLD_RELATIONS }, unit: { memberships: { some: ROSTER_OWNER } } },
  };
  const page = keyset('requestedAt', query.cursor, query.limit, 'asc');
  const [total, rows] = await Promise.all([
    deps.db.unitMembership.count({ where }),
    deps.db.unitMembership.findMany({
      where: { AND: [where, page.where] },
      include: { unit: unitLabel, user: { select: { id: true, name: true, phone: true } } },
      orderBy: page.orderBy,
      take: page.take,
    }),
  ]);
  const { items, nextCursor } = toPage(rows, query.limit, (m) => m.requestedAt);
  return {
    total,
    nextCursor,
    items: items.map((m) => ({
      ...shapeBindRequest(m),
      requester: { userId: m.user.id, name: maskName(m.user.name), phone: maskPhone(m.user.phone) },
    })),
  };
}
