import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../bff/src/clock.js';
import { addDays, atBeijing, beijingDay } from '../bff/src/beijing.js';
import { fee } from '../simulator/src/pay/trade-bill.js';
import { useHarness } from './support/use-harness.js';
import type { Actor } from './support/actors.js';
import { addFeeItem, billedOwner, eventually, openBills, runBilling } from './support/factories/index.js';

/**
 * 对账 against the trade bill as WeChat really writes it (docs/wechat.md §5): fees with five decimals at
 * the merchant's rate, a refund dated by when it was accepted with its status when the bill was cut
 * (PROCESSING for one that succeeded after midnight), and a fee item whose name has a comma and a
 * quote — WeChat writes the order description unquoted into 商品名称 — and an order paid with a 免充值
 * (merchant-funded) coupon, whose refund row's 退款金额 is less than what we asked; a refund WeChat accepted
 * and closed after midnight (in the bill, PROCESSING); and one we recorded before midnight that WeChat
 * accepted after it (in the next day's bill). The BFF's clock and the
 * simulator's are both set to 23:58 in Beijing and moved together across midnight.
 */
const D = addDays(beijingDay(new Date()), 1);
const clock = new ManualClock(atBeijing(D, 23 * 60 + 58));
const h = useHarness({ clock });
let owner: Actor;
let manager: Actor;
const paid: { id: string; amountFen: number; couponFen: number }[] = [];
let refundNo: string;
let couponRefundNo: string;
let closedRefundNo: string;
let lateRefundNo: string;
const REFUND_FEN = 1000;
const COUPON_FEN = 500;
const CLOSED_FEN = 300;
const LATE_FEN = 500;

/** Moves both clocks: the BFF's and WeChat's. */
async function advance(ms: number) {
  clock.advance(ms);
  await h.sim('/sim/clock', { advanceMs: ms });
}

const run = (day: string) => manager.call('POST', '/api/staff/reconciliation/runs', { body: { day } });

beforeAll(async () => {
  const simNow = Date.parse((await h.sim('/sim/clock', { advanceMs: 0 })).now);
  await h.sim('/sim/clock', { advanceMs: clock.now().getTime() - simNow });
  await h.sim('/sim/pay/config', { feeRateBp: 54, refundDelayMs: 3000 });
  let site;
  ({ site, owner, manager } = await billedOwner(h, ['2026-01']));
  const odd = await addFeeItem(manager, site.community.id, {
    kind: 'ONE_OFF',
    name: '维修基金,补缴"',
    amountFen: 53_33,
  });
  await runBilling(manager, site.community.id, '2026-02', [odd.id]);
  for (const [i, bill] of (await openBills(owner, site.units[0]!.id)).entries()) {
    const res = await owner.call('POST', '/api/pay/orders', { body: { billIds: [bill.id] } });
    expect(res.status).toBe(201);
    // The second is paid with a 免充值 coupon: WeChat settles it net of the coupon.
    const couponFen = i === 1 ? COUPON_FEN : 0;
    await h.sim('/sim/pay/pay', { outTradeNo: res.body.order.outTradeNo, ...(couponFen ? { couponFen } : {}) });
    await eventually(async () =>
      expect((await h.db.payOrder.findUniqueOrThrow({ where: { id: res.body.order.id } })).state).toBe('PAID'),
    );
    paid.push({ id: bill.id, amountFen: res.body.order.amountFen, couponFen });
  }
  expect(paid).toHaveLength(2);
  // Accepted at 23:59:30 on D; WeChat completes it after midnight.
  await advance(90_000);
  const refund = await manager.call('POST', `/api/staff/bills/${paid[0]!.id}/refunds`, {
    body: { amountFen: REFUND_FEN, reason: '多收退回' },
  });
  expect(refund.body).toMatchObject({ state: 'PROCESSING' });
  refundNo = refund.body.outRefundNo;
  const couponRefund = await manager.call('POST', `/api/staff/bills/${paid[1]!.id}/refunds`, {
    body: { amountFen: REFUND_FEN, reason: '多收退回' },
  });
  expect(couponRefund.body).toMatchObject({ state: 'PROCESSING' });
  couponRefundNo = couponRefund.body.outRefundNo;
  // Accepted at 23:59:30 on D, closed by WeChat after midnight: in D's bill all the same, PROCESSING.
  await h.sim('/sim/pay/faults', { refundOutcomes: ['CLOSED'] });
  const closing = await manager.call('POST', `/api/staff/bills/${paid[0]!.id}/refunds`, {
    body: { amountFen: CLOSED_FEN, reason: '多收退回' },
  });
  expect(closing.body).toMatchObject({ state: 'PROCESSING' });
  closedRefundNo = closing.body.outRefundNo;
  // Recorded by us at 23:59:30 on D, accepted by WeChat (its clock 40 s ahead) at 00:00:10 on D + 1.
  await h.sim('/sim/clock', { advanceMs: 40_000 });
  const late = await manager.call('POST', `/api/staff/bills/${paid[1]!.id}/refunds`, {
    body: { amountFen: LATE_FEN, reason: '多收退回' },
  });
  expect(late.body).toMatchObject({ state: 'PROCESSING' });
  lateRefundNo = late.body.outRefundNo;
  await advance(60_000);
  for (const [no, state] of [
    [refundNo, 'SUCCESS'],
    [couponRefundNo, 'SUCCESS'],
    [closedRefundNo, 'CLOSED'],
    [lateRefundNo, 'SUCCESS'],
  ] as const)
    await eventually(async () =>
      expect(await h.db.refund.findUniqueOrThrow({ where: { outRefundNo: no } })).toMatchObject({ state }),
    );
  const lateOne = await h.db.refund.findUniqueOrThrow({ where: { outRefundNo: lateRefundNo } });
  expect([beijingDay(lateOne.createdAt), beijingDay(lateOne.acceptedAt!)]).toEqual([D, addDays(D, 1)]);
  const succeededAt = (await h.db.refund.findUniqueOrThrow({ where: { outRefundNo: refundNo } })).succeededAt!;
  expect(beijingDay(succeededAt)).toBe(addDays(D, 1));
  // The bills of D and D + 1 are there from 10:00 on D + 2 (WeChat's clock only: sessions stay as they are).
  await h.sim('/sim/clock', { advanceMs: 36 * 3600_000 });
});

describe("reconciling against WeChat's real bill", () => {
  it('D: payments and the refunds accepted at 23:59 match (by 申请退款金额 on the coupon order, the closed one too), fees exact to 1/1000 fen, the PROCESSING statuses notes', async () => {
    const res = await run(D);
    // WeChat's 退款金额 on the coupon order is less than ours: the coupon's share is not paid back.
    const couponShare = Math.floor((REFUND_FEN * COUPON_FEN) / paid[1]!.amountFen);
    expect({ status: res.status, message: res.body.message }).toEqual({ status: 200, message: undefined });
    expect(res.body).toMatchObject({
      matchedCount: paid.length,
      matchedFen: paid.reduce((s, p) => s + p.amountFen, 0),
      refundMatchedCount: 3,
      refundMatchedFen: 2 * REFUND_FEN + CLOSED_FEN,
      differenceCount: 0,
      wechatRows: paid.length + 3,
      wechatFeeMilliFen:
        paid.reduce((s, p) => s + fee(p.amountFen - p.couponFen, 54), 0) -
        fee(REFUND_FEN, 54) -
        fee(REFUND_FEN - couponShare, 54) -
        fee(CLOSED_FEN, 54),
      lastError: null,
    });
    expect(res.body.differences).toEqual(
      expect.arrayContaining(
        [refundNo, couponRefundNo].map((no) =>
          expect.objectContaining({
            kind: 'STATUS_NOTE',
            outRefundNo: no,
            wechatFen: REFUND_FEN,
            ourFen: REFUND_FEN,
            detail: expect.stringMatching(/PROCESSING.*SUCCESS/),
          }),
        ),
      ),
    );
    expect(res.body.differences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'STATUS_NOTE',
          outRefundNo: closedRefundNo,
          wechatFen: CLOSED_FEN,
          ourFen: CLOSED_FEN,
          detail: expect.stringMatching(/PROCESSING.*CLOSED/),
        }),
      ]),
    );
    expect(res.body.differences).toHaveLength(3);
  });

  it('D + 1: the refunds that succeeded or closed that day are not missing from its bill; the one accepted that day matches', async () => {
    const res = await run(addDays(D, 1));
    expect({ status: res.status, message: res.body.message }).toEqual({ status: 200, message: undefined });
    expect(res.body).toMatchObject({
      matchedCount: 0,
      refundMatchedCount: 1,
      refundMatchedFen: LATE_FEN,
      differenceCount: 0,
      wechatRows: 1,
    });
    expect(res.body.differences).toEqual([]);
  });
});
