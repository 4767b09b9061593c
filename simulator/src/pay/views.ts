import type { SimOrder, SimRefund } from './state.js';

/** WeChat writes times as RFC 3339 in Beijing time: 2026-11-23T10:34:56+08:00. */
export function rfc3339(ms: number): string {
  return `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

const STATE_DESC: Record<SimOrder['state'], string> = {
  NOTPAY: '订单未支付',
  USERPAYING: '用户支付中（输入密码）',
  SUCCESS: '支付成功',
  CLOSED: '订单已关闭',
  REFUND: '转入退款',
};

/**
 * An order as the query API and the payment notification show it. Before payment WeChat answers
 * without transaction_id, trade_type, bank_type, success_time and payer, and the amount has no
 * currency (captured live answers in public code: bff/src/wechat/samples/notpay-query.ts).
 */
export function transactionView(o: SimOrder) {
  const paid = o.state === 'SUCCESS' || o.state === 'REFUND';
  const base = {
    appid: o.appid,
    mchid: o.mchid,
    out_trade_no: o.outTradeNo,
    promotion_detail: [],
    scene_info: { device_id: '' },
    trade_state: o.state,
    trade_state_desc: STATE_DESC[o.state],
    ...(o.attach ? { attach: o.attach } : {}),
  };
  if (!paid) return { ...base, amount: { payer_currency: 'CNY', total: o.totalFen } };
  return {
    ...base,
    transaction_id: o.transactionId,
    trade_type: 'JSAPI',
    bank_type: 'OTHERS',
    success_time: o.successTime,
    payer: { openid: o.openid },
    amount: {
      total: o.totalFen,
      payer_total: o.totalFen - (o.couponFen ?? 0),
      currency: 'CNY',
      payer_currency: 'CNY',
    },
    promotion_detail: o.couponFen
      ? [
          {
            coupon_id: `${o.transactionId}01`,
            scope: 'SINGLE',
            type: 'NOCASH', // 免充值型: the merchant funds it (CASH is 充值型)
            amount: o.couponFen,
            wechatpay_contribute: 0,
            merchant_contribute: o.couponFen,
            other_contribute: 0,
            currency: 'CNY',
          },
        ]
      : [],
  };
}

/** The coupon on the refund's order, known to the refund only through its own share: kept on the refund. */
const payerCoupon = (r: SimRefund) => r.orderCouponFen ?? 0;

/** A refund as the refund API answers it: the shape of WeChat's documented answer (refund-view.test.ts). */
export function refundView(r: SimRefund) {
  return {
    refund_id: r.refundId,
    out_refund_no: r.outRefundNo,
    transaction_id: r.transactionId,
    out_trade_no: r.outTradeNo,
    channel: r.channel ?? 'ORIGINAL',
    user_received_account: r.account ?? '支付用户零钱',
    status: r.status,
    create_time: r.createTime,
    ...(r.successTime ? { success_time: r.successTime } : {}),
    // 资金账户: the refund came out of unsettled funds, as for an ordinary merchant by default
    funds_account: 'UNSETTLED',
    amount: {
      total: r.totalFen,
      refund: r.refundFen,
      payer_total: r.totalFen - payerCoupon(r),
      payer_refund: r.refundFen - r.couponRefundFen,
      // 应结退款金额 = 申请退款金额 − 非充值代金券退款金额; 应结订单金额 = 订单金额 − 免充值代金券金额
      settlement_refund: r.refundFen - r.couponRefundFen,
      settlement_total: r.totalFen - payerCoupon(r),
      discount_refund: r.couponRefundFen,
      currency: 'CNY',
    },
  };
}

/** A refund as its notification's decrypted resource carries it. */
export function refundNotifyView(r: SimRefund) {
  return {
    mchid: r.mchid,
    out_trade_no: r.outTradeNo,
    transaction_id: r.transactionId,
    out_refund_no: r.outRefundNo,
    refund_id: r.refundId,
    refund_status: r.status,
    ...(r.successTime ? { success_time: r.successTime } : {}),
    user_received_account: r.account ?? '支付用户零钱',
    amount: {
      total: r.totalFen,
      refund: r.refundFen,
      payer_total: r.totalFen - payerCoupon(r),
      payer_refund: r.refundFen - r.couponRefundFen,
    },
  };
}
