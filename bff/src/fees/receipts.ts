import type { Prisma } from '@prisma/client';
import { beijingYear } from '../beijing.js';

/**
 * The next number of the community's one receipt series for the Beijing year (WeChat and counter
 * receipts alike), gapless: taken inside the transaction that records the money, so a rollback gives it back.
 * The community's own code (Community.code, unique) names the series, so receipt numbers stay unique
 * over all communities; the first characters of the id did not (two ids may share them).
 */
export async function takeReceiptNo(tx: Prisma.TransactionClient, communityId: string, at: Date): Promise<string> {
  const year = beijingYear(at);
  const [row] = await tx.$queryRaw<{ last: number; code: string }[]>`
    INSERT INTO "ReceiptCounter" ("communityId", "year", "last") VALUES (${communityId}::uuid, ${year}, 1)
    ON CONFLICT ("communityId", "year") DO UPDATE SET "last" = "ReceiptCounter"."last" + 1
    RETURNING "last", (SELECT "code" FROM "Community" WHERE "id" = ${communityId}::uuid) AS "code"`;
  return `SJ${year}-${row!.code}-${String(row!.last).padStart(6, '0')}`;
}
