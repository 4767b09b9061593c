import type { StaffRoleKind } from '@prisma/client';
import type { Db } from '../db.js';

export type CommunityRoles = {
  communityId: string;
  communityName: string;
  roles: StaffRoleKind[];
  canRevealPii: boolean;
};

/**
 * Roles that are never company-wide: a committee member is elected by one community's owners and
 * belongs to it alone (业主大会和业主委员会指导规则; docs/domain.md §5, The committee). A company-wide
 * row of one (communityId null) grants nothing (review finding 17); only a community-scoped row counts.
 */
export const COMMUNITY_ONLY_ROLES: StaffRoleKind[] = ['COMMITTEE_MEMBER'];

/**
 * The user's staff roles per community. A company-wide role (communityId null) applies to every
 * community of that company, so it is expanded here — callers never handle the two shapes. A
 * company-wide committee row is ignored (COMMUNITY_ONLY_ROLES).
 */
export async function staffRolesByCommunity(db: Db, userId: string): Promise<Map<string, CommunityRoles>> {
  const rows = await db.staffRole.findMany({
    where: { userId },
    select: {
      role: true,
      canRevealPii: true,
      community: { select: { id: true, name: true } },
      company: { select: { communities: { select: { id: true, name: true } } } },
    },
  });
  const byCommunity = new Map<string, CommunityRoles>();
  for (const row of rows) {
    const communities = row.community
      ? [row.community]
      : COMMUNITY_ONLY_ROLES.includes(row.role)
        ? []
        : row.company.communities;
    for (const { id: communityId, name: communityName } of communities) {
      const entry = byCommunity.get(communityId) ?? { communityId, communityName, roles: [], canRevealPii: false };
      if (!entry.roles.includes(row.role)) entry.roles.push(row.role);
      entry.canRevealPii ||= row.canRevealPii;
      byCommunity.set(communityId, entry);
    }
  }
  return byCommunity;
}

/** True when the user holds one of `roles` in the community (directly or company-wide). */
export async function hasStaffRole(
  db: Db,
  userId: string,
  communityId: string,
  roles: StaffRoleKind[],
): Promise<boolean> {
  const count = await db.staffRole.count({
    where: {
      userId,
      role: { in: roles },
      OR: [
        { communityId },
        {
          communityId: null,
          role: { notIn: COMMUNITY_ONLY_ROLES },
          company: { communities: { some: { id: communityId } } },
        },
      ],
    },
  });
  return count > 0;
}

/** Roles that run the community office: they see (masked) residents and decide bind requests. */
export const OFFICE_ROLES: StaffRoleKind[] = ['MANAGER', 'COMPANY_ADMIN'];
