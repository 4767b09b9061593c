import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
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

/** Receipts and settling (issue 24): one receipt series per community, and one failing order stops no other. */
const clock = new ManualClock(atBeijing('2026-11-20', 10 * 60));
const h = useHarness({ clock, worker: true });

type Site = Awaited<ReturnType<typeof makeCommunity>> & { owner: Actor; neighbour: Actor; cashier: Actor };

/** A community with two billed units, their owners and a cashier; `id` chosen by the test. */
async function site(id?: string): Promise<Site> {
  const s = await makeCommunity(h.db, { units: 2, id });
  await deliverUnits(
    h,
    s.units.map((u) => u.id),
  );
  const manager = await staff(h, 'MANAGER', { id: s.community.id, companyId: s.companyId });
  const cashier = await staff(h, 'CASHIER', { id: s.community.id, companyId: s.companyId });
  const item = await addFeeItem(manager, s.community.id, {
    kind: 'PROPERTY',
    name: '物业服务费',
    amountFen: 235,
    cycle: 'MONTH',
  });
  for (const m of ['2026-07', '2026-08', '2026-09', '2026-10']) await runBilling(cashier, s.community.id, m, [item.id]);
  return { ...s, owner: await resident(h, s.units[0]!), neighbour: await resident(h, s.units[1]!), cashier };
}

const counterPay = (s: Site, unit: number, billId: string, amountFen: number) =>
  s.cashier.call('POST', `/api/staff/communities/${s.community.id}/counter-payments`, {
    body: { unitId: s.units[unit]!.id, channel: 'CASH', amountFen, billIds: [billId] },
  });

async function wechatOrder(who: Actor, billIds: string[]) {
  const res = await who.call('POST', '/api/pay/orders', { body: { billIds } });
  expect(res.status).toBe(201);
  return res.body.order as { id: string; outTradeNo: string; amountFen: number };
}

const receiptOf = (who: Actor, orderId: string) =>
  eventually(async () => {
    const res = await who.call('GET', `/api/pay/orders/${orderId}`);
    expect(res.body).toMatchObject({ state: 'PAID', receiptNo: expect.stringMatching(/^SJ2026-/) });
    return res.body.receiptNo as string;
  }, 10_000);

describe('receipt numbers', () => {
  it('two communities whose ids share their first characters each take counter and WeChat payments with receipts', async () => {
    const suffix = () => randomUUID().slice(4);
    const [A, B] = [await site(`abcd${suffix()}`), await site(`abcd${suffix()}`)];
    const receipts: string[] = [];
    for (const s of [A, B]) {
      const [bill] = await openBills(s.owner, s.units[0]!.id);
      const counter = await counterPay(s, 0, bill!.id, bill!.amountFen);
      expect(counter.status).toBe(201);
      receipts.push(counter.body.receiptNo);
    }
    for (const s of [A, B]) {
      const [bill] = await openBills(s.owner, s.units[0]!.id);
      const order = await wechatOrder(s.owner, [bill!.id]);
      await h.sim('/sim/pay/pay', { outTradeNo: order.outTradeNo });
      receipts.push(await receiptOf(s.owner, order.id));
      // Issue 30: the receipt and the bill page name who was paid — the community's property company.
      const company = await h.db.propertyCompany.findUniqueOrThrow({ where: { id: s.companyId } });
      const paid = await s.owner.call('GET', `/api/pay/orders/${order.id}`);
      expect(paid.body.payee).toEqual({ company: company.name, community: s.community.name });
      const summary = await s.owner.call('GET', '/api/bills/summary');
      expect(summary.body.units[0].payee).toBe(company.name);
    }
    for (const s of [A, B]) {
      const [bill] = await openBills(s.owner, s.units[0]!.id);
      const counter = await counterPay(s, 0, bill!.id, bill!.amountFen);
      expect(counter.status).toBe(201);
      receipts.push(counter.body.receiptNo);
    }
    const [codeA, codeB] = [A, B].map((s) => s.community.code);
    expect(codeA).not.toBe(codeB);
    expect(receipts).toEqual([
      `SJ2026-${codeA}-000001`,
      `SJ2026-${codeB}-000001`,
      `SJ2026-${codeA}-000002`,
      `SJ2026-${codeB}-000002`,
      `SJ2026-${codeA}-000003`,
      `SJ2026-${codeB}-000003`,
    ]);
  });

  it('a new community gets a code of its own from the database: XQ and at least three digits', async () => {
    const { community } = await makeCommunity(h.db, { units: 0 });
    expect(community.code).toMatch(/^XQ\d{3,}$/);
  });
});

describe('settling', () => {
  it('an order whose settling fails is flagged and skipped; the later orders get their receipts; a retry settles it', async () => {
    const s = await site();
    // The failing order: its bill paid at the counter meanwhile (an overpayment, to be refunded), and its
    // refund number already taken, so recording the refund throws.
    const [stuckBill] = await openBills(s.neighbour, s.units[1]!.id);
    const stuck = await wechatOrder(s.neighbour, [stuckBill!.id]);
    expect((await counterPay(s, 1, stuckBill!.id, stuckBill!.amountFen)).status).toBe(201);
    const blocker = await h.db.refund.create({
      data: {
        outRefundNo: `RF${stuck.outTradeNo.slice(2)}OP`,
        orderId: stuck.id,
        communityId: s.community.id,
        kind: 'CASHIER',
        amountFen: 1,
        reason: '占用退款单号',
        createdAt: clock.now(),
      },
    });
    // the desk closed the order at WeChat first; its payer, already in the password step, pays all the same
    await h.sim('/sim/pay/pay', { outTradeNo: stuck.outTradeNo, enteredPasswordBeforeClose: true });
    await eventually(async () => {
      expect(await h.db.paymentIssue.findFirst({ where: { outTradeNo: stuck.outTradeNo } })).toMatchObject({
        kind: 'SETTLE_FAILED',
        resolvedAt: null,
      });
    }, 10_000);

    // Later orders of the same community are settled all the same.
    for (const [who, unit] of [
      [s.owner, 0],
      [s.owner, 0],
    ] as const) {
      const [bill] = await openBills(who, s.units[unit]!.id);
      const order = await wechatOrder(who, [bill!.id]);
      await h.sim('/sim/pay/pay', { outTradeNo: order.outTradeNo });
      expect(await receiptOf(who, order.id)).toMatch(new RegExp(`^SJ2026-${s.community.code}-`));
    }
    expect(await h.db.payOrder.findUniqueOrThrow({ where: { id: stuck.id } })).toMatchObject({ settledAt: null });

    // Once the cause is gone, the sweeper's run settles it and the flag is resolved.
    await h.db.refund.delete({ where: { id: blocker.id } });
    const { settleCommunity } = await import('../bff/src/pay/settle.js');
    await settleCommunity(h.deps, s.community.id);
    expect((await h.db.payOrder.findUniqueOrThrow({ where: { id: stuck.id } })).settledAt).toEqual(expect.any(Date));
    expect(await h.db.refund.findFirst({ where: { orderId: stuck.id } })).toMatchObject({ kind: 'OVERPAYMENT' });
    expect(
      await h.db.paymentIssue.findFirst({ where: { kind: 'SETTLE_FAILED', outTradeNo: stuck.outTradeNo } }),
    ).toMatchObject({
      resolvedAt: expect.any(Date),
    });
  });
});
