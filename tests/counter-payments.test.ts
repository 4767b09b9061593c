import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import {
  addFeeItem,
  deliverUnits,
  eventually,
  makeCommunity,
  openBills,
  runBilling,
} from './support/factories/index.js';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';

/** Payments taken at the desk (#10): oldest periods first, one gapless receipt series, voids by a second person. */
// 20 November 2026, 10:00 in Beijing, whatever day the tests run: May to October are overdue.
const clock = new ManualClock(atBeijing('2026-11-20', 10 * 60));
const h = useHarness({ clock, worker: true });
let A: Awaited<ReturnType<typeof makeCommunity>>;
let owner: Actor;
let cashier: Actor;
let manager: Actor;
let otherManager: Actor;

beforeAll(async () => {
  A = await makeCommunity(h.db, { units: 2 });
  await deliverUnits(
    h,
    A.units.map((u) => u.id),
  );
  owner = await resident(h, A.units[0]!);
  cashier = await staff(h, 'CASHIER', { id: A.community.id, companyId: A.companyId });
  manager = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId });
  otherManager = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId });
  const item = await addFeeItem(manager, A.community.id, {
    kind: 'PROPERTY',
    name: '物业服务费',
    amountFen: 235,
    cycle: 'MONTH',
  });
  for (const m of ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'])
    await runBilling(cashier, A.community.id, m, [item.id]);
});

const take = (who: Actor, body: Record<string, unknown>) =>
  who.call('POST', `/api/staff/communities/${A.community.id}/counter-payments`, {
    body: { unitId: A.units[0]!.id, channel: 'CASH', ...body },
  });

describe('counter payments', () => {
  it('without a choice, the payment goes to the oldest periods first; an amount between bills is refused with what would fit', async () => {
    const bills = await openBills(owner, A.units[0]!.id);
    const month = bills[0]!.amountFen; // 98.60 m² × 2.35 = 231.71
    const odd = await take(cashier, { amountFen: month + 1 });
    expect(odd.status).toBe(400);
    expect(odd.body.message).toContain(`¥${(month / 100).toFixed(2)} 或 ¥${((2 * month) / 100).toFixed(2)}`);
    const paid = await take(cashier, { amountFen: 2 * month, payerName: '张三' });
    expect(paid.status).toBe(201);
    expect(paid.body.items.map((i: { period: string }) => i.period)).toEqual(['2026-05', '2026-06']);
    expect(paid.body).toMatchObject({
      receiptNo: expect.stringMatching(/^SJ2026-/),
      channel: 'CASH',
      payerName: '张三',
      state: 'RECORDED',
      communityName: A.community.name, // what the printed receipt names (#26)
      takenByName: expect.any(String),
    });
    expect((await openBills(owner, A.units[0]!.id)).map((b) => b.period)).toEqual([
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
    ]);
    expect(
      await h.db.ledgerEntry.findMany({
        where: { billId: { in: paid.body.items.map((i: { billId: string }) => i.billId) } },
      }),
    ).toMatchObject([
      { kind: 'COUNTER_PAYMENT', amountFen: month, actorId: cashier.userId },
      { kind: 'COUNTER_PAYMENT', amountFen: month, actorId: cashier.userId },
    ]);
  });

  it('the payer may choose the bills; the amount must be theirs exactly', async () => {
    const bills = await openBills(owner, A.units[0]!.id);
    const newest = bills.at(-1)!;
    expect((await take(cashier, { amountFen: newest.amountFen - 1, billIds: [newest.id] })).body.message).toMatch(
      /不符/,
    );
    const res = await take(cashier, { channel: 'POS', amountFen: newest.amountFen, billIds: [newest.id] });
    expect(res.body.items.map((i: { period: string }) => i.period)).toEqual(['2026-10']);
    // a bill of another unit is "not payable here", whatever it is
    const [theirs] = await h.db.bill.findMany({ where: { unitId: A.units[1]!.id }, take: 1 });
    expect((await take(cashier, { amountFen: theirs!.amountFen, billIds: [theirs!.id] })).body.code).toBe(
      'BILLS_NOT_PAYABLE',
    );
  });

  it('WeChat and counter receipts share one series without gaps', async () => {
    const [bill] = await openBills(owner, A.units[0]!.id);
    const order = await owner.call('POST', '/api/pay/orders', { body: { billIds: [bill!.id] } });
    await h.sim('/sim/pay/pay', { outTradeNo: order.body.order.outTradeNo });
    await eventually(async () =>
      expect((await owner.call('GET', `/api/pay/orders/${order.body.order.id}`)).body.receiptNo).toMatch(/^SJ/),
    );
    const numbers = [
      ...(
        await h.db.counterPayment.findMany({ where: { communityId: A.community.id }, select: { receiptNo: true } })
      ).map((p) => p.receiptNo),
      ...(
        await h.db.payOrder.findMany({
          where: { communityId: A.community.id, receiptNo: { not: null } },
          select: { receiptNo: true },
        })
      ).map((o) => o.receiptNo!),
    ].map((n) => Number(n.slice(-6)));
    expect(numbers.sort((a, b) => a - b)).toEqual([1, 2, 3]);
  });

  it('a counter payment for a bill in a pending WeChat order closes that order at WeChat first: the resident can no longer pay it twice', async () => {
    const [bill] = await openBills(owner, A.units[0]!.id);
    const order = await owner.call('POST', '/api/pay/orders', { body: { billIds: [bill!.id] } });
    const outTradeNo: string = order.body.order.outTradeNo;
    expect((await take(cashier, { amountFen: bill!.amountFen, billIds: [bill!.id] })).status).toBe(201);
    expect(((await (await fetch(`${h.simUrl}/sim/pay/orders/${outTradeNo}`)).json()) as any).trade_state).toBe(
      'CLOSED',
    );
    const late = await fetch(`${h.simUrl}/sim/pay/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outTradeNo }),
    });
    expect(late.status).toBe(409); // WeChat's pay sheet refuses a closed order
    expect(await h.db.payOrder.findUniqueOrThrow({ where: { id: order.body.order.id } })).toMatchObject({
      state: 'CLOSED',
    });
    expect(await h.db.bill.findUniqueOrThrow({ where: { id: bill!.id } })).toMatchObject({
      state: 'PAID',
      lockedOrderId: null,
    });
  });

  it('a counter payment for a bill the resident has just paid by WeChat (its notify not in yet) is refused, saying so, and the WeChat payment credited', async () => {
    const neighbour = await resident(h, A.units[1]!);
    const [bill] = await openBills(neighbour, A.units[1]!.id);
    const order = await neighbour.call('POST', '/api/pay/orders', { body: { billIds: [bill!.id] } });
    await h.sim('/sim/pay/faults', { notify: [{ kind: 'drop' }] });
    await h.sim('/sim/pay/pay', { outTradeNo: order.body.order.outTradeNo });
    const before = await h.db.counterPayment.count({ where: { communityId: A.community.id } });
    const refused = await take(cashier, { unitId: A.units[1]!.id, amountFen: bill!.amountFen, billIds: [bill!.id] });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'BILLS_NOT_PAYABLE', details: { reason: 'PAID_BY_WECHAT' } });
    expect(refused.body.message).toMatch(/刚刚.*微信支付/);
    expect(await h.db.counterPayment.count({ where: { communityId: A.community.id } })).toBe(before);
    expect(await h.db.payOrder.findUniqueOrThrow({ where: { id: order.body.order.id } })).toMatchObject({
      state: 'PAID',
    });
    expect(await h.db.bill.findUniqueOrThrow({ where: { id: bill!.id } })).toMatchObject({ state: 'PAID' });
    expect(await h.db.ledgerEntry.findMany({ where: { billId: bill!.id } })).toMatchObject([
      { kind: 'WECHAT_PAYMENT', amountFen: bill!.amountFen },
    ]);
  });
});

describe('closing the WeChat order before the counter (docs/wechat.md §5, Close before the counter)', () => {
  /** A fresh WeChat order of the neighbour's for one unpaid bill, pending here and at WeChat. */
  async function pendingOrder() {
    const neighbour = await resident(h, A.units[1]!);
    const bill = (await openBills(neighbour, A.units[1]!.id)).find((b) => b.state === 'UNPAID')!;
    const res = await neighbour.call('POST', '/api/pay/orders', { body: { billIds: [bill.id] } });
    expect(res.status).toBe(201);
    return { bill, order: res.body.order as { id: string; outTradeNo: string } };
  }
  const counterFor = (bill: { id: string; amountFen: number }) =>
    take(cashier, { unitId: A.units[1]!.id, amountFen: bill.amountFen, billIds: [bill.id] });
  const untouched = async (bill: { id: string }, orderId: string) => {
    expect(await h.db.bill.findUniqueOrThrow({ where: { id: bill.id } })).toMatchObject({
      state: 'PAYING',
      lockedOrderId: orderId,
    });
    expect(await h.db.payOrder.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ state: 'PENDING' });
    expect(await h.db.counterPaymentItem.count({ where: { billId: bill.id } })).toBe(0);
  };

  it('the resident is entering the password (query USERPAYING): refused, try again later, nothing closed', async () => {
    const { bill, order } = await pendingOrder();
    await h.sim('/sim/pay/faults', { userPaying: [order.outTradeNo] });
    const refused = await counterFor(bill);
    expect([refused.status, refused.body.code, refused.body.message]).toEqual([
      409,
      'BILLS_IN_PAYMENT',
      '住户正在微信支付，请稍后再试',
    ]);
    await untouched(bill, order.id);
    expect(((await (await fetch(`${h.simUrl}/sim/pay/orders/${order.outTradeNo}`)).json()) as any).trade_state).toBe(
      'USERPAYING',
    );
  });

  it('WeChat answers the close 202 USER_PAYING: not closed, refused, try again later', async () => {
    const { bill, order } = await pendingOrder();
    await h.sim('/sim/pay/faults', { closeUserPaying: 1 });
    const refused = await counterFor(bill);
    expect([refused.status, refused.body.code]).toEqual([409, 'BILLS_IN_PAYMENT']);
    await untouched(bill, order.id);
  });

  it('an order already closed at WeChat (a close answers 400 ORDER_CLOSED) is released and the counter payment taken', async () => {
    const { bill, order } = await pendingOrder();
    const pay = h.deps.wechat.pay!;
    expect(await pay.close(order.outTradeNo)).toBe('closed');
    expect(await pay.close(order.outTradeNo)).toBe('closed'); // WeChat: 400 ORDER_CLOSED 订单已关闭
    const deliveredBefore = await h.db.counterPaymentItem.count({ where: { billId: bill.id } });
    const taken = await counterFor(bill);
    expect(taken.status).toBe(201);
    expect(deliveredBefore).toBe(0);
    expect(await h.db.payOrder.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ state: 'CLOSED' });
    expect(await h.db.bill.findUniqueOrThrow({ where: { id: bill.id } })).toMatchObject({ state: 'PAID' });
  });

  it('the simulator lets a payer already in the password step pay a closed order only shortly after the close (our assumption, not WeChat behaviour)', async () => {
    const { bill, order } = await pendingOrder();
    expect((await counterFor(bill)).status).toBe(201);
    await h.sim('/sim/clock', { advanceMs: 61_000 });
    const late = await fetch(`${h.simUrl}/sim/pay/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outTradeNo: order.outTradeNo, enteredPasswordBeforeClose: true }),
    });
    expect(late.status).toBe(409);
  });

  it('WeChat refuses the close (e.g. too soon, or a fault): a clear 502, the bills still in payment', async () => {
    const { bill, order } = await pendingOrder();
    await h.sim('/sim/pay/faults', { closeSystemErrors: 1 });
    const refused = await counterFor(bill);
    expect([refused.status, refused.body.code, refused.body.message]).toEqual([
      502,
      'WECHAT_PAY_FAILED',
      '住户有一笔未完成的微信支付，暂时无法撤销，请稍后再收款',
    ]);
    await untouched(bill, order.id);
  });
});

describe('voids', () => {
  it('need a reason and a manager who neither took the payment nor asked; the bills are unpaid again', async () => {
    const [bill] = await openBills(owner, A.units[0]!.id);
    const taken = await take(manager, { amountFen: bill!.amountFen, billIds: [bill!.id] });
    const id = taken.body.id;
    expect((await cashier.call('POST', `/api/staff/counter-payments/${id}/void/approve`)).status).toBe(404); // not a manager
    expect(
      (await cashier.call('POST', `/api/staff/counter-payments/${id}/void`, { body: { reason: '收错房号了' } })).body
        .state,
    ).toBe('VOID_REQUESTED');
    expect((await manager.call('POST', `/api/staff/counter-payments/${id}/void/approve`)).body.code).toBe(
      'OWN_REQUEST',
    ); // took it
    const voided = await otherManager.call('POST', `/api/staff/counter-payments/${id}/void/approve`);
    expect(voided.body).toMatchObject({
      state: 'VOIDED',
      voidApprovedById: otherManager.userId,
      voidReason: '收错房号了',
    });
    expect(await h.db.bill.findUniqueOrThrow({ where: { id: bill!.id } })).toMatchObject({
      state: 'UNPAID',
      paidFen: 0,
    });
    const ledger = await h.db.ledgerEntry.findMany({ where: { billId: bill!.id }, orderBy: { id: 'asc' } });
    expect(ledger.map((e) => [e.kind, e.amountFen])).toEqual([
      ['COUNTER_PAYMENT', bill!.amountFen],
      ['VOID', -bill!.amountFen],
    ]);
    expect((await otherManager.call('POST', `/api/staff/counter-payments/${id}/void/approve`)).body.code).toBe(
      'ALREADY_DECIDED',
    );
  });

  it('the one who asked cannot approve, even as a manager', async () => {
    const [bill] = await openBills(owner, A.units[0]!.id);
    const taken = await take(cashier, { amountFen: bill!.amountFen, billIds: [bill!.id] });
    await manager.call('POST', `/api/staff/counter-payments/${taken.body.id}/void`, {
      body: { reason: '重复收款作废' },
    });
    expect((await manager.call('POST', `/api/staff/counter-payments/${taken.body.id}/void/approve`)).body.code).toBe(
      'OWN_REQUEST',
    );
    expect(
      (await otherManager.call('POST', `/api/staff/counter-payments/${taken.body.id}/void/approve`)).body.state,
    ).toBe('VOIDED');
  });
});

describe('void decisions (docs/console.md §Void approval)', () => {
  // A community of their own: the arrears list below counts the bills of A's units.
  let B: Awaited<ReturnType<typeof makeCommunity>>;
  let payer: Actor;
  let desk: Actor;
  let boss: Actor;
  let otherBoss: Actor;
  beforeAll(async () => {
    B = await makeCommunity(h.db, { units: 1 });
    await deliverUnits(h, [B.units[0]!.id]);
    payer = await resident(h, B.units[0]!);
    desk = await staff(h, 'CASHIER', { id: B.community.id, companyId: B.companyId });
    boss = await staff(h, 'MANAGER', { id: B.community.id, companyId: B.companyId });
    otherBoss = await staff(h, 'MANAGER', { id: B.community.id, companyId: B.companyId });
    const item = await addFeeItem(boss, B.community.id, {
      kind: 'PROPERTY',
      name: '物业服务费',
      amountFen: 235,
      cycle: 'MONTH',
    });
    for (const m of ['2026-07', '2026-08', '2026-09', '2026-10']) await runBilling(desk, B.community.id, m, [item.id]);
  });
  const takeB = (billId: string, amountFen: number) =>
    desk.call('POST', `/api/staff/communities/${B.community.id}/counter-payments`, {
      body: { unitId: B.units[0]!.id, channel: 'CASH', amountFen, billIds: [billId] },
    });
  it('a reject needs a reason and another manager; the receipt stands again, no money moves, the trail keeps both', async () => {
    const [bill] = await openBills(payer, B.units[0]!.id);
    const taken = await takeB(bill!.id, bill!.amountFen);
    const id = taken.body.id;
    await desk.call('POST', `/api/staff/counter-payments/${id}/void`, { body: { reason: '顾客说多收了' } });
    const queue = await boss.call(
      'GET',
      `/api/staff/communities/${B.community.id}/counter-payments?state=VOID_REQUESTED`,
    );
    expect(queue.body.items.find((p: { id: string }) => p.id === id)).toMatchObject({
      voidReason: '顾客说多收了',
      voidRequestedByName: expect.any(String),
    });
    const reject = (who: Actor, reason?: string) =>
      who.call('POST', `/api/staff/counter-payments/${id}/void/reject`, { body: reason ? { reason } : {} });
    expect((await reject(desk, '核对无误')).status).toBe(404); // not a manager: as if not there
    expect((await reject(boss)).status).toBe(400);
    const rejected = await reject(boss, '核对现金无误，不予作废');
    expect(rejected.body).toMatchObject({ state: 'RECORDED', voidReason: null, voidApprovedById: null });
    expect(await h.db.bill.findUniqueOrThrow({ where: { id: bill!.id } })).toMatchObject({ state: 'PAID' });
    expect((await h.db.ledgerEntry.findMany({ where: { counterPaymentId: id } })).map((e) => e.kind)).toEqual([
      'COUNTER_PAYMENT',
    ]);
    expect((await reject(boss, '核对现金无误，不予作废')).body.code).toBe('ALREADY_DECIDED'); // a repeat changes nothing
    expect((await otherBoss.call('POST', `/api/staff/counter-payments/${id}/void/approve`)).body.code).toBe(
      'ALREADY_DECIDED',
    );
    const trail = await h.db.auditEvent.findMany({ where: { subjectId: id, kind: { startsWith: 'COUNTER_VOID' } } });
    expect(trail).toMatchObject([
      {
        kind: 'COUNTER_VOID_REJECTED',
        actorId: boss.userId,
        reason: '核对现金无误，不予作废',
        before: { voidReason: '顾客说多收了', voidRequestedById: desk.userId },
      },
    ]);
  });

  it('approve and reject at once: exactly one decision, the money reversed at most once, the approver audited', async () => {
    const [bill] = await openBills(payer, B.units[0]!.id);
    const taken = await takeB(bill!.id, bill!.amountFen);
    const id = taken.body.id;
    await desk.call('POST', `/api/staff/counter-payments/${id}/void`, { body: { reason: '重复收款作废' } });
    const answers = await Promise.all([
      otherBoss.call('POST', `/api/staff/counter-payments/${id}/void/approve`),
      otherBoss.call('POST', `/api/staff/counter-payments/${id}/void/approve`),
      boss.call('POST', `/api/staff/counter-payments/${id}/void/reject`, { body: { reason: '金额无误不作废' } }),
    ]);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.body.code === 'ALREADY_DECIDED')).toHaveLength(2);
    const ledger = await h.db.ledgerEntry.findMany({ where: { counterPaymentId: id } });
    const trail = await h.db.auditEvent.findMany({ where: { subjectId: id, kind: { startsWith: 'COUNTER_VOID' } } });
    expect(trail).toHaveLength(1);
    const state = (await h.db.counterPayment.findUniqueOrThrow({ where: { id } })).state;
    if (state === 'VOIDED') {
      expect(ledger.filter((e) => e.kind === 'VOID').map((e) => e.amountFen)).toEqual([-bill!.amountFen]);
      expect(trail[0]).toMatchObject({ kind: 'COUNTER_VOID_APPROVED', actorId: otherBoss.userId });
    } else {
      expect(state).toBe('RECORDED');
      expect(ledger.filter((e) => e.kind === 'VOID')).toEqual([]);
    }
  });

  it("only a manager of the community who neither took nor asked decides; another community's manager is told it is not there", async () => {
    const [bill] = await openBills(payer, B.units[0]!.id);
    // The manager takes the payment, the other manager asks for its void: neither of them may decide.
    const taken = await boss.call('POST', `/api/staff/communities/${B.community.id}/counter-payments`, {
      body: { unitId: B.units[0]!.id, channel: 'CASH', amountFen: bill!.amountFen, billIds: [bill!.id] },
    });
    const id = taken.body.id;
    await otherBoss.call('POST', `/api/staff/counter-payments/${id}/void`, { body: { reason: '收错房号了' } });
    const stranger = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId });
    const decide = (who: Actor, approve: boolean) =>
      who.call('POST', `/api/staff/counter-payments/${id}/void/${approve ? 'approve' : 'reject'}`, {
        body: approve ? undefined : { reason: '核对无误，不予作废' },
      });
    for (const approve of [true, false]) {
      const other = await decide(stranger, approve);
      expect([other.status, other.body.code]).toEqual([404, 'NOT_FOUND']);
      expect((await decide(boss, approve)).body.code).toBe('OWN_REQUEST'); // took it
      expect((await decide(otherBoss, approve)).body.code).toBe('OWN_REQUEST'); // asked
    }
    expect(await h.db.counterPayment.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: 'VOID_REQUESTED' });
    expect(await h.db.auditEvent.count({ where: { subjectId: id, kind: { startsWith: 'COUNTER_VOID' } } })).toBe(0);
    // A third manager of the community may.
    const third = await staff(h, 'MANAGER', { id: B.community.id, companyId: B.companyId });
    expect((await decide(third, false)).body.state).toBe('RECORDED');
  });

  it('voiding a receipt for two bills with their late charges puts both back exactly, the ledger back to nought', async () => {
    const terms = { lateFeeEnabled: true, lateFeeBpsPerDay: 5, lateFeeCapBps: 1000, lateFeeGraceDays: 0 };
    const settings = `/api/staff/communities/${B.community.id}/fee-settings`;
    expect((await boss.call('PUT', settings, { body: terms })).status).toBe(200);
    try {
      const open = await openBills(payer, B.units[0]!.id);
      expect(open.length).toBeGreaterThanOrEqual(2);
      const two = open.slice(0, 2);
      expect(two.some((b) => b.lateFeeFen > 0)).toBe(true);
      const total = two.reduce((s, b) => s + b.payableFen, 0);
      const taken = await desk.call('POST', `/api/staff/communities/${B.community.id}/counter-payments`, {
        body: { unitId: B.units[0]!.id, channel: 'CASH', amountFen: total, billIds: two.map((b) => b.id) },
      });
      expect(taken.status, JSON.stringify(taken.body)).toBe(201);
      const id = taken.body.id;
      await desk.call('POST', `/api/staff/counter-payments/${id}/void`, { body: { reason: '顾客改用微信支付' } });
      expect((await boss.call('POST', `/api/staff/counter-payments/${id}/void/approve`)).body.state).toBe('VOIDED');
      for (const b of two)
        expect(await h.db.bill.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({
          state: 'UNPAID',
          paidFen: 0,
          paidAt: null,
        });
      const ledger = await h.db.ledgerEntry.findMany({ where: { counterPaymentId: id } });
      const sum = (kind: string) => ledger.filter((e) => e.kind === kind).reduce((s, e) => s + e.amountFen, 0);
      expect(sum('COUNTER_PAYMENT')).toBe(total);
      expect(sum('VOID')).toBe(-total);
      for (const b of two)
        expect(ledger.filter((e) => e.billId === b.id).map((e) => e.amountFen)).toEqual(
          expect.arrayContaining([b.payableFen, -b.payableFen]),
        );
      // Unpaid again, they are payable again at what they cost now.
      const again = await openBills(payer, B.units[0]!.id);
      expect(two.map((b) => again.find((x) => x.id === b.id)?.payableFen)).toEqual(two.map((b) => b.payableFen));
    } finally {
      await boss.call('PUT', settings, { body: { ...terms, lateFeeEnabled: false } });
    }
  });
});

describe('the arrears list', () => {
  it('lists overdue units with items, months and amount, and exports to Excel and to CSV Excel can read', async () => {
    const now = clock.now();
    const overdue = await h.db.bill.findMany({
      where: { unitId: A.units[0]!.id, payer: 'OWNER', state: { in: ['UNPAID', 'PAYING'] }, dueAt: { lt: now } },
      orderBy: { dueAt: 'asc' },
    });
    expect(overdue.length).toBeGreaterThan(0);
    const expected = overdue.reduce((s, b) => s + b.amountFen, 0);
    const list = await cashier.call('GET', `/api/staff/communities/${A.community.id}/arrears`);
    expect(list.status).toBe(200);
    const row = list.body.items.find((r: { unitId: string }) => r.unitId === A.units[0]!.id);
    expect(row).toMatchObject({
      building: '1号楼',
      number: '101',
      items: '物业服务费',
      oldestPeriod: overdue[0]!.period,
      bills: overdue.length,
      amountFen: expected,
    });
    expect(row.monthsOverdue).toBe(Math.floor((now.getTime() - overdue[0]!.dueAt.getTime()) / (30 * 86_400_000)));
    expect(
      (await cashier.call('GET', `/api/staff/communities/${A.community.id}/arrears?minMonths=120`)).body.items,
    ).toEqual([]);
    expect((await owner.call('GET', `/api/staff/communities/${A.community.id}/arrears`)).status).toBe(404);

    const xlsx = await fetch(`${h.url}/api/staff/communities/${A.community.id}/arrears/export?format=xlsx`, {
      headers: { authorization: `Bearer ${cashier.token}` },
    });
    expect(xlsx.headers.get('content-disposition')).toMatch(/attachment; filename=/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('欠费清单')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '楼栋',
      '房号',
      '欠费项目',
      '最早欠费账期',
      '欠费月数',
      '欠费笔数',
      '欠费金额（元）',
      '本业主欠费（元）',
      '前业主欠费（元）',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const ours = sheet
      .getRows(2, sheet.rowCount - 1)!
      .find((r) => r.getCell(1).value === '1号楼' && r.getCell(2).value === '101')!;
    const money = ours.getCell(7);
    expect([money.value, money.numFmt]).toEqual([expected / 100, '"¥"#,##0.00']);

    const csv = await fetch(`${h.url}/api/staff/communities/${A.community.id}/arrears/export?format=csv`, {
      headers: { authorization: `Bearer ${cashier.token}` },
    });
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 BOM Excel needs for Chinese
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      '楼栋,房号,欠费项目,最早欠费账期,欠费月数,欠费笔数,欠费金额（元）,本业主欠费（元）,前业主欠费（元）',
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^1号楼,101,物业服务费,${overdue[0]!.period},\\d+,${overdue.length},${(expected / 100).toFixed(2)},${(expected / 100).toFixed(2)},0\\.00$`,
        ),
      ),
    );
  });
});
