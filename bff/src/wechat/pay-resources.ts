import { z } from 'zod';

/**
 * What WeChat Pay sends us as JSON, parsed rather than cast (docs/wechat.md §5). Objects are loose:
 * WeChat adds fields (promotion_detail, scene_info, …) without notice, and they are passed through.
 */

const ZTradeState = z.enum(['SUCCESS', 'REFUND', 'NOTPAY', 'CLOSED', 'REVOKED', 'USERPAYING', 'PAYERROR']);
const ZFen = z.number().int();

/**
 * An order as the query API answers it (商户订单号查询订单, https://pay.weixin.qq.com/doc/v3/merchant/4012556352):
 * only mchid, out_trade_no, trade_state and trade_state_desc are always there. An unpaid order comes
 * without transaction_id, trade_type, bank_type, success_time and payer, and its amount without
 * currency — see the captured answer in samples/notpay-query.ts. An answer missing what a credit needs
 * (appid, transaction_id, amount in CNY) is never credited (applyTransaction).
 */
export const ZTransaction = z.looseObject({
  appid: z.string().optional(),
  mchid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.string().optional(),
  trade_state: ZTradeState,
  success_time: z.string().optional(),
  payer: z.looseObject({ openid: z.string() }).optional(),
  amount: z.looseObject({ total: ZFen, payer_total: ZFen.optional(), currency: z.string().optional() }).optional(),
});
export type Transaction = z.infer<typeof ZTransaction>;

/**
 * The decrypted resource of a TRANSACTION.SUCCESS notification, with the fields WeChat's 支付成功回调通知
 * marks 必填 required (https://pay.weixin.qq.com/doc/v3/merchant/4012791861); attach, scene_info and
 * promotion_detail are 选填.
 */
export const ZPaymentResource = ZTransaction.extend({
  appid: z.string(),
  transaction_id: z.string().min(1),
  trade_type: z.string(),
  trade_state_desc: z.string(),
  bank_type: z.string(),
  attach: z.string().optional(),
  success_time: z.string().min(1),
  payer: z.looseObject({ openid: z.string() }),
  amount: z.looseObject({ total: ZFen, payer_total: ZFen, currency: z.string(), payer_currency: z.string() }),
});

/**
 * The decrypted resource of a REFUND.SUCCESS / REFUND.ABNORMAL / REFUND.CLOSED notification (WeChat
 * Pay's 退款结果通知; docs/wechat.md §5): success_time only on success.
 */
export const ZRefundResource = z.looseObject({
  mchid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.string(),
  out_refund_no: z.string(),
  refund_id: z.string(),
  refund_status: z.enum(['SUCCESS', 'CLOSED', 'ABNORMAL']),
  success_time: z.string().optional(),
  user_received_account: z.string(),
  amount: z.looseObject({ total: ZFen, refund: ZFen, payer_total: ZFen, payer_refund: ZFen }),
});

/** A refund as the refund API and its query answer it. */
export const ZRefundAnswer = z.looseObject({
  refund_id: z.string(),
  out_refund_no: z.string(),
  out_trade_no: z.string(),
  status: z.enum(['SUCCESS', 'CLOSED', 'PROCESSING', 'ABNORMAL']),
  /**
   * 退款渠道 and 退款入账账户 (必填 in 查询单笔退款, https://pay.weixin.qq.com/doc/v3/merchant/4013071041):
   * where the money went — 商户基本账户 / 商户结算银行账户 is the merchant's own (docs/wechat.md §5,
   * Refunds). Optional here so an answer without them is still read; then nothing says "merchant".
   */
  channel: z.string().optional(),
  user_received_account: z.string().optional(),
  /** 退款创建时间 (必填): when WeChat accepted the refund — the day of its trade-bill row. */
  create_time: z.string(),
  success_time: z.string().optional(),
  amount: z.looseObject({ refund: ZFen, total: ZFen }),
});
export type RefundAnswer = z.infer<typeof ZRefundAnswer>;
