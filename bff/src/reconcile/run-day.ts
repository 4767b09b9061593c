import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { ReconcileKind } from '@prisma/client';
import { copyInto } from '../db-copy.js';
import { privateConnection } from '../db.js';
import type { Deps } from '../deps.js';
import { requirePay, type PayClient } from '../wechat/pay-client.js';
import { syncOrder } from '../pay/sync-order.js';
import { readDayBill } from './download.js';
import { TradeBillError, type TradeBillSummary } from './trade-bill.js';
import { dayEnd, dayStart } from '../beijing.js';

type Difference = {
  kind: ReconcileKind;
  outTradeNo: string;
  outRefundNo: string | null;
  communityId: string | null;
  wechatFen: number | null;
  ourFen: number | null;
  detail: string;
  resolvedNote?: string;
};
type Sums = { count: number; fen: number };

const dayRange = (day: string) => [dayStart(day), dayEnd(day)] as const;

/**
 * A refund row is staged with its 申请退款金额 — what the merchant asked, our refund's amount — as payments
 * are with 订单金额: its 退款金额 is that less a 免充值 coupon's share, never ours on such an order.
 *
 * Streams the day's bill into a temporary table of this transaction (COPY, 64 KB at a time): memory
 * stays flat however long the bill, and a bill that turns out untrustworthy at its end (hash, summary)
 * vanishes with the rollback.
 */
async function stageBill(client: pg.Client, pay: PayClient, day: string): Promise<TradeBillSummary> {
  await client.query(
    'CREATE TEMP TABLE bill_rows (out_trade_no text NOT NULL, out_refund_no text NOT NULL, refund boolean NOT NULL, state text NOT NULL, order_fen bigint NOT NULL, refund_fen bigint NOT NULL, refund_status text NOT NULL) ON COMMIT DROP',
  );
  const summary = await copyInto(client, 'bill_rows', (write) =>
    readDayBill(pay, day, (r) =>
      write([
        r.outTradeNo,
        r.outRefundNo,
        r.state === 'REFUND',
        r.state,
        r.orderFen,
        r.requestedRefundFen,
        r.refundStatus,
      ]),
    ),
  );
  await client.query('ANALYZE bill_rows');
  return summary;
}

type PaymentRow = {
  out_trade_no: string;
  state: string;
  order_fen: string;
  our_fen: number | null;
  our_state: string | null;
  community_id: string | null;
  order_id: string | null;
};

/**
 * WeChat's payment rows against our orders, in the database: matched (ours, paid, same amount) are
 * only counted; the rest come back to be named — and an order of ours WeChat took money for but we
 * never heard of (a lost notify) is returned to be applied once the bill is trusted.
 */
async function matchPayments(client: pg.Client, day: string, diffs: Difference[]) {
  const [from, to] = dayRange(day);
  const matched = `r.state = 'SUCCESS' AND o."state" = 'PAID' AND o."amountFen" = r.order_fen`;
  const sums = await client.query<{ count: string; fen: string | null }>(
    `SELECT count(*) AS count, sum(r.order_fen) AS fen FROM bill_rows r JOIN "PayOrder" o ON o."outTradeNo" = r.out_trade_no WHERE NOT r.refund AND ${matched}`,
  );
  const others = await client.query<PaymentRow>(
    `SELECT r.out_trade_no, r.state, r.order_fen, o."amountFen" AS our_fen, o."state" AS our_state, o."communityId" AS community_id, o."id" AS order_id
       FROM bill_rows r LEFT JOIN "PayOrder" o ON o."outTradeNo" = r.out_trade_no
      WHERE NOT r.refund AND NOT (o."id" IS NOT NULL AND ${matched})`,
  );
  const lost: { id: string; outTradeNo: string; communityId: string; fen: number }[] = [];
  for (const r of others.rows) {
    const wechatFen = Number(r.order_fen);
    const base = {
      outTradeNo: r.out_trade_no,
      outRefundNo: null,
      communityId: r.community_id,
      wechatFen,
      ourFen: r.our_fen,
    };
    if (r.state !== 'SUCCESS')
      diffs.push({ ...base, kind: 'STATUS_MISMATCH', detail: `微信账单状态为 ${r.state}，我方为已支付` });
    else if (r.our_fen !== null && r.our_fen !== wechatFen)
      diffs.push({ ...base, kind: 'AMOUNT_MISMATCH', detail: `金额不符：微信 ${wechatFen} 分，我方 ${r.our_fen} 分` });
    else if (r.order_id === null)
      diffs.push({ ...base, kind: 'ONLY_WECHAT', detail: '微信账单有此笔支付，我方没有这笔订单' });
    else lost.push({ id: r.order_id, outTradeNo: r.out_trade_no, communityId: r.community_id!, fen: wechatFen });
  }
  const ours = await client.query<{ outTradeNo: string; amountFen: number; communityId: string }>(
    `SELECT o."outTradeNo", o."amountFen", o."communityId" FROM "PayOrder" o
      WHERE o."state" = 'PAID' AND o."paidAt" >= $1 AND o."paidAt" < $2
        AND NOT EXISTS (SELECT 1 FROM bill_rows r WHERE NOT r.refund AND r.out_trade_no = o."outTradeNo")`,
    [from, to],
  );
  for (const o of ours.rows)
    diffs.push({
      kind: 'ONLY_OURS',
      outTradeNo: o.outTradeNo,
      outRefundNo: null,
      communityId: o.communityId,
      wechatFen: null,
      ourFen: o.amountFen,
      detail: '我方记为已支付，微信当日账单没有这笔',
    });
  return { sums: { count: Number(sums.rows[0]!.count), fen: Number(sums.rows[0]!.fen ?? 0) }, lost };
}

type RefundRow = {
  out_trade_no: string;
  out_refund_no: string;
  refund_fen: string;
  refund_status: string;
  our_fen: number | null;
  our_state: string | null;
  community_id: string | null;
};

/**
 * WeChat's refund rows against our refunds. A refund row is on the day WeChat *accepted* the refund,
 * with its 退款状态 as it was when the bill was cut (PROCESSING for one that succeeded or closed later)
 * and never updated (docs/wechat.md §5: 退款发起成功就会出账，出账后退款状态不会更新). So what counts is
 * whether WeChat accepted it — it gave us a refund id — not our state now: a row is matched by
 * 商户退款单号 against any refund of ours but one WeChat refused outright (CLOSED without a refund id),
 * whatever day it succeeded or closed; ours that should be in the bill are those with a refund id
 * accepted that day (acceptedAt, WeChat's create_time; createdAt for refunds from before it was kept).
 * A status that differs with the same amount — CLOSED after acceptance included — is a note for the
 * cashier, not a difference.
 */
async function matchRefunds(client: pg.Client, day: string, diffs: Difference[]): Promise<Sums> {
  const [from, to] = dayRange(day);
  const live = `(f."refundId" IS NOT NULL OR f."state" <> 'CLOSED')`;
  const sums = await client.query<{ count: string; fen: string | null }>(
    `SELECT count(*) AS count, sum(r.refund_fen) AS fen FROM bill_rows r JOIN "Refund" f ON f."outRefundNo" = r.out_refund_no AND ${live} WHERE r.refund AND f."amountFen" = r.refund_fen`,
  );
  const others = await client.query<RefundRow>(
    `SELECT r.out_trade_no, r.out_refund_no, r.refund_fen, r.refund_status, f."amountFen" AS our_fen, f."state"::text AS our_state, f."communityId" AS community_id
       FROM bill_rows r LEFT JOIN "Refund" f ON f."outRefundNo" = r.out_refund_no AND ${live}
      WHERE r.refund AND (f."id" IS NULL OR f."amountFen" <> r.refund_fen OR f."state"::text <> r.refund_status)`,
  );
  for (const r of others.rows) {
    const wechatFen = Number(r.refund_fen);
    const base = {
      outTradeNo: r.out_trade_no,
      outRefundNo: r.out_refund_no,
      communityId: r.community_id,
      wechatFen,
      ourFen: r.our_fen,
    };
    if (r.our_fen === null)
      diffs.push({
        ...base,
        kind: 'ONLY_WECHAT',
        detail: '微信账单有此笔退款，我方没有这笔退款（或微信未受理即已关闭）',
      });
    else if (r.our_fen !== wechatFen)
      diffs.push({
        ...base,
        kind: 'AMOUNT_MISMATCH',
        detail: `退款金额不符：微信 ${wechatFen} 分，我方 ${r.our_fen} 分`,
      });
    else
      diffs.push({
        ...base,
        kind: 'STATUS_NOTE',
        detail: `金额一致；微信账单中的退款状态为 ${r.refund_status || '（空）'}（出账时的状态，之后不再更新），我方现为 ${r.our_state}`,
      });
  }
  const missing = await client.query<{
    outRefundNo: string;
    amountFen: number;
    communityId: string;
    outTradeNo: string;
  }>(
    `SELECT f."outRefundNo", f."amountFen", f."communityId", o."outTradeNo" FROM "Refund" f JOIN "PayOrder" o ON o."id" = f."orderId"
      WHERE f."refundId" IS NOT NULL AND coalesce(f."acceptedAt", f."createdAt") >= $1 AND coalesce(f."acceptedAt", f."createdAt") < $2
        AND NOT EXISTS (SELECT 1 FROM bill_rows r WHERE r.refund AND r.out_refund_no = f."outRefundNo")`,
    [from, to],
  );
  for (const o of missing.rows)
    diffs.push({
      kind: 'ONLY_OURS',
      outTradeNo: o.outTradeNo,
      outRefundNo: o.outRefundNo,
      communityId: o.communityId,
      wechatFen: null,
      ourFen: o.amountFen,
      detail: '微信已受理我方这笔退款，微信当日账单却没有',
    });
  return { count: Number(sums.rows[0]!.count), fen: Number(sums.rows[0]!.fen ?? 0) };
}

/** Reads, stages and matches the bill on a connection of its own; nothing of it outlives a failure. */
async function matchDay(deps: Deps, pay: PayClient, day: string) {
  const client = await privateConnection(deps.config);
  try {
    await client.query('BEGIN');
    const summary = await stageBill(client, pay, day);
    const diffs: Difference[] = [];
    const { sums: payments, lost } = await matchPayments(client, day, diffs);
    const refunds = await matchRefunds(client, day, diffs);
    await client.query('COMMIT');
    return { summary, diffs, payments, refunds, lost };
  } finally {
    await client.end();
  }
}

/**
 * Reconciles one Beijing day against WeChat's trade bill. A bill that cannot be trusted (bad hash,
 * truncated, unknown column, summary off) stops the run: the error is recorded and the last good
 * result stays. Re-running a day is idempotent: the same differences are found again (one row each),
 * resolved ones keep their notes, ones that no longer exist and were never resolved are dropped.
 */
export async function reconcileDay(deps: Deps, day: string) {
  const pay = requirePay(deps.wechat.pay);
  await deps.db.reconcileRun.upsert({
    where: { day },
    create: { day, attempts: 1 },
    update: { attempts: { increment: 1 } },
  });
  let matched: Awaited<ReturnType<typeof matchDay>>;
  try {
    matched = await matchDay(deps, pay, day);
  } catch (err) {
    const message = err instanceof TradeBillError ? err.message : `账单获取失败：${(err as Error).message}`;
    await deps.db.reconcileRun.update({ where: { day }, data: { lastError: message, lastErrorAt: deps.clock.now() } });
    throw err;
  }
  const { summary, diffs, refunds, lost } = matched;
  const payments = { ...matched.payments };
  // The bill is trusted now: a payment WeChat took for an order of ours still open — or one we closed while
  // its payer was in the password step (docs/wechat.md §5 Query and close) — is a notify that never
  // reached us: WeChat's answer to a query is the truth, applied as the notify would have been.
  for (const o of lost) {
    const order = await deps.db.payOrder.findUniqueOrThrow({ where: { id: o.id } });
    const outcome = await syncOrder(deps, order, { close: false });
    const applied = outcome === 'applied' || outcome === 'duplicate';
    diffs.push({
      kind: 'ONLY_WECHAT',
      outTradeNo: o.outTradeNo,
      outRefundNo: null,
      communityId: o.communityId,
      wechatFen: o.fen,
      ourFen: order.amountFen,
      detail: '微信已收款，我方未收到支付通知',
      ...(applied ? { resolvedNote: '对账时已按微信记录补记为已支付' } : {}),
    });
    if (applied) {
      payments.count += 1;
      payments.fen += o.fen;
    }
  }
  const now = deps.clock.now();
  const found: string[] = [];
  await deps.db.$transaction(async (tx) => {
    found.length = 0; // a retried transaction starts over
    for (const d of diffs) {
      const inserted = await tx.$executeRaw`
        INSERT INTO "ReconcileDifference" ("id", "day", "kind", "outTradeNo", "outRefundNo", "communityId", "wechatFen", "ourFen", "detail", "createdAt", "resolvedAt", "note")
        VALUES (${randomUUID()}::uuid, ${day}, ${d.kind}::"ReconcileKind", ${d.outTradeNo}, ${d.outRefundNo}, ${d.communityId}::uuid, ${d.wechatFen}, ${d.ourFen}, ${d.detail}, ${now},
                ${d.resolvedNote ? now : null}, ${d.resolvedNote ?? null})
        ON CONFLICT ("day", "kind", "outTradeNo", "outRefundNo") DO NOTHING`;
      if (inserted > 0) found.push(d.kind);
    }
    const current = new Set(diffs.map((d) => `${d.kind}|${d.outTradeNo}|${d.outRefundNo ?? ''}`));
    const stale = (await tx.reconcileDifference.findMany({ where: { day, resolvedAt: null } })).filter(
      (d) => !current.has(`${d.kind}|${d.outTradeNo}|${d.outRefundNo ?? ''}`),
    );
    if (stale.length) await tx.reconcileDifference.deleteMany({ where: { id: { in: stale.map((d) => d.id) } } });
    await tx.reconcileRun.update({
      where: { day },
      data: {
        matchedCount: payments.count,
        matchedFen: BigInt(payments.fen),
        refundMatchedCount: refunds.count,
        refundMatchedFen: BigInt(refunds.fen),
        differenceCount: await tx.reconcileDifference.count({ where: { day, kind: { not: 'STATUS_NOTE' } } }),
        wechatFeeMilliFen: BigInt(summary.feeMilliFen),
        wechatRows: summary.rows,
        completedAt: now,
        lastError: null,
        lastErrorAt: null,
      },
    });
  });
  // Only differences new to this day: a re-run finds the same ones again and counts none of them.
  for (const kind of found) deps.metrics.reconcileDifferences.inc({ kind });
  return deps.db.reconcileRun.findUniqueOrThrow({
    where: { day },
    include: { differences: { orderBy: [{ kind: 'asc' }, { outTradeNo: 'asc' }] } },
  });
}
