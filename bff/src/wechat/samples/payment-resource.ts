/**
 * WeChat Pay's own sample of a decrypted payment notification resource, verbatim: the example under
 * 支付成功回调通知 (商户对resource对象进行解密后，得到的资源对象示例),
 * https://pay.weixin.qq.com/doc/v3/merchant/4012791861 (earlier https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter3_5_5.shtml).
 * The text was taken from a verbatim copy of that example in w7corp/easywechat,
 * tests/Kernel/Support/AesGcmTest.php (commit fead6ac1f380dcb98334d42b3972774f99432a85, minified there), because our stored copy of WeChat's page ends before it
 * (docs/wechat.md §5, Samples). Its trade_type MICROPAY and promotion_detail are WeChat's, not ours.
 */
export const WECHAT_DOC_PAYMENT_RESOURCE =
  '{"transaction_id":"1217752501201407033233368018","amount":{"payer_total":100,"total":100,"currency":"CNY","payer_currency":"CNY"},"mchid":"1230000109","trade_state":"SUCCESS","bank_type":"CMC","promotion_detail":[{"amount":100,"wechatpay_contribute":0,"coupon_id":"109519","scope":"GLOBAL","merchant_contribute":0,"name":"单品惠-6","other_contribute":0,"currency":"CNY","stock_id":"931386","goods_detail":[{"goods_remark":"商品备注信息","quantity":1,"discount_amount":1,"goods_id":"M1006","unit_price":100},{"goods_remark":"商品备注信息","quantity":1,"discount_amount":1,"goods_id":"M1006","unit_price":100}]},{"amount":100,"wechatpay_contribute":0,"coupon_id":"109519","scope":"GLOBAL","merchant_contribute":0,"name":"单品惠-6","other_contribute":0,"currency":"CNY","stock_id":"931386","goods_detail":[{"goods_remark":"商品备注信息","quantity":1,"discount_amount":1,"goods_id":"M1006","unit_price":100},{"goods_remark":"商品备注信息","quantity":1,"discount_amount":1,"goods_id":"M1006","unit_price":100}]}],"success_time":"2018-06-08T10:34:56+08:00","payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},"out_trade_no":"1217752501201407033233368018","appid":"wxd678efh567hg6787","trade_state_desc":"支付成功","trade_type":"MICROPAY","attach":"自定义数据","scene_info":{"device_id":"013467007045764"}}';
