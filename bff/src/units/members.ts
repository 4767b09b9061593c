import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { OFFICE_ROLES } from '../access/scope.js';
import { requireRole } from '../access/guards.js';
import { maskName, maskPhone } from '../privacy/mask.js';

/**
 * Who belongs to a unit. Readable by its verified members and by the community office; anyone
 * else gets "not found". Everyone but the person themself sees names and phones masked.
 */
export async function listUnitMembers(deps: Deps, userId: string, unitId: string) {
  const unit = await deps.db.unit.findUnique({ where: { id: unitId }, select: { id: true, communityId: true } });
  if (!unit) throw notFound('房屋');
  const isMember = (await deps.db.unitMembership.count({ where: { unitId, userId, status: 'VERIFIED' } })) > 0;
  if (!isMember) await requireRole(deps.db, userId, unit.communityId, OFFICE_ROLES, '房屋');
  const rows = await deps.db.unitMembership.findMany({
    where: { unitId, status: 'VERIFIED' },
    include: { user: { select: { id: true, name: true, phone: true } } },
    orderBy: { requestedAt: 'asc' },
  });
  return rows.map((m) => {
    const self = m.userId === userId;
    return {
      membershipId: m.id,
      userId: m.userId,
      relation: m.relation,
      name: self ? m.user.name : maskName(m.user.name),
      phone: self ? m.user.phone : maskPhone(m.user.phone),
      isMe: self,
    };
  });
}
