import { publisherOf } from './schema.js';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { viewUpload } from '../uploads/view.js';
import { addReadMark, residentListView, type NoticeSummary } from './cache.js';
import type { ResidentListQuery } from './schema.js';
import { JsonText } from '../http/wire.js';

/** A published notice of a community where the user is a verified member. */
const visibleTo = (userId: string) =>
  ({
    status: 'PUBLISHED',
    targets: { some: { community: { units: { some: { memberships: { some: { userId, status: 'VERIFIED' } } } } } } },
  }) as const;

const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']}');

/**
 * The list's position, opaque to clients: pinned, published time and id of the last item shown. Not
 * keyset() (http/params.ts): the list is paged in memory over the cached notices, and its order has
 * three keys (pinned first), where keyset() pages a database query on a time and the id.
 */
type Cursor = { pinned: boolean; at: string; id: string };
const encode = (n: NoticeSummary) =>
  Buffer.from(JSON.stringify({ pinned: n.pinned, at: n.publishedAt, id: n.id })).toString('base64url');
function decode(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  let c: Partial<Cursor> = {};
  try {
    c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
  } catch {
    // answered below
  }
  if (typeof c.pinned !== 'boolean' || typeof c.at !== 'string' || typeof c.id !== 'string') {
    throw new AppError('VALIDATION_FAILED', '翻页参数无效，请刷新后重试', [{ path: 'cursor', message: '无法识别' }]);
  }
  return c as Cursor;
}

/** True when `n` comes after the cursor in the list's order: pinned first, then newest, then id. */
const after = (n: NoticeSummary, c: Cursor) =>
  n.pinned !== c.pinned ? c.pinned : n.publishedAt !== c.at ? n.publishedAt < c.at : n.id < c.id;

/**
 * A resident's notices of one of their communities: from the cached list, by category, without the
 * expired ones, pinned first, paged, each marked read or unread for this resident. The answer is
 * assembled from the notices' cached JSON (the resident list is the app's busiest read).
 */
export async function listResidentNotices(deps: Deps, userId: string, query: ResidentListQuery) {
  const view = await residentListView(deps, userId, query.communityId);
  if (!view) throw notFound('小区');
  const { published, read } = view;
  const now = deps.clock.now().toISOString();
  const cursor = decode(query.cursor);
  const { items, wire } = published;
  let total = 0;
  const page: number[] = [];
  let more = false;
  for (let i = 0; i < items.length; i++) {
    const n = items[i]!;
    if ((query.category && n.category !== query.category) || (n.effectiveUntil && n.effectiveUntil <= now)) continue;
    total += 1;
    if (cursor && !after(n, cursor)) continue;
    if (page.length < query.limit) page.push(i);
    else more = true;
  }
  const nextCursor = more ? encode(items[page.at(-1)!]!) : null;
  const chunks: Buffer[] = [
    Buffer.from(`{"total":${total},"nextCursor":${nextCursor ? `"${nextCursor}"` : 'null'},"items":[`),
  ];
  for (const i of page) {
    if (chunks.length > 1) chunks.push(COMMA);
    chunks.push(read.has(items[i]!.id) ? wire[i]!.read : wire[i]!.unread);
  }
  chunks.push(CLOSE);
  return new JsonText<{ total: number; nextCursor: string | null; items: (NoticeSummary & { read: boolean })[] }>(
    Buffer.concat(chunks),
  );
}

/**
 * A notice for a resident of one of its communities, while published. Opening it is the read
 * receipt: recorded once (the first time), however many times or how concurrently it is opened.
 */
export async function readNotice(deps: Deps, userId: string, id: string) {
  const notice = await deps.db.notice.findFirst({ where: { id, ...visibleTo(userId) } });
  if (!notice || (notice.effectiveUntil && notice.effectiveUntil <= deps.clock.now())) throw notFound('公告');
  const receipt = await deps.db.noticeRead.createMany({
    data: [{ noticeId: id, userId, readAt: deps.clock.now() }],
    skipDuplicates: true,
  });
  if (receipt.count > 0) await addReadMark(deps, userId, id);
  const uploads = await deps.db.upload.findMany({
    where: { claimKind: 'notice', claimId: id },
    orderBy: { createdAt: 'asc' },
  });
  return {
    id: notice.id,
    title: notice.title,
    body: notice.bodyHtml,
    category: notice.category,
    publisher: publisherOf(notice),
    pinned: notice.pinned,
    contactName: notice.contactName,
    contactPhone: notice.contactPhone,
    publishedAt: notice.publishedAt,
    updatedAt: notice.updatedAfterPublishAt,
    effectiveUntil: notice.effectiveUntil,
    attachments: await Promise.all(uploads.map((u) => viewUpload(deps, u))),
  };
}

/** Who may see a notice's attachments: its residents while it is published (staff: the editor view). */
export async function mayResidentSeeNotice(deps: Deps, userId: string, noticeId: string): Promise<boolean> {
  return (await deps.db.notice.count({ where: { id: noticeId, ...visibleTo(userId) } })) > 0;
}
