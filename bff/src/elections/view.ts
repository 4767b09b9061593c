import type { Election } from '@prisma/client';
import type { Deps } from '../deps.js';
import { requireRole } from '../access/guards.js';
import { tally, type TallyResult } from './tally.js';
import { exportInput } from './export-input.js';
import { earliestOpening, electionForRunner, RUNNERS } from './runner.js';

/** Turnout while open: participating area and heads against the totals and the 2/3 lines (exact, as the count does it). */
export async function turnout(deps: Deps, election: Election) {
  const input = await exportInput(deps.db, election);
  const r = tally(input);
  return {
    totalArea: r.totalArea,
    totalHeads: r.totalHeads,
    participatingArea: r.participatingArea,
    participatingHeads: r.participatingHeads,
    quorum: r.quorum,
    ballots: input.ballots.length,
  };
}

export async function getElectionForRunner(deps: Deps, userId: string, id: string) {
  const election = await electionForRunner(deps, userId, id);
  const [candidates, events, rosterCount, notices] = await Promise.all([
    deps.db.electionCandidate.findMany({ where: { electionId: id }, orderBy: { sortOrder: 'asc' } }),
    deps.db.electionEvent.findMany({
      where: { electionId: id },
      orderBy: { at: 'asc' },
      select: { action: true, detail: true, at: true },
    }),
    deps.db.electionRosterEntry.count({ where: { electionId: id } }),
    // The committee's own notices of this vote: only its members edit or withdraw them (review finding 7).
    deps.db.notice.findMany({
      where: { committeeElectionId: id },
      orderBy: { createdAt: 'asc' },
      select: { id: true, title: true, status: true, version: true },
    }),
  ]);
  return {
    ...shapeElection(election),
    candidates: candidates.map(shapeCandidate),
    rosterUnits: rosterCount,
    rosterConfirmedAt: election.rosterConfirmedAt?.toISOString() ?? null,
    notices,
    turnout:
      rosterCount > 0 && (election.state === 'OPEN' || election.state === 'CLOSED')
        ? await turnout(deps, election)
        : null,
    events: events.map((e) => ({ ...e, at: e.at.toISOString() })),
  };
}

export function shapeElection(e: Election) {
  return {
    id: e.id,
    communityId: e.communityId,
    buildingId: e.buildingId,
    title: e.title,
    description: e.description,
    kind: e.kind,
    class: e.class,
    seats: e.seats,
    state: e.state,
    rules: { allowChange: e.allowChange, deliveredCounts: e.deliveredCounts, silenceFollows: e.silenceFollows },
    closesAt: e.closesAt.toISOString(),
    noticeDays: e.noticeDays,
    publishedAt: e.publishedAt?.toISOString() ?? null,
    /** docs/domain.md §5, Notice: publication + the notice period; the committee page shows it. */
    earliestOpenAt: earliestOpening(e)?.toISOString() ?? null,
    openedAt: e.openedAt?.toISOString() ?? null,
    closedAt: e.closedAt?.toISOString() ?? null,
    result: (e.result as TallyResult | null) ?? null,
  };
}

export const shapeCandidate = (c: {
  id: string;
  name: string;
  statement: string;
  statementHeld: boolean;
  photoUploadId: string | null;
  sex: string;
  age: number | null;
  affiliation: string;
  occupation: string;
}) => ({
  id: c.id,
  name: c.name,
  statement: c.statement,
  statementHeld: c.statementHeld,
  photoUploadId: c.photoUploadId,
  sex: c.sex,
  age: c.age,
  affiliation: c.affiliation,
  occupation: c.occupation,
});

/** The committee's votes, newest first. Not paged (no keyset()): 50 are a decade of a community's votes. */
export async function listCommunityElections(deps: Deps, userId: string, communityId: string) {
  await requireRole(deps.db, userId, communityId, [...RUNNERS], '小区');
  const rows = await deps.db.election.findMany({ where: { communityId }, orderBy: { createdAt: 'desc' }, take: 50 });
  return { items: rows.map(shapeElection) };
}

/**
 * A candidate as residents see it (docs/wechat.md §7): a statement held for review reads "审核中", and
 * the photo appears once its media check passed.
 */
export async function shapeCandidatesForResidents(deps: Deps, candidates: Parameters<typeof shapeCandidate>[0][]) {
  const photos = candidates.flatMap((c) => (c.photoUploadId ? [c.photoUploadId] : []));
  const passed = new Set(
    (
      await deps.db.mediaCheck.findMany({
        where: { uploadId: { in: photos }, status: 'PASS' },
        select: { uploadId: true },
      })
    ).map((m) => m.uploadId),
  );
  return candidates.map((c) => ({
    ...shapeCandidate(c),
    statement: c.statementHeld ? '（内容审核中）' : c.statement,
    statementHeld: false,
    photoUploadId: c.photoUploadId && passed.has(c.photoUploadId) ? c.photoUploadId : null,
  }));
}
