import type { Deps } from '../deps.js';
import { staffRolesByCommunity } from '../access/scope.js';

/**
 * The signed-in user as they see themself: unmasked, with their units and their roles per community.
 * At a desk (`desk`) only the staff side: their homes are theirs to see on their own phone.
 */
export async function getMe(deps: Deps, userId: string, desk = false) {
  const user = await deps.db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      phone: true,
      memberships: {
        orderBy: { requestedAt: 'asc' },
        select: {
          id: true,
          relation: true,
          status: true,
          unit: {
            select: {
              id: true,
              number: true,
              building: { select: { id: true, name: true } },
              community: { select: { id: true, name: true } },
            },
          },
        },
      },
    },
  });
  const roles = [...(await staffRolesByCommunity(deps.db, userId)).values()].sort((a, b) => a.communityName.localeCompare(b.communityName, 'zh-CN'));
  return {
    id: user.id,
    name: user.name,
    phone: user.phone,
    hasPhone: user.phone !== null,
    desk,
    units: (desk ? [] : user.memberships).map((m) => ({
      membershipId: m.id,
      unitId: m.unit.id,
      number: m.unit.number,
      building: m.unit.building,
      community: m.unit.community,
      relation: m.relation,
      status: m.status,
    })),
    staff: roles.map((r) => ({
      community: { id: r.communityId, name: r.communityName },
      roles: r.roles,
      canRevealPii: r.canRevealPii,
    })),
  };
}
