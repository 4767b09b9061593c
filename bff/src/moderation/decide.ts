import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { OFFICE_ROLES, staffRolesByCommunity } from '../access/scope.js';

/**
 * A manager passes or rejects a held item; the owning module applies it to the record in the same
 * transaction. Decided once: a second decision (two managers at once) is told it was already made.
 */
export async function decideModeration(deps: Deps, staffId: string, id: string, approved: boolean) {
  const review = await deps.db.contentReview.findUnique({ where: { id } });
  const office = review && (await staffRolesByCommunity(deps.db, staffId)).get(review.communityId);
  if (!review || !office?.roles.some((r) => OFFICE_ROLES.includes(r))) throw notFound('审核项');
  const apply = deps.registry.moderation(review.kind);
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    const moved = await tx.contentReview.updateMany({
      where: { id, status: 'PENDING' },
      data: { status: approved ? 'APPROVED' : 'REJECTED', decidedById: staffId, decidedAt: now },
    });
    if (moved.count === 0) throw new AppError('ALREADY_DECIDED', '这一项已经处理过了，请刷新');
    if (review.uploadId)
      await tx.mediaCheck.updateMany({
        where: { uploadId: review.uploadId },
        data: { status: approved ? 'PASS' : 'RISKY', verdictAt: now },
      });
    await apply?.(deps, tx, review, approved);
  });
  return { id, status: approved ? 'APPROVED' : 'REJECTED' };
}
