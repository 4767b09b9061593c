import type { Prisma } from '@prisma/client';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { defineJob } from '../jobs/define.js';
import { queuePush } from '../push/outbox.js';
import { flagIssue } from './issues.js';
import { submitRefundJob } from './refunds.js';
import { takeReceiptNo } from '../fees/receipts.js';

type Tx = Prisma.TransactionClient;
const BATCH = 200;

/** Money WeChat took for bills already paid another way: a ledger entry, a flag for the cashier, a refund on its way. */
async function refundOverpayment(
  deps: Deps,
  tx: Tx,
  order: { id: string; communityId: string; outTradeNo: string; transactionId: string | null },
  items: { billId: string; amountFen: number; lateFeeFen: number }[],
) {
  const fen = items.reduce((s, i) => s + i.amountFen + i.lateFeeFen, 0);
  const now = deps.clock.now();
  await tx.ledgerEntry.create({
    data: {
      communityId: order.communityId,
      kind: 'OVERPAYMENT',
      orderId: order.id,
      amountFen: fen,
      at: now,
      note: `${order.transactionId}: ${items.map((i) => i.billId).join(',')}`,
    },
  });
  const refund = await tx.refund.create({
    data: {
      outRefundNo: `RF${order.outTradeNo.slice(2)}OP`,
      orderId: order.id,
      communityId: order.communityId,
      kind: 'OVERPAYMENT',
      amountFen: fen,
      reason: '账单已通过其他方式缴清，自动退回重复支付',
      createdAt: now,
    },
  });
  await flagIssue(
    deps,
    order.communityId,
    'OVERPAYMENT',
    order.outTradeNo,
    { refundFen: fen, billIds: items.map((i) => i.billId), outRefundNo: refund.outRefundNo },
    tx,
  );
  await deps.jobs.send(submitRefundJob, { refundId: refund.id }, { tx });
}

type UnsettledOrder = Prisma.PayOrderGetPayload<{ include: { items: true } }>;

/** One order's receipt, push and overpayment refund, in one transaction guarded by `settledAt`. */
async function settleOrder(deps: Deps, order: UnsettledOrder) {
  await deps.db.$transaction(async (tx) => {
    const claimed = await tx.payOrder.updateMany({
      where: { id: order.id, settledAt: null },
      data: { settledAt: deps.clock.now() },
    });
    if (claimed.count === 0) return;
    const creditedBills = new Set(
      (
        await tx.ledgerEntry.findMany({
          where: { orderId: order.id, kind: 'WECHAT_PAYMENT' },
          select: { billId: true },
        })
      ).map((e) => e.billId),
    );
    const overpaid = order.items.filter((i) => !creditedBills.has(i.billId));
    if (overpaid.length) await refundOverpayment(deps, tx, order, overpaid);
    // A flag left by an earlier failed attempt is resolved by this one's success.
    await tx.paymentIssue.updateMany({
      where: { kind: 'SETTLE_FAILED', outTradeNo: order.outTradeNo, resolvedAt: null },
      data: { resolvedAt: deps.clock.now(), note: '重试后已完成' },
    });
    if (overpaid.length === order.items.length) return;
    await queuePush(deps, tx, {
      template: 'paymentSucceeded',
      recipients: [{ userId: order.userId, communityId: order.communityId }],
      values: {
        amountFen: order.amountFen - overpaid.reduce((s, i) => s + i.amountFen + i.lateFeeFen, 0),
        item: order.description,
        paidAt: order.paidAt!,
      },
      pageQuery: { id: order.id },
      event: { kind: 'pay.paid', id: order.id },
    });
    await tx.payOrder.update({
      where: { id: order.id },
      data: { receiptNo: await takeReceiptNo(tx, order.communityId, order.paidAt!) },
    });
  });
}

/**
 * What follows a committed payment, for the community's paid orders not yet settled, oldest first:
 * the receipt number (when at least one bill was credited), the payer's push, and — for bills the
 * order paid that were already paid another way — the overpayment record and its automatic refund.
 * One order per transaction, each guarded by `settledAt`, so a rerun after a crash does each once.
 * An order whose settling throws is rolled back, logged, flagged (SETTLE_FAILED) and skipped for the
 * rest of this run: the community's other orders are still settled, and the sweeper tries it again.
 */
export async function settleCommunity(deps: Deps, communityId: string): Promise<number> {
  let settled = 0;
  const failed: string[] = [];
  for (;;) {
    const batch = await deps.db.payOrder.findMany({
      where: { communityId, state: 'PAID', settledAt: null, id: { notIn: failed } },
      orderBy: [{ paidAt: 'asc' }, { id: 'asc' }],
      take: BATCH,
      include: { items: true },
    });
    for (const order of batch) {
      try {
        await settleOrder(deps, order);
        settled += 1;
      } catch (err) {
        failed.push(order.id);
        deps.logger.error({ err, orderId: order.id, outTradeNo: order.outTradeNo }, 'settling a paid order failed');
        await flagIssue(deps, communityId, 'SETTLE_FAILED', order.outTradeNo, { error: String(err) });
      }
    }
    if (batch.length < BATCH) return settled;
  }
}

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
