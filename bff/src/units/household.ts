import type { Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { maskName, maskPhone } from '../privacy/mask.js';
import { HOUSEHOLD_RELATIONS, isOwnerOfRecord } from './ownership.js';
import { refreshResidentCommunities } from './resident-cache.js';
import type { DecideBindRequest } from './schema.js';

/** Only an owner of record of the unit manages its household; to anyone else the unit does not exist. */
async function requireOwnerOfRecord(deps: Deps, userId: string, unitId: string) {
  if (!(await isOwnerOfRecord(deps.db, userId, unitId))) throw notFound('房屋');
}

/**
 * The same check for a change, inside its transaction under the unit's row lock — the lock a transfer
 * takes (record-transfer.ts) — so an owner a transfer has just ended cannot approve or remove anyone.
 */
async function lockOwnerOfRecord(tx: Prisma.TransactionClient, userId: string, unitId: string) {
  await tx.$executeRaw`SELECT 1 FROM "Unit" WHERE id = ${unitId}::uuid FOR UPDATE`;
  if (!(await isOwnerOfRecord(tx, userId, unitId))) throw notFound('房屋');
}

/**
 * The household of a unit as its owner of record sees it (docs/roles.md, Households): family
 * members' and tenants' requests waiting for them, and those verified, whom they may remove. Masked as
 * the office sees them: the owner recognises their people by the name's first character and the phone's last digits.
 */
export async function listHousehold(deps: Deps, userId: string, unitId: string) {
  await requireOwnerOfRecord(deps, userId, unitId);
  const rows = await deps.db.unitMembership.findMany({
    where: { unitId, relation: { in: HOUSEHOLD_RELATIONS }, status: { in: ['PENDING', 'VERIFIED'] } },
    include: { user: { select: { name: true, phone: true } } },
    orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }],
  });
  const shape = (m: (typeof rows)[number]) => ({
    membershipId: m.id,
    relation: m.relation,
    name: maskName(m.user.name),
    phone: maskPhone(m.user.phone),
    requestedAt: m.requestedAt,
    decidedAt: m.decidedAt,
  });
  return {
    pending: rows.filter((m) => m.status === 'PENDING').map(shape),
    members: rows.filter((m) => m.status === 'VERIFIED').map(shape),
  };
}

/** The owner approves or rejects a family member's or tenant's pending request, once. */
export async function decideHouseholdRequest(
  deps: Deps,
  ownerId: string,
  unitId: string,
  membershipId: string,
  input: DecideBindRequest,
) {
  const found = await deps.db.$transaction(async (tx) => {
    await lockOwnerOfRecord(tx, ownerId, unitId);
    const row = await tx.unitMembership.findFirst({
      where: { id: membershipId, unitId, relation: { in: HOUSEHOLD_RELATIONS } },
      select: { userId: true },
    });
    if (!row) throw notFound('申请');
    const decided = await tx.unitMembership.updateMany({
      where: { id: membershipId, unitId, relation: { in: HOUSEHOLD_RELATIONS }, status: 'PENDING' },
      data: {
        status: input.decision === 'approve' ? 'VERIFIED' : 'REJECTED',
        decidedAt: deps.clock.now(),
        decidedById: ownerId,
        rejectReason: input.decision === 'reject' ? input.reason : null,
      },
    });
    if (decided.count === 0) throw new AppError('ALREADY_DECIDED', '该申请已处理');
    return row;
  });
  await refreshResidentCommunities(deps, found.userId);
  return { membershipId, status: input.decision === 'approve' ? 'VERIFIED' : 'REJECTED' };
}

/** The owner ends a verified family member's or tenant's membership; they stop seeing the unit at once. */
export async function removeHouseholdMember(
  deps: Deps,
  ownerId: string,
  unitId: string,
  membershipId: string,
  reason: string | undefined,
) {
  const found = await deps.db.$transaction(async (tx) => {
    await lockOwnerOfRecord(tx, ownerId, unitId);
    const row = await tx.unitMembership.findFirst({
      where: { id: membershipId, unitId, relation: { in: HOUSEHOLD_RELATIONS }, status: 'VERIFIED' },
      select: { userId: true },
    });
    if (!row) throw notFound('成员');
    const ended = await tx.unitMembership.updateMany({
      where: { id: membershipId, status: 'VERIFIED' },
      data: { status: 'ENDED', endedAt: deps.clock.now(), endedById: ownerId, endReason: reason ?? '业主移除' },
    });
    if (ended.count === 0) throw notFound('成员');
    return row;
  });
  await refreshResidentCommunities(deps, found.userId);
  return { membershipId, status: 'ENDED' as const };
}
