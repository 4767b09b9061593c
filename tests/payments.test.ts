import { beforeAll, describe, expect, it } from 'vitest';
import { queryAbnormalRefundsJob, queryRefundJob } from '../bff/src/pay/refunds.js';
import { queryOrderJob } from '../bff/src/pay/sync-order.js';
import { beijingYear } from '../bff/src/beijing.js';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import {
  addFeeItem,
  deliverUnits,
  eventually,
  makeCommunity,
  monthsFromNow,
  openBills,
  runBilling,
} from './support/factories/index.js';

/** Fees and WeChat Pay end to end: the BFF, its worker and the simulator's WeChat Pay (docs/wechat.md §5). */
const h = useHarness({ worker: true });
let A: Awaited<ReturnType<typeof makeCommunity>>;
let owner: Actor;
let neighbour: Actor;
let cashier: Actor;
let manager: Actor;
/** Billed relative to the clock (a run reaches 36 months back, docs/domain.md §4): never ages out. */
let months: string[];

beforeAll(async () => {
  A = await makeCommunity(h.db, { units: 3 });
  await deliverUnits(
    h,
    A.units.map((u) => u.id),
  );
  owner = await resident(h, A.units[0]!);
  neighbour = await resident(h, A.units[1]!);
  manager = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId });
  cashier = await staff(h, 'CASHIER', { id: A.community.id, companyId: A.companyId });
  const item = await addFeeItem(manager, A.community.id, {
    kind: 'PROPERTY',
    name: '物业服务费',
    amountFen: 235,
    cycle: 'MONTH',
  });
  await addFeeItem(manager, A.community.id, { kind: 'ONE_OFF', name: '电梯年检分摊', amountFen: 1000 });
  months = monthsFromNow(h, -5, 8);
  for (const month of months) await runBilling(cashier, A.community.id, month, [item.id]);
});

const order = (who: Actor, billIds: string[]) => who.call('POST', '/api/pay/orders', { body: { billIds } });
const simOrder = async (outTradeNo: string): Promise<any> =>
  (await fetch(`${h.simUrl}/sim/pay/orders/${outTradeNo}`)).json();
const payAtWechat = (outTradeNo: string) => h.sim('/sim/pay/pay', { outTradeNo });
/** Paid, and settled: the receipt numbered (the settle job runs right after the payment commits). */
const paid = (who: Actor, orderId: string) =>
  eventually(async () => {
    const res = await who.call('GET', `/api/pay/orders/${orderId}`);
    expect(res.body.state).toBe('PAID');
    expect(res.body.receiptNo).toMatch(/^SJ/);
    return res.body;
  });

describe('paying bills with WeChat Pay', () => {
  it('pays one bill: prepay, requestPayment params signed on the server, notify, receipt, ledger', async () => {
    const [bill] = await openBills(owner, A.units[0]!.id);
    expect(bill).toMatchObject({ period: months[0], amountFen: 23171, payableFen: 23171, state: 'UNPAID' }); // 98.60 m² × 2.35
    const res = await order(owner, [bill!.id]);
    expect(res.status).toBe(201);
    expect(res.body.payment).toMatchObject({
      signType: 'RSA',
      package: expect.stringMatching(/^prepay_id=wx/),
      timeStamp: expect.stringMatching(/^\d{10}$/),
    });
    expect(res.body.order).toMatchObject({ state: 'PENDING', amountFen: 23171 });
    expect((await simOrder(res.body.order.outTradeNo)).amount.total).toBe(23171);
    expect((await openBills(owner, A.units[0]!.id)).find((b) => b.id === bill!.id)?.state).toBe('PAYING');

    await payAtWechat(res.body.order.outTradeNo);
    const receipt = await paid(owner, res.body.order.id);
    expect(receipt).toMatchObject({
      receiptNo: expect.stringMatching(new RegExp(`^SJ${beijingYear(h.deps.clock.now())}-`)),
      transactionId: expect.stringMatching(/^4200/),
      items: [{ name: '物业服务费', period: months[0], amountFen: 23171, unit: '1号楼 101' }],
    });
    const after = await h.db.bill.findUniqueOrThrow({ where: { id: bill!.id } });
    expect(after).toMatchObject({ state: 'PAID', paidFen: 23171, lockedOrderId: null });
    expect(await h.db.ledgerEntry.findMany({ where: { billId: bill!.id } })).toMatchObject([
      { kind: 'WECHAT_PAYMENT', amountFen: 23171 },
    ]);
    // settled once: no credit granted for the push here, so nothing is written to the outbox
    expect(await h.db.payOrder.findUniqueOrThrow({ where: { id: res.body.order.id } })).toMatchObject({
      settledAt: expect.any(Date),
    });
    expect(await h.db.pushMessage.count({ where: { eventKind: 'pay.paid', eventId: res.body.order.id } })).toBe(0);
  });

  it('pays several bills in one order; a second tap reuses the pending order and its prepay', async () => {
    const bills = (await openBills(owner, A.units[0]!.id)).slice(0, 2);
    const first = await order(
      owner,
      bills.map((b) => b.id),
    );
    const again = await order(owner, bills.map((b) => b.id).reverse());
    expect(again.status).toBe(201);
    expect(again.body.order.id).toBe(first.body.order.id);
    expect(again.body.payment.package).toBe(first.body.payment.package);
    // a different selection including a locked bill is refused, naming the pending order
    const mixed = await order(owner, [bills[0]!.id]);
    expect(mixed.status).toBe(409);
    expect(mixed.body).toMatchObject({ code: 'BILLS_IN_PAYMENT', details: { orderId: first.body.order.id } });

    await payAtWechat(first.body.order.outTradeNo);
    const receipt = await paid(owner, first.body.order.id);
    expect(receipt.amountFen).toBe(bills[0]!.amountFen + bills[1]!.amountFen);
    expect(receipt.items).toHaveLength(2);
    expect(await h.db.bill.count({ where: { id: { in: bills.map((b) => b.id) }, state: 'PAID' } })).toBe(2);
    // paid bills cannot be ordered again
    expect((await order(owner, [bills[0]!.id])).body.code).toBe('BILLS_NOT_PAYABLE');
  });

  it("a resident can neither see nor pay another unit's bills: it looks like nothing is there", async () => {
    const theirs = await openBills(neighbour, A.units[1]!.id);
    expect((await owner.call('GET', `/api/bills?unitId=${A.units[1]!.id}`)).status).toBe(404);
    const res = await order(owner, [theirs[0]!.id]);
    expect(res.status).toBe(404);
    const unknown = await order(owner, [crypto.randomUUID()]);
    expect(unknown.body).toEqual(res.body);
    expect(await h.db.bill.findUniqueOrThrow({ where: { id: theirs[0]!.id } })).toMatchObject({
      state: 'UNPAID',
      lockedOrderId: null,
    });
  });

  it('a prepay that failed with SYSTEM_ERROR is retried with the same out_trade_no', async () => {
    const [bill] = await openBills(neighbour, A.units[1]!.id);
    await h.sim('/sim/pay/faults', { prepaySystemErrors: 2 });
    const res = await order(neighbour, [bill!.id]);
    expect(res.status).toBe(201);
    expect(await h.db.payOrder.count({ where: { userId: neighbour.userId } })).toBe(1);
    expect((await simOrder(res.body.order.outTradeNo)).trade_state).toBe('NOTPAY');
  });

  it("a notify that never comes: the page's polling asks WeChat and shows 已支付 within 5 s", async () => {
    const [bill] = await openBills(owner, A.units[0]!.id);
    const res = await order(owner, [bill!.id]);
    await h.sim('/sim/pay/faults', { notify: [{ kind: 'drop' }] });
    await payAtWechat(res.body.order.outTradeNo);
    const started = Date.now();
    await paid(owner, res.body.order.id);
    expect(Date.now() - started).toBeLessThan(5000);
    const deliveries: any = await (
      await fetch(`${h.simUrl}/sim/pay/deliveries?outTradeNo=${res.body.order.outTradeNo}`)
    ).json();
    expect(deliveries[0].status).toBeNull();
  });

  it("a notify that never comes: the query job on WeChat's schedule applies the payment", async () => {
    const [bill] = await openBills(owner, A.units[0]!.id);
    const res = await order(owner, [bill!.id]);
    await h.sim('/sim/pay/faults', { notify: [{ kind: 'drop' }] });
    await payAtWechat(res.body.order.outTradeNo);
    // The first query is due 5 s after the order, by the database's clock: made due now. Nobody polls here.
    const due = await h.db.$executeRaw`
      UPDATE pgboss.job SET start_after = now()
       WHERE name = ${queryOrderJob.name} AND state = 'created' AND data->>'orderId' = ${res.body.order.id}
         AND (data->>'step')::int = 0`;
    expect(due).toBe(1);
    await eventually(
      async () =>
        expect(await h.db.payOrder.findUniqueOrThrow({ where: { id: res.body.order.id } })).toMatchObject({
          state: 'PAID',
          receiptNo: expect.any(String),
        }),
      15_000,
    );
    // Settled: the chain stopped, no later query of this order waits (a fetch of the queue would also
    // take other orders' queries that fall due meanwhile, and take them from the worker).
    const waiting = await h.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pgboss.job
       WHERE name = ${queryOrderJob.name} AND data->>'orderId' = ${res.body.order.id} AND state IN ('created', 'retry')`;
    expect(waiting).toEqual([{ n: 0 }]);
  });

  it('the notify arriving before our prepay answer was stored is applied; the late answer changes nothing', async () => {
    const [bill] = await openBills(owner, A.units[0]!.id);
    await h.sim('/sim/pay/faults', { prepayAnswerDelayMs: 1500 });
    const pending = order(owner, [bill!.id]);
    const created = await eventually(async () => {
      const o = await h.db.payOrder.findFirst({ where: { items: { some: { billId: bill!.id } } } });
      expect(o).not.toBeNull();
      expect((await simOrder(o!.outTradeNo)).trade_state).toBe('NOTPAY');
      return o!;
    });
    await payAtWechat(created.outTradeNo);
    await eventually(async () =>
      expect((await h.db.payOrder.findUniqueOrThrow({ where: { id: created.id } })).state).toBe('PAID'),
    );
    const res = await pending;
    expect(res.status).toBe(201);
    expect(res.body.order.state).toBe('PAID');
    expect(res.body.payment).toBeNull();
    expect(await h.db.bill.findUniqueOrThrow({ where: { id: bill!.id } })).toMatchObject({ state: 'PAID' });
  });

  it('WeChat takes money for a bill already paid another way: recorded, flagged and refunded automatically', async () => {
    const [bill] = await openBills(neighbour, A.units[1]!.id);
    const existing = await h.db.payOrder.findFirst({ where: { userId: neighbour.userId, state: 'PENDING' } });
    const res = existing ? { body: { order: existing } } : await order(neighbour, [bill!.id]);
    const o = await h.db.payOrder.findUniqueOrThrow({ where: { id: res.body.order.id }, include: { items: true } });
    // Paid at the counter meanwhile: the desk closes the order at WeChat first, but the payer was already
    // in the password step and pays it all the same (docs/wechat.md §5, Close before the counter).
    const counter = await cashier.call('POST', `/api/staff/communities/${A.community.id}/counter-payments`, {
      body: { unitId: A.units[1]!.id, channel: 'CASH', amountFen: o.amountFen, billIds: [o.items[0]!.billId] },
    });
    expect(counter.status).toBe(201);
    expect((await simOrder(o.outTradeNo)).trade_state).toBe('CLOSED');
    await h.sim('/sim/pay/pay', { outTradeNo: o.outTradeNo, enteredPasswordBeforeClose: true });
    await eventually(async () => {
      const refund = await h.db.refund.findFirstOrThrow({ where: { orderId: o.id } });
      expect(refund).toMatchObject({ kind: 'OVERPAYMENT', amountFen: o.amountFen, state: 'SUCCESS' });
    }, 10_000);
    expect(await h.db.paymentIssue.findFirst({ where: { outTradeNo: o.outTradeNo } })).toMatchObject({
      kind: 'OVERPAYMENT',
    });
    expect(
      (
        await h.db.ledgerEntry.findMany({
          where: { OR: [{ orderId: o.id }, { billId: o.items[0]!.billId }] },
          orderBy: { id: 'asc' },
        })
      ).map((e) => [e.kind, e.amountFen]),
    ).toEqual([
      ['COUNTER_PAYMENT', o.amountFen],
      ['OVERPAYMENT', o.amountFen],
      ['REFUND', -o.amountFen],
    ]);
    expect((await simOrder(o.outTradeNo)).trade_state).toBe('REFUND');
    // The bill was paid at the counter: a cashier's refund of it never goes to WeChat a second time.
    const again = await cashier.call('POST', `/api/staff/bills/${o.items[0]!.billId}/refunds`, {
      body: { amountFen: o.amountFen, reason: '多收退回' },
    });
    expect([again.status, again.body.code, again.body.message]).toEqual([
      409,
      'REFUND_EXCEEDS_PAID',
      '这笔账单不是微信支付的，请在柜台办理退款',
    ]);
    expect(await h.db.refund.count({ where: { orderId: o.id } })).toBe(1);
  });

  it('an overpayment refund WeChat closes is flagged and redone under a new refund number, once', async () => {
    const bill = (await openBills(neighbour, A.units[1]!.id)).find((b) => b.state === 'UNPAID')!;
    const res = await order(neighbour, [bill.id]);
    const o = res.body.order as { id: string; outTradeNo: string; amountFen: number };
    const counter = await cashier.call('POST', `/api/staff/communities/${A.community.id}/counter-payments`, {
      body: { unitId: A.units[1]!.id, channel: 'CASH', amountFen: o.amountFen, billIds: [bill.id] },
    });
    expect(counter.status).toBe(201);
    await h.sim('/sim/pay/faults', { refundOutcomes: ['CLOSED'] });
    await h.sim('/sim/pay/pay', { outTradeNo: o.outTradeNo, enteredPasswordBeforeClose: true });
    await eventually(async () => {
      const refunds = await h.db.refund.findMany({ where: { orderId: o.id }, orderBy: { createdAt: 'asc' } });
      expect(refunds.map((r) => [r.outRefundNo, r.state])).toEqual([
        [`RF${o.outTradeNo.slice(2)}OP`, 'CLOSED'],
        [`RF${o.outTradeNo.slice(2)}OP2`, 'SUCCESS'],
      ]);
    }, 10_000);
    expect(
      await h.db.paymentIssue.findUnique({
        where: { kind_outTradeNo: { kind: 'REFUND_CLOSED', outTradeNo: `RF${o.outTradeNo.slice(2)}OP` } },
      }),
    ).toMatchObject({ detail: { redoneAs: `RF${o.outTradeNo.slice(2)}OP2` } });
    expect(
      (await h.db.ledgerEntry.findMany({ where: { orderId: o.id }, orderBy: { id: 'asc' } })).map((e) => [
        e.kind,
        e.amountFen,
      ]),
    ).toEqual([
      ['OVERPAYMENT', o.amountFen],
      ['REFUND', -o.amountFen],
    ]);
  });
});

describe('refunds', () => {
  let billId: string;
  let paidFen: number;

  beforeAll(async () => {
    await h.sim('/sim/pay/config', { refundDelayMs: 20 });
    const [bill] = await openBills(owner, A.units[0]!.id);
    const res = await order(owner, [bill!.id]);
    await payAtWechat(res.body.order.outTradeNo);
    await paid(owner, res.body.order.id);
    billId = bill!.id;
    paidFen = bill!.amountFen;
  });

  const refund = (who: Actor, amountFen: number) =>
    who.call('POST', `/api/staff/bills/${billId}/refunds`, { body: { amountFen, reason: '多收退回' } });

  it('a partial refund, then the rest: the refund notify moves the bill to partially refunded, then refunded', async () => {
    const part = await refund(cashier, 1000);
    expect(part.status).toBe(201);
    await eventually(async () =>
      expect(await h.db.bill.findUniqueOrThrow({ where: { id: billId } })).toMatchObject({
        state: 'PARTIALLY_REFUNDED',
        refundedFen: 1000,
      }),
    );
    const over = await refund(cashier, paidFen);
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'REFUND_EXCEEDS_PAID', details: { refundableFen: paidFen - 1000 } });
    expect((await refund(cashier, paidFen - 1000)).status).toBe(201);
    await eventually(async () =>
      expect(await h.db.bill.findUniqueOrThrow({ where: { id: billId } })).toMatchObject({
        state: 'REFUNDED',
        refundedFen: paidFen,
      }),
    );
    const ledger = await h.db.ledgerEntry.findMany({ where: { billId }, orderBy: { id: 'asc' } });
    expect(ledger.map((e) => e.amountFen)).toEqual([paidFen, -1000, -(paidFen - 1000)]);
    // The company's audit log (docs/roles.md): each refund asked and done, once; the refused one not at all.
    const refunds = await h.db.refund.findMany({ where: { billId }, orderBy: { createdAt: 'asc' } });
    expect(refunds).toHaveLength(2);
    const audit = await h.db.auditEvent.findMany({
      where: { subjectId: { in: refunds.map((r) => r.id) } },
      orderBy: { at: 'asc' },
    });
    expect(audit.filter((a) => a.kind === 'REFUND_REQUESTED')).toEqual(
      refunds.map((r) =>
        expect.objectContaining({
          companyId: A.companyId,
          communityId: A.community.id,
          actorId: cashier.userId,
          subjectId: r.id,
          reason: '多收退回',
          after: expect.objectContaining({ billId, amountFen: r.amountFen }),
        }),
      ),
    );
    expect(audit.filter((a) => a.kind === 'REFUND_DONE')).toEqual(
      refunds.map((r) =>
        expect.objectContaining({
          actorId: cashier.userId,
          subjectId: r.id,
          after: expect.objectContaining({ state: 'SUCCESS', amountFen: r.amountFen }),
        }),
      ),
    );
    expect(audit).toHaveLength(4);
  });

  it('a refund whose notify never comes is settled by the refund query job', async () => {
    const [bill] = await openBills(neighbour, A.units[1]!.id);
    const res = await order(neighbour, [bill!.id]);
    await payAtWechat(res.body.order.outTradeNo);
    await paid(neighbour, res.body.order.id);
    await h.sim('/sim/pay/faults', { notify: [{ kind: 'drop' }] });
    const asked = await cashier.call('POST', `/api/staff/bills/${bill!.id}/refunds`, {
      body: { amountFen: 100, reason: '多收退回' },
    });
    expect(asked.body).toMatchObject({ state: 'PROCESSING' });
    // WeChat settles it meanwhile (its notify is lost): wait until WeChat's own query says so, however
    // busy the machine, rather than a fixed pause.
    const refundNo = (await h.db.refund.findUniqueOrThrow({ where: { id: asked.body.id } })).outRefundNo;
    await expect.poll(async () => (await h.deps.wechat.pay!.queryRefund(refundNo))?.status).toBe('SUCCESS');
    expect(await h.runJob(queryRefundJob, { refundId: asked.body.id, step: 0 })).toBe('completed');
    expect(await h.db.refund.findUniqueOrThrow({ where: { id: asked.body.id } })).toMatchObject({ state: 'SUCCESS' });
    expect(await h.db.bill.findUniqueOrThrow({ where: { id: bill!.id } })).toMatchObject({
      state: 'PARTIALLY_REFUNDED',
      refundedFen: 100,
    });
  });

  /** A paid bill of the third unit's, and a cashier's refund of it that WeChat accepts and then marks ABNORMAL. */
  let third: Actor | undefined;
  async function abnormalRefund(amountFen: (paid: number) => number) {
    third ??= await resident(h, A.units[2]!);
    const bill = (await openBills(third, A.units[2]!.id)).find((b) => b.state === 'UNPAID')!;
    const res = await order(third, [bill.id]);
    await payAtWechat(res.body.order.outTradeNo);
    await paid(third, res.body.order.id);
    await h.sim('/sim/pay/faults', { refundOutcomes: ['ABNORMAL'] });
    const asked = await cashier.call('POST', `/api/staff/bills/${bill.id}/refunds`, {
      body: { amountFen: amountFen(bill.amountFen), reason: '多收退回' },
    });
    expect(asked.status).toBe(201);
    await eventually(async () =>
      expect(await h.db.refund.findUniqueOrThrow({ where: { id: asked.body.id } })).toMatchObject({
        state: 'ABNORMAL',
      }),
    );
    // an ABNORMAL refund is for the cashier to handle: flagged, not just logged
    expect(
      await h.db.paymentIssue.findUnique({
        where: { kind_outTradeNo: { kind: 'REFUND_ABNORMAL', outTradeNo: asked.body.outRefundNo } },
      }),
    ).toMatchObject({
      communityId: A.community.id,
      resolvedAt: null,
      detail: { outTradeNo: res.body.order.outTradeNo },
    });
    return { bill, refund: asked.body as { id: string; outRefundNo: string } };
  }

  it('a refund gone ABNORMAL (the card frozen) that the merchant pays out to another card of the resident (发起异常退款 USER_BANK_CARD) is booked from its REFUND.SUCCESS notify, once', async () => {
    const { bill, refund: r } = await abnormalRefund(() => 100);
    expect(await h.db.bill.findUniqueOrThrow({ where: { id: bill.id } })).toMatchObject({
      state: 'PAID',
      refundedFen: 0,
    });
    await h.sim('/sim/pay/faults', { notify: [{ kind: 'duplicate', copies: 3 }] });
    await h.sim(`/sim/pay/refunds/${r.outRefundNo}/apply-abnormal-refund`, { type: 'USER_BANK_CARD' });
    await eventually(async () => {
      const sent = (await (await fetch(`${h.simUrl}/sim/pay/deliveries`)).json()) as {
        eventType: string;
        status: number;
      }[];
      expect(sent.filter((d) => d.eventType === 'REFUND.SUCCESS' && d.status === 204).length).toBeGreaterThanOrEqual(3);
      expect(await h.db.refund.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ state: 'SUCCESS' });
    });
    expect(await h.db.bill.findUniqueOrThrow({ where: { id: bill.id } })).toMatchObject({
      state: 'PARTIALLY_REFUNDED',
      refundedFen: 100,
    });
    expect(await h.db.ledgerEntry.findMany({ where: { refundId: r.id } })).toMatchObject([
      { kind: 'REFUND', amountFen: -100 },
    ]);
  });

  it('an ABNORMAL refund paid out to another card, its notify lost: the daily query of abnormal refunds books it, with where the money went', async () => {
    const { bill, refund: r } = await abnormalRefund(() => 100);
    await h.sim('/sim/pay/faults', { notify: [{ kind: 'drop' }] });
    await h.sim(`/sim/pay/refunds/${r.outRefundNo}/apply-abnormal-refund`, {
      type: 'USER_BANK_CARD',
      bankType: '建设银行借记卡',
      cardTail: '6688',
    });
    await new Promise((res) => setTimeout(res, 150)); // WeChat pays it out meanwhile; its notify is lost
    expect(await h.runJob(queryAbnormalRefundsJob, {})).toBe('completed');
    expect(await h.db.refund.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
      state: 'SUCCESS',
      channel: 'OTHER_BANKCARD',
      receivedAccount: '建设银行借记卡6688',
    });
    expect(await h.db.bill.findUniqueOrThrow({ where: { id: bill.id } })).toMatchObject({ refundedFen: 100 });
    expect(await h.db.ledgerEntry.findMany({ where: { refundId: r.id } })).toMatchObject([
      { kind: 'REFUND', amountFen: -100 },
    ]);
    // the same job again changes nothing
    expect(await h.runJob(queryAbnormalRefundsJob, {})).toBe('completed');
    expect(await h.db.ledgerEntry.count({ where: { refundId: r.id } })).toBe(1);
  });

  it("an ABNORMAL refund sent back to the merchant's own account (发起异常退款 MERCHANT_BANK_CARD) is not the resident's refund: flagged to give back by hand, the bill not refunded", async () => {
    const { bill, refund: r } = await abnormalRefund(() => 100);
    await h.sim(`/sim/pay/refunds/${r.outRefundNo}/apply-abnormal-refund`, { type: 'MERCHANT_BANK_CARD' });
    await eventually(async () =>
      expect(await h.db.refund.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
        state: 'TO_MERCHANT',
        receivedAccount: '商户结算银行账户',
      }),
    );
    expect(await h.db.bill.findUniqueOrThrow({ where: { id: bill.id } })).toMatchObject({
      state: 'PAID',
      refundedFen: 0,
    });
    expect(await h.db.ledgerEntry.count({ where: { refundId: r.id } })).toBe(0);
    expect(
      await h.db.paymentIssue.findUnique({
        where: { kind_outTradeNo: { kind: 'REFUND_TO_MERCHANT', outTradeNo: r.outRefundNo } },
      }),
    ).toMatchObject({ resolvedAt: null, detail: { message: '退款退回了商户账户，请线下退还住户', refundFen: 100 } });
    // The company's audit log (docs/roles.md): the refund ended at the merchant, once, never as done.
    const audited = () => h.db.auditEvent.findMany({ where: { subjectId: r.id, kind: { not: 'REFUND_REQUESTED' } } });
    expect(await audited()).toEqual([
      expect.objectContaining({
        kind: 'REFUND_TO_MERCHANT',
        companyId: A.companyId,
        communityId: A.community.id,
        actorId: cashier.userId,
        reason: '多收退回',
        after: expect.objectContaining({
          state: 'TO_MERCHANT',
          amountFen: 100,
          receivedAccount: '商户结算银行账户',
        }),
      }),
    ]);
    // the daily query and a late REFUND.SUCCESS move nothing more
    expect(await h.runJob(queryAbnormalRefundsJob, {})).toBe('completed');
    expect(await h.runJob(queryRefundJob, { refundId: r.id, step: 5 })).toBe('completed');
    expect(await h.db.refund.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ state: 'TO_MERCHANT' });
    expect(await h.db.bill.findUniqueOrThrow({ where: { id: bill.id } })).toMatchObject({ refundedFen: 0 });
    expect(await audited()).toHaveLength(1);
  });

  it('a late REFUND.ABNORMAL after the refund succeeded is acknowledged and moves nothing', async () => {
    const done = await h.db.refund.findFirstOrThrow({
      where: { communityId: A.community.id, kind: 'CASHIER', state: 'SUCCESS' },
      include: { order: true },
    });
    const ledger = await h.db.ledgerEntry.count({ where: { refundId: done.id } });
    const bill = await h.db.bill.findUniqueOrThrow({ where: { id: done.billId! } });
    const n = await h.sim<{ headers: Record<string, string>; body: string }>('/sim/pay/notifications', {
      outTradeNo: done.order.outTradeNo,
      outRefundNo: done.outRefundNo,
      refundEvent: 'REFUND.ABNORMAL',
      url: `${h.url}/wechat/pay/refund-notify`,
    });
    const res = await h.call('POST', '/wechat/pay/refund-notify', { raw: n.body, headers: n.headers });
    expect(res.status).toBe(204);
    expect(await h.db.refund.findUniqueOrThrow({ where: { id: done.id } })).toMatchObject({ state: 'SUCCESS' });
    expect(await h.db.ledgerEntry.count({ where: { refundId: done.id } })).toBe(ledger);
    expect(await h.db.bill.findUniqueOrThrow({ where: { id: bill.id } })).toMatchObject({
      state: bill.state,
      refundedFen: bill.refundedFen,
    });
    expect(await h.db.paymentIssue.count({ where: { kind: 'REFUND_ABNORMAL', outTradeNo: done.outRefundNo } })).toBe(0);
  });

  it('a refund WeChat closes is flagged for the cashier and its amount is refundable again', async () => {
    third ??= await resident(h, A.units[2]!);
    const bill = (await openBills(third, A.units[2]!.id)).find((b) => b.state === 'UNPAID')!;
    const res = await order(third, [bill.id]);
    await payAtWechat(res.body.order.outTradeNo);
    await paid(third, res.body.order.id);
    await h.sim('/sim/pay/faults', { refundOutcomes: ['CLOSED'] });
    const asked = await cashier.call('POST', `/api/staff/bills/${bill.id}/refunds`, {
      body: { amountFen: bill.amountFen, reason: '多收退回' },
    });
    expect(asked.status).toBe(201);
    await eventually(async () =>
      expect(await h.db.refund.findUniqueOrThrow({ where: { id: asked.body.id } })).toMatchObject({ state: 'CLOSED' }),
    );
    expect(
      await h.db.paymentIssue.findUnique({
        where: { kind_outTradeNo: { kind: 'REFUND_CLOSED', outTradeNo: asked.body.outRefundNo } },
      }),
    ).toMatchObject({ resolvedAt: null, detail: { outTradeNo: res.body.order.outTradeNo, redoneAs: null } });
    const again = await cashier.call('POST', `/api/staff/bills/${bill.id}/refunds`, {
      body: { amountFen: bill.amountFen, reason: '重新退款' },
    });
    expect(again.status).toBe(201);
    await eventually(async () =>
      expect(await h.db.bill.findUniqueOrThrow({ where: { id: bill.id } })).toMatchObject({
        state: 'REFUNDED',
        refundedFen: bill.amountFen,
      }),
    );
  });

  it('only a cashier or manager of the community refunds, and never an unpaid bill', async () => {
    expect(
      (await owner.call('POST', `/api/staff/bills/${billId}/refunds`, { body: { amountFen: 1, reason: '测试退款' } }))
        .status,
    ).toBe(404);
    const [unpaid] = await openBills(neighbour, A.units[1]!.id);
    expect(
      (
        await cashier.call('POST', `/api/staff/bills/${unpaid!.id}/refunds`, {
          body: { amountFen: 1, reason: '测试退款' },
        })
      ).body.code,
    ).toBe('REFUND_EXCEEDS_PAID');
  });
});

describe('concurrent refunds', () => {
  it('never exceed what was paid', async () => {
    const [bill] = await openBills(neighbour, A.units[1]!.id);
    const res = await order(neighbour, [bill!.id]);
    await payAtWechat(res.body.order.outTradeNo);
    await paid(neighbour, res.body.order.id);
    const share = Math.floor(bill!.amountFen * 0.3);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        cashier.call('POST', `/api/staff/bills/${bill!.id}/refunds`, {
          body: { amountFen: share, reason: '并发退款' },
        }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(5);
    const asked = await h.db.refund.aggregate({ where: { billId: bill!.id }, _sum: { amountFen: true } });
    expect(asked._sum.amountFen).toBe(3 * share);
    await eventually(async () =>
      expect((await h.db.bill.findUniqueOrThrow({ where: { id: bill!.id } })).refundedFen).toBe(3 * share),
    );
  });
});
