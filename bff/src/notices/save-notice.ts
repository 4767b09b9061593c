import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { claimUploads } from '../uploads/claim-uploads.js';
import { invalidateNotices } from './cache.js';
import type { NoticeInput } from './schema.js';
import { sanitizeNoticeHtml } from './sanitize.js';
import { shapeStaffNotice } from './shape.js';
import { findStaffNotice, resolveTargets } from './targets.js';

const fields = (input: NoticeInput) => ({
  title: input.title,
  bodyHtml: sanitizeNoticeHtml(input.body),
  category: input.category,
  contactName: input.contactName ?? null,
  contactPhone: input.contactPhone ?? null,
  pinned: input.pinned,
  effectiveUntil: input.effectiveUntil ?? null,
});

/** A new notice, saved as a draft: nobody but the office sees it until it is published. */
export async function createNotice(deps: Deps, staffId: string, input: NoticeInput) {
  const { companyId, communityIds } = await resolveTargets(deps, staffId, input);
  const now = deps.clock.now();
  const notice = await deps.db.$transaction(async (tx) => {
    const created = await tx.notice.create({
      data: {
        ...fields(input),
        companyId,
        authorId: staffId,
        createdAt: now,
        updatedAt: now,
        targets: { create: communityIds.map((communityId) => ({ communityId })) },
      },
      include: { targets: { select: { communityId: true } } },
    });
    await claimUploads(tx, { uploaderId: staffId, ids: input.uploadIds, kind: 'notice', recordId: created.id, now });
    return created;
  });
  return shapeStaffNotice(notice);
}

/**
 * Edits a notice. A draft is simply changed (targets too). A published one keeps its earlier text as
 * a version and shows residents "已更新"; its audience stays as published. Two editors at once: the
 * second is refused (the version moved), not silently overwritten.
 */
export async function updateNotice(deps: Deps, staffId: string, id: string, input: NoticeInput & { version: number }) {
  const current = await findStaffNotice(deps, staffId, id, 'edit');
  if (current.status === 'WITHDRAWN') throw new AppError('CONFLICT', '公告已撤回，不能再修改');
  const now = deps.clock.now();
  const published = current.status === 'PUBLISHED';
  const targets = published ? null : await resolveTargets(deps, staffId, input);
  const notice = await deps.db.$transaction(async (tx) => {
    const moved = await tx.notice.updateMany({
      where: { id, version: input.version, status: current.status },
      data: {
        ...fields(input),
        version: { increment: 1 },
        updatedAt: now,
        ...(published ? { updatedAfterPublishAt: now } : {}),
      },
    });
    if (moved.count === 0) throw new AppError('CONFLICT', '公告已被他人修改，请刷新后再编辑');
    if (published) {
      await tx.noticeVersion.create({
        data: {
          noticeId: id,
          version: current.version,
          title: current.title,
          bodyHtml: current.bodyHtml,
          category: current.category,
          editorId: staffId,
          createdAt: now,
        },
      });
    } else if (targets) {
      await tx.noticeTarget.deleteMany({ where: { noticeId: id } });
      await tx.noticeTarget.createMany({
        data: targets.communityIds.map((communityId) => ({ noticeId: id, communityId })),
      });
    }
    await tx.upload.updateMany({
      where: { id: { in: input.removeUploadIds }, claimKind: 'notice', claimId: id },
      data: { claimKind: null, claimId: null, claimedAt: null },
    });
    await claimUploads(tx, { uploaderId: staffId, ids: input.uploadIds, kind: 'notice', recordId: id, now });
    if ((await tx.upload.count({ where: { claimKind: 'notice', claimId: id } })) > 9)
      throw new AppError('VALIDATION_FAILED', '最多 9 张图片或附件');
    return tx.notice.findUniqueOrThrow({ where: { id }, include: { targets: { select: { communityId: true } } } });
  });
  if (published)
    await invalidateNotices(
      deps,
      notice.targets.map((t) => t.communityId),
    );
  return shapeStaffNotice(notice);
}
