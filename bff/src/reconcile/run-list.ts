import { z } from 'zod';
import type { Deps } from '../deps.js';
import { reconcileScope } from './access.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const ZReconcileRunQuery = z
  .object({
    from: z.string('请选择开始日期').regex(DAY, '日期格式应为 2026-11-01'),
    to: z.string('请选择结束日期').regex(DAY, '日期格式应为 2026-11-30'),
  })
  .refine((q) => q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['to'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < 92, {
    message: '一次最多查询 92 天',
    path: ['to'],
  });

/**
 * The reconciliation runs of a range of days, newest first: each day's counts and sums (one run a day
 * for the whole merchant account) and, of the caller's communities, how many differences it found and
 * how many are still open — the console's runs-by-day table.
 */
export async function listReconcileRuns(deps: Deps, userId: string, q: z.infer<typeof ZReconcileRunQuery>) {
  const scope = await reconcileScope(deps, userId);
  const runs = await deps.db.reconcileRun.findMany({
    where: { day: { gte: q.from, lte: q.to } },
    orderBy: { day: 'desc' },
  });
  const visible = { OR: [{ communityId: { in: scope.communityIds } }, ...(scope.all ? [{ communityId: null }] : [])] };
  const counts = await deps.db.reconcileDifference.groupBy({
    by: ['day'],
    where: { day: { in: runs.map((r) => r.day) }, ...visible },
    _count: { _all: true, resolvedAt: true },
  });
  const byDay = new Map(counts.map((c) => [c.day, c._count]));
  return {
    items: runs.map((r) => {
      const c = byDay.get(r.day);
      return {
        day: r.day,
        matchedCount: r.matchedCount,
        matchedFen: Number(r.matchedFen),
        refundMatchedCount: r.refundMatchedCount,
        refundMatchedFen: Number(r.refundMatchedFen),
        wechatFeeMilliFen: Number(r.wechatFeeMilliFen),
        completedAt: r.completedAt,
        lastError: r.lastError,
        lastErrorAt: r.lastErrorAt,
        differences: c?._all ?? 0,
        open: (c?._all ?? 0) - (c?.resolvedAt ?? 0),
      };
    }),
  };
}
