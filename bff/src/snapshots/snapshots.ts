import type { Prisma, Snapshot, SnapshotStatus } from '@prisma/client';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { OFFICE_ROLES, hasStaffRole } from '../access/scope.js';
import { requireRole } from '../access/guards.js';
import { keyset, toPage } from '../http/params.js';
import { isResidentOf } from '../units/resident-cache.js';
import { viewUpload } from '../uploads/view.js';
import { maskName } from '../privacy/mask.js';
import type { NewSnapshot, SnapshotAction, SnapshotListQuery } from './schema.js';

import { holdForReview, screenText } from '../moderation/screen-text.js';
import { AUTO_CLOSE_MS, storeSnapshot } from './create.js';

export { AUTO_CLOSE_MS };
const WAITING: SnapshotStatus[] = ['SUBMITTED', 'ACCEPTED'];

/** A resident posts praise, a suggestion or a problem in their community; the text is screened first. */
export async function createSnapshot(deps: Deps, userId: string, input: NewSnapshot) {
  if (!(await isResidentOf(deps, userId, input.communityId))) throw notFound('小区');
  // Charged only now that it is valid and theirs: each is a WeChat text check (docs/conventions.md, Rate limits).
  await deps.limits.snapshotsPerUser.consume(userId);
  const id = await storeSnapshot(deps, { authorId: userId, actorId: userId }, input);
  return getSnapshot(deps, userId, id);
}

/** `asStaff` (a desk session): the caller's author side does not count, only the office. */
async function findVisible(deps: Deps, userId: string, id: string, asStaff = false) {
  const snapshot = await deps.db.snapshot.findUnique({ where: { id } });
  if (!snapshot) throw notFound('随手拍');
  const author = !asStaff && snapshot.authorId === userId;
  const office = await hasStaffRole(deps.db, userId, snapshot.communityId, OFFICE_ROLES);
  if (!author && !office) throw notFound('随手拍');
  return { snapshot, author, office };
}

/**
 * A snapshot with its photos and thread. The office opening it is its acceptance (docs/domain.md §2 —
 * unlike a repair, where viewing is not accepting): the first open moves SUBMITTED to ACCEPTED.
 */
export async function getSnapshot(deps: Deps, userId: string, id: string, asStaff = false) {
  const found = await findVisible(deps, userId, id, asStaff);
  let snapshot = found.snapshot;
  if (found.office && !found.author && snapshot.status === 'SUBMITTED') {
    const now = deps.clock.now();
    await deps.db.snapshot.updateMany({
      where: { id, status: 'SUBMITTED' },
      data: { status: 'ACCEPTED', openedAt: now, updatedAt: now },
    });
    snapshot = await deps.db.snapshot.findUniqueOrThrow({ where: { id } });
  }
  const [messages, uploads, checks, author] = await Promise.all([
    deps.db.snapshotMessage.findMany({ where: { snapshotId: id }, orderBy: { at: 'asc' } }),
    deps.db.upload.findMany({ where: { claimKind: 'snapshot', claimId: id }, orderBy: { createdAt: 'asc' } }),
    deps.db.mediaCheck.findMany({
      where: { recordKind: 'snapshot', recordId: id },
      select: { uploadId: true, status: true },
    }),
    deps.db.user.findUnique({ where: { id: snapshot.authorId }, select: { name: true } }),
  ]);
  return {
    ...summary(snapshot),
    author: found.author ? '我' : (maskName(author?.name) ?? '住户'),
    textHeld: snapshot.textHeld,
    wallConsent: snapshot.wallConsent,
    openedAt: snapshot.openedAt,
    handledAt: snapshot.handledAt,
    closedAt: snapshot.closedAt,
    rehandleCount: snapshot.rehandleCount,
    autoCloseAt: snapshot.autoCloseAt,
    myRoles: [...(found.author ? ['author'] : []), ...(found.office ? ['office'] : [])],
    photos: await Promise.all(
      uploads.map(async (u) => ({
        ...(await viewUpload(deps, u)),
        wall: checks.find((c) => c.uploadId === u.id)?.status ?? null,
      })),
    ),
    thread: messages.map((m) => ({
      id: m.id,
      kind: m.kind,
      fromStaff: m.fromStaff,
      text: m.text,
      held: m.held,
      at: m.at,
      by: m.authorId === userId ? '我' : m.fromStaff ? '物业' : '住户',
    })),
  };
}

const summary = (s: Snapshot) => ({
  id: s.id,
  communityId: s.communityId,
  kind: s.kind,
  text: s.text,
  place: s.place,
  status: s.status,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});

type Rule = { from: SnapshotStatus[]; who: 'author' | 'office'; to: SnapshotStatus; waits: boolean };
/** Who moves a snapshot from where; `waits`: it then waits on the office, and the 10-day clock runs again. */
const RULES: Record<SnapshotAction['action'], Rule> = {
  reply: { from: ['SUBMITTED', 'ACCEPTED', 'HANDLED'], who: 'office', to: 'HANDLED', waits: false },
  'follow-up': { from: ['SUBMITTED', 'ACCEPTED', 'HANDLED'], who: 'author', to: 'ACCEPTED', waits: true },
  rehandle: { from: ['HANDLED'], who: 'author', to: 'ACCEPTED', waits: true },
  close: { from: ['HANDLED'], who: 'author', to: 'CLOSED', waits: false },
};

export async function actOnSnapshot(deps: Deps, userId: string, id: string, action: SnapshotAction, asStaff = false) {
  const { snapshot, author, office } = await findVisible(deps, userId, id, asStaff);
  const rule = RULES[action.action];
  if (!(rule.who === 'author' ? author : office)) throw new AppError('FORBIDDEN', '您不能对这条随手拍执行此操作');
  if (!rule.from.includes(snapshot.status))
    throw new AppError('CONFLICT', '随手拍当前的状态不能执行此操作，请刷新后查看');
  const text = 'text' in action ? action.text : null;
  const screened =
    text && rule.who === 'author' ? await screenText(deps, userId, [text], 3) : ({ held: false } as const);
  const now = deps.clock.now();
  const data: Prisma.SnapshotUpdateManyMutationInput = {
    // A follow-up on a snapshot nobody has opened yet leaves it unopened.
    status: action.action === 'follow-up' && snapshot.status === 'SUBMITTED' ? 'SUBMITTED' : rule.to,
    updatedAt: now,
    autoCloseAt: rule.waits ? new Date(now.getTime() + AUTO_CLOSE_MS) : null,
    ...(action.action === 'reply' ? { handledAt: now } : {}),
    ...(action.action === 'close' ? { closedAt: now } : {}),
    ...(action.action === 'rehandle' ? { rehandleCount: { increment: 1 } } : {}),
  };
  await deps.db.$transaction(async (tx) => {
    const moved = await tx.snapshot.updateMany({ where: { id, status: snapshot.status }, data });
    if (moved.count === 0) throw new AppError('CONFLICT', '随手拍已被更新，请刷新后查看');
    if (text) {
      const message = await tx.snapshotMessage.create({
        data: {
          snapshotId: id,
          authorId: userId,
          fromStaff: rule.who === 'office',
          kind: action.action,
          text,
          held: screened.held,
          at: now,
        },
      });
      if (screened.held)
        await holdForReview(tx, {
          communityId: snapshot.communityId,
          authorId: userId,
          kind: 'snapshot-message',
          recordId: message.id,
          text,
          reason: screened.reason,
          label: screened.label,
          traceId: screened.traceId,
          now,
        });
    }
  });
  return getSnapshot(deps, userId, id, asStaff);
}

async function page(deps: Deps, where: Prisma.SnapshotWhereInput, query: SnapshotListQuery) {
  const filtered: Prisma.SnapshotWhereInput = {
    ...where,
    ...(query.status ? { status: query.status } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
  };
  const p = keyset('createdAt', query.cursor, query.limit, 'desc');
  const [total, rows] = await Promise.all([
    deps.db.snapshot.count({ where: filtered }),
    deps.db.snapshot.findMany({ where: { AND: [filtered, p.where] }, orderBy: p.orderBy, take: p.take }),
  ]);
  const { items, nextCursor } = toPage(rows, query.limit, (r) => r.createdAt);
  return { total, nextCursor, items: items.map(summary) };
}

export const listMySnapshots = (deps: Deps, userId: string, query: SnapshotListQuery) =>
  page(deps, { authorId: userId }, query);

/** The office's inbox of a community, with counts by state for the tabs. */
export async function listCommunitySnapshots(
  deps: Deps,
  staffId: string,
  communityId: string,
  query: SnapshotListQuery,
) {
  await requireRole(deps.db, staffId, communityId, OFFICE_ROLES);
  const counts = await deps.db.snapshot.groupBy({ by: ['status'], where: { communityId }, _count: true });
  return {
    ...(await page(deps, { communityId }, query)),
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count])),
  };
}

/**
 * Every hour: snapshots waiting on the office for 10 days close as 自动办结, in one conditional
 * statement (a reply that lands first keeps its snapshot open).
 */
export async function autoCloseSnapshots(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const closed = await deps.db.snapshot.updateMany({
    where: { status: { in: WAITING }, autoCloseAt: { lte: now } },
    data: { status: 'AUTO_CLOSED', closedAt: now, autoCloseAt: null, updatedAt: now },
  });
  return closed.count;
}

/**
 * The praise wall of a community, for its residents: praise whose author allowed it and whose text
 * passed, with only the photos WeChat (or a manager) passed.
 */
export async function praiseWall(deps: Deps, userId: string, communityId: string, query: SnapshotListQuery) {
  const allowed =
    (await isResidentOf(deps, userId, communityId)) || (await hasStaffRole(deps.db, userId, communityId, OFFICE_ROLES));
  if (!allowed) throw notFound('小区');
  const where: Prisma.SnapshotWhereInput = { communityId, kind: 'PRAISE', wallConsent: true, textHeld: false };
  const p = keyset('createdAt', query.cursor, query.limit, 'desc');
  const [total, rows] = await Promise.all([
    deps.db.snapshot.count({ where }),
    deps.db.snapshot.findMany({ where: { AND: [where, p.where] }, orderBy: p.orderBy, take: p.take }),
  ]);
  const { items, nextCursor } = toPage(rows, query.limit, (r) => r.createdAt);
  const passed = await deps.db.mediaCheck.findMany({
    where: { recordKind: 'snapshot', recordId: { in: items.map((i) => i.id) }, status: 'PASS' },
    select: { uploadId: true, recordId: true },
  });
  const [uploads, authors] = await Promise.all([
    deps.db.upload.findMany({ where: { id: { in: passed.map((c) => c.uploadId) } }, orderBy: { createdAt: 'asc' } }),
    deps.db.user.findMany({ where: { id: { in: items.map((i) => i.authorId) } }, select: { id: true, name: true } }),
  ]);
  const views = await Promise.all(uploads.map(async (u) => ({ recordId: u.claimId, view: await viewUpload(deps, u) })));
  return {
    total,
    nextCursor,
    items: items.map((s) => ({
      id: s.id,
      text: s.text,
      place: s.place,
      createdAt: s.createdAt,
      author: maskName(authors.find((a) => a.id === s.authorId)?.name) ?? '住户',
      photos: views.filter((v) => v.recordId === s.id).map((v) => v.view),
    })),
  };
}

/** Uploads of a snapshot: its author and the office (the wall hands out signed links of passed photos only). */
export const maySeeSnapshotUpload = (deps: Deps, userId: string, snapshotId: string): Promise<boolean> =>
  findVisible(deps, userId, snapshotId).then(
    () => true,
    () => false,
  );
