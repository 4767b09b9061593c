import type { PayOrder } from '@prisma/client';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { defineJob } from '../jobs/define.js';
import { requirePay } from '../wechat/pay-client.js';
import { applyTransaction, releaseOrder, type ApplyOutcome } from './apply-transaction.js';

/**
 * Close an unpaid order only once it has expired, and never before it is 5 minutes old: WeChat's
 * cross-border close page and CloudPay.closeOrder state the 5-minute minimum; the domestic v3 page does
 * not (docs/wechat.md §5, Query and close) — we keep it as a precaution.
 */
const MIN_AGE_TO_CLOSE_MS = 5 * 60_000;

export type SyncOutcome = ApplyOutcome | 'pending' | 'closed';

/**
 * Asks WeChat about a pending order — or one closed here — and applies the answer exactly as a notify
 * would. An expired unpaid order is closed at WeChat first and only then here (so a payment made in the
 * last second is never lost: closing a paid order fails with ORDERPAID and the payment is applied
 * instead). An order closed here that WeChat says is paid (its payer was already in the password step
 * when it was closed, docs/wechat.md §5 Query and close) is credited the same way: applyTransaction
 * credits a CLOSED order, and the settle job refunds it when its bills were paid meanwhile.
 */
export async function syncOrder(deps: Deps, order: PayOrder, opts: { close: boolean }): Promise<SyncOutcome> {
  if (order.state === 'PAID') return 'duplicate';
  const pay = requirePay(deps.wechat.pay);
  const t = await pay.query(order.outTradeNo);
  if (t && (t.trade_state === 'SUCCESS' || t.trade_state === 'REFUND')) return applyTransaction(deps, t);
  if (order.state !== 'PENDING') return 'closed';
  const now = deps.clock.now();
  const closable =
    opts.close && now >= order.expiresAt && now.getTime() - order.createdAt.getTime() >= MIN_AGE_TO_CLOSE_MS;
  if (!closable || t?.trade_state === 'USERPAYING') return 'pending';
  const closed =
    t === null || t.trade_state === 'CLOSED' || t.trade_state === 'REVOKED'
      ? 'closed'
      : await pay.close(order.outTradeNo);
  if (closed === 'paying') return 'pending'; // 202 USER_PAYING: asked again at the next step
  if (closed === 'closed') {
    await releaseOrder(deps, order.id, t === null ? 'unknown at WeChat after expiry' : 'expired');
    return 'closed';
  }
  // ORDERPAID on close: paid in the meantime.
  const again = await pay.query(order.outTradeNo);
  return again ? applyTransaction(deps, again) : 'pending';
}

/**
 * When to ask WeChat about an order no notify has settled, in seconds after the order: WeChat's own
 * schedule (5 s, 30 s, 1, 3, 5, 10, 30 min); the 16-minute step closes it once expired, and an order
 * found closed by an earlier step (closed by the chain or by the counter) gets one last look at the last
 * step (paid after all? then credited).
 */
export const QUERY_SCHEDULE_SECONDS = [5, 30, 60, 180, 300, 600, 960, 1800];

/** Seconds from `now` until step `step` is due: measured on our clock, handed to pg-boss as a delay. */
export const queryDelay = (createdAt: Date, step: number, now: Date) =>
  (createdAt.getTime() + QUERY_SCHEDULE_SECONDS[step]! * 1000 - now.getTime()) / 1000;

export const queryOrderJob = defineJob({
  name: 'pay.query-order',
  schema: z.object({ orderId: z.uuid(), step: z.number().int().min(0) }),
  singletonKey: (d) => d.orderId,
  retry: { limit: 5, delaySeconds: 10, backoff: true },
  handler: async (deps, { orderId, step }) => {
    const order = await deps.db.payOrder.findUnique({ where: { id: orderId } });
    if (!order || order.state === 'PAID') return;
    const outcome = await syncOrder(deps, order, { close: true });
    const last = QUERY_SCHEDULE_SECONDS.length - 1;
    if (outcome === 'closed' && step < last) {
      // Closed — just now by this chain, or earlier by the counter (before its time_expire): a payer
      // already in the password step may still pay it (docs/wechat.md §5), so one last look.
      await deps.jobs.send(
        queryOrderJob,
        { orderId, step: last },
        { startAfter: queryDelay(order.createdAt, last, deps.clock.now()) },
      );
      return;
    }
    if (outcome !== 'pending') return;
    const next = step + 1;
    if (next < QUERY_SCHEDULE_SECONDS.length) {
      await deps.jobs.send(
        queryOrderJob,
        { orderId, step: next },
        { startAfter: queryDelay(order.createdAt, next, deps.clock.now()) },
      );
    } else {
      deps.logger.warn({ orderId }, 'pay order still pending after the last scheduled query');
    }
  },
});

/** The safety net: pending orders past their expiry whose query chain was lost get a query now. */
export const sweepExpiredOrdersJob = defineJob({
  name: 'pay.sweep-expired',
  schema: z.object({}).passthrough(),
  singletonKey: () => 'all',
  handler: async (deps) => {
    const stale = await deps.db.payOrder.findMany({
      where: { state: 'PENDING', expiresAt: { lt: new Date(deps.clock.now().getTime() - 60_000) } },
      select: { id: true },
      take: 500,
    });
    for (const o of stale)
      await deps.jobs.send(queryOrderJob, { orderId: o.id, step: QUERY_SCHEDULE_SECONDS.length - 1 });
  },
});
