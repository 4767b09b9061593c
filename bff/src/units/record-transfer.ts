import type { MemberRelation, Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { requireRole } from '../access/guards.js';
import { beijingDay } from '../beijing.js';
import { HOUSEHOLD_RELATIONS, OWNER_RELATIONS } from './ownership.js';
import { refreshResidentCommunities } from './resident-cache.js';
import type { RecordTransfer } from './schema.js';

/** Who records a sale: the community's manager or a company admin (docs/roles.md, Ownership transfer). */
export const TRANSFER_ROLES = ['MANAGER', 'COMPANY_ADMIN'] as const;

export type Owner = { name: string; phone: string; relation: MemberRelation };
type Tx = Prisma.TransactionClient;

const samePeople = (a: Owner[], b: Owner[]) =>
  a.length === b.length && a.every((x) => b.some((y) => y.phone === x.phone));

/** The seller's memberships end; so do the family's and tenants' the seller approved. Returns whose ended. */
async function endSellerMemberships(tx: Tx, unitId: string, buyerIds: string[], actorId: string, now: Date) {
  const ended = { status: 'ENDED' as const, endedAt: now, endedById: actorId, endReason: '过户' };
  const sellers = await tx.unitMembership.findMany({
    where: { unitId, status: 'VERIFIED', relation: { in: OWNER_RELATIONS }, userId: { notIn: buyerIds } },
    select: { userId: true },
  });
  const sellerIds = sellers.map((s) => s.userId);
  const household = await tx.unitMembership.findMany({
    where: {
      unitId,
      status: 'VERIFIED',
      relation: { in: HOUSEHOLD_RELATIONS },
      decidedById: { in: sellerIds },
      userId: { notIn: buyerIds },
    },
    select: { userId: true },
  });
  const userIds = [...sellerIds, ...household.map((h) => h.userId)];
  await tx.unitMembership.updateMany({ where: { unitId, userId: { in: userIds }, status: 'VERIFIED' }, data: ended });
  return userIds;
}

/** Buyers who already have an account bind at once, as the roster names them (as a roster match would). */
async function bindBuyers(tx: Tx, unitId: string, buyers: Owner[], now: Date) {
  const users = await tx.user.findMany({
    where: { phone: { in: buyers.map((b) => b.phone) } },
    select: { id: true, phone: true, name: true },
  });
  for (const u of users) {
    const owner = buyers.find((b) => b.phone === u.phone)!;
    const data = {
      relation: owner.relation,
      status: 'VERIFIED' as const,
      autoApproved: true,
      decidedAt: now,
      decidedById: null,
      rejectReason: null,
      endedAt: null,
      endedById: null,
      endReason: null,
    };
    await tx.unitMembership.upsert({
      where: { userId_unitId: { userId: u.id, unitId } },
      create: { userId: u.id, unitId, requestedAt: now, ...data },
      update: data,
    });
    if (!u.name) await tx.user.update({ where: { id: u.id }, data: { name: owner.name } });
  }
  return users.map((u) => u.id);
}

/** One sale as the roster records it: the buyers (with 业主/共有人), the day, why and on what evidence. */
export type TransferInput = { unitId: string; onDate: string; buyers: Owner[]; reason: string; evidence: string };
type Where = { companyId: string; communityId: string; actorId: string; now: Date };

/**
 * A sale inside the caller's transaction — the one code for the desk's 过户 and the import's (docs/import.md,
 * Transfers): the roster's owners become the buyers, the seller's memberships end, buyers with an account bind
 * at once, and the change is audited. The unit row is locked first, so two recordings of the same sale run one
 * after the other and the second finds the buyers already on the roster (409). Bills are not touched: they stay
 * with the unit, and the ones whose period began before the date read as the seller's (ownership.ts,
 * sellerCutoffs). Returns the transfer and whose memberships ended or started (their caches to refresh).
 */
export async function transferInTx(tx: Tx, where: Where, input: TransferInput) {
  const { unitId, buyers } = input;
  // Retired units and communities are history (docs/master-data.md): no sale is recorded in them, at the desk as
  // in the import. The community first (FOR SHARE: a retirement, FOR UPDATE, waits or is waited for), then the
  // unit — the import's apply takes them in that order too.
  const [community] = await tx.$queryRaw<{ retiredAt: Date | null }[]>`
    SELECT "retiredAt" FROM "Community" WHERE id = ${where.communityId}::uuid FOR SHARE`;
  const [unit] = await tx.$queryRaw<{ retiredAt: Date | null }[]>`
    SELECT "retiredAt" FROM "Unit" WHERE id = ${unitId}::uuid FOR UPDATE`;
  if (community?.retiredAt) throw new AppError('MASTER_RETIRED', '这个小区已停用，不能再登记过户');
  if (unit?.retiredAt) throw new AppError('MASTER_RETIRED', '这套房屋已停用，不能再登记过户');
  // The row is written, not only locked: an import's REPEATABLE READ apply that began before this commits then
  // fails to lock the unit (serialization → IMPORT_STALE) instead of adding owners to a roster it never saw.
  await tx.$executeRaw`UPDATE "Unit" SET number = number WHERE id = ${unitId}::uuid`;
  const latest = await tx.ownershipTransfer.findFirst({ where: { unitId }, orderBy: { onDate: 'desc' } });
  if (latest && input.onDate < latest.onDate)
    throw new AppError('TRANSFER_OUT_OF_ORDER', `该房屋已登记 ${latest.onDate} 的过户，不能登记更早的日期`);
  const roster = await tx.ownerRosterEntry.findMany({
    where: { unitId },
    select: { name: true, phone: true, relation: true },
    orderBy: [{ relation: 'asc' }, { phone: 'asc' }],
  });
  const sellers = roster.filter((r) => OWNER_RELATIONS.includes(r.relation));
  if (samePeople(sellers, buyers)) throw new AppError('TRANSFER_SAME_OWNERS', '新业主与现登记的业主相同，无需过户');
  // A transfer moves the whole unit to new owners: from its date every earlier bill is the seller's. An owner
  // who stays (a co-owner added or removed) would find their own debt labelled a former owner's, so that
  // is a change of the roster (the import), not a sale.
  const staying = new Set(sellers.map((s) => s.phone));
  if (buyers.some((b) => staying.has(b.phone)))
    throw new AppError(
      'TRANSFER_SAME_OWNERS',
      '新业主中有现登记的业主：过户是整套房屋换了业主，增加或减少共有人请通过导入更新业主名单',
    );
  // The whole household on the roster was the seller's; the buyers replace it.
  await tx.ownerRosterEntry.deleteMany({ where: { unitId } });
  await tx.ownerRosterEntry.createMany({ data: buyers.map((b) => ({ unitId, ...b })) });
  const buyerIds = (
    await tx.user.findMany({ where: { phone: { in: buyers.map((b) => b.phone) } }, select: { id: true } })
  ).map((u) => u.id);
  const endedIds = await endSellerMemberships(tx, unitId, buyerIds, where.actorId, where.now);
  const boundIds = await bindBuyers(tx, unitId, buyers, where.now);
  const transfer = await tx.ownershipTransfer.create({
    data: {
      communityId: where.communityId,
      unitId,
      onDate: input.onDate,
      sellers: roster,
      buyers,
      reason: input.reason,
      evidence: input.evidence,
      recordedById: where.actorId,
      recordedAt: where.now,
    },
  });
  await tx.auditEvent.create({
    data: {
      companyId: where.companyId,
      communityId: where.communityId,
      actorId: where.actorId,
      kind: 'OWNERSHIP_TRANSFER',
      subjectId: unitId,
      before: { owners: roster },
      after: { owners: buyers, onDate: input.onDate, membershipsEnded: endedIds.length, bound: boundIds.length },
      reason: `${input.reason}（证明：${input.evidence}）`,
      at: where.now,
    },
  });
  return { transfer, endedIds, boundIds };
}

/**
 * After the commit: the ended members' sessions stop seeing the community at once, the buyers' start.
 * The transfer is saved whatever happens here: a cache that fails to refresh is logged, not a 500 to the
 * manager (the unit's own reads check the membership in the database; the cache expires on its own).
 */
export async function refreshAfterTransfers(deps: Deps, userIds: Iterable<string>, context: object) {
  for (const userId of new Set(userIds)) {
    try {
      await refreshResidentCommunities(deps, userId);
    } catch (err) {
      deps.logger.error({ err, userId, ...context }, 'resident cache refresh after transfer failed');
    }
  }
}

/** The desk's 过户 (POST /api/staff/units/:unitId/transfers): the first owner named is 业主, the others 共有人. */
export async function recordTransfer(deps: Deps, actorId: string, unitId: string, input: RecordTransfer) {
  const unit = await deps.db.unit.findUnique({
    where: { id: unitId },
    select: { communityId: true, community: { select: { companyId: true } } },
  });
  if (!unit) throw notFound('房屋');
  await requireRole(deps.db, actorId, unit.communityId, [...TRANSFER_ROLES], '房屋');
  const now = deps.clock.now();
  if (input.onDate > beijingDay(now))
    throw new AppError('VALIDATION_FAILED', '过户日期不能晚于今天', [{ path: 'onDate', message: '不能晚于今天' }]);
  const buyers: Owner[] = input.owners.map((o, i) => ({ ...o, relation: i === 0 ? 'OWNER' : 'CO_OWNER' }));
  const where = { companyId: unit.community.companyId, communityId: unit.communityId, actorId, now };
  const { transfer, endedIds, boundIds } = await deps.db.$transaction((tx) =>
    transferInTx(tx, where, { unitId, onDate: input.onDate, buyers, reason: input.reason, evidence: input.evidence }),
  );
  await refreshAfterTransfers(deps, [...endedIds, ...boundIds], { unitId, transferId: transfer.id });
  return {
    id: transfer.id,
    unitId,
    onDate: transfer.onDate,
    membershipsEnded: endedIds.length,
    ownersBound: boundIds.length,
  };
}
