import type { ContentReview, Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { OFFICE_ROLES, staffRolesByCommunity } from '../access/scope.js';

/**
 * Kinds the property office never decides: a candidate's statement and photo in a committee election
 * (the company is an interested party — the vote is often about hiring or firing it). The committee
 * decides them through its own endpoints (elections/reviews.ts; review finding 2).
 */
export const COMMITTEE_REVIEW_KINDS = ['election-candidate', 'election-candidate-photo'];

/**
 * A manager passes or rejects a held item; the owning module applies it to the record in the same
 * transaction. Decided once: a second decision (two managers at once) is told it was already made.
 */
export async function decideModeration(deps: Deps, staffId: string, id: string, approved: boolean) {
  const review = await deps.db.contentReview.findUnique({ where: { id } });
  const office = review && (await staffRolesByCommunity(deps.db, staffId)).get(review.communityId);
  if (!review || COMMITTEE_REVIEW_KINDS.includes(review.kind) || !office?.roles.some((r) => OFFICE_ROLES.includes(r)))
    throw notFound('审核项');
  return applyDecision(deps, review, staffId, approved);
}

/** Records the decision and applies it to the record (and its media check), once; `more` runs in the same transaction. */
export async function applyDecision(
  deps: Deps,
  review: ContentReview,
  deciderId: string,
  approved: boolean,
  more?: (tx: Prisma.TransactionClient) => Promise<void>,
) {
  const apply = deps.registry.moderation(review.kind);
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    const moved = await tx.contentReview.updateMany({
      where: { id: review.id, status: 'PENDING' },
      data: { status: approved ? 'APPROVED' : 'REJECTED', decidedById: deciderId, decidedAt: now },
    });
    if (moved.count === 0) throw new AppError('ALREADY_DECIDED', '这一项已经处理过了，请刷新');
    if (review.uploadId)
      await tx.mediaCheck.updateMany({
        where: { uploadId: review.uploadId },
        data: { status: approved ? 'PASS' : 'RISKY', verdictAt: now },
      });
    await apply?.(deps, tx, review, approved);
    await more?.(tx);
  });
  return { id: review.id, status: approved ? 'APPROVED' : 'REJECTED' };
}
