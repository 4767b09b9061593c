import { Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';

export type ReadStats = { readCount: number; targetCount: number; readRate: number };

/**
 * For each notice: how many residents it targets (distinct verified members of its communities) and
 * how many of them have opened it. Exact, from the receipts; two queries for any number of notices.
 */
export async function readStats(
  deps: Deps,
  notices: { id: string; targets: { communityId: string }[] }[],
): Promise<Map<string, ReadStats>> {
  const ids = notices.map((n) => n.id);
  const result = new Map<string, ReadStats>(ids.map((id) => [id, { readCount: 0, targetCount: 0, readRate: 0 }]));
  if (ids.length === 0) return result;
  const rows = await deps.db.$queryRaw<{ noticeId: string; targetCount: bigint; readCount: bigint }[]>`
    SELECT t."noticeId",
           count(DISTINCT m."userId") AS "targetCount",
           count(DISTINCT r."userId") AS "readCount"
      FROM "NoticeTarget" t
      JOIN "Unit" u ON u."communityId" = t."communityId"
      JOIN "UnitMembership" m ON m."unitId" = u.id AND m.status = 'VERIFIED'
      LEFT JOIN "NoticeRead" r ON r."noticeId" = t."noticeId" AND r."userId" = m."userId"
     WHERE t."noticeId" IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))})
     GROUP BY t."noticeId"`;
  for (const r of rows) {
    const targetCount = Number(r.targetCount);
    const readCount = Number(r.readCount);
    result.set(r.noticeId, {
      targetCount,
      readCount,
      readRate: targetCount === 0 ? 0 : Math.round((readCount / targetCount) * 1000) / 1000,
    });
  }
  return result;
}
