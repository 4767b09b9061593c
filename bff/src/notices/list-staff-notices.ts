import type { Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { OFFICE_ROLES } from '../access/scope.js';
import { requireRole } from '../access/guards.js';
import { keyset, toPage } from '../http/params.js';
import type { StaffListQuery } from './schema.js';
import { shapeStaffNotice } from './shape.js';
import { readStats } from './read-stats.js';

/** The office's notices of a community, newest first, each with its read count and read rate. */
export async function listStaffNotices(deps: Deps, staffId: string, communityId: string, query: StaffListQuery) {
  await requireRole(deps.db, staffId, communityId, OFFICE_ROLES);
  const where: Prisma.NoticeWhereInput = {
    targets: { some: { communityId } },
    ...(query.status ? { status: query.status } : {}),
  };
  const page = keyset('createdAt', query.cursor, query.limit, 'desc');
  const [total, rows] = await Promise.all([
    deps.db.notice.count({ where }),
    deps.db.notice.findMany({
      where: { AND: [where, page.where] },
      include: { targets: { select: { communityId: true } } },
      orderBy: page.orderBy,
      take: page.take,
    }),
  ]);
  const { items, nextCursor } = toPage(rows, query.limit, (n) => n.createdAt);
  const stats = await readStats(deps, items);
  return {
    total,
    nextCursor,
    items: items.map((n) => ({ ...shapeStaffNotice(n), reads: stats.get(n.id)! })),
  };
}
