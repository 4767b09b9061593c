import { z } from 'zod';
import { Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { releaseOrder } from '../pay/apply-transaction.js';
import { syncOrder } from '../pay/sync-order.js';
import { PayApiError } from '../wechat/pay-client.js';
import { requireRole } from '../access/guards.js';
import { AppError, notFound } from '../errors.js';
import { writeCommunityAudit } from '../roles/audit-write.js';
import { ZId, ZText } from '../http/params.js';
import { yuan } from './money.js';
import { takeReceiptNo } from './receipts.js';
import { lateFeeOf } from './resident-bills.js';

export const ZCounterPayment = z.object({
  unitId: ZId,
  channel: z.enum(['CASH', 'TRANSFER', 'POS'], '请选择收款方式（现金、转账或刷卡）'),
  amountFen: z.number('金额必须是数字（单位：分）').int('金额必须是整数分').min(1, '金额必须大于 0'),
  /** The bills the payer chose; without them the payment goes to the oldest periods first (Civil Code art. 560). */
  billIds: z.array(ZId).min(1).max(48, '一次最多 48 笔账单').optional(),
  payerName: ZText({ max: 20, label: '缴款人' }).optional(),
  /** Whose bills: the owner's, or the developer's for months before delivery (docs/domain.md §4, Who pays). */
  payer: z.enum(['OWNER', 'DEVELOPER'], '缴款方只能是业主或开发商').default('OWNER'),
});
export const ZVoidRequest = z.object({ reason: ZText({ min: 4, max: 200, label: '作废原因' }) });

type OpenBill = { id: string; amountFen: number; dueAt: Date; state: string; lockedOrderId: string | null };

/**
 * Whole bills, oldest matured period first, whose payable amounts add up to exactly `amountFen` — or a
 * clear refusal naming the amounts that would (a bill is never left half paid).
 */
export function oldestFirst(bills: { id: string; payableFen: number }[], amountFen: number): string[] {
  let sum = 0;
  const chosen: string[] = [];
  for (const b of bills) {
    if (sum === amountFen) break;
    sum += b.payableFen;
    chosen.push(b.id);
  }
  if (sum === amountFen && chosen.length) return chosen;
  const steps = bills.reduce<number[]>((acc, b) => [...acc, (acc.at(-1) ?? 0) + b.payableFen], []);
  const below = steps.filter((s) => s < amountFen).at(-1);
  const above = steps.find((s) => s > amountFen);
  const offer = [below, above]
    .filter((s): s is number => s !== undefined)
    .map((s) => `¥${yuan(s)}`)
    .join(' 或 ');
  throw new AppError(
    'VALIDATION_FAILED',
    `按最早到期的账单依次抵扣，金额须正好缴清若干笔账单${offer ? `：可收 ${offer}` : ''}`,
    [{ path: 'amountFen', message: '金额与账单合计不符' }],
  );
}

/** A unit's open bills, oldest matured period first; locked for the transaction when `lock`. */
function openBillsOf(
  db: Prisma.TransactionClient | Deps['db'],
  unitId: string,
  payer: z.infer<typeof ZCounterPayment>['payer'],
  lock: boolean,
) {
  return db.$queryRaw<OpenBill[]>`
    SELECT b."id", b."amountFen", b."dueAt", b."state", b."lockedOrderId" FROM "Bill" b JOIN "FeeItem" f ON f."id" = b."feeItemId"
     WHERE b."unitId" = ${unitId}::uuid AND b."payer" = ${payer}::"BillPayer" AND b."state" IN ('UNPAID', 'PAYING')
     ORDER BY b."firstMonth", f."kind", f."name", b."id" ${lock ? Prisma.sql`FOR UPDATE OF b` : Prisma.empty}`;
}

/** The bills a counter payment is for — the payer's choice, or oldest first — with their payable amounts. */
function chooseBills(
  open: OpenBill[],
  settings: Parameters<typeof lateFeeOf>[0],
  input: z.infer<typeof ZCounterPayment>,
  now: Date,
) {
  const payable = open.map((b) => ({ id: b.id, payableFen: b.amountFen + lateFeeOf(settings, b, now) }));
  let ids: string[];
  if (input.billIds) {
    const chosen = payable.filter((b) => input.billIds!.includes(b.id));
    if (chosen.length !== new Set(input.billIds).size)
      throw new AppError('BILLS_NOT_PAYABLE', '所选账单中有已缴清、已减免或不属于这户的，请刷新后重选');
    const sum = chosen.reduce((s, b) => s + b.payableFen, 0);
    if (sum !== input.amountFen)
      throw new AppError('VALIDATION_FAILED', `金额与所选账单合计 ¥${yuan(sum)} 不符`, [
        { path: 'amountFen', message: '金额不符' },
      ]);
    ids = chosen.map((b) => b.id);
  } else {
    ids = oldestFirst(payable, input.amountFen);
  }
  return { ids, byId: new Map(payable.map((b) => [b.id, b.payableFen])) };
}

/**
 * Before the desk takes money for bills in a pending WeChat order, that order is asked about and closed
 * at WeChat, so the resident can no longer pay it too (docs/wechat.md §5, Close before the counter):
 * - the query says SUCCESS/REFUND: the resident has just paid — credited now (syncOrder, as the notify
 *   would) and the counter payment refused (PAID_BY_WECHAT);
 * - USERPAYING (entering the password), or the close answering 202 USER_PAYING: refused, try again later;
 * - unknown at WeChat (never prepaid) or already CLOSED: released;
 * - NOTPAY: closed — 204 or 400 ORDER_CLOSED release the order; ORDERPAID (a v2 code, kept as a
 *   defence) is handled like SUCCESS.
 * If WeChat cannot be asked or refuses the close (e.g. too soon after the order), the counter payment
 * waits: 502 WECHAT_PAY_FAILED, the bills untouched.
 */
async function closeWechatOrdersFirst(deps: Deps, orderIds: string[]) {
  const userPaying = () => new AppError('BILLS_IN_PAYMENT', '住户正在微信支付，请稍后再试');
  const cannotAsk = (outTradeNo: string, err: unknown) => {
    deps.logger.warn({ outTradeNo, err: (err as Error).message }, 'close before counter failed');
    return new AppError('WECHAT_PAY_FAILED', '住户有一笔未完成的微信支付，暂时无法撤销，请稍后再收款');
  };
  for (const orderId of orderIds) {
    const order = await deps.db.payOrder.findUnique({ where: { id: orderId } });
    if (!order || order.state !== 'PENDING') continue;
    const pay = deps.wechat.pay;
    if (!pay) throw new AppError('BILLS_IN_PAYMENT', '所选账单正在微信支付中，请稍后再试');
    let answer: 'closed' | 'paid' | 'paying';
    try {
      const t = await pay.query(order.outTradeNo);
      if (t?.trade_state === 'SUCCESS' || t?.trade_state === 'REFUND') answer = 'paid';
      else if (t?.trade_state === 'USERPAYING') answer = 'paying';
      else if (t === null || t.trade_state === 'CLOSED' || t.trade_state === 'REVOKED') answer = 'closed';
      else answer = await pay.close(order.outTradeNo);
    } catch (err) {
      if (err instanceof PayApiError && err.code === 'ORDER_NOT_EXIST') answer = 'closed';
      else throw cannotAsk(order.outTradeNo, err);
    }
    if (answer === 'paying') throw userPaying();
    if (answer === 'closed') {
      await releaseOrder(deps, order.id, 'closed at WeChat before a counter payment');
      continue;
    }
    await syncOrder(deps, order, { close: false }).catch((err: Error) =>
      deps.logger.warn({ outTradeNo: order.outTradeNo, err: err.message }, 'paid order not credited yet'),
    );
    throw new AppError('BILLS_NOT_PAYABLE', '住户刚刚已通过微信支付了所选账单，请勿重复收款，请刷新后查看', {
      reason: 'PAID_BY_WECHAT',
      outTradeNo: order.outTradeNo,
    });
  }
}

/**
 * A cashier records money taken at the desk against a unit's open bills of one payer: the owner's, or
 * the developer's (its only way to be paid: WeChat Pay is the owners'). The bills (locked for the
 * transaction) become PAID, the ledger gets one COUNTER_PAYMENT entry per bill, and the receipt takes
 * the next number of the community's one series. A bill in a pending WeChat order is taken only after
 * that order is closed at WeChat (closeWechatOrdersFirst); one that is in a WeChat order again by the
 * time the bills are locked is refused.
 */
export async function takeCounterPayment(
  deps: Deps,
  userId: string,
  communityId: string,
  input: z.infer<typeof ZCounterPayment>,
) {
  await requireRole(deps.db, userId, communityId, ['CASHIER', 'MANAGER']);
  const unit = await deps.db.unit.findFirst({ where: { id: input.unitId, communityId }, select: { id: true } });
  if (!unit) throw notFound('房屋');
  const settings = await deps.db.feeSettings.findUnique({ where: { communityId } });
  const now = deps.clock.now();
  const seen = await openBillsOf(deps.db, unit.id, input.payer, false);
  const wanted = chooseBills(seen, settings, input, now).ids;
  await closeWechatOrdersFirst(deps, [
    ...new Set(
      seen.filter((b) => wanted.includes(b.id) && b.state === 'PAYING' && b.lockedOrderId).map((b) => b.lockedOrderId!),
    ),
  ]);
  return deps.db.$transaction(async (tx) => {
    const open = await openBillsOf(tx, unit.id, input.payer, true);
    const { ids, byId } = chooseBills(open, settings, input, now);
    // The bills chosen now must be the ones whose WeChat orders were just closed: paying by amount, a
    // bill paid or released meanwhile would shift the choice onto bills nobody checked (L2).
    if (ids.length !== wanted.length || ids.some((id) => !wanted.includes(id)))
      throw new AppError('BILLS_NOT_PAYABLE', '账单在收款过程中有变动，请刷新后重新收款');
    if (open.some((b) => ids.includes(b.id) && b.state === 'PAYING'))
      throw new AppError('BILLS_IN_PAYMENT', '所选账单正在微信支付中，请稍后再试');
    for (const id of ids)
      await tx.bill.update({
        where: { id },
        data: { state: 'PAID', paidFen: byId.get(id)!, paidAt: now, lockedOrderId: null },
      });
    const payment = await tx.counterPayment.create({
      data: {
        communityId,
        unitId: unit.id,
        channel: input.channel,
        amountFen: input.amountFen,
        payerName: input.payerName ?? null,
        takenById: userId,
        takenAt: now,
        receiptNo: await takeReceiptNo(tx, communityId, now),
        items: { create: ids.map((billId) => ({ billId, amountFen: byId.get(billId)! })) },
      },
    });
    await tx.ledgerEntry.createMany({
      data: ids.map((billId) => ({
        communityId,
        kind: 'COUNTER_PAYMENT' as const,
        billId,
        amountFen: byId.get(billId)!,
        actorId: userId,
        at: now,
        counterPaymentId: payment.id,
        note: `${input.channel} ${payment.receiptNo}`,
      })),
    });
    await writeCommunityAudit(tx, {
      communityId,
      actorId: userId,
      kind: 'COUNTER_PAYMENT',
      subjectId: payment.id,
      before: { bills: open.filter((b) => ids.includes(b.id)).map((b) => ({ id: b.id, state: b.state })) },
      after: {
        receiptNo: payment.receiptNo,
        channel: input.channel,
        amountFen: input.amountFen,
        bills: ids.map((id) => ({ id, state: 'PAID', paidFen: byId.get(id)! })),
      },
      reason: `收据 ${payment.receiptNo}`,
      at: now,
    });
    return counterView(tx, payment.id);
  });
}

/** A counter receipt: number, unit, items with periods, channel, who took it, and any void. */
export async function counterView(db: Prisma.TransactionClient | Deps['db'], id: string) {
  const p = await db.counterPayment.findUniqueOrThrow({ where: { id }, include: { items: true } });
  const [community, takenBy] = await Promise.all([
    db.community.findUniqueOrThrow({ where: { id: p.communityId }, select: { name: true } }),
    db.user.findUnique({ where: { id: p.takenById }, select: { name: true } }),
  ]);
  const bills = await db.bill.findMany({
    where: { id: { in: p.items.map((i) => i.billId) } },
    include: {
      feeItem: { select: { name: true, kind: true } },
      unit: { select: { number: true, building: { select: { name: true } } } },
    },
  });
  const byId = new Map(bills.map((b) => [b.id, b]));
  return {
    ...p,
    /** What a printed receipt names (docs/console.md, Receipts): the community and the cashier. */
    communityName: community.name,
    takenByName: takenBy?.name ?? '收银员',
    /** One payment settles bills of one payer (takeCounterPayment). */
    payer: bills[0]?.payer ?? 'OWNER',
    items: p.items.map((i) => {
      const b = byId.get(i.billId)!;
      return {
        billId: i.billId,
        amountFen: i.amountFen,
        name: b.feeItem.name,
        kind: b.feeItem.kind,
        period: b.period,
        opening: b.opening,
        detail: b.detail,
        unit: `${b.unit.building.name} ${b.unit.number}`,
        state: b.state,
      };
    }),
  };
}

export async function paymentOf(deps: Deps, userId: string, id: string, roles: ('CASHIER' | 'MANAGER')[]) {
  const p = await deps.db.counterPayment.findUnique({ where: { id } });
  if (!p) throw notFound('收款记录');
  await requireRole(deps.db, userId, p.communityId, roles, '收款记录');
  return p;
}

export async function getCounterPayment(deps: Deps, userId: string, id: string) {
  await paymentOf(deps, userId, id, ['CASHIER', 'MANAGER']);
  return counterView(deps.db, id);
}

/** A void is asked for with a reason; it takes effect only when a manager who is neither the asker nor the taker approves. */
export async function requestVoid(deps: Deps, userId: string, id: string, reason: string) {
  await paymentOf(deps, userId, id, ['CASHIER', 'MANAGER']);
  const moved = await deps.db.counterPayment.updateMany({
    where: { id, state: 'RECORDED' },
    data: { state: 'VOID_REQUESTED', voidReason: reason, voidRequestedById: userId },
  });
  if (moved.count === 0) throw new AppError('ALREADY_DECIDED', '这笔收款已申请作废或已作废');
  return counterView(deps.db, id);
}
