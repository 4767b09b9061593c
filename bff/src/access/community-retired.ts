import type { Prisma } from '@prisma/client';
import type { Db } from '../db.js';
import { AppError } from '../errors.js';

/**
 * A retired community is history (docs/master-data.md, Retiring a community): nothing new starts in it —
 * no billing run, no repair or complaint, no import. Its staff still read everything it holds.
 */
export async function refuseRetiredCommunity(db: Db | Prisma.TransactionClient, communityId: string, what: string) {
  const c = await db.community.findUnique({ where: { id: communityId }, select: { retiredAt: true } });
  if (c?.retiredAt) throw new AppError('MASTER_RETIRED', `这个小区已停用，${what}`);
}
