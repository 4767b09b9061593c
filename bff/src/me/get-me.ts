import type { MemberRelation, MembershipStatus } from '@prisma/client';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { staffRolesByCommunity } from '../access/scope.js';
import { communityContact, type CommunityContact } from './contact.js';

type Unit<C> = {
  membershipId: string;
  unitId: string;
  number: string;
  building: { id: string; name: string };
  community: { id: string; name: string } & C;
  relation: MemberRelation;
  status: MembershipStatus;
};

/**
 * The user and their memberships, oldest request first, in one statement ($1 the user id): every
 * app start asks for this, and Prisma's nested select made it five round trips.
 */
const ME = `
  SELECT u.id::text, u.name, u.phone,
         COALESCE((SELECT json_agg(json_build_object(
                            'membershipId', m.id, 'unitId', un.id, 'number', un.number,
                            'building', json_build_object('id', b.id, 'name', b.name),
                            'community', json_build_object('id', c.id, 'name', c.name, 'address', c.address,
                                                           'dutyPhone', c."dutyPhone", 'officeHours', c."officeHours"),
                            'relation', m.relation, 'status', m.status) ORDER BY m."requestedAt")
                     FROM "UnitMembership" m
                     JOIN "Unit" un ON un.id = m."unitId"
                     JOIN "Building" b ON b.id = un."buildingId"
                     JOIN "Community" c ON c.id = un."communityId"
                    WHERE m."userId" = u.id AND m.status <> 'ENDED'), '[]'::json) AS units
    FROM "User" u WHERE u.id = $1::uuid`;

type Address = { address: string; dutyPhone: string | null; officeHours: string | null };

/** A unit's community as the app shows it: the way to reach its office, not its street address. */
function withContact(u: Unit<Address>): Unit<CommunityContact> {
  const { id, name } = u.community;
  return { ...u, community: { id, name, ...communityContact(u.community) } };
}

/**
 * The signed-in user as they see themself: unmasked, with their units and their roles per community.
 * At a desk (`desk`) only the staff side: their homes are theirs to see on their own phone.
 */
export async function getMe(deps: Deps, userId: string, desk = false) {
  const [
    {
      rows: [user],
    },
    byCommunity,
  ] = await Promise.all([
    deps.sql.query<{ id: string; name: string | null; phone: string | null; units: Unit<Address>[] }>({
      name: 'me',
      text: ME,
      values: [userId],
    }),
    staffRolesByCommunity(deps.db, userId),
  ]);
  // A session outliving its user (erased meanwhile) is a dead session.
  if (!user) throw new AppError('SESSION_EXPIRED', '登录已失效，请重新登录');
  const roles = [...byCommunity.values()].sort((a, b) => a.communityName.localeCompare(b.communityName, 'zh-CN'));
  return {
    id: user.id,
    name: user.name,
    phone: user.phone,
    hasPhone: user.phone !== null,
    desk,
    units: desk ? [] : user.units.map(withContact),
    staff: roles.map((r) => ({
      community: { id: r.communityId, name: r.communityName },
      roles: r.roles,
      canRevealPii: r.canRevealPii,
    })),
  };
}
