import { beforeAll, describe, expect, it } from 'vitest';
import { readDayBill } from '../bff/src/reconcile/download.js';
import { TradeBillError, type TradeRow } from '../bff/src/reconcile/trade-bill.js';
import { PayApiError } from '../bff/src/wechat/pay-client.js';
import { releaseOrder } from '../bff/src/pay/apply-transaction.js';
import { useHarness } from './support/use-harness.js';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing, beijingDay } from '../bff/src/beijing.js';
import { staff, type Actor } from './support/actors.js';
import { billedOwner, eventually, makeCommunity, openBills } from './support/factories/index.js';

/**
 * 对账 over a simulated day (docs/wechat.md §5): the simulator's WeChat Pay writes the day's trade bill
 * from its own records, with a difference of every kind injected; the BFF downloads it (SHA-1 checked),
 * reads it by the column contract and matches it against our orders and refunds. No worker here: the
 * order whose notify is lost must still be pending when the day is reconciled.
 */
// The payments are made at 07:30 on 20 November 2026 in Beijing — still the 19th in UTC and in New York —
// whatever day the tests run.
const clock = new ManualClock(atBeijing('2026-11-20', 7 * 60 + 30));
const h = useHarness({ clock });
let owner: Actor;
let manager: Actor;
let outsider: Actor;
let site: Awaited<ReturnType<typeof billedOwner>>['site'];
/** The Beijing day the payments were made (the simulator's clock is moved on later). */
let day: string;
const orders: Record<
  'matched' | 'lost' | 'omitted' | 'amount' | 'status',
  { id: string; outTradeNo: string; amountFen: number }
> = {} as never;

beforeAll(async () => {
  ({ site, owner, manager } = await billedOwner(h, ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']));
  const other = await makeCommunity(h.db, { units: 1 });
  outsider = await staff(h, 'CASHIER', { id: other.community.id, companyId: other.companyId });
  await h.sim('/sim/pay/config', { refundDelayMs: 10 });
  const bills = await openBills(owner, site.units[0]!.id);
  for (const [i, name] of (['matched', 'lost', 'omitted', 'amount', 'status'] as const).entries()) {
    const res = await owner.call('POST', '/api/pay/orders', { body: { billIds: [bills[i]!.id] } });
    orders[name] = res.body.order;
    if (name === 'lost') await h.sim('/sim/pay/faults', { notify: [{ kind: 'drop' }] });
    await h.sim('/sim/pay/pay', { outTradeNo: res.body.order.outTradeNo });
    if (name !== 'lost')
      await eventually(async () =>
        expect((await h.db.payOrder.findUniqueOrThrow({ where: { id: res.body.order.id } })).state).toBe('PAID'),
      );
  }
  const matchedBill = bills[0]!;
  expect(
    (
      await manager.call('POST', `/api/staff/bills/${matchedBill.id}/refunds`, {
        body: { amountFen: 1000, reason: '多收退回' },
      })
    ).status,
  ).toBe(201);
  await eventually(async () =>
    expect((await h.db.refund.findFirstOrThrow({ where: { billId: matchedBill.id } })).state).toBe('SUCCESS'),
  );
  expect((await h.db.payOrder.findUniqueOrThrow({ where: { id: orders.lost.id } })).state).toBe('PENDING');
  const first = await h.db.payOrder.findUniqueOrThrow({ where: { id: orders.matched.id } });
  day = beijingDay(first.paidAt!);
  expect(day).toBe('2026-11-20');
});

const run = (who: Actor) => who.call('POST', '/api/staff/reconciliation/runs', { body: { day } });

describe('the trade bill', () => {
  it('is not there before 10:00 the next day', async () => {
    const err = await readDayBill(h.deps.wechat.pay!, day, () => undefined).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PayApiError);
    expect((err as PayApiError).code).toBe('NO_STATEMENT_EXIST');
    expect((await run(manager)).body).toMatchObject({ code: 'RECONCILE_FAILED', details: { reason: 'NOT_READY' } });
  });

  it('the next day: five payment rows and a refund row, fees included, a summary that adds up', async () => {
    await h.sim('/sim/clock', { advanceMs: 36 * 3600_000 });
    const rows: TradeRow[] = [];
    const summary = await readDayBill(h.deps.wechat.pay!, day, (row) => void rows.push(row));
    expect(
      rows
        .filter((r) => r.state === 'SUCCESS')
        .map((r) => r.outTradeNo)
        .sort(),
    ).toEqual(
      Object.values(orders)
        .map((o) => o.outTradeNo)
        .sort(),
    );
    expect(rows.filter((r) => r.state === 'REFUND').map((r) => r.refundFen)).toEqual([1000]);
    expect(summary.rows).toBe(6);
    expect(summary.feeMilliFen).toBe(rows.reduce((s, r) => s + r.feeMilliFen, 0));
  });

  it.each([
    ['a truncated download', { truncate: true }, 'TRUNCATED'],
    ["a hash that is not the file's", { badHash: true }, 'HASH'],
    ['an unknown column', { extraColumn: true }, 'COLUMNS'],
    ['a summary that does not add up', { summaryOff: true }, 'SUMMARY'],
  ])('refuses %s', async (_, fault, reason) => {
    await h.sim('/sim/pay/bill-faults', fault);
    const err = await readDayBill(h.deps.wechat.pay!, day, () => undefined).catch((e: unknown) => e);
    await h.sim('/sim/pay/bill-faults', {});
    expect(err).toBeInstanceOf(TradeBillError);
    expect((err as TradeBillError).reason).toBe(reason);
  });
});

describe('reconciling the day', () => {
  const faults = () => ({
    omit: [orders.omitted.outTradeNo],
    amounts: { [orders.amount.outTradeNo]: orders.amount.amountFen + 1 },
    states: { [orders.status.outTradeNo]: 'REVOKED' },
  });

  /** `wyt_reconcile_differences_total` by kind (docs/production.md, Metrics). */
  const countedDifferences = async () =>
    Object.fromEntries((await h.deps.metrics.reconcileDifferences.get()).values.map((v) => [v.labels.kind, v.value]));

  it('finds exactly the differences injected, applies the payment whose notify was lost, and sums the rest', async () => {
    await h.sim('/sim/pay/bill-faults', faults());
    const res = await run(manager);
    expect(res.status).toBe(200);
    const kinds = res.body.differences.map((d: { kind: string; outTradeNo: string; resolvedAt: string | null }) => [
      d.kind,
      d.outTradeNo,
      d.resolvedAt !== null,
    ]);
    expect(kinds.sort()).toEqual(
      [
        ['AMOUNT_MISMATCH', orders.amount.outTradeNo, false],
        ['ONLY_OURS', orders.omitted.outTradeNo, false],
        ['ONLY_WECHAT', orders.lost.outTradeNo, true],
        ['STATUS_MISMATCH', orders.status.outTradeNo, false],
      ].sort(),
    );
    expect(res.body).toMatchObject({
      matchedCount: 2,
      matchedFen: orders.matched.amountFen + orders.lost.amountFen,
      refundMatchedCount: 1,
      refundMatchedFen: 1000,
      differenceCount: 4,
      wechatRows: 5,
      lastError: null,
    });
    expect(await h.db.payOrder.findUniqueOrThrow({ where: { id: orders.lost.id } })).toMatchObject({ state: 'PAID' });
    expect(await countedDifferences()).toEqual({
      AMOUNT_MISMATCH: 1,
      ONLY_OURS: 1,
      ONLY_WECHAT: 1,
      STATUS_MISMATCH: 1,
    });
  });

  it('a bill that cannot be trusted stops the run with a clear error and leaves the last result', async () => {
    await h.sim('/sim/pay/bill-faults', { ...faults(), truncate: true });
    const res = await run(manager);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'RECONCILE_FAILED',
      details: { reason: 'TRUNCATED' },
      message: expect.stringMatching(/不完整/),
    });
    const kept = (await manager.call('GET', `/api/staff/reconciliation/runs/${day}`)).body;
    expect(kept).toMatchObject({ matchedCount: 2, differenceCount: 4, lastError: expect.stringMatching(/不完整/) });
    expect(kept.differences).toHaveLength(4);
  });

  it('re-running the day is idempotent', async () => {
    await h.sim('/sim/pay/bill-faults', faults());
    const again = await run(manager);
    expect(again.body).toMatchObject({ matchedCount: 2, differenceCount: 4, lastError: null, attempts: 4 });
    expect(await h.db.reconcileDifference.count({ where: { day } })).toBe(4);
    // The metric counts differences new to the day: found again, none is counted twice.
    expect(await countedDifferences()).toEqual({
      AMOUNT_MISMATCH: 1,
      ONLY_OURS: 1,
      ONLY_WECHAT: 1,
      STATUS_MISMATCH: 1,
    });
  });

  it("the cashier resolves a difference with a note, once; another community's cashier sees none of them", async () => {
    const open = (await manager.call('GET', `/api/staff/reconciliation/runs/${day}`)).body.differences.find(
      (d: { resolvedAt: string | null }) => !d.resolvedAt,
    );
    expect((await outsider.call('GET', `/api/staff/reconciliation/runs/${day}`)).body.differences).toEqual([]);
    expect(
      (
        await outsider.call('POST', `/api/staff/reconciliation/differences/${open.id}/resolve`, {
          body: { note: '已核实' },
        })
      ).status,
    ).toBe(404);
    const done = await manager.call('POST', `/api/staff/reconciliation/differences/${open.id}/resolve`, {
      body: { note: '已与微信支付核实，系其系统延迟' },
    });
    expect(done.body).toMatchObject({ resolvedById: manager.userId, note: '已与微信支付核实，系其系统延迟' });
    expect(
      (
        await manager.call('POST', `/api/staff/reconciliation/differences/${open.id}/resolve`, {
          body: { note: '再次处理' },
        })
      ).body.code,
    ).toBe('ALREADY_DECIDED');
    expect((await owner.call('GET', `/api/staff/reconciliation/runs/${day}`)).status).toBe(404);
  });
});

describe('an order closed here but paid at WeChat', () => {
  /** Both clocks, ours and WeChat's, moved to the same instant `ms` later than WeChat's now. */
  async function advanceBoth(ms: number) {
    const sim = await h.sim<{ now: string }>('/sim/clock', { advanceMs: ms });
    clock.advance(Date.parse(sim.now) - clock.now().getTime());
  }

  it("is credited when the day's bill shows its payment (its notify lost), and the difference resolved", async () => {
    await advanceBoth(0);
    const bill = (await openBills(owner, site.units[0]!.id)).find((b) => b.state === 'UNPAID')!;
    const res = await owner.call('POST', '/api/pay/orders', { body: { billIds: [bill.id] } });
    const orderId: string = res.body.order.id;
    await advanceBoth(60_000);
    // closed at WeChat, then here, before it expired — as the counter does before taking money for its bill
    expect(await h.deps.wechat.pay!.close(res.body.order.outTradeNo)).toBe('closed');
    expect(await releaseOrder(h.deps, orderId, 'closed at WeChat before a counter payment')).toBe(true);
    expect(await h.db.payOrder.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ state: 'CLOSED' });
    // the payer was already in the password step: paid at WeChat all the same (before time_expire), its notify lost
    await h.sim('/sim/pay/pay', {
      outTradeNo: res.body.order.outTradeNo,
      enteredPasswordBeforeClose: true,
      notify: false,
    });
    const payDay = beijingDay(clock.now());
    await advanceBoth(24 * 3600_000);
    const ran = await manager.call('POST', '/api/staff/reconciliation/runs', { body: { day: payDay } });
    expect(ran.status).toBe(200);
    expect(ran.body.differences).toMatchObject([
      { kind: 'ONLY_WECHAT', outTradeNo: res.body.order.outTradeNo, resolvedAt: expect.any(String) },
    ]);
    expect(await h.db.payOrder.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ state: 'PAID' });
    expect(await h.db.bill.findUniqueOrThrow({ where: { id: bill.id } })).toMatchObject({ state: 'PAID' });
    expect(await h.db.ledgerEntry.count({ where: { orderId, kind: 'WECHAT_PAYMENT' } })).toBe(1);
  });
});
