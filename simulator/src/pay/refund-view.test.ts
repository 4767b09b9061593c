import { describe, expect, it } from 'vitest';
import type { SimRefund } from './state.js';
import { refundView } from './views.js';
// WeChat's documented answer, kept verbatim beside the BFF's other WeChat samples (data only).
import { WECHAT_DOC_REFUND_QUERY_ANSWER } from '../../../bff/src/wechat/samples/refund-query.js';

/**
 * The simulator answers 查询单笔退款 in WeChat's shape: the keys of WeChat's documented answer, each of
 * the same type (docs/wechat.md §5, Refunds). `promotion_detail` is left out: WeChat gives it only for
 * an order paid with a promotion (选填), which the BFF never reads.
 */
type Shape = string | { [key: string]: Shape } | Shape[];
function shape(v: unknown): Shape {
  if (Array.isArray(v)) return v.length ? [shape(v[0])] : [];
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape(x)]));
  return typeof v;
}

const refund = (over: Partial<SimRefund> = {}): SimRefund => ({
  mchid: 'm1',
  outTradeNo: 'SJ1',
  transactionId: '4200000001',
  outRefundNo: 'RFSJ1',
  refundId: '5030000001',
  refundFen: 1000,
  couponRefundFen: 0,
  totalFen: 23171,
  status: 'SUCCESS',
  createTime: '2026-11-20T10:00:00+08:00',
  successTime: '2026-11-20T10:00:05+08:00',
  ...over,
});

describe("the simulator's refund answer", () => {
  const { promotion_detail: _, ...doc } = JSON.parse(WECHAT_DOC_REFUND_QUERY_ANSWER) as Record<string, unknown>;

  it("has the keys and types of WeChat's documented answer", () => {
    expect(shape(refundView(refund()))).toEqual(shape(doc));
  });

  it('without success_time while PROCESSING, as WeChat (选填: only when SUCCESS)', () => {
    const { success_time: __, ...processing } = doc;
    expect(shape(refundView(refund({ status: 'PROCESSING', successTime: undefined })))).toEqual(shape(processing));
  });
});
