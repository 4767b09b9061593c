import { createHmac, randomBytes } from 'node:crypto';
import type { Election, ElectionState } from '@prisma/client';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { DEVELOPER } from './tally.js';
import { audit, electionForRunner, type Tx } from './runner.js';
import { unconfirmRoster } from './roster-review.js';

/**
 * An owner of record as a stable key: the same owner (the phones of record) has the same key on every
 * unit, never a phone itself — an HMAC no one can reverse without the server's secret.
 *
 * docs/domain.md §5 (Owner count): the owner of a part is everyone on the roster as its owner or
 * co-owner. One person alone is one key on all the parts they own alone; the same people jointly are
 * another key — so a part owned alone and one owned jointly are two slots, and a co-owner's ballot
 * never carries the area of a part they do not co-own.
 */
export function ownerKeyOf(secret: string, phones: string[]): string {
  const owners = [...new Set(phones)].sort().join(',');
  return `o_${createHmac('sha256', secret).update(owners).digest('base64url').slice(0, 22)}`;
}

/**
 * The HMAC secret of an election's owner keys: its own salt, drawn at publication and kept with it (review
 * finding 10), so no rotation of a server secret changes a key mid-election. Elections published before
 * the salt existed keep the AppSecret-derived one they were keyed with.
 */
export const keySecret = (deps: Deps, election: Pick<Election, 'ownerKeySalt'>) =>
  election.ownerKeySalt ?? `owner-key:${deps.config.wechat.secret}`;
export const newKeySalt = () => randomBytes(32).toString('base64url');

/** The key of a unit's slot, the same whichever path made the entry (snapshot, correction or an admitted successor). */
export const keyOfUnit = (secret: string, unitId: string, developerHeld: boolean, phones: string[]) =>
  developerHeld ? DEVELOPER : phones.length > 0 ? ownerKeyOf(secret, phones) : `u_${unitId}`;

/** The phones of record of units (owners and co-owners), by unit. */
async function phonesOfRecord(tx: Tx, unitIds: string[]): Promise<Map<string, string[]>> {
  const rows = await tx.ownerRosterEntry.findMany({
    where: { unitId: { in: unitIds }, relation: { in: ['OWNER', 'CO_OWNER'] } },
    select: { unitId: true, phone: true },
  });
  const byUnit = new Map<string, string[]>();
  for (const r of rows) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r.phone]);
  return byUnit;
}

/** The phones the committee admitted as a unit's heirs or buyers (review finding 1). */
export async function successorPhones(tx: Tx, electionId: string, unitId: string): Promise<string[]> {
  const rows = await tx.electionVoter.findMany({
    where: { electionId, unitId, successor: true },
    select: { phone: true },
  });
  return rows.map((r) => r.phone);
}

/**
 * Who may cast each slot, frozen with the roster (docs/domain.md §5, The roster): the owners of record
 * by their phones on the owner roster — never the memberships property staff approve. Replaces the
 * owners of record of these units (not the people the committee admitted).
 */
async function freezeVoters(tx: Tx, electionId: string, byUnit: Map<string, string[]>, now: Date) {
  await tx.electionVoter.deleteMany({ where: { electionId, unitId: { in: [...byUnit.keys()] }, admittedById: null } });
  await tx.electionVoter.createMany({
    data: [...byUnit].flatMap(([unitId, phones]) => phones.map((phone) => ({ electionId, unitId, phone, at: now }))),
    skipDuplicates: true,
  });
}

/**
 * The roster as it stands: every unit in scope with its exclusive area and source, its owner of record
 * as a key, developer-held units (not yet delivered, or marked so) marked; and who may cast each slot. Units
 * without an owner on the roster get a key of their own.
 */
export async function snapshotRoster(deps: Deps, tx: Tx, election: Election) {
  const units = await tx.unit.findMany({
    // A retired unit (merged, demolished) is history, not a voter (docs/master-data.md §Retiring).
    where: {
      communityId: election.communityId,
      retiredAt: null,
      ...(election.buildingId ? { buildingId: election.buildingId } : {}),
    },
    select: {
      id: true,
      developerHeld: true,
      number: true,
      exclusiveArea: true,
      areaSource: true,
      deliveredAt: true,
      building: { select: { name: true } },
    },
  });
  const phones = await phonesOfRecord(
    tx,
    units.map((u) => u.id),
  );
  const rows = units.map((u) => {
    // Not yet delivered, or marked 开发商持有 at the desk (kept by the developer after delivery).
    const developerHeld = u.deliveredAt === null || u.developerHeld;
    return {
      electionId: election.id,
      unitId: u.id,
      unitLabel: `${u.building.name} ${u.number}`,
      area: u.exclusiveArea,
      areaSource: u.areaSource,
      ownerKey: keyOfUnit(keySecret(deps, election), u.id, developerHeld, phones.get(u.id) ?? []),
      developerHeld,
    };
  });
  await tx.electionRosterEntry.createMany({ data: rows });
  await freezeVoters(
    tx,
    election.id,
    new Map(rows.filter((r) => !r.developerHeld).map((r) => [r.unitId, phones.get(r.unitId) ?? []])),
    deps.clock.now(),
  );
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
  const election = await electionForRunner(deps, userId, id);
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
    // The key comes from the owner roster exactly as at publication (a buyer of several units stays
    // one head) — or from the heirs or buyers the committee admitted for this unit, who replaced them.
    const successors = await successorPhones(tx, id, unitId);
    const phones = successors.length > 0 ? successors : ((await phonesOfRecord(tx, [unitId])).get(unitId) ?? []);
    const ownerKey = keyOfUnit(keySecret(deps, election), unitId, input.developerHeld, phones);
    // A developer-held unit has no voters (the developer casts on paper); otherwise the owners of record.
    if (input.developerHeld) await tx.electionVoter.deleteMany({ where: { electionId: id, unitId } });
    else if (successors.length === 0) await freezeVoters(tx, id, new Map([[unitId, phones]]), deps.clock.now());
    await tx.electionRosterEntry.update({
      where: { electionId_unitId: { electionId: id, unitId } },
      data: { area: input.area, areaSource: input.areaSource, developerHeld: input.developerHeld, ownerKey },
    });
    await unconfirmRoster(tx, id);
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
