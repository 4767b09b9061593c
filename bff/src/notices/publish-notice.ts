import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { invalidateNotices } from './cache.js';
import { shapeStaffNotice } from './shape.js';
import { findStaffNotice } from './targets.js';
import { pushNoticePublished } from './push.js';
import { FAN_OUT_TRANSACTION } from '../push/outbox.js';

/** Draft → published, once: residents of the targeted communities see it from now on. */
export async function publishNotice(deps: Deps, staffId: string, id: string) {
  await findStaffNotice(deps, staffId, id, 'edit');
  const now = deps.clock.now();
  const notice = await deps.db.$transaction(async (tx) => {
    const moved = await tx.notice.updateMany({
      where: { id, status: 'DRAFT' },
      data: { status: 'PUBLISHED', publishedAt: now, updatedAt: now },
    });
    if (moved.count === 0) throw new AppError('ALREADY_DECIDED', '公告已发布或已撤回');
    const published = await tx.notice.findUniqueOrThrow({
      where: { id },
      include: { targets: { select: { communityId: true } } },
    });
    await pushNoticePublished(deps, tx, published);
    return published;
  }, FAN_OUT_TRANSACTION);
  await invalidateNotices(
    deps,
    notice.targets.map((t) => t.communityId),
  );
  return shapeStaffNotice(notice);
}

/** Published → withdrawn with a reason: gone from every resident's list and detail at once; history kept. */
export async function withdrawNotice(deps: Deps, staffId: string, id: string, reason: string) {
  await findStaffNotice(deps, staffId, id, 'edit');
  const now = deps.clock.now();
  const moved = await deps.db.notice.updateMany({
    where: { id, status: 'PUBLISHED' },
    data: { status: 'WITHDRAWN', withdrawnAt: now, withdrawReason: reason, updatedAt: now },
  });
  if (moved.count === 0) throw new AppError('ALREADY_DECIDED', '只有已发布的公告可以撤回');
  const notice = await deps.db.notice.findUniqueOrThrow({
    where: { id },
    include: { targets: { select: { communityId: true } } },
  });
  await invalidateNotices(
    deps,
    notice.targets.map((t) => t.communityId),
  );
  return shapeStaffNotice(notice);
}
