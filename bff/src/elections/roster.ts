import { createHmac } from 'node:crypto';
import type { Election, ElectionState } from '@prisma/client';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { DEVELOPER } from './tally.js';
import { audit, electionForRunner, type Tx } from './runner.js';

/**
 * An owner of record as a stable key: the same person (phone of record) has the same key on every
 * unit, never their phone itself — an HMAC no one can reverse without the server's secret.
 */
export function ownerKeyOf(deps: Deps, phone: string): string {
  return `o_${createHmac('sha256', `owner-key:${deps.config.wechat.secret}`).update(phone).digest('base64url').slice(0, 22)}`;
}

/**
 * The roster as it stands: every unit in scope with its exclusive area and source, its owner of record
 * as a key (the owner's phone on the roster; co-owners share the unit's slot), developer-held units
 * (not yet delivered) marked. Units without an owner on the roster get a key of their own.
 */
export async function snapshotRoster(deps: Deps, tx: Tx, election: Election) {
  const units = await tx.unit.findMany({
    where: { communityId: election.communityId, ...(election.buildingId ? { buildingId: election.buildingId } : {}) },
    select: {
      id: true,
      number: true,
      exclusiveArea: true,
      areaSource: true,
      deliveredAt: true,
      building: { select: { name: true } },
      roster: { where: { relation: 'OWNER' }, select: { phone: true }, orderBy: { phone: 'asc' }, take: 1 },
    },
  });
  const rows = units.map((u) => {
    const developerHeld = u.deliveredAt === null;
    const phone = u.roster[0]?.phone;
    return {
      electionId: election.id,
      unitId: u.id,
      unitLabel: `${u.building.name} ${u.number}`,
      area: u.exclusiveArea,
      areaSource: u.areaSource,
      ownerKey: developerHeld ? DEVELOPER : phone ? ownerKeyOf(deps, phone) : `u_${u.id}`,
      developerHeld,
    };
  });
  await tx.electionRosterEntry.createMany({ data: rows });
  return rows.length;
}

/** A correction of one unit in the posted roster (area, its source, developer-held), audited; refused once voting opened. */
export async function correctRosterEntry(
  deps: Deps,
  userId: string,
  id: string,
  unitId: string,
  input: { area: string; areaSource: 'REGISTERED' | 'SURVEYED' | 'CONTRACT'; developerHeld: boolean; reason: string },
) {
  await electionForRunner(deps, userId, id);
  await deps.db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<
      { state: ElectionState }[]
    >`SELECT "state" FROM "Election" WHERE "id" = ${id}::uuid FOR UPDATE`;
    if (locked!.state !== 'PUBLISHED')
      throw new AppError(
        'ALREADY_DECIDED',
        locked!.state === 'DRAFT' ? '公示后才有业主名册' : '投票开始后名册已冻结，不能再修改',
      );
    const entry = await tx.electionRosterEntry.findUnique({ where: { electionId_unitId: { electionId: id, unitId } } });
    if (!entry) throw notFound('房屋');
    const ownerKey = input.developerHeld ? DEVELOPER : entry.developerHeld ? `u_${unitId}` : entry.ownerKey;
    await tx.electionRosterEntry.update({
      where: { electionId_unitId: { electionId: id, unitId } },
      data: { area: input.area, areaSource: input.areaSource, developerHeld: input.developerHeld, ownerKey },
    });
    await audit(
      tx,
      id,
      'ROSTER_CORRECTED',
      userId,
      deps.clock.now(),
      `${entry.unitLabel}: ${entry.area.toString()}㎡ ${entry.areaSource} → ${input.area}㎡ ${input.areaSource}${input.developerHeld !== entry.developerHeld ? `，开发商持有 ${input.developerHeld ? '是' : '否'}` : ''}；${input.reason}`,
    );
  });
  return { unitId, corrected: true };
}

/**
 * Records that the ballots of these units were delivered to their owners (送达) — what the two clauses
 * of the rules of procedure need before a silent owner may be counted. Audited; until the vote closes.
 */
export async function recordDeliveries(deps: Deps, userId: string, id: string, unitIds: string[]) {
  const election = await electionForRunner(deps, userId, id);
  if (election.state !== 'PUBLISHED' && election.state !== 'OPEN')
    throw new AppError('ELECTION_NOT_OPEN', '只能在公示或投票期间登记送达');
  const marked = await deps.db.$transaction(async (tx) => {
    const { count } = await tx.electionRosterEntry.updateMany({
      where: { electionId: id, unitId: { in: unitIds } },
      data: { delivered: true },
    });
    await audit(tx, id, 'DELIVERED', userId, deps.clock.now(), `${count} 户选票已送达`);
    return count;
  });
  return { delivered: marked };
}
