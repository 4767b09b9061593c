import { describe, expect, it } from 'vitest';
import { ZPaymentResource, ZRefundAnswer, ZRefundResource, ZTransaction } from './pay-resources.js';
import { WECHAT_DOC_REFUND_QUERY_ANSWER } from './samples/refund-query.js';
import { CAPTURED_NOTPAY_QUERY_ANSWER } from './samples/notpay-query.js';
import { WECHAT_DOC_PAYMENT_RESOURCE } from './samples/payment-resource.js';
import { WECHAT_DOC_REFUND_RESOURCE } from './samples/refund-resource.js';

const docSample = () => JSON.parse(WECHAT_DOC_PAYMENT_RESOURCE) as Record<string, unknown>;

describe('ZPaymentResource', () => {
  it("reads WeChat's documented sample, keeping the fields it does not name (WeChat adds fields)", () => {
    const r = ZPaymentResource.parse(docSample());
    expect(r).toMatchObject({
      out_trade_no: '1217752501201407033233368018',
      transaction_id: '1217752501201407033233368018',
      trade_state: 'SUCCESS',
      success_time: '2018-06-08T10:34:56+08:00',
      amount: { total: 100, payer_total: 100, currency: 'CNY' },
    });
    expect(r.scene_info).toEqual({ device_id: '013467007045764' });
    expect(r.promotion_detail).toHaveLength(2);
  });

  it.each(['transaction_id', 'out_trade_no', 'success_time', 'trade_state', 'payer', 'amount'])(
    'refuses the sample without its required %s',
    (field) => {
      const sample = docSample();
      delete sample[field];
      const parsed = ZPaymentResource.safeParse(sample);
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues[0]!.path).toEqual([field]);
    },
  );

  it('refuses an amount in yuan (a string) rather than fen', () => {
    const sample = docSample();
    sample.amount = { ...(sample.amount as object), total: '1.00' };
    expect(ZPaymentResource.safeParse(sample).success).toBe(false);
  });
});

describe('ZTransaction (the query answer)', () => {
  it("reads WeChat's real answer for an unpaid order: no transaction id, trade type, payer or currency", () => {
    const t = ZTransaction.parse(JSON.parse(CAPTURED_NOTPAY_QUERY_ANSWER));
    expect(t).toMatchObject({ trade_state: 'NOTPAY', out_trade_no: 'fRAv2Ccpd8GxNEpKAt36X0fdL7WYbn0F' });
    expect(t.transaction_id).toBeUndefined();
    expect(t.amount?.currency).toBeUndefined();
  });
});

describe('ZRefundResource', () => {
  // WeChat's documented sample, verbatim (samples/refund-resource.ts)
  const refund = JSON.parse(WECHAT_DOC_REFUND_RESOURCE) as { success_time?: string; out_refund_no?: string } & Record<
    string,
    unknown
  >;

  it('reads a refund result, and one without success_time (closed or abnormal)', () => {
    expect(ZRefundResource.parse(refund).refund_status).toBe('SUCCESS');
    const { success_time: _, ...closed } = { ...refund, refund_status: 'CLOSED' };
    expect(ZRefundResource.parse(closed).success_time).toBeUndefined();
  });

  it('refuses one without its refund number or with a status WeChat does not send', () => {
    const { out_refund_no: _, ...missing } = refund;
    expect(ZRefundResource.safeParse(missing).success).toBe(false);
    expect(ZRefundResource.safeParse({ ...refund, refund_status: 'PROCESSING' }).success).toBe(false);
  });
});

describe('ZRefundAnswer (查询单笔退款)', () => {
  it("reads WeChat's documented answer (samples/refund-query.ts), keeping the fields it does not name", () => {
    const r = ZRefundAnswer.parse(JSON.parse(WECHAT_DOC_REFUND_QUERY_ANSWER));
    expect(r).toMatchObject({
      refund_id: '50000000382019052709732678859',
      out_refund_no: '1217752501201407033233368018',
      out_trade_no: '1217752501201407033233368018',
      status: 'SUCCESS',
      channel: 'ORIGINAL',
      user_received_account: '招商银行信用卡0403',
      create_time: '2020-12-01T16:18:12+08:00',
      success_time: '2020-12-01T16:18:12+08:00',
      amount: { total: 100, refund: 100, payer_refund: 90, settlement_refund: 100, currency: 'CNY' },
      funds_account: 'UNSETTLED',
    });
  });
});
