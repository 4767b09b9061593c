import type { Prisma, StaffRoleKind } from '@prisma/client';
import type { Db } from '../db.js';
import { AppError, notFound } from '../errors.js';
import { hasStaffRole } from '../access/scope.js';

/** The roles given and taken away here; a committee member comes from an election, never by invitation. */
export const STAFF_ROLES = ['MANAGER', 'TECHNICIAN', 'CASHIER', 'COMPANY_ADMIN'] as const satisfies StaffRoleKind[];
/** What a community's manager may grant and remove in their own community (issue 27: never company admin). */
export const MANAGER_GRANTS: StaffRoleKind[] = ['MANAGER', 'TECHNICIAN', 'CASHIER'];

/** Where a role applies: one community, or (communityId null) the whole company. */
export type Place = { companyId: string; communityId: string | null };
/** The caller's standing at a place: a company admin grants anything there, a manager MANAGER_GRANTS. */
export type Authority = Place & { admin: boolean };

/** A company-wide company-admin row (the only kind that administers the company itself). */
export async function isCompanyAdmin(db: Db | Prisma.TransactionClient, userId: string, companyId: string) {
  return (await db.staffRole.count({ where: { userId, companyId, communityId: null, role: 'COMPANY_ADMIN' } })) > 0;
}

/**
 * The caller's authority over a community (an admin of its company, or its manager) or over a
 * company (its admins only). Anyone else finds no such community or company (docs/conventions.md
 * rule 4); a member of the company's staff asking for the company itself is told it is not theirs
 * to administer, which tells them nothing new.
 */
export async function authorityAt(
  db: Db,
  userId: string,
  at: { communityId: string } | { companyId: string },
): Promise<Authority> {
  if ('communityId' in at) {
    const community = await db.community.findUnique({ where: { id: at.communityId }, select: { companyId: true } });
    if (!community) throw notFound('小区');
    const [admin, manager] = await Promise.all([
      hasStaffRole(db, userId, at.communityId, ['COMPANY_ADMIN']),
      hasStaffRole(db, userId, at.communityId, ['MANAGER']),
    ]);
    if (!admin && !manager) throw notFound('小区');
    return { companyId: community.companyId, communityId: at.communityId, admin };
  }
  if (await isCompanyAdmin(db, userId, at.companyId))
    return { companyId: at.companyId, communityId: null, admin: true };
  const staff = await db.staffRole.count({ where: { userId, companyId: at.companyId } });
  if (staff === 0) throw notFound('公司');
  throw new AppError('ROLE_NOT_GRANTABLE', '只有公司管理员可以管理公司层级的人员');
}

/** Whether this authority may grant or remove `role` (a manager never touches a company admin). */
export function mayGrant(a: Authority, role: StaffRoleKind): boolean {
  if (role === 'COMPANY_ADMIN') return a.admin && a.communityId === null;
  if (!(STAFF_ROLES as readonly StaffRoleKind[]).includes(role)) return false;
  return a.communityId !== null && (a.admin || MANAGER_GRANTS.includes(role));
}

export function requireGrant(a: Authority, role: StaffRoleKind): void {
  if (!mayGrant(a, role))
    throw new AppError(
      'ROLE_NOT_GRANTABLE',
      role === 'COMPANY_ADMIN' ? '只有公司管理员可以任命公司管理员' : '您不能授予或移除这个角色',
    );
}
