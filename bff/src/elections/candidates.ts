import type { ElectionState, Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { claimUploads } from '../uploads/claim-uploads.js';
import { audit, electionForRunner } from './runner.js';
import { holdForReview, screenText } from '../moderation/screen-text.js';
import { requestMediaChecks } from '../moderation/media-check.js';

/** A candidate of a committee election; candidates change only while it is a draft. */
export async function addCandidate(
  deps: Deps,
  userId: string,
  id: string,
  input: Prisma.ElectionCandidateCreateWithoutElectionInput,
) {
  const election = await electionForRunner(deps, userId, id);
  if (election.kind !== 'ELECTION') throw new AppError('VALIDATION_FAILED', '表决事项没有候选人');
  // Posted to every resident, so screened like other resident-facing text (docs/wechat.md §7): risky is
  // refused, review (or no verdict) is held until another committee member decides it (reviews.ts) — never property
  // staff — and the election cannot be published meanwhile. Scene 1: a profile.
  const screened = await screenText(deps, userId, [input.statement], 1);
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    // Candidates change only in a draft: the lock makes a concurrent "publish" wait for this.
    const [locked] = await tx.$queryRaw<
      { state: ElectionState }[]
    >`SELECT "state" FROM "Election" WHERE "id" = ${id}::uuid FOR UPDATE`;
    if (locked!.state !== 'DRAFT') throw new AppError('ALREADY_DECIDED', '候选人公示后不能再修改');
    const count = await tx.electionCandidate.count({ where: { electionId: id } });
    const candidate = await tx.electionCandidate.create({
      data: { ...input, electionId: id, sortOrder: count, statementHeld: screened.held },
    });
    if (screened.held)
      await holdForReview(tx, {
        communityId: election.communityId,
        authorId: userId,
        kind: 'election-candidate',
        recordId: candidate.id,
        text: input.statement,
        reason: screened.reason,
        label: screened.label,
        traceId: screened.traceId,
        now,
      });
    if (input.photoUploadId) {
      await claimUploads(tx, {
        uploaderId: userId,
        ids: [input.photoUploadId],
        kind: 'electionCandidate',
        recordId: candidate.id,
        now,
      });
      // The photo reaches residents once WeChat's media check (or another committee member) passed it.
      await requestMediaChecks(deps, tx, {
        uploadIds: [input.photoUploadId],
        recordKind: 'election-candidate',
        recordId: candidate.id,
        communityId: election.communityId,
        authorId: userId,
        now,
      });
    }
    await audit(tx, id, 'CANDIDATE_ADDED', userId, deps.clock.now(), input.name);
    return candidate;
  });
}

export async function removeCandidate(deps: Deps, userId: string, id: string, candidateId: string) {
  await electionForRunner(deps, userId, id);
  await deps.db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<
      { state: ElectionState }[]
    >`SELECT "state" FROM "Election" WHERE "id" = ${id}::uuid FOR UPDATE`;
    if (locked!.state !== 'DRAFT') throw new AppError('ALREADY_DECIDED', '候选人公示后不能再修改');
    const gone = await tx.electionCandidate.deleteMany({ where: { id: candidateId, electionId: id } });
    if (gone.count === 0) throw notFound('候选人');
    await audit(tx, id, 'CANDIDATE_REMOVED', userId, deps.clock.now(), candidateId);
  });
  return { id: candidateId, removed: true };
}
