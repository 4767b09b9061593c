import type { Prisma, RepairRequest, ReturnVisitResult } from '@prisma/client';

/**
 * A resolved repair owes its resident a return visit (回访, docs/domain.md §8): one per resolution — a
 * reopened repair resolved again is visited again. Written in the transaction that resolves it.
 */
export async function openReturnVisit(
  tx: Prisma.TransactionClient,
  repair: Pick<RepairRequest, 'id' | 'communityId' | 'reopenCount'>,
  now: Date,
) {
  await tx.returnVisit.createMany({
    data: [{ repairId: repair.id, cycle: repair.reopenCount, communityId: repair.communityId, createdAt: now }],
    skipDuplicates: true,
  });
}

/** The resident's own answer in the app, as a return-visit result: 4–5 stars satisfied, 3 basically. */
export const resultOfRating = (attitude: number, quality: number): ReturnVisitResult => {
  const worst = Math.min(attitude, quality);
  return worst >= 4 ? 'SATISFIED' : worst === 3 ? 'BASICALLY_SATISFIED' : 'UNSATISFIED';
};

/**
 * The resident answered in the app — a rating, or reopening it as not done — before the office phoned:
 * the visit is done by that answer (whichever comes first). A visit already made by phone stays as it was.
 */
export async function answerReturnVisit(
  tx: Prisma.TransactionClient,
  repairId: string,
  result: ReturnVisitResult,
  now: Date,
) {
  await tx.returnVisit.updateMany({
    where: { repairId, doneAt: null },
    data: { doneAt: now, method: 'RATING', result },
  });
}
