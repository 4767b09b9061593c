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
