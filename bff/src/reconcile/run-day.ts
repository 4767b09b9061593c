import { randomUUID } from 'node:crypto';
import type { ReconcileKind } from '@prisma/client';
import type { Deps } from '../deps.js';
import { requirePay } from '../wechat/pay-client.js';
import { syncOrder } from '../pay/sync-order.js';
import { readDayBill } from './download.js';
import { TradeBillError, type TradeRow } from './trade-bill.js';

type Difference = { kind: ReconcileKind; outTradeNo: string; outRefundNo: string | null; communityId: string | null; wechatFen: number | null; ourFen: number | null; detail: string; resolvedNote?: string };

const DAY = 86_400_000;
const beijingDay = (day: string) => ({ gte: new Date(`${day}T00:00:00+08:00`), lt: new Date(new Date(`${day}T00:00:00+08:00`).getTime() + DAY) });

/** WeChat's payment rows against our orders paid that day. A payment only WeChat knows is applied (query, then credit) when the order is ours. */
async function matchPayments(deps: Deps, day: string, rows: TradeRow[], diffs: Difference[]) {
  const ours = new Map((await deps.db.payOrder.findMany({ where: { state: 'PAID', paidAt: beijingDay(day) }, select: { outTradeNo: true, amountFen: true, communityId: true } })).map((o) => [o.outTradeNo, o]));
  let count = 0;
  let fen = 0;
  for (const r of rows) {
    const o = ours.get(r.outTradeNo);
    ours.delete(r.outTradeNo);
    // Ours and paid that day, or else whatever we know of it (pending, or paid on another day).
    const order = o ? { ...o, state: 'PAID' as const } : await deps.db.payOrder.findUnique({ where: { outTradeNo: r.outTradeNo } });
    const base = { outTradeNo: r.outTradeNo, outRefundNo: null, communityId: order?.communityId ?? null, wechatFen: r.orderFen, ourFen: order?.amountFen ?? null };
    if (r.state !== 'SUCCESS') diffs.push({ ...base, kind: 'STATUS_MISMATCH', detail: `微信账单状态为 ${r.state}，我方为已支付` });
    else if (order && order.amountFen !== r.orderFen) diffs.push({ ...base, kind: 'AMOUNT_MISMATCH', detail: `金额不符：微信 ${r.orderFen} 分，我方 ${order.amountFen} 分` });
    else if (!order) diffs.push({ ...base, kind: 'ONLY_WECHAT', detail: '微信账单有此笔支付，我方没有这笔订单' });
    else if (order.state !== 'PAID') {
      // A notify that never reached us: the bill is the evidence, WeChat's answer to a query is the truth.
      const outcome = await syncOrder(deps, order, { close: false });
      const applied = outcome === 'applied' || outcome === 'duplicate';
      diffs.push({ ...base, kind: 'ONLY_WECHAT', detail: '微信已收款，我方未收到支付通知', ...(applied ? { resolvedNote: '对账时已按微信记录补记为已支付' } : {}) });
      if (applied) {
        count += 1;
        fen += r.orderFen;
      }
    } else {
      count += 1;
      fen += r.orderFen;
    }
  }
  for (const o of ours.values()) diffs.push({ kind: 'ONLY_OURS', outTradeNo: o.outTradeNo, outRefundNo: null, communityId: o.communityId, wechatFen: null, ourFen: o.amountFen, detail: '我方记为已支付，微信当日账单没有这笔' });
  return { count, fen };
}

/** WeChat's refund rows against our refunds that succeeded that day. */
async function matchRefunds(deps: Deps, day: string, rows: TradeRow[], diffs: Difference[]) {
  const ours = new Map((await deps.db.refund.findMany({ where: { state: 'SUCCESS', succeededAt: beijingDay(day) }, select: { outRefundNo: true, amountFen: true, communityId: true, order: { select: { outTradeNo: true } } } })).map((r) => [r.outRefundNo, r]));
  let count = 0;
  let fen = 0;
  for (const r of rows) {
    const o = ours.get(r.outRefundNo);
    ours.delete(r.outRefundNo);
    const base = { outTradeNo: r.outTradeNo, outRefundNo: r.outRefundNo, communityId: o?.communityId ?? null, wechatFen: r.refundFen, ourFen: o?.amountFen ?? null };
    if (!o) diffs.push({ ...base, kind: 'ONLY_WECHAT', detail: '微信账单有此笔退款，我方没有成功记录' });
    else if (o.amountFen !== r.refundFen) diffs.push({ ...base, kind: 'AMOUNT_MISMATCH', detail: `退款金额不符：微信 ${r.refundFen} 分，我方 ${o.amountFen} 分` });
    else {
      count += 1;
      fen += r.refundFen;
    }
  }
  for (const o of ours.values()) diffs.push({ kind: 'ONLY_OURS', outTradeNo: o.order.outTradeNo, outRefundNo: o.outRefundNo, communityId: o.communityId, wechatFen: null, ourFen: o.amountFen, detail: '我方退款已成功，微信当日账单没有这笔' });
  return { count, fen };
}

/**
 * Reconciles one Beijing day against WeChat's trade bill. A bill that cannot be trusted (bad hash,
 * truncated, unknown column, summary off) stops the run: the error is recorded and the last good
 * result stays. Re-running a day is idempotent: the same differences are found again (one row each),
 * resolved ones keep their notes, ones that no longer exist and were never resolved are dropped.
 */
export async function reconcileDay(deps: Deps, day: string) {
  const pay = requirePay(deps.wechat.pay);
  await deps.db.reconcileRun.upsert({ where: { day }, create: { day, attempts: 1 }, update: { attempts: { increment: 1 } } });
  let bill: Awaited<ReturnType<typeof readDayBill>>;
  try {
    bill = await readDayBill(pay, day);
  } catch (err) {
    const message = err instanceof TradeBillError ? err.message : `账单获取失败：${(err as Error).message}`;
    await deps.db.reconcileRun.update({ where: { day }, data: { lastError: message, lastErrorAt: deps.clock.now() } });
    throw err;
  }
  const diffs: Difference[] = [];
  const payments = await matchPayments(deps, day, bill.rows.filter((r) => r.state !== 'REFUND'), diffs);
  const refunds = await matchRefunds(deps, day, bill.rows.filter((r) => r.state === 'REFUND'), diffs);
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    for (const d of diffs) {
      await tx.$executeRaw`
        INSERT INTO "ReconcileDifference" ("id", "day", "kind", "outTradeNo", "outRefundNo", "communityId", "wechatFen", "ourFen", "detail", "createdAt", "resolvedAt", "note")
        VALUES (${randomUUID()}::uuid, ${day}, ${d.kind}::"ReconcileKind", ${d.outTradeNo}, ${d.outRefundNo}, ${d.communityId}::uuid, ${d.wechatFen}, ${d.ourFen}, ${d.detail}, ${now},
                ${d.resolvedNote ? now : null}, ${d.resolvedNote ?? null})
        ON CONFLICT ("day", "kind", "outTradeNo", "outRefundNo") DO NOTHING`;
    }
    const found = new Set(diffs.map((d) => `${d.kind}|${d.outTradeNo}|${d.outRefundNo ?? ''}`));
    const stale = (await tx.reconcileDifference.findMany({ where: { day, resolvedAt: null } })).filter((d) => !found.has(`${d.kind}|${d.outTradeNo}|${d.outRefundNo ?? ''}`));
    if (stale.length) await tx.reconcileDifference.deleteMany({ where: { id: { in: stale.map((d) => d.id) } } });
    await tx.reconcileRun.update({
      where: { day },
      data: {
        matchedCount: payments.count, matchedFen: BigInt(payments.fen), refundMatchedCount: refunds.count, refundMatchedFen: BigInt(refunds.fen),
        differenceCount: await tx.reconcileDifference.count({ where: { day } }), wechatFeeFen: BigInt(bill.summary.feeFen), wechatRows: bill.summary.rows,
        completedAt: now, lastError: null, lastErrorAt: null,
      },
    });
  });
  return deps.db.reconcileRun.findUniqueOrThrow({ where: { day }, include: { differences: { orderBy: [{ kind: 'asc' }, { outTradeNo: 'asc' }] } } });
}
