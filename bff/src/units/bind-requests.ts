import type { Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { AppError, isUniqueViolation, notFound } from '../errors.js';
import { hasStaffRole, OFFICE_ROLES } from '../access/scope.js';
import { maskName, maskPhone } from '../privacy/mask.js';
import type { CreateBindRequest, DecideBindRequest } from './schema.js';

const unitLabel = {
  select: { number: true, building: { select: { name: true } }, community: { select: { id: true, name: true } } },
} as const;

function shapeMine(m: Prisma.UnitMembershipGetPayload<{ include: { unit: typeof unitLabel } }>) {
  return {
    id: m.id,
    unitId: m.unitId,
    unit: { number: m.unit.number, building: m.unit.building.name, community: m.unit.community },
    relation: m.relation,
    status: m.status,
    autoApproved: m.autoApproved,
    requestedAt: m.requestedAt,
    decidedAt: m.decidedAt,
    rejectReason: m.rejectReason,
  };
}

/**
 * A resident asks to be bound to a unit. When their verified phone is on the owner roster of that
 * unit the request is approved at once, as the roster's relation; otherwise a manager decides.
 * A rejected request may be filed again; a pending or verified one may not be duplicated.
 */
export async function createBindRequest(deps: Deps, userId: string, input: CreateBindRequest) {
  const user = await deps.db.user.findUniqueOrThrow({ where: { id: userId }, select: { phone: true, name: true } });
  if (!user.phone) throw new AppError('PHONE_REQUIRED', '请先授权手机号，再申请绑定房屋');
  const unit = await deps.db.unit.findUnique({ where: { id: input.unitId }, select: { id: true } });
  if (!unit) throw notFound('房屋');

  const roster = await deps.db.ownerRosterEntry.findUnique({
    where: { unitId_phone: { unitId: input.unitId, phone: user.phone } },
  });
  const now = deps.clock.now();
  const data = roster
    ? { relation: roster.relation, status: 'VERIFIED' as const, autoApproved: true, decidedAt: now }
    : { relation: input.relation, status: 'PENDING' as const, autoApproved: false, decidedAt: null };
  const fresh = { ...data, requestedAt: now, decidedById: null, rejectReason: null };

  const result = await deps.db.$transaction(async (tx) => {
    // A rejected request is re-filed by a conditional update, so two re-files cannot both win.
    const refiled = await tx.unitMembership.updateMany({
      where: { userId, unitId: input.unitId, status: 'REJECTED' },
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
  return shapeMine(result);
}

export async function listMyBindRequests(deps: Deps, userId: string) {
  const rows = await deps.db.unitMembership.findMany({
    where: { userId },
    include: { unit: unitLabel },
    orderBy: { requestedAt: 'desc' },
  });
  return rows.map(shapeMine);
}

async function assertOffice(deps: Deps, userId: string, communityId: string) {
  // "Not yours" looks exactly like "not found" (STYLE.md rule 4).
  if (!(await hasStaffRole(deps.db, userId, communityId, OFFICE_ROLES))) throw notFound('小区');
}

/** The manager's queue. Requesters are shown masked: the office sees who, not their full number. */
export async function listCommunityBindRequests(deps: Deps, staffId: string, communityId: string, status: 'PENDING' | 'VERIFIED' | 'REJECTED') {
  await assertOffice(deps, staffId, communityId);
  const rows = await deps.db.unitMembership.findMany({
    where: { status, unit: { communityId } },
    include: { unit: unitLabel, user: { select: { id: true, name: true, phone: true } } },
    orderBy: { requestedAt: 'asc' },
    take: 200,
  });
  return rows.map((m) => ({
    ...shapeMine(m),
    requester: { userId: m.user.id, name: maskName(m.user.name), phone: maskPhone(m.user.phone) },
  }));
}

export async function decideBindRequest(deps: Deps, staffId: string, id: string, input: DecideBindRequest) {
  const request = await deps.db.unitMembership.findUnique({ where: { id }, select: { unit: { select: { communityId: true } } } });
  if (!request) throw notFound('绑定申请');
  if (!(await hasStaffRole(deps.db, staffId, request.unit.communityId, OFFICE_ROLES))) throw notFound('绑定申请');
  const decided = await deps.db.unitMembership.updateMany({
    where: { id, status: 'PENDING' },
    data: {
      status: input.decision === 'approve' ? 'VERIFIED' : 'REJECTED',
      decidedAt: deps.clock.now(),
      decidedById: staffId,
      rejectReason: input.decision === 'reject' ? input.reason : null,
    },
  });
  if (decided.count === 0) throw new AppError('ALREADY_DECIDED', '该申请已处理');
  const row = await deps.db.unitMembership.findUniqueOrThrow({ where: { id }, include: { unit: unitLabel } });
  return shapeMine(row);
}
