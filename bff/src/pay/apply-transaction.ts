import { randomUUID } from 'node:crypto';
import type { Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { queuePush } from '../push/outbox.js';
import type { Transaction } from '../wechat/pay-client.js';
import { submitRefundJob } from './jobs.js';

type Tx = Prisma.TransactionClient;
export type ApplyOutcome = 'applied' | 'duplicate' | 'not-paid' | 'mismatch' | 'unknown-order';

/**
 * Receipt numbers per community and Beijing year, gapless: taken by one statement at the end of the
 * payment's transaction (a rollback gives the number back; the counter row is locked only briefly).
 */
async function assignReceiptNo(tx: Tx, orderId: string, communityId: string, at: Date): Promise<void> {
  const year = new Date(at.getTime() + 8 * 3600_000).getUTCFullYear();
  await tx.$executeRaw`
    WITH n AS (
      INSERT INTO "ReceiptCounter" ("communityId", "year", "last") VALUES (${communityId}::uuid, ${year}, 1)
      ON CONFLICT ("communityId", "year") DO UPDATE SET "last" = "ReceiptCounter"."last" + 1
      RETURNING "last")
    UPDATE "PayOrder" SET "receiptNo" = 'SJ' || ${year} || '-' || upper(left(${communityId}, 4)) || '-' || lpad(n."last"::text, greatest(6, length(n."last"::text)), '0')
      FROM n WHERE "id" = ${orderId}::uuid`;
}

async function flagIssue(deps: Deps, communityId: string, kind: 'AMOUNT_MISMATCH' | 'OVERPAYMENT', outTradeNo: string, detail: object, tx: Tx | Deps['db'] = deps.db) {
  await tx.$executeRaw`
    INSERT INTO "PaymentIssue" ("id", "communityId", "kind", "outTradeNo", "detail", "createdAt")
    VALUES (${randomUUID()}::uuid, ${communityId}::uuid, ${kind}::"PaymentIssueKind", ${outTradeNo}, ${JSON.stringify(detail)}::jsonb, ${deps.clock.now()})
    ON CONFLICT ("kind", "outTradeNo") DO NOTHING`;
}

/**
 * The one state change a payment makes, whoever tells us (the notify, the query job, the page's
 * polling): after comparing merchant, app and **amount** with our order, in one transaction the order
 * becomes PAID with WeChat's transaction id (unique), each bill it holds becomes PAID, the ledger
 * records the money, a receipt number is taken and the payer's push is written to the outbox. The
 * order moves by a conditional write, so a duplicate changes nothing. Bills that were paid some other
 * way meanwhile are an overpayment: recorded, flagged and refunded automatically.
 */
export async function applyTransaction(deps: Deps, t: Transaction): Promise<ApplyOutcome> {
  const order = await deps.db.payOrder.findUnique({ where: { outTradeNo: t.out_trade_no }, include: { items: true } });
  if (!order) return 'unknown-order';
  if (order.state === 'PAID') return 'duplicate';
  if (t.trade_state !== 'SUCCESS' && t.trade_state !== 'REFUND') return 'not-paid';
  const pay = deps.config.pay!;
  if (t.mchid !== pay.mchid || t.appid !== pay.appid || t.amount.total !== order.amountFen || !t.transaction_id) {
    // Never credited: money that does not match what we asked for is for a person to look at.
    deps.logger.error({ outTradeNo: order.outTradeNo, amount: t.amount.total, expected: order.amountFen }, 'payment does not match its order');
    await flagIssue(deps, order.communityId, 'AMOUNT_MISMATCH', order.outTradeNo, { expectedFen: order.amountFen, reportedFen: t.amount.total, mchid: t.mchid, appid: t.appid, transactionId: t.transaction_id ?? null });
    return 'mismatch';
  }
  const paidAt = t.success_time ? new Date(t.success_time) : deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const moved = await tx.payOrder.updateMany({ where: { id: order.id, state: { in: ['PENDING', 'CLOSED'] } }, data: { state: 'PAID', paidAt, transactionId: t.transaction_id! } });
    if (moved.count === 0) return 'duplicate';
    const overpaid: typeof order.items = [];
    for (const item of order.items) {
      const fen = item.amountFen + item.lateFeeFen;
      // Locked to this order, or freed again (the order had been closed) but still unpaid.
      const credited = await tx.bill.updateMany({
        where: { id: item.billId, OR: [{ state: 'PAYING', lockedOrderId: order.id }, { state: 'UNPAID' }] },
        data: { state: 'PAID', paidFen: fen, paidAt, lockedOrderId: null },
      });
      if (credited.count === 1) {
        await tx.ledgerEntry.create({ data: { communityId: order.communityId, kind: 'WECHAT_PAYMENT', billId: item.billId, orderId: order.id, amountFen: fen, at: paidAt, note: t.transaction_id! } });
      } else {
        overpaid.push(item);
      }
    }
    const credited = overpaid.length < order.items.length;
    if (overpaid.length) await refundOverpayment(deps, tx, order, overpaid, t.transaction_id!);
    if (credited) {
      await queuePush(deps, tx, {
        template: 'paymentSucceeded',
        recipients: [{ userId: order.userId, communityId: order.communityId }],
        values: { amountFen: order.amountFen - overpaid.reduce((s, i) => s + i.amountFen + i.lateFeeFen, 0), item: order.description, paidAt },
        pageQuery: { id: order.id },
        event: { kind: 'pay.paid', id: order.id },
      });
      // Last, so the community's counter row stays locked only for this statement and the commit.
      await assignReceiptNo(tx, order.id, order.communityId, paidAt);
    }
    return 'applied';
  });
}

/** Money WeChat took for bills already paid: a ledger entry, a flag for the cashier, and a refund on its way. */
async function refundOverpayment(deps: Deps, tx: Tx, order: { id: string; communityId: string; outTradeNo: string }, items: { billId: string; amountFen: number; lateFeeFen: number }[], transactionId: string) {
  const fen = items.reduce((s, i) => s + i.amountFen + i.lateFeeFen, 0);
  const now = deps.clock.now();
  await tx.ledgerEntry.create({ data: { communityId: order.communityId, kind: 'OVERPAYMENT', orderId: order.id, amountFen: fen, at: now, note: `${transactionId}: ${items.map((i) => i.billId).join(',')}` } });
  const refund = await tx.refund.create({
    data: { outRefundNo: `RF${order.outTradeNo.slice(2)}OP`, orderId: order.id, communityId: order.communityId, kind: 'OVERPAYMENT', amountFen: fen, reason: '账单已通过其他方式缴清，自动退回重复支付', createdAt: now },
  });
  await flagIssue(deps, order.communityId, 'OVERPAYMENT', order.outTradeNo, { refundFen: fen, billIds: items.map((i) => i.billId), outRefundNo: refund.outRefundNo }, tx);
  await deps.jobs.send(submitRefundJob, { refundId: refund.id }, { tx });
}

/** An order that will never be paid (closed at WeChat, or refused by it): closed here and its bills freed. */
export async function releaseOrder(deps: Deps, orderId: string, why: string): Promise<boolean> {
  return deps.db.$transaction(async (tx) => {
    const closed = await tx.payOrder.updateMany({ where: { id: orderId, state: 'PENDING' }, data: { state: 'CLOSED', closedAt: deps.clock.now() } });
    if (closed.count === 0) return false;
    await tx.bill.updateMany({ where: { lockedOrderId: orderId, state: 'PAYING' }, data: { state: 'UNPAID', lockedOrderId: null } });
    deps.logger.info({ orderId, why }, 'pay order closed, bills unlocked');
    return true;
  });
}
