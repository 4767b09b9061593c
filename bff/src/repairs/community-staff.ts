import type { StaffRoleKind } from '@prisma/client';
import type { Deps } from '../deps.js';
import { OFFICE_ROLES } from '../access/scope.js';
import { requireRole } from '../access/guards.js';
import { ESCALATION_STAFF_ROLES } from './staff-roles.js';

/**
 * The people an escalation step may name (docs/domain.md §1, escalation): the community's own staff and
 * its company's company-wide staff, with their roles, for the office's settings page. Not paged: a
 * community's staff are a handful to a few dozen.
 */
export async function listCommunityStaff(deps: Deps, staffId: string, communityId: string) {
  await requireRole(deps.db, staffId, communityId, OFFICE_ROLES);
  const rows = await deps.db.staffRole.findMany({
    where: {
      role: { in: ESCALATION_STAFF_ROLES },
      OR: [{ communityId }, { communityId: null, company: { communities: { some: { id: communityId } } } }],
    },
    select: { role: true, user: { select: { id: true, name: true } } },
    orderBy: [{ userId: 'asc' }, { role: 'asc' }],
  });
  const byUser = new Map<string, { id: string; name: string; roles: StaffRoleKind[] }>();
  for (const r of rows) {
    const entry = byUser.get(r.user.id) ?? { id: r.user.id, name: r.user.name ?? '工作人员', roles: [] };
    if (!entry.roles.includes(r.role)) entry.roles.push(r.role);
    byUser.set(r.user.id, entry);
  }
  return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}
