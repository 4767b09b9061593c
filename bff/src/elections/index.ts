import type { Deps } from '../deps.js';
import type { Module } from '../module.js';
import { hasStaffRole } from '../access/scope.js';
import { electionRoutes } from './routes.js';

/** A candidate's photo: the community's verified residents and its committee (it is posted for all to see). */
async function maySeeCandidatePhoto(deps: Deps, userId: string, candidateId: string): Promise<boolean> {
  const candidate = await deps.db.electionCandidate.findUnique({
    where: { id: candidateId },
    select: { election: { select: { communityId: true, state: true } } },
  });
  if (!candidate) return false;
  const { communityId, state } = candidate.election;
  if (await hasStaffRole(deps.db, userId, communityId, ['COMMITTEE_MEMBER'])) return true;
  return (
    state !== 'DRAFT' &&
    (await deps.db.unitMembership.count({ where: { userId, status: 'VERIFIED', unit: { communityId } } })) > 0
  );
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
  uploadAccess: {
    electionCandidate: maySeeCandidatePhoto,
    ballotEvidence: maySeeBallotEvidence,
    electionVoterEvidence: maySeeVoterEvidence,
  },
};
