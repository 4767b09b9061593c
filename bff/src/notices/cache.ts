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

const TTL_SECONDS = 600;
const genKey = (communityId: string) => `notices:gen:${communityId}`;
const listKey = (communityId: string, gen: string) => `notices:list:${communityId}:${gen}`;

/**
 * The published notices of a community, pinned first then newest, from Redis. The key carries a
 * generation that every publish, edit and withdraw bumps (after its commit), so a list filled from an
 * older read of the database can never be served again: a withdrawn notice is gone at once.
 */
export async function publishedNotices(deps: Deps, communityId: string): Promise<NoticeSummary[]> {
  const gen = (await deps.redis.get(genKey(communityId))) ?? '0';
  const cached = await deps.redis.get(listKey(communityId, gen));
  if (cached) return JSON.parse(cached) as NoticeSummary[];
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
  await deps.redis.set(listKey(communityId, gen), JSON.stringify(list), 'EX', TTL_SECONDS);
  return list;
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
 * Which of `noticeIds` the user has opened, from a Redis set of their receipts: loaded from PostgreSQL
 * when it lacks the "loaded" marker, added to as they open notices. Both only add, so a load racing a
 * new receipt cannot lose it. The receipts themselves stay in PostgreSQL: this only draws the dots.
 */
export async function readMarks(deps: Deps, userId: string, noticeIds: string[]): Promise<Set<string>> {
  if (noticeIds.length === 0) return new Set();
  const [[, loaded], [, flags]] = (await deps.redis.multi().sismember(readsKey(userId), LOADED).smismember(readsKey(userId), ...noticeIds).exec()) as [[null, number], [null, number[]]];
  if (loaded) return new Set(noticeIds.filter((_, i) => flags[i] === 1));
  const rows = await deps.db.noticeRead.findMany({ where: { userId }, select: { noticeId: true }, orderBy: { readAt: 'desc' }, take: 5000 });
  await deps.redis.multi().sadd(readsKey(userId), LOADED, ...rows.map((r) => r.noticeId)).expire(readsKey(userId), TTL_SECONDS).exec();
  const read = new Set(rows.map((r) => r.noticeId));
  return new Set(noticeIds.filter((id) => read.has(id)));
}

export async function addReadMark(deps: Deps, userId: string, noticeId: string): Promise<void> {
  await deps.redis.multi().sadd(readsKey(userId), noticeId).expire(readsKey(userId), TTL_SECONDS).exec();
}
