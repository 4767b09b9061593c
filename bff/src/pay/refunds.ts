import { randomBytes } from 'node:crypto';
import type { Prisma, Refund } from '@prisma/client';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { defineJob } from '../jobs/define.js';
import { requireRole } from '../access/guards.js';
import { AppError, notFound } from '../errors.js';
import { PayApiError, requirePay, type RefundAnswer } from '../wechat/pay-client.js';
import { flagIssue } from './issues.js';
import { writeCommunityAudit } from '../roles/audit-write.js';

/**
 * A cashier refunds (part of) a paid bill. The bill's row is locked while the refunds already asked
 * for are added up, so concurrent refunds can never together exceed what was paid (the CHECK on the
 * bill is the last line). The refund is recorded first (PENDING, with its unique out_refund_no) and
 * then sent, so a crash or a WeChat fault is retried with the same number.
 */
export async function createRefund(
  deps: Deps,
  userId: string,
  billId: string,
  input: { amountFen: number; reason: string },
) {
  requirePay(deps.wechat.pay);
  const bill = await deps.db.bill.findUnique({ where: { id: billId }, select: { communityId: true } });
  if (!bill) throw notFound('账单');
  await requireRole(deps.db, userId, bill.communityId, ['CASHIER', 'MANAGER'], '账单');
  const refund = await deps.db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<
      { state: string; paidFen: number }[]
    >`SELECT "state", "paidFen" FROM "Bill" WHERE "id" = ${billId}::uuid FOR UPDATE`;
    if (!locked || (locked.state !== 'PAID' && locked.state !== 'PARTIALLY_REFUNDED'))
      throw new AppError('REFUND_EXCEEDS_PAID', '这笔账单没有可退的款项');
    // The order whose WeChat money credited this bill, from the ledger: any PAID order that merely
    // contains the bill may be a double payment already refunded as an overpayment (issue 24).
    const item = await tx.ledgerEntry.findFirst({
      where: { billId, kind: 'WECHAT_PAYMENT', orderId: { not: null } },
      select: { orderId: true },
    });
    if (!item?.orderId) throw new AppError('REFUND_EXCEEDS_PAID', '这笔账单不是微信支付的，请在柜台办理退款');
    const asked = await tx.refund.aggregate({
      where: { billId, kind: 'CASHIER', state: { not: 'CLOSED' } },
      _sum: { amountFen: true },
    });
    const left = locked.paidFen - (asked._sum.amountFen ?? 0);
    if (input.amountFen > left)
      throw new AppError('REFUND_EXCEEDS_PAID', `最多还能退 ${(left / 100).toFixed(2)} 元`, { refundableFen: left });
    const created = await tx.refund.create({
      data: {
        outRefundNo: `RF${randomBytes(12).toString('hex')}`,
        orderId: item.orderId,
        billId,
        communityId: bill.communityId,
        kind: 'CASHIER',
        amountFen: input.amountFen,
        reason: input.reason,
        createdById: userId,
        createdAt: deps.clock.now(),
      },
    });
    await writeCommunityAudit(tx, {
      communityId: bill.communityId,
      actorId: userId,
      kind: 'REFUND_REQUESTED',
      subjectId: created.id,
      before: { billId, state: locked.state, paidFen: locked.paidFen, refundableFen: left },
      after: { billId, outRefundNo: created.outRefundNo, amountFen: input.amountFen, state: created.state },
      reason: input.reason,
      at: created.createdAt,
    });
    await deps.jobs.send(submitRefundJob, { refundId: created.id }, { tx });
    return created;
  });
  // Sent at once for a quick answer; the job is the retry if this attempt fails.
  await submitRefund(deps, refund.id).catch((err) =>
    deps.logger.warn({ refundId: refund.id, err: (err as Error).message }, 'refund not sent yet, the job retries'),
  );
  return deps.db.refund.findUniqueOrThrow({ where: { id: refund.id } });
}

/** Sends a recorded refund to WeChat (idempotent by out_refund_no) and applies what it answers. */
export async function submitRefund(deps: Deps, refundId: string): Promise<void> {
  const refund = await deps.db.refund.findUnique({ where: { id: refundId }, include: { order: true } });
  if (!refund || refund.state !== 'PENDING') return;
  const pay = requirePay(deps.wechat.pay);
  let answer: RefundAnswer;
  try {
    answer = await pay.refund({
      outTradeNo: refund.order.outTradeNo,
      outRefundNo: refund.outRefundNo,
      refundFen: refund.amountFen,
      totalFen: refund.order.amountFen,
      reason: refund.reason,
    });
  } catch (err) {
    if (err instanceof PayApiError && !err.retryable) {
      // WeChat refused it for good (e.g. NOT_ENOUGH): the refund is closed and the amount free again;
      // flagged for the cashier, never redone here (the same refusal would follow).
      const closed = await deps.db.refund.updateMany({
        where: { id: refund.id, state: 'PENDING' },
        data: { state: 'CLOSED' },
      });
      if (closed.count)
        await flagIssue(deps, refund.communityId, 'REFUND_CLOSED', refund.outRefundNo, {
          outTradeNo: refund.order.outTradeNo,
          outRefundNo: refund.outRefundNo,
          refundFen: refund.amountFen,
          code: err.code,
          message: '微信支付拒绝了这笔退款，款项未退出，请核实后重新办理',
        });
      deps.logger.error({ refundId, code: err.code }, 'refund refused by WeChat');
      return;
    }
    throw err;
  }
  await applyRefundResult(deps, answer);
  if (answer.status === 'PROCESSING')
    await deps.jobs.send(queryRefundJob, { refundId, step: 0 }, { startAfter: REFUND_QUERY_SECONDS[0]! });
}

/**
 * Asks WeChat about a refund still processing or ABNORMAL (which the merchant may since have paid out
 * or closed) and applies the answer; returns the state it is in now.
 */
export async function queryRefund(deps: Deps, refundId: string): Promise<string> {
  const refund = await deps.db.refund.findUnique({ where: { id: refundId } });
  if (!refund || (refund.state !== 'PROCESSING' && refund.state !== 'ABNORMAL')) return refund?.state ?? 'UNKNOWN';
  const answer = await requirePay(deps.wechat.pay).queryRefund(refund.outRefundNo);
  if (answer) await applyRefundResult(deps, answer);
  return answer?.status ?? 'PROCESSING';
}

/**
 * The states a refund may move to each state from (docs/wechat.md §5, Refunds): one way only. ABNORMAL
 * is not final — the merchant's 发起异常退款 pays it out (SUCCESS, to the resident's card or to the
 * merchant's own account: TO_MERCHANT). WeChat does not document ABNORMAL → CLOSED; it is accepted
 * defensively. SUCCESS, TO_MERCHANT and CLOSED are final, and a repeated or late notify finds nothing to move.
 */
const MOVES_FROM = {
  ABNORMAL: ['PENDING', 'PROCESSING'],
  CLOSED: ['PENDING', 'PROCESSING', 'ABNORMAL'],
  SUCCESS: ['PENDING', 'PROCESSING', 'ABNORMAL'],
  TO_MERCHANT: ['PENDING', 'PROCESSING', 'ABNORMAL'],
} as const;

/**
 * The money went back to the merchant's own account, not the resident's (发起异常退款 MERCHANT_BANK_CARD):
 * WeChat's user_received_account then reads 商户基本账户 or 商户结算银行账户 (docs/wechat.md §5, Refunds).
 */
export const paidToMerchant = (account: string | undefined) => account?.startsWith('商户') === true;

/** How many times an overpayment is refunded under a new number after WeChat closed the last one (docs/wechat.md §5, Refunds). */
const OVERPAYMENT_REFUND_ATTEMPTS = 3;

type RefundResult = Pick<RefundAnswer, 'out_refund_no' | 'refund_id' | 'status' | 'success_time'> & {
  create_time?: string;
  channel?: string;
  user_received_account?: string;
};

/**
 * A refund's outcome, from WeChat's answer, its query or its notify: SUCCESS moves the bill to
 * partially refunded or refunded and writes the ledger, once (conditional write on the refund). A
 * SUCCESS paid to the merchant's own account is not the resident's refund: the refund ends TO_MERCHANT,
 * the bill and the ledger stay as they are, and the cashier is flagged to give the money back by hand.
 * ABNORMAL and CLOSED are flagged for the cashier; CLOSED writes nothing (no money left, the amount is
 * free to refund again), and a closed overpayment refund is redone under a new out_refund_no. The
 * answer and the query carry create_time, when WeChat accepted the refund (the notify does not): kept
 * as acceptedAt, the day reconciliation expects the refund in WeChat's trade bill.
 */
export async function applyRefundResult(deps: Deps, r: RefundResult): Promise<'applied' | 'duplicate' | 'unknown'> {
  const refund = await deps.db.refund.findUnique({ where: { outRefundNo: r.out_refund_no } });
  if (!refund) return 'unknown';
  if (r.create_time && !refund.acceptedAt)
    await deps.db.refund.updateMany({
      where: { id: refund.id, acceptedAt: null },
      data: { acceptedAt: new Date(r.create_time) },
    });
  if (r.status === 'PROCESSING') {
    await deps.db.refund.updateMany({
      where: { id: refund.id, state: 'PENDING' },
      data: { state: 'PROCESSING', refundId: r.refund_id },
    });
    return 'applied';
  }
  const account = {
    channel: r.channel ?? refund.channel,
    receivedAccount: r.user_received_account ?? refund.receivedAccount,
  };
  const order = await deps.db.payOrder.findUnique({ where: { id: refund.orderId }, select: { outTradeNo: true } });
  const issue = {
    outTradeNo: order?.outTradeNo ?? null,
    outRefundNo: refund.outRefundNo,
    refundFen: refund.amountFen,
    billId: refund.billId,
  };
  if (r.status === 'CLOSED' || r.status === 'ABNORMAL') {
    const status = r.status;
    return deps.db.$transaction(async (tx) => {
      const moved = await tx.refund.updateMany({
        where: { id: refund.id, state: { in: [...MOVES_FROM[status]] } },
        data: { state: status, refundId: r.refund_id, ...account },
      });
      if (moved.count === 0) return 'duplicate';
      if (status === 'ABNORMAL')
        await flagIssue(
          deps,
          refund.communityId,
          'REFUND_ABNORMAL',
          refund.outRefundNo,
          {
            ...issue,
            message: '退款异常（住户银行卡可能已冻结或注销），请在商户平台发起异常退款',
          },
          tx,
        );
      else await refundClosed(deps, tx, refund, issue);
      return 'applied';
    });
  }
  const at = r.success_time ? new Date(r.success_time) : deps.clock.now();
  if (paidToMerchant(account.receivedAccount ?? undefined))
    return deps.db.$transaction(async (tx) => {
      const moved = await tx.refund.updateMany({
        where: { id: refund.id, state: { in: [...MOVES_FROM.TO_MERCHANT] } },
        data: { state: 'TO_MERCHANT', refundId: r.refund_id, succeededAt: at, ...account },
      });
      if (moved.count === 0) return 'duplicate';
      await flagIssue(
        deps,
        refund.communityId,
        'REFUND_TO_MERCHANT',
        refund.outRefundNo,
        {
          ...issue,
          receivedAccount: account.receivedAccount,
          message: '退款退回了商户账户，请线下退还住户',
        },
        tx,
      );
      // The company's audit log: the refund ended, but at the merchant — not booked, the bill unchanged.
      await writeCommunityAudit(tx, {
        communityId: refund.communityId,
        actorId: refund.createdById,
        kind: 'REFUND_TO_MERCHANT',
        subjectId: refund.id,
        before: { billId: refund.billId, state: refund.state },
        after: {
          billId: refund.billId,
          state: 'TO_MERCHANT',
          amountFen: refund.amountFen,
          refundId: r.refund_id,
          receivedAccount: account.receivedAccount,
        },
        reason: refund.reason,
        at,
      });
      return 'applied';
    });
  return deps.db.$transaction(async (tx) => {
    const moved = await tx.refund.updateMany({
      where: { id: refund.id, state: { in: [...MOVES_FROM.SUCCESS] } },
      data: { state: 'SUCCESS', refundId: r.refund_id, succeededAt: at, ...account },
    });
    if (moved.count === 0) return 'duplicate';
    await tx.ledgerEntry.create({
      data: {
        communityId: refund.communityId,
        kind: 'REFUND',
        billId: refund.billId,
        orderId: refund.orderId,
        refundId: refund.id,
        amountFen: -refund.amountFen,
        actorId: refund.createdById,
        at,
        note: refund.reason,
      },
    });
    // The company's audit log: the cashier who asked (none for an overpayment's automatic refund).
    await writeCommunityAudit(tx, {
      communityId: refund.communityId,
      actorId: refund.createdById,
      kind: 'REFUND_DONE',
      subjectId: refund.id,
      before: { billId: refund.billId, state: refund.state },
      after: { billId: refund.billId, state: 'SUCCESS', amountFen: refund.amountFen, refundId: r.refund_id },
      reason: refund.reason,
      at,
    });
    if (refund.kind === 'CASHIER' && refund.billId) {
      await tx.$executeRaw`
        UPDATE "Bill" SET "refundedFen" = "refundedFen" + ${refund.amountFen},
          "state" = (CASE WHEN "refundedFen" + ${refund.amountFen} >= "paidFen" THEN 'REFUNDED' ELSE 'PARTIALLY_REFUNDED' END)::"BillState"
        WHERE "id" = ${refund.billId}::uuid`;
    }
    return 'applied';
  });
}

/**
 * A refund WeChat closed (or refused for good): flagged for the cashier. An overpayment refund — the
 * resident's money with nobody to ask for it again — is redone under a new out_refund_no (WeChat: a
 * closed refund is retried only with a new 商户退款单号, docs/wechat.md §5, Refunds), up to
 * OVERPAYMENT_REFUND_ATTEMPTS times; a cashier's refund is simply free to be asked again.
 */
async function refundClosed(deps: Deps, tx: Prisma.TransactionClient, refund: Refund, issue: Record<string, unknown>) {
  let redo: string | null = null;
  if (refund.kind === 'OVERPAYMENT') {
    const tries = await tx.refund.count({ where: { orderId: refund.orderId, kind: 'OVERPAYMENT' } });
    if (tries < OVERPAYMENT_REFUND_ATTEMPTS) {
      const again = await tx.refund.create({
        data: {
          outRefundNo: `${refund.outRefundNo.replace(/OP\d*$/, 'OP')}${tries + 1}`,
          orderId: refund.orderId,
          communityId: refund.communityId,
          kind: 'OVERPAYMENT',
          amountFen: refund.amountFen,
          reason: refund.reason,
          createdAt: deps.clock.now(),
        },
      });
      await deps.jobs.send(submitRefundJob, { refundId: again.id }, { tx });
      redo = again.outRefundNo;
    }
  }
  await flagIssue(
    deps,
    refund.communityId,
    'REFUND_CLOSED',
    refund.outRefundNo,
    {
      ...issue,
      redoneAs: redo,
      message: redo ? '退款已关闭，已用新的退款单号重新退款' : '退款已关闭，款项未退出，请核实后重新办理',
    },
    tx,
  );
}

export const submitRefundJob = defineJob({
  name: 'pay.submit-refund',
  schema: z.object({ refundId: z.uuid() }),
  singletonKey: (d) => d.refundId,
  retry: { limit: 10, delaySeconds: 30, backoff: true },
  handler: async (deps, { refundId }) => {
    await submitRefund(deps, refundId);
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

/**
 * Once a day: every ABNORMAL refund is asked about again, so one the merchant has since paid out
 * (SUCCESS) or closed is booked even if its notify never came (docs/wechat.md §5, Refunds). One
 * refund's failing query does not stop the others; it is asked again the next day.
 */
export const queryAbnormalRefundsJob = defineJob({
  name: 'pay.query-abnormal-refunds',
  schema: z.object({}).passthrough(),
  singletonKey: () => 'all',
  handler: async (deps) => {
    // Keyset pages by id, so every ABNORMAL refund is asked each day however many there are.
    let after: string | undefined;
    for (;;) {
      const page = await deps.db.refund.findMany({
        where: { state: 'ABNORMAL', ...(after ? { id: { gt: after } } : {}) },
        select: { id: true },
        orderBy: { id: 'asc' },
        take: ABNORMAL_PAGE,
      });
      if (page.length === 0) break;
      after = page.at(-1)!.id;
      for (const { id } of page) {
        const now = await queryRefund(deps, id).catch((err: Error) => {
          deps.logger.warn({ refundId: id, err: err.message }, 'abnormal refund not queried, asked again tomorrow');
          return 'ABNORMAL';
        });
        if (now === 'ABNORMAL')
          deps.logger.warn(
            { refundId: id },
            'refund still abnormal: for the cashier to handle on the merchant platform',
          );
      }
    }
  },
});

/** Page size of the daily ABNORMAL sweep. */
export const ABNORMAL_PAGE = 200;
