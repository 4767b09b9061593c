import type { Election } from '@prisma/client';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';

/**
 * The owner slots (keys) the caller may cast in this election: the units whose frozen voters include
 * their verified phone — an owner of record, or someone the committee admitted (docs/domain.md §5,
 * The roster). Memberships, which property staff approve, play no part.
 */
export async function slotsOf(
  deps: Deps,
  userId: string,
  electionId: string,
): Promise<{ ownerKey: string; units: string[] }[]> {
  const rows = await deps.db.$queryRaw<{ ownerKey: string; unitLabel: string }[]>`
    SELECT DISTINCT r."ownerKey", r."unitLabel" FROM "ElectionRosterEntry" r
      JOIN "ElectionVoter" v ON v."electionId" = r."electionId" AND v."unitId" = r."unitId"
      JOIN "User" u ON u."phone" = v."phone"
     WHERE r."electionId" = ${electionId}::uuid AND u."id" = ${userId}::uuid
     ORDER BY r."unitLabel"`;
  const byKey = new Map<string, string[]>();
  for (const r of rows) byKey.set(r.ownerKey, [...(byKey.get(r.ownerKey) ?? []), r.unitLabel]);
  return [...byKey].map(([ownerKey, units]) => ({ ownerKey, units }));
}

/**
 * An election the caller may see as a resident: of a community where they are a verified member, or
 * one they may vote in; published or later. Another community's is "not found".
 */
export async function electionForResident(deps: Deps, userId: string, id: string): Promise<Election> {
  const election = await deps.db.election.findUnique({ where: { id } });
  if (!election || election.state === 'DRAFT') throw notFound('投票');
  const member = await deps.db.unitMembership.count({
    where: { userId, status: 'VERIFIED', unit: { communityId: election.communityId } },
  });
  if (member === 0 && (await slotsOf(deps, userId, id)).length === 0) throw notFound('投票');
  return election;
}

/**
 * The elections whose frozen voters include the caller's phone: an owner of record, or someone the
 * committee admitted — who may have no verified membership at all, since property staff approve those
 * (review finding 6).
 */
export async function electionsAsVoter(deps: Deps, userId: string): Promise<string[]> {
  const rows = await deps.db.$queryRaw<{ electionId: string }[]>`
    SELECT DISTINCT v."electionId" FROM "ElectionVoter" v JOIN "User" u ON u."phone" = v."phone"
     WHERE u."id" = ${userId}::uuid`;
  return rows.map((r) => r.electionId);
}
