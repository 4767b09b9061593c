import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { invalidateNotices } from '../notices/cache.js';
import { sanitizeNoticeHtml } from '../notices/sanitize.js';
import { shapeStaffNotice } from '../notices/shape.js';
import { audit, electionForRunner } from './runner.js';

/**
 * The committee's own notices (an election's publication, opening, close, results) belong to the
 * committee: only committee members of the election's community edit or withdraw them, property staff
 * never (docs/domain.md §5, The committee). Anyone else: "not found".
 */
async function committeeNotice(deps: Deps, userId: string, id: string) {
  const notice = await deps.db.notice.findUnique({
    where: { id },
    include: { targets: { select: { communityId: true } } },
  });
  if (!notice?.committeeElectionId) throw notFound('公告');
  try {
    await electionForRunner(deps, userId, notice.committeeElectionId);
  } catch {
    throw notFound('公告');
  }
  return notice;
}

/** An edit keeps the earlier text as a version and shows residents "已更新", as any notice (docs/domain.md §3). */
export async function editCommitteeNotice(
  deps: Deps,
  userId: string,
  id: string,
  input: { title: string; body: string; version: number },
) {
  const current = await committeeNotice(deps, userId, id);
  if (current.status !== 'PUBLISHED') throw new AppError('CONFLICT', '公告已撤回，不能再修改');
  const now = deps.clock.now();
  const notice = await deps.db.$transaction(async (tx) => {
    const moved = await tx.notice.updateMany({
      where: { id, version: input.version, status: 'PUBLISHED' },
      data: {
        title: input.title,
        bodyHtml: sanitizeNoticeHtml(input.body),
        version: { increment: 1 },
        updatedAt: now,
        updatedAfterPublishAt: now,
      },
    });
    if (moved.count === 0) throw new AppError('CONFLICT', '公告已被他人修改，请刷新后再编辑');
    await audit(tx, current.committeeElectionId!, 'NOTICE_EDITED', userId, now, `${current.title} → ${input.title}`);
    await tx.noticeVersion.create({
      data: {
        noticeId: id,
        version: current.version,
        title: current.title,
        bodyHtml: current.bodyHtml,
        category: current.category,
        editorId: userId,
        createdAt: now,
      },
    });
    return tx.notice.findUniqueOrThrow({ where: { id }, include: { targets: { select: { communityId: true } } } });
  });
  await invalidateNotices(
    deps,
    notice.targets.map((t) => t.communityId),
  );
  return shapeStaffNotice(notice);
}

/** Withdrawn with a reason: gone from every resident's list and detail at once; history kept. */
export async function withdrawCommitteeNotice(deps: Deps, userId: string, id: string, reason: string) {
  const current = await committeeNotice(deps, userId, id);
  const now = deps.clock.now();
  const electionId = current.committeeElectionId!;
  await deps.db.$transaction(async (tx) => {
    const moved = await tx.notice.updateMany({
      where: { id, status: 'PUBLISHED' },
      data: { status: 'WITHDRAWN', withdrawnAt: now, withdrawReason: reason, updatedAt: now },
    });
    if (moved.count === 0) throw new AppError('ALREADY_DECIDED', '只有已发布的公告可以撤回');
    // Withdrawing the publication (the only committee notice while the roster is posted) stops the
    // notice period: opening waits for a new 【公示】, from which the period starts again (review finding 9).
    const stopped = await tx.election.updateMany({
      where: { id: electionId, state: 'PUBLISHED', publishedAt: { not: null } },
      data: { publishedAt: null },
    });
    await audit(
      tx,
      electionId,
      'NOTICE_WITHDRAWN',
      userId,
      now,
      `${current.title}；${reason}${stopped.count ? '；公示期中止，需重新公示' : ''}`,
    );
  });
  await invalidateNotices(
    deps,
    current.targets.map((t) => t.communityId),
  );
  return shapeStaffNotice(
    await deps.db.notice.findUniqueOrThrow({ where: { id }, include: { targets: { select: { communityId: true } } } }),
  );
}
