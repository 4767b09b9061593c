import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { reconcileScope } from './access.js';

/**
 * A run as a cashier sees it: counts and sums, and the differences (and status notes) of their
 * communities. Money is integer fen, except WeChat's fee total: 1/1000 fen, exactly as the bill has it.
 */
export async function runView(deps: Deps, userId: string, day: string) {
  const scope = await reconcileScope(deps, userId);
  const run = await deps.db.reconcileRun.findUnique({ where: { day } });
  if (!run) throw notFound('对账记录');
  const differences = await deps.db.reconcileDifference.findMany({
    where: { day, OR: [{ communityId: { in: scope.communityIds } }, ...(scope.all ? [{ communityId: null }] : [])] },
    orderBy: [{ resolvedAt: { sort: 'asc', nulls: 'first' } }, { kind: 'asc' }, { outTradeNo: 'asc' }],
  });
  return {
    ...run,
    matchedFen: Number(run.matchedFen),
    refundMatchedFen: Number(run.refundMatchedFen),
    wechatFeeMilliFen: Number(run.wechatFeeMilliFen),
    differences,
  };
}
