import type { Deps } from '../deps.js';
import type { Tx } from './runner.js';
import { AppError, notFound } from '../errors.js';
import { applyDecision, COMMITTEE_REVIEW_KINDS } from '../moderation/decide.js';
import { audit, electionForRunner } from './runner.js';

/**
 * A candidate's statement or photo held for review is decided by the committee, never by property
 * staff (review finding 2): the company is an interested party in the vote. The member who entered the
 * candidate does not decide it; each decision is an ElectionEvent. Until none is pending the election
 * cannot be published (lifecycle.ts).
 */
async function candidateReviews(db: Deps['db'] | Tx, electionId: string, status?: 'PENDING') {
  const candidates = await db.electionCandidate.findMany({
    where: { electionId },
    select: { id: true, name: true },
  });
  const reviews = await db.contentReview.findMany({
    where: {
      kind: { in: COMMITTEE_REVIEW_KINDS },
      recordId: { in: candidates.map((c) => c.id) },
      ...(status ? { status } : {}),
    },
    orderBy: { createdAt: 'asc' },
  });
  return { candidates, reviews };
}

/** The election's held candidate statements and photos, for the committee. */
export async function listCandidateReviews(deps: Deps, userId: string, id: string) {
  await electionForRunner(deps, userId, id);
  const { candidates, reviews } = await candidateReviews(deps.db, id);
  return {
    items: reviews.map((r) => ({
      id: r.id,
      candidate: candidates.find((c) => c.id === r.recordId)?.name ?? '',
      what: r.uploadId ? '照片' : '个人陈述',
      text: r.text,
      uploadId: r.uploadId,
      reason: r.reason,
      status: r.status,
      mine: r.authorId === userId,
    })),
  };
}

/** A committee member other than its author passes or rejects a held statement or photo. */
export async function decideCandidateReview(
  deps: Deps,
  userId: string,
  id: string,
  reviewId: string,
  approved: boolean,
) {
  await electionForRunner(deps, userId, id);
  const { candidates, reviews } = await candidateReviews(deps.db, id);
  const review = reviews.find((r) => r.id === reviewId);
  if (!review) throw notFound('审核项');
  if (review.authorId === userId) throw new AppError('FORBIDDEN', '候选人资料由录入者以外的业委会委员审核');
  const name = candidates.find((c) => c.id === review.recordId)?.name ?? '';
  return applyDecision(deps, review, userId, approved, (tx) =>
    audit(
      tx,
      id,
      approved ? 'REVIEW_PASSED' : 'REVIEW_REJECTED',
      userId,
      deps.clock.now(),
      `${name}的${review.uploadId ? '照片' : '个人陈述'}`,
    ),
  );
}

/** Publication waits for every held statement and photo to be decided (residents would read “审核中”). */
export async function refusePendingReviews(tx: Tx, electionId: string) {
  const { reviews } = await candidateReviews(tx, electionId, 'PENDING');
  if (reviews.length > 0)
    throw new AppError('REVIEW_PENDING', `还有 ${reviews.length} 项候选人资料待业委会审核，审核后才能公示`);
}
