import type { Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { OFFICE_ROLES } from '../access/scope.js';
import { requireRole } from '../access/guards.js';
import { decodeCursor, encodeCursor } from '../http/params.js';
import type { StaffListQuery } from './schema.js';
import { shapeStaffNotice } from './shape.js';
import { readStats } from './read-stats.js';

/** The office's notices of a community, newest first, each with its read count and read rate. */
export async function listStaffNotices(deps: Deps, staffId: string, communityId: string, query: StaffListQuery) {
  await requireRole(deps.db, staffId, communityId, OFFICE_ROLES);
  const where: Prisma.NoticeWhereInput = { targets: { some: { communityId } }, ...(query.status ? { status: query.status } : {}) };
  const after = decodeCursor(query.cursor);
  const page: Prisma.NoticeWhereInput = after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {};
  const [total, rows] = await Promise.all([
    deps.db.notice.count({ where }),
    deps.db.notice.findMany({
      where: { AND: [where, page] },
      include: { targets: { select: { communityId: true } } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: query.limit + 1,
    }),
  ]);
  const items = rows.slice(0, query.limit);
  const stats = await readStats(deps, items);
  const last = items.at(-1);
  return {
    total,
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
    items: items.map((n) => ({ ...shapeStaffNotice(n), reads: stats.get(n.id)! })),
  };
}
