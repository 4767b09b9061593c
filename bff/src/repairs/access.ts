import type { RepairRequest } from '@prisma/client';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { staffRolesByCommunity, OFFICE_ROLES } from '../access/scope.js';

export type RepairRole = 'reporter' | 'office' | 'assignee';

/**
 * How the caller stands to a repair: its reporter, the office of its community, its assigned
 * technician — or nobody, and then it "does not exist".
 */
export async function rolesOn(
  deps: Deps,
  userId: string,
  repair: Pick<RepairRequest, 'reporterId' | 'assigneeId' | 'communityId'>,
): Promise<Set<RepairRole>> {
  const roles = new Set<RepairRole>();
  if (repair.reporterId === userId) roles.add('reporter');
  if (repair.assigneeId === userId) roles.add('assignee');
  const staff = (await staffRolesByCommunity(deps.db, userId)).get(repair.communityId);
  if (staff?.roles.some((r) => OFFICE_ROLES.includes(r))) roles.add('office');
  return roles;
}

/** `asStaff` (a desk session): the caller's reporter side does not count, only their staff roles. */
export async function findVisibleRepair(deps: Deps, userId: string, id: string, asStaff = false) {
  const repair = await deps.db.repairRequest.findUnique({ where: { id } });
  if (!repair) throw notFound('报修');
  const roles = await rolesOn(deps, userId, repair);
  if (asStaff) roles.delete('reporter');
  if (roles.size === 0) throw notFound('报修');
  return { repair, roles };
}

/** uploadAccess for photos claimed by a repair: whoever may see the repair. */
export async function maySeeRepair(deps: Deps, userId: string, repairId: string): Promise<boolean> {
  return findVisibleRepair(deps, userId, repairId).then(
    () => true,
    () => false,
  );
}
