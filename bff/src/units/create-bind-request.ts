import type { Deps } from '../deps.js';
import { AppError, isUniqueViolation, notFound } from '../errors.js';
import type { CreateBindRequest } from './schema.js';
import { shapeBindRequest, unitLabel } from './shape.js';
import { refreshResidentCommunities } from './resident-cache.js';

/** At most this many requests of one user wait for a manager at a time (flooding hid genuine ones). */
export const MAX_PENDING_PER_USER = 3;

/**
 * A resident asks to be bound to a unit. When their verified phone (E.164) is on the owner roster of
 * that unit the request is approved at once, as the roster's relation; otherwise a manager decides.
 * A rejected request or an ended membership may be filed again; a pending or verified one may not be duplicated.
 */
export async function createBindRequest(deps: Deps, userId: string, input: CreateBindRequest) {
  await deps.limits.bindRequestsPerUser.consume(userId);
  const user = await deps.db.user.findUniqueOrThrow({ where: { id: userId }, select: { phone: true, name: true } });
  const phone = user.phone;
  if (!phone) throw new AppError('PHONE_REQUIRED', '请先授权手机号，再申请绑定房屋');
  // A retired unit, or any unit of a retired community, is history (docs/master-data.md): nobody binds to it any more.
  const unit = await deps.db.unit.findFirst({
    where: { id: input.unitId, retiredAt: null, community: { retiredAt: null } },
    select: { id: true },
  });
  if (!unit) throw notFound('房屋');
  const now = deps.clock.now();
  const result = await deps.db.$transaction(async (tx) => {
    // The roster is read under the unit's row lock, the lock a transfer takes while it replaces the
    // roster (record-transfer.ts): a seller's phone cannot be bound as owner after the transfer ended them.
    await tx.$executeRaw`SELECT 1 FROM "Unit" WHERE id = ${input.unitId}::uuid FOR UPDATE`;
    const roster = await tx.ownerRosterEntry.findUnique({
      where: { unitId_phone: { unitId: input.unitId, phone } },
    });
    const data = roster
      ? { relation: roster.relation, status: 'VERIFIED' as const, autoApproved: true, decidedAt: now }
      : { relation: input.relation, status: 'PENDING' as const, autoApproved: false, decidedAt: null };
    const fresh = {
      ...data,
      requestedAt: now,
      decidedById: null,
      rejectReason: null,
      endedAt: null,
      endedById: null,
      endReason: null,
    };
    if (!roster) {
      // The user's own requests are counted under a per-user lock, so parallel filings cannot all
      // slip under the cap.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`bind-requests:${userId}`}, 0))`;
      const pending = await tx.unitMembership.count({ where: { userId, status: 'PENDING' } });
      if (pending >= MAX_PENDING_PER_USER) {
        throw new AppError('TOO_MANY_PENDING', `您已有 ${pending} 个申请正在审核，请等待处理后再申请`);
      }
    }
    // A rejected request (or an ended membership) is re-filed by a conditional update, so two
    // re-files cannot both win.
    const refiled = await tx.unitMembership.updateMany({
      where: { userId, unitId: input.unitId, status: { in: ['REJECTED', 'ENDED'] } },
      data: fresh,
    });
    if (refiled.count === 0) {
      try {
        await tx.unitMembership.create({ data: { userId, unitId: input.unitId, ...fresh } });
      } catch (err) {
        if (isUniqueViolation(err)) throw new AppError('ALREADY_BOUND', '已绑定该房屋或申请正在审核中');
        throw err;
      }
    }
    if (roster && !user.name) await tx.user.update({ where: { id: userId }, data: { name: roster.name } });
    return tx.unitMembership.findUniqueOrThrow({
      where: { userId_unitId: { userId, unitId: input.unitId } },
      include: { unit: unitLabel },
    });
  });
  if (result.status === 'VERIFIED') await refreshResidentCommunities(deps, userId);
  return shapeBindRequest(result);
}
