import type { PayOrder } from '@prisma/client';
import type { Deps } from '../deps.js';
import { requirePay } from '../wechat/pay-client.js';
import { applyTransaction, releaseOrder, type ApplyOutcome } from './apply-transaction.js';

/** WeChat's guidance: close an unpaid order only when it has expired, and never before it is 5 minutes old. */
const MIN_AGE_TO_CLOSE_MS = 5 * 60_000;

export type SyncOutcome = ApplyOutcome | 'pending' | 'closed';

/**
 * Asks WeChat about a pending order and applies the answer exactly as a notify would. An expired
 * unpaid order is closed at WeChat first and only then here (so a payment made in the last second is
 * never lost: closing a paid order fails with ORDERPAID and the payment is applied instead).
 */
export async function syncOrder(deps: Deps, order: PayOrder, opts: { close: boolean }): Promise<SyncOutcome> {
  if (order.state !== 'PENDING') return order.state === 'PAID' ? 'duplicate' : 'closed';
  const pay = requirePay(deps.wechat.pay);
  const t = await pay.query(order.outTradeNo);
  if (t && (t.trade_state === 'SUCCESS' || t.trade_state === 'REFUND')) return applyTransaction(deps, t);
  const now = deps.clock.now();
  const closable =
    opts.close && now >= order.expiresAt && now.getTime() - order.createdAt.getTime() >= MIN_AGE_TO_CLOSE_MS;
  if (!closable) return 'pending';
  if (
    t === null ||
    t.trade_state === 'CLOSED' ||
    t.trade_state === 'REVOKED' ||
    (await pay.close(order.outTradeNo)) === 'closed'
  ) {
    await releaseOrder(deps, order.id, t === null ? 'unknown at WeChat after expiry' : 'expired');
    return 'closed';
  }
  // ORDERPAID on close: paid in the meantime.
  const again = await pay.query(order.outTradeNo);
  return again ? applyTransaction(deps, again) : 'pending';
}
