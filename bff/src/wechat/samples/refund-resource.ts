/**
 * WeChat Pay's own sample of a decrypted refund notification resource (退款结果通知, the resource of
 * REFUND.SUCCESS / REFUND.ABNORMAL / REFUND.CLOSED), verbatim as WeChat's page prints it:
 * https://pay.weixin.qq.com/doc/v3/merchant/4012082053 (earlier
 * https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter3_5_11.shtml). The text was taken from a
 * verbatim copy of that example in aipper/wx, src/main/kotlin/com/ab/wx/wx_lib/vo/pay/H5RefundsDecodeVo.kt
 * (a comment there), because our stored copy of WeChat's page ends before it. The same file quotes a
 * production resource of the same shape (mchid 1638537256, refund_status SUCCESS, user_received_account
 * 交通银行信用卡9558, amount {total, refund, payer_total, payer_refund}) (docs/wechat.md §5, Refunds).
 */
export const WECHAT_DOC_REFUND_RESOURCE = `{
    "mchid": "1900000100",
    "transaction_id": "1008450740201411110005820873",
    "out_trade_no": "20150806125346",
    "refund_id": "50200207182018070300011301001",
    "out_refund_no": "7752501201407033233368018",
    "refund_status": "SUCCESS",
    "success_time": "2018-06-08T10:34:56+08:00",
    "user_received_account": "招商银行信用卡0403",
    "amount" : {
        "total": 999,
        "refund": 999,
        "payer_total": 999,
        "payer_refund": 999
    }
}`;
