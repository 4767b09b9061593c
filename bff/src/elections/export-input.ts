import type { Election } from '@prisma/client';
import type { Deps } from '../deps.js';
import type { TallyInput } from './tally.js';
import type { Tx } from './runner.js';

export const YES = 'YES';
export const MATTER_CHOICES = ['YES', 'NO', 'ABSTAIN'] as const;

/** The election as the count sees it (and as anyone can re-run it): the export format of the README. */
export async function exportInput(
  db: Deps['db'] | Tx,
  election: Election,
): Promise<TallyInput & { election: object; matter?: object }> {
  const roster = await db.electionRosterEntry.findMany({
    where: { electionId: election.id },
    orderBy: { unitLabel: 'asc' },
  });
  const ballots = await db.ballot.findMany({
    where: { electionId: election.id },
    orderBy: { ownerKey: 'asc' },
    select: { ownerKey: true, choices: true },
  });
  const candidates =
    election.kind === 'MATTER'
      ? [YES]
      : (
          await db.electionCandidate.findMany({
            where: { electionId: election.id },
            orderBy: { sortOrder: 'asc' },
            select: { id: true },
          })
        ).map((c) => c.id);
  return {
    election: { id: election.id, title: election.title, kind: election.kind, state: election.state },
    seats: election.seats,
    class: election.class === 'SPECIAL' ? 'special' : 'ordinary',
    candidates,
    roster: roster.map((r) => ({
      unit: r.unitLabel,
      area: r.area.toFixed(2),
      owner: r.ownerKey,
      developerHeld: r.developerHeld,
      areaSource: r.areaSource,
      ...(r.delivered ? { delivered: true } : {}),
    })),
    // A matter's "yes" is the one candidate; "no" and "abstain" take part without choosing it.
    ballots: ballots.map((b) => ({
      owner: b.ownerKey,
      choices: election.kind === 'MATTER' ? b.choices.filter((c) => c === YES) : b.choices,
    })),
    ...(election.deliveredCounts || election.silenceFollows
      ? { rules: { deliveredCounts: election.deliveredCounts, silenceFollows: election.silenceFollows } }
      : {}),
    ...(election.kind === 'MATTER'
      ? { matter: Object.fromEntries(MATTER_CHOICES.map((c) => [c, ballots.filter((b) => b.choices[0] === c).length])) }
      : {}),
  };
}
