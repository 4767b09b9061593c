import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';
import { useHarness } from './support/use-harness.js';
import type { Actor } from './support/actors.js';
import { billedOwner, eventually, openBills } from './support/factories/index.js';
import { QUERY_SCHEDULE_SECONDS } from '../bff/src/pay/sync-order.js';
import { releaseOrder } from '../bff/src/pay/apply-transaction.js';

/**
 * Orders nobody pays: closed at WeChat after they expire (15 minutes) and their bills freed; an expired
 * order that was paid after all is credited, never closed. The query chain runs in the worker.
 */
const clock = new ManualClock(atBeijing('2026-11-20', 10 * 60)); // a fixed instant, not today
const h = useHarness({ clock, worker: true });
let A: Awaited<ReturnType<typeof billedOwner>>['site'];
let owner: Actor;
let manager: Actor;

beforeAll(async () => {
  ({ site: A, owner, manager } = await billedOwner(h, ['2026-01', '2026-02', '2026-03', '2026-04']));
});

/**
 * An order closed here and at WeChat before it expired — as the counter closes a bill's pending order
 * before taking money for it (`close` none: closed and released as closeWechatOrdersFirst does; `close`
 * a payment: the counter payment itself closes it). Its payer, already in the password step, then pays
 * it at WeChat after all, within the simulator's window and before time_expire (WeChat refuses any
 * payment after it), and that notify is lost. The order was closed before the query chain's next step,
 * which therefore schedules one last look.
 */
async function closedThenPaidAtWechat(close?: (bill: { id: string; amountFen: number }) => Promise<void>) {
  const bill = (await openBills(owner, A.units[0]!.id)).find((b) => b.state === 'UNPAID')!;
  const res = await owner.call('POST', '/api/pay/orders', { body: { billIds: [bill.id] } });
  const orderId: string = res.body.order.id;
  // WeChat's clock moves with ours, so what it signs later (the refund's notify) is not stale
  const sim = await h.sim<{ now: string }>('/sim/clock', { advanceMs: 0 });
  const behind = clock.now().getTime() - Date.parse(sim.now);
  if (behind > 0) await h.sim('/sim/clock', { advanceMs: behind });
  if (close) await close(bill);
  else {
    expect(await h.deps.wechat.pay!.close(res.body.order.outTradeNo)).toBe('closed');
    expect(await releaseOrder(h.deps, orderId, 'closed at WeChat before a counter payment')).toBe(true);
  }
  expect((await h.db.payOrder.findUniqueOrThrow({ where: { id: orderId } })).state).toBe('CLOSED');
  // the chain's next step finds it closed (not paid yet) and schedules its last look
  await eventually(async () => expect(await lastLookQueued(orderId)).toBe(1), 12_000);
  return {
    bill,
    orderId,
    pay: () =>
      h.sim('/sim/pay/pay', {
        outTradeNo: res.body.order.outTradeNo,
        enteredPasswordBeforeClose: true,
        notify: false,
      }),
  };
}

const lastLookQueued = async (orderId: string) =>
  Number(
    (
      await h.db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM pgboss.job
         WHERE name = 'pay.query-order' AND state = 'created' AND data->>'orderId' = ${orderId}
           AND (data->>'step')::int = ${QUERY_SCHEDULE_SECONDS.length - 1}`
    )[0]!.n,
  );

/** The query chain's last look at a closed order, scheduled when it was closed: made due now. */
async function lastLookIsDue(orderId: string) {
  const moved = await h.db.$executeRaw`
    UPDATE pgboss.job SET start_after = now()
     WHERE name = 'pay.query-order' AND state = 'created' AND data->>'orderId' = ${orderId}
       AND (data->>'step')::int = ${QUERY_SCHEDULE_SECONDS.length - 1}`;
  expect(moved).toBe(1);
}

const simOrder = async (no: string): Promise<any> => (await fetch(`${h.simUrl}/sim/pay/orders/${no}`)).json();

describe('expired orders', () => {
  it('an unpaid order is closed at WeChat once expired, and its bills can be paid again', async () => {
    const [bill] = await openBills(owner, A.units[0]!.id);
    const first = await owner.call('POST', '/api/pay/orders', { body: { billIds: [bill!.id] } });
    clock.advance(16 * 60_000);
    // the first scheduled query (5 s after the order) finds it expired and closes it
    await eventually(
      async () =>
        expect(await h.db.payOrder.findUniqueOrThrow({ where: { id: first.body.order.id } })).toMatchObject({
          state: 'CLOSED',
        }),
      12_000,
    );
    expect((await simOrder(first.body.order.outTradeNo)).trade_state).toBe('CLOSED');
    // past its time_expire (WeChat's clock where ours is) WeChat takes no payment, not even from a payer
    // already in the password step
    const sim = await h.sim<{ now: string }>('/sim/clock', { advanceMs: 0 });
    await h.sim('/sim/clock', { advanceMs: Math.max(0, clock.now().getTime() - Date.parse(sim.now)) });
    const late = await fetch(`${h.simUrl}/sim/pay/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outTradeNo: first.body.order.outTradeNo, enteredPasswordBeforeClose: true }),
    });
    expect(late.status).toBe(409);
    expect(await h.db.bill.findUniqueOrThrow({ where: { id: bill!.id } })).toMatchObject({
      state: 'UNPAID',
      lockedOrderId: null,
    });
    const second = await owner.call('POST', '/api/pay/orders', { body: { billIds: [bill!.id] } });
    expect(second.status).toBe(201);
    expect(second.body.order.id).not.toBe(first.body.order.id);
    expect(second.body.order.outTradeNo).not.toBe(first.body.order.outTradeNo);
  });

  it('an order closed here before it expired but paid at WeChat (payer already in the password step), its notify lost: the query chain credits it', async () => {
    const { bill, orderId, pay } = await closedThenPaidAtWechat();
    await pay();
    await lastLookIsDue(orderId);
    await eventually(
      async () => expect((await h.db.payOrder.findUniqueOrThrow({ where: { id: orderId } })).state).toBe('PAID'),
      12_000,
    );
    expect(await h.db.bill.findUniqueOrThrow({ where: { id: bill.id } })).toMatchObject({ state: 'PAID' });
    expect(await h.db.ledgerEntry.findMany({ where: { orderId } })).toMatchObject([
      { kind: 'WECHAT_PAYMENT', billId: bill.id, amountFen: bill.amountFen },
    ]);
  });

  it('the same, closed by a counter payment for its bill: the WeChat payment is recorded and refunded, once', async () => {
    const { bill, orderId, pay } = await closedThenPaidAtWechat(async (b) => {
      const counter = await manager.call('POST', `/api/staff/communities/${A.community.id}/counter-payments`, {
        body: { unitId: A.units[0]!.id, channel: 'CASH', amountFen: b.amountFen, billIds: [b.id] },
      });
      expect(counter.status).toBe(201);
    });
    await pay();
    await lastLookIsDue(orderId);
    await eventually(
      async () =>
        expect(await h.db.refund.findMany({ where: { orderId } })).toMatchObject([
          { kind: 'OVERPAYMENT', amountFen: bill.amountFen, state: 'SUCCESS' },
        ]),
      15_000,
    );
    expect(await h.db.payOrder.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ state: 'PAID' });
    expect(await h.db.ledgerEntry.count({ where: { billId: bill.id, kind: 'WECHAT_PAYMENT' } })).toBe(0);
  });

  it('an order paid just before it expired is credited, not closed, even with its notify lost', async () => {
    const bill = (await openBills(owner, A.units[0]!.id)).find((b) => b.state === 'UNPAID')!;
    const res = await owner.call('POST', '/api/pay/orders', { body: { billIds: [bill.id] } });
    await h.sim('/sim/pay/faults', { notify: [{ kind: 'drop' }] });
    await h.sim('/sim/pay/pay', { outTradeNo: res.body.order.outTradeNo });
    clock.advance(16 * 60_000);
    await eventually(
      async () =>
        expect(await h.db.payOrder.findUniqueOrThrow({ where: { id: res.body.order.id } })).toMatchObject({
          state: 'PAID',
        }),
      12_000,
    );
    expect(await h.db.bill.findUniqueOrThrow({ where: { id: bill.id } })).toMatchObject({ state: 'PAID' });
  });
});
