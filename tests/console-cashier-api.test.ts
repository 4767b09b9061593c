import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from './support/use-harness.js';
import { staff, type Actor } from './support/actors.js';
import { billedOwner, eventually, makeCommunity, openBills } from './support/factories/index.js';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';

/**
 * The three lists the console's cashier screens need (#26, docs/console.md): a community's counter
 * payments (a unit's receipts and void requests), its refunds with their states, and reconciliation
 * runs by day with the caller's open differences. Each is scoped: another community's cashier gets 404.
 */
// 20 November 2026, 07:30 in Beijing, whatever day the tests run.
const clock = new ManualClock(atBeijing('2026-11-20', 7 * 60 + 30));
const h = useHarness({ clock });
let site: Awaited<ReturnType<typeof billedOwner>>['site'];
let owner: Actor;
let cashier: Actor;
let outsider: Actor;
let nobody: Actor;
let c: string;

beforeAll(async () => {
  ({ site, owner } = await billedOwner(h, ['2026-05', '2026-06', '2026-07', '2026-08']));
  cashier = await staff(h, 'CASHIER', { id: site.community.id, companyId: site.companyId });
  const other = await makeCommunity(h.db, { units: 1 });
  outsider = await staff(h, 'CASHIER', { id: other.community.id, companyId: other.companyId });
  nobody = await staff(h, 'TECHNICIAN', { id: site.community.id, companyId: site.companyId });
  c = `/api/staff/communities/${site.community.id}`;
  await h.sim('/sim/pay/config', { refundDelayMs: 10 });
});

describe('counter payments of a unit', () => {
  it('lists receipts newest first with their states, filters by unit and state, pages by keyset with the total', async () => {
    const bills = await openBills(owner, site.units[0]!.id);
    const ids: string[] = [];
    for (const b of bills.slice(0, 2)) {
      clock.advance(60_000);
      const r = await cashier.call('POST', `${c}/counter-payments`, {
        body: { unitId: site.units[0]!.id, channel: 'CASH', amountFen: b.payableFen, billIds: [b.id] },
      });
      expect(r.status).toBe(201);
      ids.push(r.body.id);
    }
    await cashier.call('POST', `/api/staff/counter-payments/${ids[0]}/void`, { body: { reason: '收错房号了' } });

    const all = await cashier.call('GET', `${c}/counter-payments?unitId=${site.units[0]!.id}`);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(2);
    expect(all.body.items.map((p: { id: string }) => p.id)).toEqual([ids[1], ids[0]]);
    expect(all.body.items[1]).toMatchObject({ state: 'VOID_REQUESTED', voidReason: '收错房号了', bills: 1 });

    const voids = await cashier.call('GET', `${c}/counter-payments?state=VOID_REQUESTED`);
    expect(voids.body.items.map((p: { id: string }) => p.id)).toEqual([ids[0]]);
    const first = await cashier.call('GET', `${c}/counter-payments?limit=1`);
    expect(first.body).toMatchObject({ total: 2, items: [{ id: ids[1] }] });
    const second = await cashier.call('GET', `${c}/counter-payments?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((p: { id: string }) => p.id)).toEqual([ids[0]]);
    expect(second.body.nextCursor).toBeNull();

    expect((await outsider.call('GET', `${c}/counter-payments`)).status).toBe(404);
    expect((await nobody.call('GET', `${c}/counter-payments`)).status).toBe(404);
  });
});

describe('refunds and reconciliation runs', () => {
  let outTradeNo: string;
  it('lists a cashier refund with its state, bill and unit', async () => {
    const [bill] = (await openBills(owner, site.units[0]!.id)).slice(-1);
    const order = await owner.call('POST', '/api/pay/orders', { body: { billIds: [bill!.id] } });
    outTradeNo = order.body.order.outTradeNo;
    await h.sim('/sim/pay/pay', { outTradeNo });
    await eventually(async () =>
      expect((await h.db.bill.findUniqueOrThrow({ where: { id: bill!.id } })).state).toBe('PAID'),
    );
    const asked = await cashier.call('POST', `/api/staff/bills/${bill!.id}/refunds`, {
      body: { amountFen: 500, reason: '多收退回' },
    });
    expect(asked.status).toBe(201);
    await eventually(async () => {
      const list = await cashier.call('GET', `${c}/refunds?state=SUCCESS`);
      expect(list.body.total).toBe(1);
      expect(list.body.items[0]).toMatchObject({
        amountFen: 500,
        reason: '多收退回',
        state: 'SUCCESS',
        outTradeNo,
        bill: { item: '物业服务费', period: '2026-08' },
        unit: { id: site.units[0]!.id },
      });
    });
    expect((await cashier.call('GET', `${c}/refunds?state=PENDING`)).body).toMatchObject({ total: 0, items: [] });
    expect((await outsider.call('GET', `${c}/refunds`)).status).toBe(404);
  });

  it("lists the days' runs with the caller's differences, open and resolved", async () => {
    await h.sim('/sim/clock', { advanceMs: 36 * 3600_000 });
    // A payment WeChat has and we lost track of: a difference of this community.
    await h.db.payOrder.updateMany({ where: { outTradeNo }, data: { amountFen: 1 } });
    const run = await cashier.call('POST', '/api/staff/reconciliation/runs', { body: { day: '2026-11-20' } });
    expect(run.status).toBe(200);
    const list = await cashier.call('GET', '/api/staff/reconciliation/runs?from=2026-11-01&to=2026-11-30');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    const day = list.body.items[0];
    expect(day).toMatchObject({ day: '2026-11-20', refundMatchedCount: 1, refundMatchedFen: 500 });
    expect(day.differences).toBeGreaterThan(0);
    expect(day.open).toBe(day.differences);
    const diff = run.body.differences[0];
    await cashier.call('POST', `/api/staff/reconciliation/differences/${diff.id}/resolve`, {
      body: { note: '已核实' },
    });
    const after = await cashier.call('GET', '/api/staff/reconciliation/runs?from=2026-11-20&to=2026-11-20');
    expect(after.body.items[0].open).toBe(day.differences - 1);
    // Another community's cashier sees the day, not this community's differences.
    const theirs = await outsider.call('GET', '/api/staff/reconciliation/runs?from=2026-11-20&to=2026-11-20');
    expect(theirs.body.items[0]).toMatchObject({ day: '2026-11-20', differences: 0, open: 0 });
    expect((await nobody.call('GET', '/api/staff/reconciliation/runs?from=2026-11-20&to=2026-11-20')).status).toBe(404);
  });
});
