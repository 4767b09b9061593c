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
 * quote — WeChat writes the order description unquoted into 商品名称. The BFF's clock and the
 * simulator's are both set to 23:58 in Beijing and moved together across midnight.
 */
const D = addDays(beijingDay(new Date()), 1);
const clock = new ManualClock(atBeijing(D, 23 * 60 + 58));
const h = useHarness({ clock });
let owner: Actor;
let manager: Actor;
const paid: { id: string; amountFen: number }[] = [];
let refundNo: string;
const REFUND_FEN = 1000;

/** Moves both clocks: the BFF's and WeChat's. */
async function advance(ms: number) {
  clock.advance(ms);
  await h.sim('/sim/clock', { advanceMs: ms });
}

const run = (day: string) => manager.call('POST', '/api/staff/reconciliation/runs', { body: { day } });

beforeAll(async () => {
  const simNow = Date.parse((await h.sim('/sim/clock', { advanceMs: 0 })).now);
  await h.sim('/sim/clock', { advanceMs: clock.now().getTime() - simNow });
  await h.sim('/sim/pay/config', { feeRateBp: 54, refundDelayMs: 1500 });
  let site;
  ({ site, owner, manager } = await billedOwner(h, ['2026-01']));
  const odd = await addFeeItem(manager, site.community.id, {
    kind: 'ONE_OFF',
    name: '维修基金,补缴"',
    amountFen: 53_33,
  });
  await runBilling(manager, site.community.id, '2026-02', [odd.id]);
  for (const bill of await openBills(owner, site.units[0]!.id)) {
    const res = await owner.call('POST', '/api/pay/orders', { body: { billIds: [bill.id] } });
    expect(res.status).toBe(201);
    await h.sim('/sim/pay/pay', { outTradeNo: res.body.order.outTradeNo });
    await eventually(async () =>
      expect((await h.db.payOrder.findUniqueOrThrow({ where: { id: res.body.order.id } })).state).toBe('PAID'),
    );
    paid.push({ id: bill.id, amountFen: res.body.order.amountFen });
  }
  // Accepted at 23:59:30 on D; WeChat completes it after midnight.
  await advance(90_000);
  const refund = await manager.call('POST', `/api/staff/bills/${paid[0]!.id}/refunds`, {
    body: { amountFen: REFUND_FEN, reason: '多收退回' },
  });
  expect(refund.body).toMatchObject({ state: 'PROCESSING' });
  refundNo = refund.body.outRefundNo;
  await advance(60_000);
  await eventually(async () =>
    expect(await h.db.refund.findUniqueOrThrow({ where: { outRefundNo: refundNo } })).toMatchObject({
      state: 'SUCCESS',
    }),
  );
  const succeededAt = (await h.db.refund.findUniqueOrThrow({ where: { outRefundNo: refundNo } })).succeededAt!;
  expect(beijingDay(succeededAt)).toBe(addDays(D, 1));
  // The bills of D and D + 1 are there from 10:00 on D + 2 (WeChat's clock only: sessions stay as they are).
  await h.sim('/sim/clock', { advanceMs: 36 * 3600_000 });
});

describe("reconciling against WeChat's real bill", () => {
  it('D: payments and the refund accepted at 23:59 match, fees exact to 1/1000 fen, the PROCESSING status a note', async () => {
    const res = await run(D);
    expect({ status: res.status, message: res.body.message }).toEqual({ status: 200, message: undefined });
    expect(res.body).toMatchObject({
      matchedCount: paid.length,
      matchedFen: paid.reduce((s, p) => s + p.amountFen, 0),
      refundMatchedCount: 1,
      refundMatchedFen: REFUND_FEN,
      differenceCount: 0,
      wechatRows: paid.length + 1,
      wechatFeeMilliFen: paid.reduce((s, p) => s + fee(p.amountFen, 54), 0) - fee(REFUND_FEN, 54),
      lastError: null,
    });
    expect(res.body.differences).toEqual([
      expect.objectContaining({
        kind: 'STATUS_NOTE',
        outRefundNo: refundNo,
        wechatFen: REFUND_FEN,
        ourFen: REFUND_FEN,
        detail: expect.stringMatching(/PROCESSING.*SUCCESS/),
      }),
    ]);
  });

  it('D + 1: the refund that succeeded that day is not missing from its bill', async () => {
    const res = await run(addDays(D, 1));
    expect({ status: res.status, message: res.body.message }).toEqual({ status: 200, message: undefined });
    expect(res.body).toMatchObject({ matchedCount: 0, refundMatchedCount: 0, differenceCount: 0, wechatRows: 0 });
    expect(res.body.differences).toEqual([]);
  });
});
