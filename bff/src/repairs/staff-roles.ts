import type { Prisma, StaffRoleKind } from '@prisma/client';

/** Staff holding one of `roles` in the community, directly or company-wide. */
export async function staffWithRoles(
  db: Prisma.TransactionClient,
  communityId: string,
  roles: StaffRoleKind[],
): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await db.staffRole.findMany({
    where: {
      role: { in: roles },
      OR: [{ communityId }, { communityId: null, company: { communities: { some: { id: communityId } } } }],
    },
    select: { userId: true },
  });
  return [...new Set(rows.map((r) => r.userId))];
}

/** The roles of the people an escalation step may name: the property service's staff (docs/domain.md §1). */
export const ESCALATION_STAFF_ROLES: StaffRoleKind[] = ['MANAGER', 'COMPANY_ADMIN', 'TECHNICIAN', 'CASHIER'];
