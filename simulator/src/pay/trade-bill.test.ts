import { describe, expect, it } from 'vitest';
import { PayState, type SimOrder, type SimRefund } from './state.js';
import { fee, feeYuan, noBillFaults, tradeBill } from './trade-bill.js';

/** The simulator's trade bill is WeChat's (docs/wechat.md §5), not ours: five-decimal fees, CRLF, refunds by acceptance. */
const order = (no: string, totalFen: number, successTime: string): SimOrder => ({
  mchid: 'm1',
  appid: 'wx1',
  outTradeNo: no,
  description: '物业缴费-物业费',
  totalFen,
  openid: 'o1',
  notifyUrl: 'https://x/notify',
  timeExpire: '2026-11-30T00:00:00+08:00',
  prepayId: `wx${no}`,
  fingerprint: '',
  state: 'SUCCESS',
  transactionId: `4200${no}`,
  successTime,
  refundedFen: 0,
});
const refund = (no: string, refundFen: number, createTime: string, successTime?: string): SimRefund => ({
  mchid: 'm1',
  outTradeNo: no,
  transactionId: `4200${no}`,
  outRefundNo: `RF${no}`,
  refundId: `5030${no}`,
  refundFen,
  couponRefundFen: 0,
  totalFen: 5333,
  status: successTime ? 'SUCCESS' : 'PROCESSING',
  createTime,
  ...(successTime ? { successTime } : {}),
});

function bill(rateBp: number) {
  const pay = new PayState();
  pay.orders.set('A', order('A', 5333, '2026-11-28T10:00:00+08:00'));
  pay.orders.set('B', order('B', 100, '2026-11-28T11:00:00+08:00'));
  pay.refunds.set('RFA', refund('A', 4500, '2026-11-28T23:59:30+08:00', '2026-11-29T00:00:20+08:00'));
  pay.refunds.set('RFB', refund('B', 100, '2026-11-28T12:00:00+08:00'));
  return tradeBill(pay, 'm1', '2026-11-28', 'ALL', noBillFaults(), rateBp).content;
}

describe("the simulator's trade bill", () => {
  it('rounds fees half up to the fen at the configured rate and writes them with five decimals', () => {
    expect(fee(5333, 60)).toBe(32_000); // ¥0.31998 → ¥0.32
    expect(fee(5333, 54)).toBe(29_000); // ¥0.287982 → ¥0.29
    expect(fee(-4500, 60)).toBe(-27_000);
    expect(fee(100, 60)).toBe(1000); // ¥0.006 → ¥0.01
    expect(fee(1, 60)).toBe(0);
    expect([feeYuan(32_000), feeYuan(-27_000), feeYuan(600), feeYuan(433_000), feeYuan(0)]).toEqual([
      '0.32000',
      '-0.27000',
      '0.00600',
      '4.33000',
      '0.00000',
    ]);
  });

  it('writes CRLF lines, fee and rate per row, refunds dated by acceptance with their status at the cut', () => {
    const text = bill(54);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n').every((l) => !l.includes('\n'))).toBe(true);
    const lines = text.split('\r\n').filter(Boolean);
    const rows = lines.slice(1, -2).map((l) => l.split(','));
    expect(rows.map((r) => [r[0], r[9], r[15], r[19], r[22], r[23]])).toEqual([
      ['`2026-11-28 10:00:00', '`SUCCESS', '`0', '`', '`0.29000', '`0.54%'],
      ['`2026-11-28 11:00:00', '`SUCCESS', '`0', '`', '`0.01000', '`0.54%'],
      // accepted at 23:59:30, succeeded after midnight: on this day's bill, PROCESSING, for good
      ['`2026-11-28 23:59:30', '`REFUND', '`RFA', '`PROCESSING', '`-0.24000', '`0.54%'],
      ['`2026-11-28 12:00:00', '`REFUND', '`RFB', '`PROCESSING', '`-0.01000', '`0.54%'],
    ]);
    expect(lines.at(-1)).toBe('`4,`54.33,`46.00,`0.00,`0.05000,`54.33,`46.00');
  });

  it("settles a payment with a 免充值 coupon net of it, and refunds 申请退款金额 less the coupon's share", () => {
    const pay = new PayState();
    pay.orders.set('A', { ...order('A', 5333, '2026-11-28T10:00:00+08:00'), couponFen: 500 });
    pay.refunds.set('RFA', { ...refund('A', 1000, '2026-11-28T12:00:00+08:00'), couponRefundFen: 93 });
    const lines = tradeBill(pay, 'm1', '2026-11-28', 'ALL', noBillFaults()).content.split('\r\n').filter(Boolean);
    const rows = lines.slice(1, -2).map((l) => l.split(','));
    // 应结订单金额, 代金券金额, 退款金额, 充值券退款金额, 手续费, 订单金额, 申请退款金额
    expect(rows.map((r) => [12, 13, 16, 17, 22, 24, 25].map((i) => r[i]))).toEqual([
      ['`48.33', '`5.00', '`0.00', '`0.00', '`0.29000', '`53.33', '`0.00'],
      ['`0.00', '`0.00', '`9.07', '`0.00', '`-0.05000', '`0.00', '`10.00'],
    ]);
    expect(lines.at(-1)).toBe('`2,`48.33,`9.07,`0.00,`0.24000,`53.33,`10.00');
  });

  it('writes a refund that closed or went abnormal with its status when the bill was cut: PROCESSING if that came later', () => {
    const pay = new PayState();
    pay.orders.set('A', order('A', 5333, '2026-11-28T10:00:00+08:00'));
    const ended = (no: string, status: 'CLOSED' | 'ABNORMAL', closeTime: string): SimRefund => ({
      ...refund('A', 100, '2026-11-28T12:00:00+08:00'),
      outRefundNo: `RF${no}`,
      status,
      closeTime,
    });
    pay.refunds.set('RF1', ended('1', 'CLOSED', '2026-11-29T09:00:00+08:00'));
    pay.refunds.set('RF2', ended('2', 'ABNORMAL', '2026-11-30T09:00:00+08:00'));
    pay.refunds.set('RF3', ended('3', 'CLOSED', '2026-11-28T18:00:00+08:00'));
    const rows = tradeBill(pay, 'm1', '2026-11-28', 'ALL', noBillFaults())
      .content.split('\r\n')
      .filter(Boolean)
      .slice(1, -2)
      .map((l) => l.split(','));
    expect(rows.filter((r) => r[9] === '`REFUND').map((r) => [r[15], r[19]])).toEqual([
      ['`RF1', '`PROCESSING'],
      ['`RF2', '`PROCESSING'],
      ['`RF3', '`CLOSED'],
    ]);
  });

  it("leaves a refund accepted the day before out of the next day's bill, whenever it succeeded", () => {
    const pay = new PayState();
    pay.orders.set('A', order('A', 5333, '2026-11-28T10:00:00+08:00'));
    pay.refunds.set('RFA', refund('A', 4500, '2026-11-28T23:59:30+08:00', '2026-11-29T00:00:20+08:00'));
    const next = tradeBill(pay, 'm1', '2026-11-29', 'ALL', noBillFaults()).content;
    expect(next.split('\r\n').filter(Boolean)).toHaveLength(3); // header, summary header, zero totals
  });
});
