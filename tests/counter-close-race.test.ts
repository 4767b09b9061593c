import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';
import { useHarness } from './support/use-harness.js';
import { staff, type Actor } from './support/actors.js';
import { billedOwner, eventually, openBills } from './support/factories/index.js';

/**
 * The counter's pending-order check, level 2 (bff/src/fees/counter-payments.ts, takeCounterPayment):
 * paying by amount, the bills locked in the transaction must be exactly the ones checked before it —
 * those whose WeChat orders it closed. While the desk was closing the resident's first order at WeChat,
 * the resident put the next bill into a different WeChat order and paid it: by amount the transaction
 * would now choose a bill nobody checked, so the payment is refused and nothing is taken; a bill put into
 * a different pending order meanwhile is refused as in payment. The interleaving is made by wrapping the
 * WeChat Pay client's close (the desk's step between its check and its transaction), never the DB.
 * Removing either check in takeCounterPayment makes its test take the money (201).
 */
const clock = new ManualClock(atBeijing('2026-11-20', 10 * 60)); // a fixed instant, not today
const h = useHarness({ clock, worker: true });
let A: Awaited<ReturnType<typeof billedOwner>>['site'];
let owner: Actor;
let cashier: Actor;

beforeAll(async () => {
  ({ site: A, owner } = await billedOwner(h, ['2026-05', '2026-06', '2026-07']));
  cashier = await staff(h, 'CASHIER', { id: A.community.id, companyId: A.companyId });
});

describe('the bills the counter locks are those it checked', () => {
  it('a bill put into a different WeChat order and paid while the desk closed the first: refused, nothing taken', async () => {
    const [may, june, july] = await openBills(owner, A.units[0]!.id);
    const first = await owner.call('POST', '/api/pay/orders', { body: { billIds: [may!.id] } });
    expect(first.status).toBe(201);

    const pay = h.deps.wechat.pay!;
    const close = pay.close.bind(pay);
    let second: { id: string; outTradeNo: string } | undefined;
    pay.close = async (outTradeNo) => {
      // meanwhile, in the app: June in an order of its own, paid at WeChat and credited
      const res = await owner.call('POST', '/api/pay/orders', { body: { billIds: [june!.id] } });
      expect(res.status).toBe(201);
      second = res.body.order;
      await h.sim('/sim/pay/pay', { outTradeNo: second!.outTradeNo });
      await eventually(async () =>
        expect((await h.db.bill.findUniqueOrThrow({ where: { id: june!.id } })).state).toBe('PAID'),
      );
      return close(outTradeNo);
    };
    let refused;
    try {
      // May and June by amount: May's order is closed first, June was unpaid when checked
      refused = await cashier.call('POST', `/api/staff/communities/${A.community.id}/counter-payments`, {
        body: { unitId: A.units[0]!.id, channel: 'CASH', amountFen: may!.amountFen + june!.amountFen },
      });
    } finally {
      pay.close = close;
    }
    expect(second).toBeDefined();
    expect([refused.status, refused.body.code, refused.body.message]).toEqual([
      409,
      'BILLS_NOT_PAYABLE',
      '账单在收款过程中有变动，请刷新后重新收款',
    ]);
    // by amount the transaction would have taken May and July: July was never checked, nothing is taken
    expect(await h.db.bill.findUniqueOrThrow({ where: { id: july!.id } })).toMatchObject({ state: 'UNPAID' });
    expect(await h.db.counterPayment.count({ where: { unitId: A.units[0]!.id } })).toBe(0);
    // May's order was closed at WeChat and its bill freed; June stays paid by WeChat, once
    expect(await h.db.payOrder.findUniqueOrThrow({ where: { id: first.body.order.id } })).toMatchObject({
      state: 'CLOSED',
    });
    expect(await h.db.bill.findUniqueOrThrow({ where: { id: may!.id } })).toMatchObject({
      state: 'UNPAID',
      lockedOrderId: null,
    });
    expect(await h.db.ledgerEntry.findMany({ where: { billId: june!.id } })).toMatchObject([
      { kind: 'WECHAT_PAYMENT', orderId: second!.id },
    ]);
  });

  it('a bill put into a different pending WeChat order while the desk closed the first: refused, that order left as it is', async () => {
    const b = await billedOwner(h, ['2026-05', '2026-06']);
    const desk = await staff(h, 'CASHIER', { id: b.site.community.id, companyId: b.site.companyId });
    const [may, june] = await openBills(b.owner, b.site.units[0]!.id);
    expect((await b.owner.call('POST', '/api/pay/orders', { body: { billIds: [may!.id] } })).status).toBe(201);
    const pay = h.deps.wechat.pay!;
    const close = pay.close.bind(pay);
    let second: { id: string } | undefined;
    pay.close = async (outTradeNo) => {
      second = (await b.owner.call('POST', '/api/pay/orders', { body: { billIds: [june!.id] } })).body.order;
      return close(outTradeNo);
    };
    let refused;
    try {
      refused = await desk.call('POST', `/api/staff/communities/${b.site.community.id}/counter-payments`, {
        body: { unitId: b.site.units[0]!.id, channel: 'CASH', amountFen: may!.amountFen + june!.amountFen },
      });
    } finally {
      pay.close = close;
    }
    expect([refused.status, refused.body.code]).toEqual([409, 'BILLS_IN_PAYMENT']);
    // the desk never checked June's order: it is still the resident's to pay, and nothing was taken
    expect(await h.db.payOrder.findUniqueOrThrow({ where: { id: second!.id } })).toMatchObject({ state: 'PENDING' });
    expect(await h.db.bill.findUniqueOrThrow({ where: { id: june!.id } })).toMatchObject({
      state: 'PAYING',
      lockedOrderId: second!.id,
    });
    expect(await h.db.counterPayment.count({ where: { unitId: b.site.units[0]!.id } })).toBe(0);
  });
});
