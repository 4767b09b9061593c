import Taro from '@tarojs/taro';
import { bff } from '../../session';
import type { RequestPaymentParams } from '../../api/types';

/** What the resident did in the pay sheet; only the BFF (notify or query) says whether money moved. */
export type PayAttempt = { orderId: string; outcome: 'paid' | 'cancelled' | 'confirming' };

async function paySheet(payment: RequestPaymentParams): Promise<'cancelled' | 'confirming'> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      // signType must be given: the client defaults to the old MD5 (docs/wechat.md §5).
      await Taro.requestPayment({ ...payment, signType: 'RSA' });
    } catch (err) {
      // "requestPayment:fail cancel": the resident closed the sheet, the order stays open.
      if (/cancel/.test((err as { errMsg?: string }).errMsg ?? '')) return 'cancelled';
    }
    // Success or an unknown failure: the client's callback is not proof; confirm with the BFF.
    return 'confirming';
  }
  if (!DEV_LOGIN) {
    await Taro.showToast({ title: '请在微信中打开小程序缴费', icon: 'none' });
    return 'cancelled';
  }
  // Development H5: the simulator's confirm page stands in for WeChat's pay sheet.
  window.open(
    `${SIM_BASE}/sim/pay/confirm?prepay_id=${encodeURIComponent(payment.package.replace(/^prepay_id=/, ''))}`,
    '_blank',
  );
  return 'confirming';
}

/** Creates (or resumes) the order for these bills and opens the pay sheet. */
export async function payBills(billIds: string[]): Promise<PayAttempt> {
  const { order, payment } = await bff.createPayOrder(billIds);
  if (!payment) return { orderId: order.id, outcome: order.state === 'PAID' ? 'paid' : 'confirming' };
  return { orderId: order.id, outcome: await paySheet(payment) };
}

/**
 * Asks our order until it is paid: each ask lets the BFF query WeChat when no notify has come, so
 * "已支付" shows within seconds of WeChat's success. Gives up quietly after `timeoutMs`.
 */
export async function waitUntilPaid(orderId: string, timeoutMs = 60_000, everyMs = 1500): Promise<boolean> {
  const deadline = Date.now() + timeoutMs; // elapsed time of this wait, not a time of day: a timer may read the device clock itself
  for (;;) {
    const order = await bff.payOrder(orderId).catch(() => null);
    if (order?.state === 'PAID') return true;
    if (order?.state === 'CLOSED' || Date.now() > deadline) return false; // elapsed time
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
