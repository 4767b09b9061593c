/**
 * WeChat Pay's answer to 查询订单 for an order not paid yet, verbatim as captured from the live API and
 * kept in public code (a comment in a Java test of a WeChat Pay v3 client, found by its content; the same
 * shape appears captured in two other unrelated repositories). Note what is missing next to WeChat's
 * field table (https://pay.weixin.qq.com/doc/v3/merchant/4012556352): no transaction_id, trade_type,
 * bank_type, success_time or payer, and amount without currency (docs/wechat.md §5, Query and close).
 */
export const CAPTURED_NOTPAY_QUERY_ANSWER =
  '{"amount":{"payer_currency":"CNY","total":100},"appid":"wx5beac15ca207c40c","mchid":"1601644442","out_trade_no":"fRAv2Ccpd8GxNEpKAt36X0fdL7WYbn0F","promotion_detail":[],"scene_info":{"device_id":""},"trade_state":"NOTPAY","trade_state_desc":"订单未支付"}';
