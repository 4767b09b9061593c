import type { Deps } from '../deps.js';

/** What a resident's list shows of a notice; the same for every resident of the community. */
export type NoticeSummary = {
  id: string;
  title: string;
  category: string;
  pinned: boolean;
  publishedAt: string;
  updatedAt: string | null;
  effectiveUntil: string | null;
};

/** A community's list with each notice's JSON (without its closing brace, so a reader can append its own fields). */
export type PublishedList = { items: NoticeSummary[]; json: string[] };
const withJson = (items: NoticeSummary[]): PublishedList => ({ items, json: items.map((n) => JSON.stringify(n).slice(0, -1)) });

const TTL_SECONDS = 600;
const genKey = (communityId: string) => `notices:gen:${communityId}`;
const listKey = (communityId: string, gen: string) => `notices:list:${communityId}:${gen}`;

/** Lists already parsed in this process, by community and generation (so never stale), per Redis. */
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
 * instance. Each instance also keeps the parsed list of the current generation, with each notice's
 * JSON: a read then costs one GET of the generation, and no serialising.
 */
export async function publishedNotices(deps: Deps, communityId: string): Promise<PublishedList> {
  const gen = (await deps.redis.get(genKey(communityId))) ?? '0';
  const key = listKey(communityId, gen);
  const local = parsed.get(deps.redis)?.get(key);
  if (local) return local;
  const cached = await deps.redis.get(key);
  if (cached) return remember(deps, key, withJson(JSON.parse(cached) as NoticeSummary[]));
  const rows = await deps.db.notice.findMany({
    where: { status: 'PUBLISHED', targets: { some: { communityId } } },
    select: { id: true, title: true, category: true, pinned: true, publishedAt: true, updatedAfterPublishAt: true, effectiveUntil: true },
    orderBy: [{ pinned: 'desc' }, { publishedAt: 'desc' }, { id: 'desc' }],
    take: 1000,
  });
  const list: NoticeSummary[] = rows.map((n) => ({
    id: n.id,
    title: n.title,
    category: n.category,
    pinned: n.pinned,
    publishedAt: n.publishedAt!.toISOString(),
    updatedAt: n.updatedAfterPublishAt?.toISOString() ?? null,
    effectiveUntil: n.effectiveUntil?.toISOString() ?? null,
  }));
  await deps.redis.set(key, JSON.stringify(list), 'EX', TTL_SECONDS);
  return remember(deps, key, withJson(list));
}

/** Call after the change committed: every reader from now on misses the old lists. */
export async function invalidateNotices(deps: Deps, communityIds: string[]): Promise<void> {
  if (communityIds.length === 0) return;
  const tx = deps.redis.multi();
  for (const id of communityIds) tx.incr(genKey(id));
  await tx.exec();
}

const readsKey = (userId: string) => `notice-reads:${userId}`;
const LOADED = '-';

/**
 * The notices the user has opened, from a Redis set of their receipts: loaded from PostgreSQL when it
 * lacks the "loaded" marker, added to as they open notices. Both only add, so a load racing a new
 * receipt cannot lose it. The receipts themselves stay in PostgreSQL: this only draws the dots.
 */
export async function readNoticeIds(deps: Deps, userId: string): Promise<Set<string>> {
  const members = new Set(await deps.redis.smembers(readsKey(userId)));
  if (members.has(LOADED)) return members;
  const rows = await deps.db.noticeRead.findMany({ where: { userId }, select: { noticeId: true }, orderBy: { readAt: 'desc' }, take: 5000 });
  await deps.redis.multi().sadd(readsKey(userId), LOADED, ...rows.map((r) => r.noticeId)).expire(readsKey(userId), TTL_SECONDS).exec();
  return new Set(rows.map((r) => r.noticeId));
}

export async function addReadMark(deps: Deps, userId: string, noticeId: string): Promise<void> {
  await deps.redis.multi().sadd(readsKey(userId), noticeId).expire(readsKey(userId), TTL_SECONDS).exec();
}
