import type { Deps } from '../deps.js';
import { OFFICE_ROLES } from '../access/scope.js';
import { requireRole } from '../access/guards.js';
import { maskName } from '../privacy/mask.js';
import { viewUpload } from '../uploads/view.js';
import { COMMITTEE_REVIEW_KINDS } from './decide.js';

export const KIND_LABEL: Record<string, string> = {
  repair: '报修内容',
  'repair-rating': '报修评价',
  snapshot: '随手拍',
  'snapshot-message': '随手拍追问',
  'snapshot-photo': '随手拍照片（表扬墙）',
};
export const REASON_LABEL: Record<string, string> = {
  REVIEW: '微信建议人工审核',
  ERROR: '微信未能检测',
  NO_VERDICT: '30 分钟内未收到检测结果',
  DOWNLOAD_FAILED: '微信无法下载图片',
};

/**
 * The community's moderation queue, oldest first: what waits for a manager, with its photo if any. Not
 * paged (no keyset()): a queue is worked from its head, and a decided item leaves it, so the first 100
 * are the next 100 to decide; the decided lists show the latest 100 as a record, not an archive.
 */
export async function listModeration(
  deps: Deps,
  staffId: string,
  communityId: string,
  status: 'PENDING' | 'APPROVED' | 'REJECTED',
) {
  await requireRole(deps.db, staffId, communityId, OFFICE_ROLES);
  // A committee election's candidates are the committee's to review, never the office's (review finding 2).
  const where = { communityId, status, kind: { notIn: COMMITTEE_REVIEW_KINDS } };
  const rows = await deps.db.contentReview.findMany({
    where,
    orderBy: { createdAt: status === 'PENDING' ? 'asc' : 'desc' },
    take: 100,
  });
  const [authors, uploads] = await Promise.all([
    deps.db.user.findMany({ where: { id: { in: rows.map((r) => r.authorId) } }, select: { id: true, name: true } }),
    deps.db.upload.findMany({ where: { id: { in: rows.flatMap((r) => (r.uploadId ? [r.uploadId] : [])) } } }),
  ]);
  const views = new Map(await Promise.all(uploads.map(async (u) => [u.id, await viewUpload(deps, u)] as const)));
  return {
    total: await deps.db.contentReview.count({ where }),
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      kindLabel: KIND_LABEL[r.kind] ?? r.kind,
      recordId: r.recordId,
      text: r.text,
      photo: r.uploadId ? (views.get(r.uploadId) ?? null) : null,
      reason: r.reason,
      reasonLabel: REASON_LABEL[r.reason] ?? r.reason,
      author: maskName(authors.find((a) => a.id === r.authorId)?.name ?? null) ?? '住户',
      status: r.status,
      createdAt: r.createdAt,
      decidedAt: r.decidedAt,
    })),
  };
}
