import { beforeAll, describe, expect, it } from 'vitest';
import { readDayBill } from '../bff/src/reconcile/download.js';
import { TradeBillError } from '../bff/src/reconcile/trade-bill.js';
import { PayApiError } from '../bff/src/wechat/pay-client.js';
import { useHarness } from './support/use-harness.js';
import type { Actor } from './support/actors.js';
import { billedOwner, eventually, openBills } from './support/factories/index.js';

/**
 * The day's trade bill from the simulator's WeChat Pay, downloaded and read by the BFF's production
 * code (wechat-spec.md §5): ready the next day from 10:00; its SHA-1 checked; broken files refused.
 */
const h = useHarness({ worker: true });
let owner: Actor;
let site: Awaited<ReturnType<typeof billedOwner>>['site'];
let cashier: Actor;
/** The Beijing day the payments are made (the simulator's clock is moved on later). */
const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  ({ site, owner, manager: cashier } = await billedOwner(h, ['2026-01', '2026-02']));
  await h.sim('/sim/pay/config', { refundDelayMs: 10 });
  for (const bill of await openBills(owner, site.units[0]!.id)) {
    const res = await owner.call('POST', '/api/pay/orders', { body: { billIds: [bill.id] } });
    await h.sim('/sim/pay/pay', { outTradeNo: res.body.order.outTradeNo });
    await eventually(async () => expect((await owner.call('GET', `/api/pay/orders/${res.body.order.id}`)).body.state).toBe('PAID'));
  }
  const paid = await h.db.bill.findFirstOrThrow({ where: { unitId: site.units[0]!.id, state: 'PAID' } });
  expect((await cashier.call('POST', `/api/staff/bills/${paid.id}/refunds`, { body: { amountFen: 1000, reason: '多收退回' } })).status).toBe(201);
  await eventually(async () => expect((await h.db.refund.findFirstOrThrow({ where: { billId: paid.id } })).state).toBe('SUCCESS'));
});

const pay = () => h.deps.wechat.pay!;

describe('the trade bill', () => {
  it('is not there before 10:00 the next day', async () => {
    const err = await readDayBill(pay(), day).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PayApiError);
    expect((err as PayApiError).code).toBe('NO_STATEMENT_EXIST');
  });

  it('the next day: two payments and a refund row, with the fee, and a summary that adds up', async () => {
    await h.sim('/sim/clock', { advanceMs: 36 * 3600_000 });
    const { rows, summary } = await readDayBill(pay(), day);
    const orders = await h.db.payOrder.findMany({ where: { state: 'PAID', communityId: site.community.id }, orderBy: { paidAt: 'asc' } });
    expect(rows.filter((r) => r.state === 'SUCCESS').map((r) => [r.outTradeNo, r.transactionId, r.settleFen]).sort()).toEqual(orders.map((o) => [o.outTradeNo, o.transactionId, o.amountFen]).sort());
    expect(rows.filter((r) => r.state === 'REFUND').map((r) => r.refundFen)).toEqual([1000]);
    expect(summary.rows).toBe(3);
    expect(summary.feeFen).toBe(rows.reduce((s, r) => s + r.feeFen, 0));
  });

  it.each([
    ['a truncated download', { truncate: true }, 'TRUNCATED'],
    ['a hash that is not the file\'s', { badHash: true }, 'HASH'],
    ['an unknown column', { extraColumn: true }, 'COLUMNS'],
    ['a summary that does not add up', { summaryOff: true }, 'SUMMARY'],
  ])('refuses %s', async (_, fault, reason) => {
    await h.sim('/sim/pay/bill-faults', fault);
    const err = await readDayBill(pay(), day).catch((e: unknown) => e);
    await h.sim('/sim/pay/bill-faults', {});
    expect(err).toBeInstanceOf(TradeBillError);
    expect((err as TradeBillError).reason).toBe(reason);
  });
});
