import type { Notice, Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { queuePush } from '../push/outbox.js';

const CATEGORY_LABELS: Record<string, string> = {
  GENERAL: '通知',
  OUTAGE: '停水停电',
  EVENT: '活动',
  COMMITTEE: '业委会公示',
  FEES: '收费公示',
};

/** "新公告" to the residents of the targeted communities who subscribed, in the publishing transaction. */
export async function pushNoticePublished(
  deps: Deps,
  tx: Prisma.TransactionClient,
  notice: Notice & { targets: { communityId: string }[] },
) {
  const residents = await tx.unitMembership.findMany({
    where: { status: 'VERIFIED', unit: { communityId: { in: notice.targets.map((t) => t.communityId) } } },
    select: { userId: true, unit: { select: { communityId: true } } },
    distinct: ['userId'],
  });
  await queuePush(deps, tx, {
    template: 'noticePublished',
    recipients: residents.map((r) => ({ userId: r.userId, communityId: r.unit.communityId })),
    values: {
      title: notice.title,
      category: CATEGORY_LABELS[notice.category] ?? '通知',
      publishedAt: notice.publishedAt ?? deps.clock.now(),
    },
    pageQuery: { id: notice.id },
    event: { kind: 'notice.published', id: notice.id },
  });
}
