import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { OFFICE_ROLES } from '../access/scope.js';
import { requireOtherPerson, requireRole } from '../access/guards.js';
import type { DecideBindRequest } from './schema.js';
import { shapeBindRequest, unitLabel } from './shape.js';
import { refreshResidentCommunities } from './resident-cache.js';
import { HOUSEHOLD_RELATIONS, ROSTER_OWNER } from './ownership.js';

/** An office holder approves or rejects a pending request, once; never their own. */
export async function decideBindRequest(deps: Deps, staffId: string, id: string, input: DecideBindRequest) {
  const request = await deps.db.unitMembership.findUnique({
    where: { id },
    select: { userId: true, relation: true, unitId: true, unit: { select: { communityId: true } } },
  });
  if (!request) throw notFound('绑定申请');
  await requireRole(deps.db, staffId, request.unit.communityId, OFFICE_ROLES, '绑定申请');
  requireOtherPerson(staffId, request.userId);
  if (HOUSEHOLD_RELATIONS.includes(request.relation)) {
    const owners = await deps.db.unitMembership.count({ where: { unitId: request.unitId, ...ROSTER_OWNER } });
    if (owners > 0) throw new AppError('OWNER_DECIDES', '这户的业主已在小程序中，家属和租户的申请由业主审核');
  }
  const decided = await deps.db.unitMembership.updateMany({
    where: { id, status: 'PENDING', userId: { not: staffId } },
    data: {
      status: input.decision === 'approve' ? 'VERIFIED' : 'REJECTED',
      decidedAt: deps.clock.now(),
      decidedById: staffId,
      rejectReason: input.decision === 'reject' ? input.reason : null,
    },
  });
  if (decided.count === 0) throw new AppError('ALREADY_DECIDED', '该申请已处理');
  const row = await deps.db.unitMembership.findUniqueOrThrow({ where: { id }, include: { unit: unitLabel } });
  await refreshResidentCommunities(deps, row.userId);
  return shapeBindRequest(row);
}
