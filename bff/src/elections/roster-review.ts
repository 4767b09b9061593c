import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { maskPhone } from '../privacy/mask.js';
import { audit, electionForRunner, type Tx } from './runner.js';

/**
 * Eligibility is the committee's, not the property company's register (review finding 8; docs/domain.md
 * §5, The roster): during the notice period the committee sees the posted roster unit by unit — area,
 * its source, developer-held, and who may cast it (masked phones; owner of record, or admitted and how)
 * — and a member confirms it before the vote may open.
 */
export async function rosterForCommittee(deps: Deps, userId: string, id: string) {
  const election = await electionForRunner(deps, userId, id);
  const [entries, voters] = await Promise.all([
    deps.db.electionRosterEntry.findMany({ where: { electionId: id }, orderBy: { unitLabel: 'asc' } }),
    deps.db.electionVoter.findMany({ where: { electionId: id }, orderBy: { at: 'asc' } }),
  ]);
  return {
    confirmedAt: election.rosterConfirmedAt?.toISOString() ?? null,
    units: entries.map((e) => ({
      unitId: e.unitId,
      unit: e.unitLabel,
      area: e.area.toFixed(2),
      areaSource: e.areaSource,
      developerHeld: e.developerHeld,
      /** Units casting one slot together (one owner of several units) share this number. */
      slot: entries.findIndex((x) => x.ownerKey === e.ownerKey) + 1,
      voters: voters
        .filter((v) => v.unitId === e.unitId)
        .map((v) => ({
          phone: maskPhone(v.phone),
          source: v.admittedById ? (v.successor ? 'SUCCESSOR' : 'SAME_OWNER') : 'RECORD',
          at: v.at.toISOString(),
        })),
    })),
  };
}

/** A committee member confirms the posted roster and its voters; audited. Only while it is posted. */
export async function confirmRoster(deps: Deps, userId: string, id: string) {
  await electionForRunner(deps, userId, id);
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    const moved = await tx.election.updateMany({
      where: { id, state: 'PUBLISHED' },
      data: { rosterConfirmedAt: now, rosterConfirmedById: userId },
    });
    if (moved.count === 0) throw new AppError('ALREADY_DECIDED', '只能在公示期内确认业主名册');
    const units = await tx.electionRosterEntry.count({ where: { electionId: id } });
    const voters = await tx.electionVoter.count({ where: { electionId: id } });
    await audit(tx, id, 'ROSTER_CONFIRMED', userId, now, `${units} 户，${voters} 位投票人`);
  });
  return rosterForCommittee(deps, userId, id);
}

/** A change of the posted roster (a correction, an admission) needs a new confirmation. */
export const unconfirmRoster = (tx: Tx, id: string) =>
  tx.election.updateMany({
    where: { id, state: 'PUBLISHED' },
    data: { rosterConfirmedAt: null, rosterConfirmedById: null },
  });
