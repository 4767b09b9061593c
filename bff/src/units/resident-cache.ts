import type { Deps } from '../deps.js';

const TTL_SECONDS = 600;
/** Marks a set as loaded even when the user has no community (Redis has no empty sets). */
export const COMMUNITIES_LOADED = '-';
/** The user's community ids (and the marker), a Redis set; in the user's slot (hash tag), read with their notice receipts. */
export const residentCommunitiesKey = (userId: string) => `user-communities:{${userId}}`;

/**
 * Whether the user is a verified member of a unit in the community — asked on every resident read
 * (notices, and the domains to come), so answered from Redis: the user's community ids, loaded from
 * PostgreSQL on a miss, dropped whenever their memberships change.
 */
export async function isResidentOf(deps: Deps, userId: string, communityId: string): Promise<boolean> {
  // One command: is the set loaded (its marker), and is the community in it.
  const [loaded, member] = await deps.redis.smismember(residentCommunitiesKey(userId), COMMUNITIES_LOADED, communityId);
  if (loaded) return member === 1;
  return (await refreshResidentCommunities(deps, userId)).includes(communityId);
}

/**
 * Loads the user's communities into Redis; also called after a change to their memberships commits,
 * so an approval shows at once (written through, not merely dropped: a reader that loaded the old
 * list just before cannot leave it behind).
 */
export async function refreshResidentCommunities(deps: Deps, userId: string): Promise<string[]> {
  const rows = await deps.db.unit.findMany({
    where: { memberships: { some: { userId, status: 'VERIFIED' } } },
    select: { communityId: true },
    distinct: ['communityId'],
  });
  const ids = rows.map((r) => r.communityId);
  const key = residentCommunitiesKey(userId);
  await deps.redis
    .multi()
    .del(key)
    .sadd(key, COMMUNITIES_LOADED, ...ids)
    .expire(key, TTL_SECONDS)
    .exec();
  return ids;
}
