import { randomBytes, randomUUID } from 'node:crypto';
import { Prisma } from '@prisma/client';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { lateFeeOf } from '../fees/resident-bills.js';
import { isSellers, sellerCutoffs } from '../units/ownership.js';
import { openidOf } from '../moderation/screen-text.js';
import { PayApiError, requirePay, type PayClient } from '../wechat/pay-client.js';
import { orderInclude, shapeOrder } from './order-view.js';
import { beijingDigits, beijingRfc3339 } from '../beijing.js';
import { releaseOrder } from './apply-transaction.js';
import { queryDelay, queryOrderJob, syncOrder } from './sync-order.js';

/** WeChat's limit on time_expire is ours: an order not paid within 15 minutes is closed and its bills freed. */
const ORDER_TTL_MS = 15 * 60_000;
/** A prepay id lives 2 hours; an order is reused only while both it and the order have time left. */
const REUSE_MARGIN_MS = 60_000;

/**
 * WeChat's limit on `description`: JSAPI 下单 says string(127), 不能超过127个字符 — characters. We cut at
 * 127 bytes of UTF-8, fewer characters for any Chinese text: safe whichever way WeChat counts.
 */
const DESCRIPTION_MAX_BYTES = 127;

/**
 * The order's `description`, from its fee items' names. WeChat writes it unquoted into 商品名称 of the
 * trade bill (docs/wechat.md §5), so a comma, double quote, backtick or line end in a name would break
 * that day's reconciliation: commas become full-width (，), the rest go, runs of spaces are one. Cut
 * on a character boundary to fit WeChat's length with the count of bills after it.
 */
export function orderDescription(names: string[], billCount: number): string {
  const clean = (name: string) =>
    name
      .replace(/,/g, '，')
      .replace(/["`\p{Cc}\u2028\u2029]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const shown = [...new Set(names.map(clean).filter(Boolean))];
  const suffix = billCount > 1 ? `等${billCount}笔` : '';
  const budget = DESCRIPTION_MAX_BYTES - Buffer.byteLength(suffix);
  let text = '';
  // Names that clean away to nothing leave the plain 物业缴费, not 物业缴费- with nothing after it.
  for (const ch of shown.length ? `物业缴费-${shown.join('、')}` : '物业缴费') {
    if (Buffer.byteLength(text + ch) > budget) break;
    text += ch;
  }
  return text.trimEnd() + suffix;
}

/** out_trade_no: 6–32 of [0-9A-Za-z_-|*], unique per merchant — the Beijing second plus 12 random hex digits. */
function newOutTradeNo(now: Date): string {
  return `WY${beijingDigits(now)}${randomBytes(6).toString('hex')}`;
}

/** Prepay with the same out_trade_no, retried at once on a system error (docs/wechat.md §5: never a new number). */
async function prepayWithRetry(pay: PayClient, input: Parameters<PayClient['prepay']>[0]) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await pay.prepay(input);
    } catch (err) {
      if (!(err instanceof PayApiError) || !err.retryable || attempt >= 3) throw err;
      await new Promise((r) => setTimeout(r, 150 * attempt));
    }
  }
}

/**
 * A resident pays several of their units' bills in one WeChat order. The bills are locked to the
 * order in the transaction that creates it (a conditional write: only UNPAID bills move), so no second
 * order can take them; a second tap on the same bills gets the same order and prepay back.
 */
export async function createPayOrder(deps: Deps, userId: string, billIds: string[]) {
  const pay = requirePay(deps.wechat.pay);
  const ids = [...new Set(billIds)];
  const bills = await deps.db.bill.findMany({
    where: payableBy(userId, ids),
    include: { feeItem: { select: { name: true } } },
  });
  if (bills.length !== ids.length) throw notFound('账单');
  const unitIds = [...new Set(bills.map((b) => b.unitId))];
  // Asked here too so a pending order is not resumed for a bill a transfer has made the seller's.
  await refuseSellersBills(deps.db, bills, unitIds);
  const communityId = bills[0]!.communityId;
  if (bills.some((b) => b.communityId !== communityId))
    throw new AppError('VALIDATION_FAILED', '一次只能缴同一个小区的账单', [{ path: 'billIds', message: '请分开缴费' }]);

  const lockedTo = new Set(bills.map((b) => b.lockedOrderId));
  if (lockedTo.size === 1 && bills[0]!.lockedOrderId) {
    const reused = await resumeOrder(deps, pay, userId, bills[0]!.lockedOrderId, ids);
    if (reused) return reused;
  }
  const other = bills.find((b) => b.state === 'PAYING');
  if (other)
    throw new AppError('BILLS_IN_PAYMENT', '部分账单正在另一笔订单中支付，请先完成该笔支付，或等待 15 分钟后重试', {
      orderId: other.lockedOrderId,
    });
  if (bills.some((b) => b.state !== 'UNPAID'))
    throw new AppError('BILLS_NOT_PAYABLE', '部分账单已缴清或已减免，请刷新后重新选择');

  const openid = await openidOf(deps, userId);
  if (!openid) throw new AppError('FORBIDDEN', '请在微信中打开小程序缴费');
  const settings = await deps.db.feeSettings.findUnique({ where: { communityId } });
  const now = deps.clock.now();
  const lines = bills.map((b) => ({ billId: b.id, amountFen: b.amountFen, lateFeeFen: lateFeeOf(settings, b, now) }));
  const amountFen = lines.reduce((s, l) => s + l.amountFen + l.lateFeeFen, 0);
  const description = orderDescription(
    bills.map((b) => b.feeItem.name),
    bills.length,
  );
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + ORDER_TTL_MS);

  await deps.db.$transaction(async (tx) => {
    // Under the units' lock a transfer takes (record-transfer.ts, FOR UPDATE), asked again: a transfer that
    // committed since the read above is seen here, and one still to come waits for this order's commit.
    await tx.$executeRaw`SELECT 1 FROM "Unit" WHERE id = ANY(${unitIds}::uuid[]) ORDER BY id FOR SHARE`;
    if ((await tx.bill.count({ where: payableBy(userId, ids) })) !== ids.length) throw notFound('账单');
    await refuseSellersBills(tx, bills, unitIds);
    await tx.payOrder
      .create({
        data: {
          id,
          outTradeNo: newOutTradeNo(now),
          communityId,
          userId,
          openid,
          amountFen,
          description,
          expiresAt,
          createdAt: now,
          items: { create: lines },
        },
      })
      .catch(undoneBills);
    const locked = await tx.bill.updateMany({
      where: { id: { in: ids }, state: 'UNPAID' },
      data: { state: 'PAYING', lockedOrderId: id },
    });
    if (locked.count !== ids.length)
      throw new AppError('BILLS_NOT_PAYABLE', '部分账单刚刚被缴清或正在支付，请刷新后重新选择');
    // WeChat's schedule for asking about an order whose notify has not come (docs/wechat.md §5).
    await deps.jobs.send(queryOrderJob, { orderId: id, step: 0 }, { tx, startAfter: queryDelay(now, 0, now) });
  });
  return prepareOrder(deps, pay, id);
}

/** The owner's bills of units where the user is a verified member (family and tenants pay on the owner's behalf). */
const payableBy = (userId: string, ids: string[]) => ({
  id: { in: ids },
  payer: 'OWNER' as const,
  unit: { memberships: { some: { userId, status: 'VERIFIED' as const } } },
});

/** A former owner's bills (docs/roles.md, Owners and households) are settled by the office, never on the phone. */
async function refuseSellersBills(
  db: Deps['db'] | Prisma.TransactionClient,
  bills: { unitId: string; payer: 'OWNER' | 'DEVELOPER'; firstMonth: string }[],
  unitIds: string[],
) {
  const cutoffs = await sellerCutoffs(db, unitIds);
  if (bills.some((b) => isSellers(cutoffs, b))) throw new AppError('SELLER_BILL', '这是前业主的欠费，请联系物业处理');
}

/**
 * A billing run undone between our read of the bills and the order's insert deletes the bills under
 * us: the order item's foreign key then refuses the row (P2003). To the resident that is the same as
 * a bill no longer payable (docs/domain.md §4, Billing runs), not a server error.
 */
function undoneBills(err: unknown): never {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2003')
    throw new AppError('BILLS_NOT_PAYABLE', '部分账单已撤销或已变更，请刷新后重新选择');
  throw err;
}

/** The pending order the bills are locked to, if it is this user's, covers exactly these bills and has time left. */
async function resumeOrder(deps: Deps, pay: PayClient, userId: string, orderId: string, ids: string[]) {
  const order = await deps.db.payOrder.findUnique({
    where: { id: orderId },
    include: { items: { select: { billId: true } } },
  });
  if (!order || order.userId !== userId || order.state !== 'PENDING') return null;
  const same = order.items.length === ids.length && order.items.every((i) => ids.includes(i.billId));
  const fresh = order.expiresAt.getTime() - deps.clock.now().getTime() > REUSE_MARGIN_MS;
  if (!same || !fresh) return null;
  return prepareOrder(deps, pay, order.id);
}

/** Makes sure the order has a prepay id (asking WeChat if it has none yet) and signs the payment parameters. */
async function prepareOrder(deps: Deps, pay: PayClient, orderId: string) {
  let order = await deps.db.payOrder.findUniqueOrThrow({ where: { id: orderId }, include: orderInclude });
  if (!order.prepayId) {
    let prepayId: string;
    try {
      ({ prepayId } = await prepayWithRetry(pay, {
        outTradeNo: order.outTradeNo,
        description: order.description,
        totalFen: order.amountFen,
        openid: order.openid,
        timeExpire: beijingRfc3339(order.expiresAt),
      }));
    } catch (err) {
      if (err instanceof PayApiError && err.code === 'ORDERPAID') {
        // Paid already (a notify is on its way): apply it now instead of asking to pay again.
        await syncOrder(deps, order, { close: false });
        return {
          order: shapeOrder(
            await deps.db.payOrder.findUniqueOrThrow({ where: { id: orderId }, include: orderInclude }),
          ),
          payment: null,
        };
      }
      if (err instanceof PayApiError && !err.retryable) {
        // WeChat refused the order itself (not a passing fault): nothing exists there, so free the bills now.
        deps.logger.error({ outTradeNo: order.outTradeNo, code: err.code, err: err.message }, 'prepay refused');
        await releaseOrder(deps, order.id, 'prepay refused');
      }
      throw new AppError('WECHAT_PAY_FAILED', '微信支付暂时不可用，请稍后再试', {
        retryable: !(err instanceof PayApiError) || err.retryable,
      });
    }
    // Stored even if a notify already marked the order paid: only the prepay fields change.
    await deps.db.payOrder.updateMany({
      where: { id: order.id, prepayId: null },
      data: { prepayId, prepayAt: deps.clock.now() },
    });
    order = await deps.db.payOrder.findUniqueOrThrow({ where: { id: orderId }, include: orderInclude });
  }
  return { order: shapeOrder(order), payment: order.state === 'PENDING' ? pay.paymentParams(order.prepayId!) : null };
}
