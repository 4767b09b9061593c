import type { Deps } from '../deps.js';
import type { Transaction } from '../wechat/pay-client.js';
import { flagIssue } from './issues.js';
import { settleJob } from './settle.js';

export type ApplyOutcome = 'applied' | 'duplicate' | 'not-paid' | 'mismatch' | 'unknown-order';

/** A settle job is asked to start on a boundary of this many ms of the database's clock … */
const SETTLE_SLOT_MS = 500;
/** … at least this long after the payment's crediting statement ran (its commit follows at once). */
const SETTLE_AFTER_MS = 100;

/** Per community, the latest start this process has asked a settle job for (epoch ms, database clock). */
const asked = new Map<string, number>();

/**
 * Asks for the community's settle job after a payment committed: a job that cannot start before
 * `fromMs` (the database's clock, given by the crediting statement), so it finds this payment
 * committed. A job this process already asked for that starts at or after `fromMs` does just as well,
 * so a burst of payments asks once per slot and community instead of once per payment (each ask is
 * an insert into the queue: about 1 ms of CPU between the two processes, which made a stream of
 * notifications a fifth slower). Another instance asking for the same slot finds the job there (its
 * key names the slot). If the ask fails, the minute sweeper settles the payment.
 */
async function askToSettle(deps: Deps, communityId: string, fromMs: number): Promise<void> {
  if ((asked.get(communityId) ?? 0) >= fromMs) return;
  asked.set(communityId, fromMs);
  try {
    await deps.jobs.send(settleJob, { communityId, fromMs }, { startAfter: new Date(fromMs) });
  } catch (err) {
    if (asked.get(communityId) === fromMs) asked.delete(communityId);
    deps.logger.warn({ err: (err as Error).message }, 'settle job not sent, the sweeper will');
  }
}

/**
 * The crediting statement of applyTransaction: $1 paid at (UTC ISO text — Prisma's timestamps are UTC
 * without a zone, and pg would send a Date in the process's zone), $2 WeChat's transaction id,
 * $3 out_trade_no, $4 amount in fen. It answers the order's community and when its settle job may start.
 */
export const CREDIT_STATEMENT = `
  WITH o AS (
    UPDATE "PayOrder" SET "state" = 'PAID', "paidAt" = $1, "transactionId" = $2
     WHERE "outTradeNo" = $3 AND "state" IN ('PENDING', 'CLOSED') AND "amountFen" = $4
    RETURNING "id", "communityId"),
  b AS (
    UPDATE "Bill" b SET "state" = 'PAID', "paidFen" = i."amountFen" + i."lateFeeFen", "paidAt" = $1, "lockedOrderId" = NULL
      FROM "PayOrderItem" i, o
     WHERE i."orderId" = o."id" AND b."id" = i."billId" AND ((b."state" = 'PAYING' AND b."lockedOrderId" = o."id") OR b."state" = 'UNPAID')
    RETURNING b."id", b."paidFen", o."id" AS "orderId", o."communityId"),
  l AS (
    INSERT INTO "LedgerEntry" ("communityId", "kind", "billId", "orderId", "amountFen", "at", "note")
    SELECT "communityId", 'WECHAT_PAYMENT', "id", "orderId", "paidFen", $1, $2 FROM b)
  SELECT "communityId"::text,
         (ceil((extract(epoch FROM clock_timestamp()) * 1000 + ${SETTLE_AFTER_MS}) / ${SETTLE_SLOT_MS}) * ${SETTLE_SLOT_MS})::float8 AS "settleFromMs"
    FROM o`;

/**
 * Why a paid transaction cannot be ours as it stands, before the amount is compared (the crediting
 * statement compares that): another merchant or app, no transaction id or amount, or an amount not
 * in CNY — our orders are placed in CNY (pay-client.ts), and a `total` of 100 in USD is not 100 fen.
 */
function mismatchOf(
  t: Transaction,
  pay: { mchid: string; appid: string },
): 'MERCHANT' | 'CURRENCY' | 'INCOMPLETE' | null {
  if (t.mchid !== pay.mchid || t.appid !== pay.appid) return 'MERCHANT';
  if (!t.transaction_id || !t.amount) return 'INCOMPLETE';
  if (t.amount.currency !== 'CNY') return 'CURRENCY';
  return null;
}

/**
 * The one state change a payment makes, whoever tells us (the notify, the query job, the page's
 * polling), as **one statement** (atomic, one round trip, prepared once per connection — db.ts): the
 * order moves to PAID with WeChat's transaction id (unique) only if it is still open and the
 * **amount** is ours; each bill it holds that is still its own (or freed but unpaid) becomes PAID;
 * the ledger records each. A duplicate finds the order PAID and changes nothing. What follows —
 * receipt number, the payer's push, an overpayment refund — is the settle job's, from the committed
 * PAID order (the order row is the outbox).
 */
export async function applyTransaction(deps: Deps, t: Transaction): Promise<ApplyOutcome> {
  if (t.trade_state !== 'SUCCESS' && t.trade_state !== 'REFUND') return 'not-paid';
  const pay = deps.config.pay!;
  const reason = mismatchOf(t, pay);
  if (!reason) {
    const paidAt = t.success_time ? new Date(t.success_time) : deps.clock.now();
    const {
      rows: [credited],
    } = await deps.sql.query<{ communityId: string; settleFromMs: number }>({
      name: 'apply-transaction',
      text: CREDIT_STATEMENT,
      values: [paidAt.toISOString(), t.transaction_id, t.out_trade_no, t.amount!.total],
    });
    if (credited) {
      await askToSettle(deps, credited.communityId, credited.settleFromMs);
      return 'applied';
    }
  }
  const order = await deps.db.payOrder.findUnique({ where: { outTradeNo: t.out_trade_no } });
  if (!order) return 'unknown-order';
  if (order.state === 'PAID') return 'duplicate';
  // Never credited: money that does not match what we asked for is for a person to look at.
  const why = reason ?? 'AMOUNT';
  deps.logger.error(
    {
      outTradeNo: order.outTradeNo,
      why,
      amount: t.amount?.total,
      currency: t.amount?.currency,
      expected: order.amountFen,
    },
    'payment does not match its order',
  );
  await flagIssue(deps, order.communityId, 'AMOUNT_MISMATCH', order.outTradeNo, {
    reason: why,
    expectedFen: order.amountFen,
    reportedFen: t.amount?.total ?? null,
    currency: t.amount?.currency ?? null,
    mchid: t.mchid,
    appid: t.appid,
    transactionId: t.transaction_id ?? null,
  });
  return 'mismatch';
}

/** An order that will never be paid (closed at WeChat, or refused by it): closed here and its bills freed. */
export async function releaseOrder(deps: Deps, orderId: string, why: string): Promise<boolean> {
  return deps.db.$transaction(async (tx) => {
    const closed = await tx.payOrder.updateMany({
      where: { id: orderId, state: 'PENDING' },
      data: { state: 'CLOSED', closedAt: deps.clock.now() },
    });
    if (closed.count === 0) return false;
    await tx.bill.updateMany({
      where: { lockedOrderId: orderId, state: 'PAYING' },
      data: { state: 'UNPAID', lockedOrderId: null },
    });
    deps.logger.info({ orderId, why }, 'pay order closed, bills unlocked');
    return true;
  });
}
