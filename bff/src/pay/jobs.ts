import { z } from 'zod';
import { defineJob } from '../jobs/define.js';
import { syncOrder } from './sync-order.js';
import { queryRefund, submitRefund } from './refunds.js';
import { settleCommunity } from './settle.js';

/**
 * When to ask WeChat about an order no notify has settled, in seconds after the order: WeChat's own
 * schedule (5 s, 30 s, 1, 3, 5, 10, 30 min); the 16-minute step closes it once expired.
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
    if (!order || order.state !== 'PENDING') return;
    const outcome = await syncOrder(deps, order, { close: true });
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

export const submitRefundJob = defineJob({
  name: 'pay.submit-refund',
  schema: z.object({ refundId: z.uuid() }),
  singletonKey: (d) => d.refundId,
  retry: { limit: 10, delaySeconds: 30, backoff: true },
  handler: async (deps, { refundId }) => {
    await submitRefund(deps, refundId);
  },
});

/**
 * Receipts, pushes and overpayment refunds of a community's newly paid orders (settle.ts). Asked after
 * a payment for a start time (`fromMs`, apply-transaction.ts): one job per community and start; the
 * sweeper's, without one, one queued per community. Two runs may overlap: each order is claimed once.
 */
export const settleJob = defineJob({
  name: 'pay.settle',
  schema: z.object({ communityId: z.uuid(), fromMs: z.number().int().optional() }),
  singletonKey: (d) => (d.fromMs === undefined ? d.communityId : `${d.communityId}@${d.fromMs}`),
  handler: async (deps, { communityId }) => {
    await settleCommunity(deps, communityId);
  },
});

/** The safety net for settling: a paid order the immediate job missed (a crash right after the commit). */
export const sweepUnsettledJob = defineJob({
  name: 'pay.sweep-unsettled',
  schema: z.object({}).passthrough(),
  singletonKey: () => 'all',
  handler: async (deps) => {
    const communities = await deps.db.payOrder.groupBy({
      by: ['communityId'],
      where: { state: 'PAID', settledAt: null },
    });
    for (const c of communities) await deps.jobs.send(settleJob, { communityId: c.communityId });
  },
});

/** After WeChat accepted a refund (PROCESSING), when to ask about it if its notify has not come: seconds after sending. */
export const REFUND_QUERY_SECONDS = [60, 300, 1800, 3600, 21_600, 86_400];

export const queryRefundJob = defineJob({
  name: 'pay.query-refund',
  schema: z.object({ refundId: z.uuid(), step: z.number().int().min(0) }),
  retry: { limit: 5, delaySeconds: 30, backoff: true },
  handler: async (deps, { refundId, step }) => {
    if ((await queryRefund(deps, refundId)) !== 'PROCESSING') return;
    const next = step + 1;
    if (next < REFUND_QUERY_SECONDS.length)
      await deps.jobs.send(
        queryRefundJob,
        { refundId, step: next },
        { startAfter: REFUND_QUERY_SECONDS[next]! - REFUND_QUERY_SECONDS[step]! },
      );
    else
      deps.logger.error(
        { refundId },
        'refund still processing a day later: for the cashier to follow up with WeChat Pay',
      );
  },
});
