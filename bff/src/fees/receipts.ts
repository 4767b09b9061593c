import type { Prisma } from '@prisma/client';
import { beijingYear } from '../beijing.js';

/**
 * The next number of the community's one receipt series for the Beijing year (WeChat and counter
 * receipts alike), gapless: taken inside the transaction that records the money, so a rollback gives it back.
 */
export async function takeReceiptNo(tx: Prisma.TransactionClient, communityId: string, at: Date): Promise<string> {
  const year = beijingYear(at);
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "ReceiptCounter" ("communityId", "year", "last") VALUES (${communityId}::uuid, ${year}, 1)
    ON CONFLICT ("communityId", "year") DO UPDATE SET "last" = "ReceiptCounter"."last" + 1
    RETURNING "last"`;
  return `SJ${year}-${communityId.slice(0, 4).toUpperCase()}-${String(row!.last).padStart(6, '0')}`;
}
