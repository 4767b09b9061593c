/**
 * WeChat Pay's sample answer to 查询单笔退款（通过商户退款单号）, GET /v3/refund/domestic/refunds/{out_refund_no}
 * (https://pay.weixin.qq.com/docs/merchant/apis/refund/refunds/query-by-out-refund-no.html, now
 * https://pay.weixin.qq.com/doc/v3/merchant/4012556562; earlier
 * https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter3_3_10.shtml), verbatim as public code keeps it:
 * gunsluo/wechatpay-go, refund_query_test.go (mockDataWithQueryRefund) and client_test.go, the mock
 * answer for GET /v3/refund/domestic/refunds/1217752501201407033233368018. Our stored copies of WeChat's
 * page end before its 应答示例, so the text is taken from that code; its values are the page's example
 * values (refund_id 50000000382019052709732678859, 招商银行信用卡0403, the amounts). The page's current
 * sample also shows amount.from and amount.refund_fee, which this older copy does not (docs/wechat.md §5,
 * Refunds).
 */
export const WECHAT_DOC_REFUND_QUERY_ANSWER = `{"refund_id":"50000000382019052709732678859","out_refund_no":"1217752501201407033233368018","transaction_id":"1217752501201407033233368018","out_trade_no":"1217752501201407033233368018","channel":"ORIGINAL","user_received_account":"招商银行信用卡0403","success_time":"2020-12-01T16:18:12+08:00","create_time":"2020-12-01T16:18:12+08:00","status":"SUCCESS","funds_account":"UNSETTLED","amount":{"total":100,"refund":100,"payer_total":90,"payer_refund":90,"settlement_refund":100,"settlement_total":100,"discount_refund":10,"currency":"CNY"},"promotion_detail":[{"promotion_id":"109519","scope":"SINGLE","type":"DISCOUNT","amount":5,"refund_amount":100,"goods_detail":[{"merchant_goods_id":"1217752501201407033233368018","wechatpay_goods_id":"1001","goods_name":"iPhone6s 16G","unit_price":528800,"refund_amount":528800,"refund_quantity":1}]}]}`;
