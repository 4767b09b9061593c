import { describe, expect, it } from 'vitest';
import { SimState } from '../state.js';
import type { SimOrder } from './state.js';
import { LATE_PAY_WINDOW_MS, payOrder } from './v3.js';

/**
 * A payer already in the password step when the merchant closed the order may complete it shortly after
 * the close (our defensive assumption, docs/wechat.md §5) — but never after the order's time_expire:
 * WeChat refuses any payment once an order has expired (JSAPI 下单, time_expire 订单失效时间).
 */
const T0 = Date.parse('2026-11-20T10:00:00+08:00');

function closedOrder(state: SimState, expiresInMs: number): SimOrder {
  const order: SimOrder = {
    mchid: 'm1',
    appid: 'wx1',
    outTradeNo: 'SJ1',
    description: '物业缴费-物业费',
    totalFen: 23171,
    openid: 'o1',
    notifyUrl: 'https://x/notify',
    timeExpire: new Date(T0 + expiresInMs).toISOString(),
    prepayId: 'wx1',
    fingerprint: '',
    state: 'CLOSED',
    refundedFen: 0,
    closedAt: T0,
  };
  state.pay.orders.set(order.outTradeNo, order);
  return order;
}
function at(state: SimState, ms: number) {
  state.clockOffsetMs = ms - Date.now();
}

describe('a payer in the password step when the order was closed', () => {
  it('completes within the window while the order has not expired', () => {
    const state = new SimState([]);
    const order = closedOrder(state, 15 * 60_000);
    at(state, T0 + LATE_PAY_WINDOW_MS - 1000);
    expect(payOrder(state, order, { enteredPasswordBeforeClose: true, notify: false })).toEqual({ ok: true });
    expect(order.state).toBe('SUCCESS');
  });

  it('is refused after time_expire, even within the window after the close', () => {
    const state = new SimState([]);
    const order = closedOrder(state, 20_000); // expires 20 s after the close
    at(state, T0 + 30_000);
    expect(payOrder(state, order, { enteredPasswordBeforeClose: true, notify: false })).toEqual({
      ok: false,
      reason: '订单已过期',
    });
    expect(order.state).toBe('CLOSED');
  });

  it('is refused after the window, and an order closed after it expired can never be paid', () => {
    const state = new SimState([]);
    const late = closedOrder(state, 15 * 60_000);
    at(state, T0 + LATE_PAY_WINDOW_MS + 1000);
    expect(payOrder(state, late, { enteredPasswordBeforeClose: true, notify: false }).ok).toBe(false);
    const expired = closedOrder(state, -60_000); // expired a minute before the close
    at(state, T0 + 1000);
    expect(payOrder(state, expired, { enteredPasswordBeforeClose: true, notify: false }).ok).toBe(false);
  });
});
