import type { Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { OFFICE_ROLES } from '../access/scope.js';
import { requireRole } from '../access/guards.js';
import { decodeCursor, encodeCursor } from '../http/params.js';
import { maskName, maskPhone } from '../privacy/mask.js';
import type { BindRequestQueueQuery } from './schema.js';
import { shapeBindRequest, unitLabel } from './shape.js';

/**
 * The office's queue, oldest first, paged by a keyset cursor with the total, so a flood of requests
 * cannot push a genuine one out of sight. Requesters are masked. The caller's own requests are not
 * in their queue: another office holder decides them.
 */
export async function listBindRequestQueue(deps: Deps, staffId: string, communityId: string, query: BindRequestQueueQuery) {
  await requireRole(deps.db, staffId, communityId, OFFICE_ROLES);
  const where: Prisma.UnitMembershipWhereInput = { status: query.status, unit: { communityId }, userId: { not: staffId } };
  const after = decodeCursor(query.cursor);
  const page: Prisma.UnitMembershipWhereInput = after
    ? { OR: [{ requestedAt: { gt: after.at } }, { requestedAt: after.at, id: { gt: after.id } }] }
    : {};
  const [total, rows] = await Promise.all([
    deps.db.unitMembership.count({ where }),
    deps.db.unitMembership.findMany({
      where: { AND: [where, page] },
      include: { unit: unitLabel, user: { select: { id: true, name: true, phone: true } } },
      orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }],
      take: query.limit + 1,
    }),
  ]);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    total,
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.requestedAt, id: last.id }) : null,
    items: items.map((m) => ({
      ...shapeBindRequest(m),
      requester: { userId: m.user.id, name: maskName(m.user.name), phone: maskPhone(m.user.phone) },
    })),
  };
}
