import type { Deps } from '../deps.js';
import type { Module } from '../module.js';
import { hasStaffRole } from '../access/scope.js';
import { electionRoutes } from './routes.js';
import { electionsAsVoter } from './voter-slots.js';

/** A candidate's photo: its committee; the community's verified residents and the election's voters once its check passed (it is posted for all to see). */
async function maySeeCandidatePhoto(deps: Deps, userId: string, candidateId: string): Promise<boolean> {
  const candidate = await deps.db.electionCandidate.findUnique({
    where: { id: candidateId },
    select: { photoUploadId: true, electionId: true, election: { select: { communityId: true, state: true } } },
  });
  if (!candidate) return false;
  const { communityId, state } = candidate.election;
  if (await hasStaffRole(deps.db, userId, communityId, ['COMMITTEE_MEMBER'])) return true;
  // Residents once WeChat's media check (or another committee member) passed it (docs/wechat.md §7).
  const passed = candidate.photoUploadId
    ? await deps.db.mediaCheck.count({ where: { uploadId: candidate.photoUploadId, status: 'PASS' } })
    : 0;
  if (passed === 0 || state === 'DRAFT') return false;
  // A verified member of the community, or one of the election's frozen voters — an admitted heir may
  // have no membership yet, and property staff approve those (review finding 6).
  const member = await deps.db.unitMembership.count({ where: { userId, status: 'VERIFIED', unit: { communityId } } });
  return member > 0 || (await electionsAsVoter(deps, userId)).includes(candidate.electionId);
}

/** A paper ballot's or proxy's photo: the committee only (it shows how an owner voted). */
async function maySeeBallotEvidence(deps: Deps, userId: string, ballotId: string): Promise<boolean> {
  const ballot = await deps.db.ballot.findUnique({
    where: { id: ballotId },
    select: { election: { select: { communityId: true } } },
  });
  return !!ballot && hasStaffRole(deps.db, userId, ballot.election.communityId, ['COMMITTEE_MEMBER']);
}

/** A late owner's evidence (heir, buyer, new phone): the committee only. */
async function maySeeVoterEvidence(deps: Deps, userId: string, voterId: string): Promise<boolean> {
  const voter = await deps.db.electionVoter.findUnique({
    where: { id: voterId },
    select: { election: { select: { communityId: true } } },
  });
  return !!voter && hasStaffRole(deps.db, userId, voter.election.communityId, ['COMMITTEE_MEMBER']);
}

/** Owners' votes and committee elections (业委会选举), counted as the Civil Code says. */
export const electionsModule: Module = {
  name: 'elections',
  routes: electionRoutes,
  moderation: {
    // Decided by the committee (reviews.ts), never the office. Passed: residents see the statement.
    // Rejected: it is replaced for good (as a snapshot's text). A photo's decision is its media check's.
    'election-candidate': async (_deps, tx, review, approved) => {
      if (review.uploadId) return;
      await tx.electionCandidate.update({
        where: { id: review.recordId },
        data: approved ? { statementHeld: false } : { statementHeld: false, statement: '（内容未通过审核，已隐藏）' },
      });
    },
  },
  uploadAccess: {
    electionCandidate: maySeeCandidatePhoto,
    ballotEvidence: maySeeBallotEvidence,
    electionVoterEvidence: maySeeVoterEvidence,
  },
};
