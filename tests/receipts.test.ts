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

/** Receipt numbers (issue 24): one series per community, named by its own code. */
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
