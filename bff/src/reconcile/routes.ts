import { z } from 'zod';
import type { Deps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { requireSession, userIdOf } from '../http/auth.js';
import { ZIdParams, ZText } from '../http/params.js';
import { AppError, notFound } from '../errors.js';
import { PayApiError } from '../wechat/pay-client.js';
import { reconcileScope } from './access.js';
import { runView } from './run-view.js';
import { reconcileDay } from './run-day.js';
import { listReconcileRuns, ZReconcileRunQuery } from './run-list.js';
import { TradeBillError } from './trade-bill.js';

const ZDay = z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-11-28') });
const ZResolve = z.object({ note: ZText({ min: 2, max: 200, label: '处理说明' }) });

export function reconcileRoutes(deps: Deps) {
  const router = createRouter('/api/staff/reconciliation');
  router.use(requireSession(deps.sessions));
  // On demand (the job runs it every morning): a bill that cannot be trusted is a clear 409, the last result kept.
  router.post('/runs', async (ctx) => {
    const { day } = ZDay.parse(ctx.request.body);
    await reconcileScope(deps, userIdOf(ctx));
    try {
      await reconcileDay(deps, day);
    } catch (err) {
      if (err instanceof TradeBillError) throw new AppError('RECONCILE_FAILED', err.message, { reason: err.reason });
      if (err instanceof PayApiError && err.code === 'NO_STATEMENT_EXIST')
        throw new AppError('RECONCILE_FAILED', '微信账单尚未生成（次日 10 点后可下载）', { reason: 'NOT_READY' });
      throw err;
    }
    ctx.body = await runView(deps, userIdOf(ctx), day);
  });
  router.get('/runs', async (ctx) => {
    ctx.body = await listReconcileRuns(deps, userIdOf(ctx), ZReconcileRunQuery.parse(ctx.query));
  });
  router.get('/runs/:day', async (ctx) => {
    const { day } = ZDay.parse(ctx.params);
    ctx.body = await runView(deps, userIdOf(ctx), day);
  });
  router.post('/differences/:id/resolve', async (ctx) => {
    const { id } = ZIdParams.parse(ctx.params);
    const { note } = ZResolve.parse(ctx.request.body);
    const scope = await reconcileScope(deps, userIdOf(ctx));
    const visible = {
      id,
      OR: [{ communityId: { in: scope.communityIds } }, ...(scope.all ? [{ communityId: null }] : [])],
    };
    const { count } = await deps.db.reconcileDifference.updateMany({
      where: { ...visible, resolvedAt: null },
      data: { resolvedAt: deps.clock.now(), resolvedById: userIdOf(ctx), note },
    });
    if (count === 0) {
      if (await deps.db.reconcileDifference.count({ where: visible }))
        throw new AppError('ALREADY_DECIDED', '这条差异已经处理过了');
      throw notFound('差异记录');
    }
    ctx.body = await deps.db.reconcileDifference.findUniqueOrThrow({ where: { id } });
  });
  return router;
}
