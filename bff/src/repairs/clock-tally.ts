import { Prisma } from '@prisma/client';
import type { Db } from '../db.js';

export type Tally = { onTime: number; late: number };
export type RepairClockTally = { filed: number; accepted: Tally; contacted: Tally; arrived: Tally };

/**
 * The repair clocks of the repairs filed in [from, to) (no `to`: up to now), per community: each step
 * counts once its clock has settled — done on time or late, or missed and recorded as a breach by the
 * sweep (for contact and arrival, the breach of the current cycle). One query for any number of
 * communities; the service level (last 30 days) and the month's statistics (#31) both read it.
 */
export async function repairClockTallies(
  db: Db,
  communityIds: string[],
  from: Date,
  to?: Date,
): Promise<Map<string, RepairClockTally>> {
  const rows = await db.$queryRaw<Record<string, bigint | string>[]>`
    SELECT r."communityId"::text AS "communityId",
      count(*) FILTER (WHERE r."acceptedAt" <= r."acceptDueAt") AS "acceptOnTime",
      count(*) FILTER (WHERE r."acceptedAt" > r."acceptDueAt" OR (r."acceptedAt" IS NULL AND EXISTS (SELECT 1 FROM "RepairBreach" b WHERE b."repairId" = r."id" AND b."clock" = 'ACCEPT'))) AS "acceptLate",
      count(*) FILTER (WHERE r."contactedAt" <= r."contactDueAt") AS "contactOnTime",
      count(*) FILTER (WHERE r."contactedAt" > r."contactDueAt" OR (r."contactedAt" IS NULL AND EXISTS (SELECT 1 FROM "RepairBreach" b WHERE b."repairId" = r."id" AND b."clock" = 'CONTACT' AND b."cycle" = r."reopenCount"))) AS "contactLate",
      count(*) FILTER (WHERE r."arrivedAt" <= r."arriveDueAt") AS "arriveOnTime",
      count(*) FILTER (WHERE r."arrivedAt" > r."arriveDueAt" OR (r."arrivedAt" IS NULL AND EXISTS (SELECT 1 FROM "RepairBreach" b WHERE b."repairId" = r."id" AND b."clock" = 'ARRIVE' AND b."cycle" = r."reopenCount"))) AS "arriveLate",
      count(*) AS "filed"
    FROM "RepairRequest" r
    WHERE r."communityId" = ANY(${communityIds}::uuid[]) AND r."filedAt" >= ${from}
      ${to ? Prisma.sql`AND r."filedAt" < ${to}` : Prisma.empty}
    GROUP BY r."communityId"`;
  const tallies = new Map<string, RepairClockTally>();
  for (const id of communityIds) {
    const row = rows.find((r) => r.communityId === id);
    const n = (k: string) => Number(row?.[k] ?? 0);
    tallies.set(id, {
      filed: n('filed'),
      accepted: { onTime: n('acceptOnTime'), late: n('acceptLate') },
      contacted: { onTime: n('contactOnTime'), late: n('contactLate') },
      arrived: { onTime: n('arriveOnTime'), late: n('arriveLate') },
    });
  }
  return tallies;
}
