import type { Notice } from '@prisma/client';

/** A notice as staff see it in their editor and lists. */
export function shapeStaffNotice(n: Notice & { targets: { communityId: string }[] }) {
  return {
    id: n.id,
    title: n.title,
    body: n.bodyHtml,
    category: n.category,
    communityIds: n.targets.map((t) => t.communityId),
    contactName: n.contactName,
    contactPhone: n.contactPhone,
    pinned: n.pinned,
    effectiveUntil: n.effectiveUntil,
    status: n.status,
    version: n.version,
    publishedAt: n.publishedAt,
    updatedAfterPublishAt: n.updatedAfterPublishAt,
    withdrawnAt: n.withdrawnAt,
    withdrawReason: n.withdrawReason,
    createdAt: n.createdAt,
  };
}

export type StaffNoticeView = ReturnType<typeof shapeStaffNotice>;
