import type { Deps } from '../deps.js';
import { MATTER_CHOICES } from './export-input.js';
import { shapeCandidatesForResidents, shapeElection } from './view.js';
import { electionForResident, electionsAsVoter, slotsOf } from './voter-slots.js';
import { receiptHash } from './vote.js';

/**
 * The votes of the resident's communities and those they may vote in, newest first. Not paged (no keyset()): a community holds a
 * few votes a year and archived ones are left out, so 30 reach back years.
 */
export async function listResidentElections(deps: Deps, userId: string) {
  const communities = await deps.db.unitMembership.findMany({
    where: { userId, status: 'VERIFIED' },
    select: { unit: { select: { communityId: true } } },
  });
  const rows = await deps.db.election.findMany({
    where: {
      OR: [
        { communityId: { in: [...new Set(communities.map((c) => c.unit.communityId))] } },
        { id: { in: await electionsAsVoter(deps, userId) } },
      ],
      state: { notIn: ['DRAFT', 'ARCHIVED'] },
    },
    orderBy: { createdAt: 'desc' },
    take: 30,
  });
  // Voted: a ballot stands for one of the caller's owner slots (cast by them, a co-owner or on paper).
  const mine = await deps.db.$queryRaw<{ electionId: string }[]>`
    SELECT DISTINCT b."electionId" FROM "Ballot" b
      JOIN "ElectionRosterEntry" r ON r."electionId" = b."electionId" AND r."ownerKey" = b."ownerKey"
      JOIN "ElectionVoter" v ON v."electionId" = r."electionId" AND v."unitId" = r."unitId"
      JOIN "User" u ON u."phone" = v."phone"
     WHERE b."electionId" = ANY(${rows.map((r) => r.id)}::uuid[]) AND u."id" = ${userId}::uuid`;
  const voted = new Set(mine.map((b) => b.electionId));
  return { items: rows.map((e) => ({ ...shapeElection(e), result: null, voted: voted.has(e.id) })) };
}

/** What a resident sees: the vote, the candidates, their slots and whether each has voted; the result once published. */
export async function residentElection(deps: Deps, userId: string, id: string) {
  const election = await electionForResident(deps, userId, id);
  const [candidates, slots] = await Promise.all([
    deps.db.electionCandidate.findMany({ where: { electionId: id }, orderBy: { sortOrder: 'asc' } }),
    slotsOf(deps, userId, id),
  ]);
  const ballots = await deps.db.ballot.findMany({
    where: { electionId: id, ownerKey: { in: slots.map((s) => s.ownerKey) } },
    select: { ownerKey: true, channel: true, castAt: true, changedAt: true, userId: true },
  });
  const published = election.state === 'RESULTS_PUBLISHED' || election.state === 'ARCHIVED';
  return {
    ...shapeElection(election),
    result: published ? shapeElection(election).result : null,
    candidates: await shapeCandidatesForResidents(deps, candidates),
    choices: election.kind === 'MATTER' ? [...MATTER_CHOICES] : null,
    slots: slots.map((s) => {
      const b = ballots.find((x) => x.ownerKey === s.ownerKey);
      // A co-owner sees the slot as cast; who cast it and how is theirs to know only if it was them.
      return {
        ownerKey: s.ownerKey,
        units: s.units,
        voted: !!b,
        byMe: b?.userId === userId,
        channel: b?.channel ?? null,
        changed: !!b?.changedAt,
        castAt: b?.castAt.toISOString() ?? null,
      };
    }),
  };
}

/** Anyone holding a receipt can check it was counted — the answer never says how. */
export async function checkReceipt(deps: Deps, userId: string, id: string, code: string) {
  await electionForResident(deps, userId, id);
  const found = await deps.db.ballot.findUnique({
    where: { electionId_receiptHash: { electionId: id, receiptHash: receiptHash(id, code) } },
    select: { castAt: true },
  });
  return { counted: !!found, castAt: found?.castAt.toISOString() ?? null };
}
