import { randomUUID } from 'node:crypto';
import type { Deps } from '../deps.js';
import { redisScript } from '../redis.js';
import { COMMUNITIES_LOADED, refreshResidentCommunities, residentCommunitiesKey } from '../units/resident-cache.js';

/**
 * What a resident's list shows of a notice; the same for every resident of the community. A notice
 * never edited or without an end leaves `updatedAt` / `effectiveUntil` out: two nulls were a fifth
 * of each item's bytes on the app's busiest answer.
 */
export type NoticeSummary = {
  id: string;
  title: string;
  category: string;
  /** 业委会 on the committee's own notices; left out on the office's (物业) to keep the list small (review finding 3). */
  publisher?: '业委会';
  pinned: boolean;
  publishedAt: string;
  updatedAt?: string;
  effectiveUntil?: string;
};

/** A notice as a resident's list sends it, in UTF-8: read by them, or not. */
export type NoticeWire = { read: Buffer; unread: Buffer };
/** A community's list, with each notice as the resident list sends it. */
export type PublishedList = { items: NoticeSummary[]; wire: NoticeWire[] };
const withWire = (items: NoticeSummary[]): PublishedList => ({
  items,
  wire: items.map((n) => {
    const open = JSON.stringify(n).slice(0, -1);
    return { read: Buffer.from(`${open},"read":true}`), unread: Buffer.from(`${open},"read":false}`) };
  }),
});

const TTL_SECONDS = 600;
/**
 * How long a list generation lives (docs/domain.md §3, "at once, and never stale for long"): once it
 * expires the next reader starts a new one and the list is rebuilt from PostgreSQL, so a bump lost after
 * its commit, or Redis losing its data, leaves a list stale for at most this long.
 */
const GEN_TTL_SECONDS = 30;
/** A generation nobody has used before: a counter restarts at 1 after Redis loses it, and would meet lists parsed earlier. */
const newGeneration = () => randomUUID();
export const genKey = (communityId: string) => `notices:gen:${communityId}`;
const listKey = (communityId: string, gen: string) => `notices:list:${communityId}:${gen}`;

/** Lists already parsed in this process, by community and generation (never reused, so never stale), per Redis. */
const parsed = new WeakMap<object, Map<string, PublishedList>>();
const PARSED_MAX = 500;

function remember(deps: Deps, key: string, list: PublishedList): PublishedList {
  let lists = parsed.get(deps.redis);
  if (!lists) parsed.set(deps.redis, (lists = new Map()));
  if (lists.size >= PARSED_MAX) lists.delete(lists.keys().next().value!);
  lists.set(key, list);
  return list;
}

/**
 * The published notices of a community, pinned first then newest. The lists live in Redis under a
 * generation that every publish, edit and withdraw bumps (after its commit), so a list filled from an
 * older read of the database can never be served again: a withdrawn notice is gone at once, on every
 * instance. Each instance also keeps the parsed list of each generation it has read, with each
 * notice's JSON bytes: a read then costs no serialising, and only the generation's read from Redis.
 * A generation is a fresh random id that lives GEN_TTL_SECONDS, so a lost bump or a Redis that lost
 * its data is outlived within that time (docs/domain.md §3).
 */
async function publishedNotices(deps: Deps, communityId: string, gen: string): Promise<PublishedList> {
  const key = listKey(communityId, gen);
  const local = parsed.get(deps.redis)?.get(key);
  if (local) return local;
  const cached = await deps.redis.get(key);
  if (cached) return remember(deps, key, withWire(JSON.parse(cached) as NoticeSummary[]));
  const rows = await deps.db.notice.findMany({
    where: { status: 'PUBLISHED', targets: { some: { communityId } } },
    select: {
      id: true,
      title: true,
      category: true,
      committeeElectionId: true,
      pinned: true,
      publishedAt: true,
      updatedAfterPublishAt: true,
      effectiveUntil: true,
    },
    orderBy: [{ pinned: 'desc' }, { publishedAt: 'desc' }, { id: 'desc' }],
    take: 1000,
  });
  const list: NoticeSummary[] = rows.map((n) => ({
    id: n.id,
    title: n.title,
    category: n.category,
    ...(n.committeeElectionId ? { publisher: '业委会' as const } : {}),
    pinned: n.pinned,
    publishedAt: n.publishedAt!.toISOString(),
    updatedAt: n.updatedAfterPublishAt?.toISOString(),
    effectiveUntil: n.effectiveUntil?.toISOString(),
  }));
  await deps.redis.set(key, JSON.stringify(list), 'EX', TTL_SECONDS);
  return remember(deps, key, withWire(list));
}

/** Call after the change committed: every reader from now on misses the old lists. */
export async function invalidateNotices(deps: Deps, communityIds: string[]): Promise<void> {
  if (communityIds.length === 0) return;
  // Each community's generation in its own slot: separate commands (no MULTI across slots on a cluster),
  // sent together; each one alone is what makes its community's readers miss.
  await Promise.all(communityIds.map((id) => deps.redis.set(genKey(id), newGeneration(), 'EX', GEN_TTL_SECONDS)));
}

/** The user's hash tag, as their communities' set has (units/resident-cache): read by one script. */
export const readsKey = (userId: string) => `notice-reads:{${userId}}`;
const LOADED = '-';

/**
 * The notices the user has opened, from a Redis set of their receipts: loaded from PostgreSQL when it
 * lacks the "loaded" marker, added to as they open notices. Both only add, so a load racing a new
 * receipt cannot lose it. The receipts themselves stay in PostgreSQL: this only draws the dots.
 */
async function loadReadNoticeIds(deps: Deps, userId: string): Promise<Set<string>> {
  const rows = await deps.db.noticeRead.findMany({
    where: { userId },
    select: { noticeId: true },
    orderBy: { readAt: 'desc' },
    take: 5000,
  });
  await deps.redis
    .multi()
    .sadd(readsKey(userId), LOADED, ...rows.map((r) => r.noticeId))
    .expire(readsKey(userId), TTL_SECONDS)
    .exec();
  return new Set(rows.map((r) => r.noticeId));
}

/**
 * What a resident's list needs from Redis, in two commands sent in one round trip (the list is the
 * app's busiest read; auto-pipelining sends commands of the same tick together): the user's keys —
 * whether their communities are loaded and hold this one (units/resident-cache), and the notices they
 * have read — share the user's hash tag, so one script reads both on a Redis Cluster too; the
 * community's list generation — a new one, with its short life, when there is none — lives in the
 * community's slot and is a script of its own (docs/production.md, Redis Cluster).
 */
const readUserView = redisScript<[number, number, string[]]>(
  'noticeUserView',
  2,
  `local m = redis.call('SMISMEMBER', KEYS[1], ARGV[1], ARGV[2])
return { m[1], m[2], redis.call('SMEMBERS', KEYS[2]) }`,
);
const readGeneration = redisScript<string>(
  'noticeGeneration',
  1,
  `local gen = redis.call('GET', KEYS[1])
if not gen then
  gen = ARGV[1]
  redis.call('SET', KEYS[1], gen, 'EX', ARGV[2])
end
return gen`,
);

/**
 * For a resident's list: the community's published notices and the ones the user has read; null when
 * the user is not a verified member of the community (each part filled from PostgreSQL on a miss).
 */
export async function residentListView(
  deps: Deps,
  userId: string,
  communityId: string,
): Promise<{ published: PublishedList; read: Set<string> } | null> {
  const [[loaded, member, reads], gen] = await Promise.all([
    readUserView(deps.redis, residentCommunitiesKey(userId), readsKey(userId), COMMUNITIES_LOADED, communityId),
    readGeneration(deps.redis, genKey(communityId), newGeneration(), String(GEN_TTL_SECONDS)),
  ]);
  const resident = loaded ? member === 1 : (await refreshResidentCommunities(deps, userId)).includes(communityId);
  if (!resident) return null;
  const [published, read] = await Promise.all([
    publishedNotices(deps, communityId, gen),
    reads.includes(LOADED) ? new Set(reads) : loadReadNoticeIds(deps, userId),
  ]);
  return { published, read };
}

export async function addReadMark(deps: Deps, userId: string, noticeId: string): Promise<void> {
  await deps.redis.multi().sadd(readsKey(userId), noticeId).expire(readsKey(userId), TTL_SECONDS).exec();
}
