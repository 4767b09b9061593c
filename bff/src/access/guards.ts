import type { StaffRoleKind } from '@prisma/client';
import type { Db } from '../db.js';
import { AppError, notFound } from '../errors.js';
import { hasStaffRole } from './scope.js';

/**
 * The caller must hold one of `roles` in the community; otherwise the thing they asked about "does
 * not exist" (docs/conventions.md rule 4: not yours looks exactly like not found).
 */
export async function requireRole(
  db: Db,
  userId: string,
  communityId: string,
  roles: StaffRoleKind[],
  what = '小区',
): Promise<void> {
  if (!(await hasStaffRole(db, userId, communityId, roles))) throw notFound(what);
}

/**
 * Four eyes: nobody decides a request they filed themselves (a manager approving their own claim to
 * a unit would make themself its owner). Their request waits for another office holder.
 */
export function requireOtherPerson(actorId: string, requesterId: string): void {
  if (actorId === requesterId) throw new AppError('OWN_REQUEST', '不能处理自己提交的申请，请由其他管理人员处理');
}
