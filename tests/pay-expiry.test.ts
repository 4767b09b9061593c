import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';
import { useHarness } from './support/use-harness.js';
import type { Actor } from './support/actors.js';
import { billedOwner, eventually, openBills } from './support/factories/index.js';
import { QUERY_SCHEDULE_SECONDS } from '../bff/src/pay/sync-order.js';

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
 * An unpaid order left to expire: the query chain closes it here and at WeChat. Then its payer, who was
 * already in the password step, pays it at WeChat after all, and that notify is lost.
 */
async function closedThenPaidAtWechat() {
  const bill = (await openBills(owner, A.units[0]!.id)).find((b) => b.state === 'UNPAID')!;
  const res = await owner.call('POST', '/api/pay/orders', { body: { billIds: [bill.id] } });
  const orderId: string = res.body.order.id;
  clock.advance(16 * 60_000);
  // WeChat's clock moves with ours before the close, so what it signs later (the refund's notify) is not
  // stale and the late payer is within the simulator's short window after the close
  const sim = await h.sim<{ now: string }>('/sim/clock', { advanceMs: 0 });
  const behind = clock.now().getTime() - Date.parse(sim.now);
  if (behind > 0) await h.sim('/sim/clock', { advanceMs: behind });
  await firstQueryIsDue(orderId);
  await eventually(
    async () => expect((await h.db.payOrder.findUniqueOrThrow({ where: { id: orderId } })).state).toBe('CLOSED'),
    12_000,
  );
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

/**
 * A step of the order's query chain, waiting for its time, made due now: pg-boss holds it until then by
 * the database's clock, which the test's clock does not move.
 */
async function queryIsDue(orderId: string, step: number) {
  const moved = await h.db.$executeRaw`
    UPDATE pgboss.job SET start_after = now()
     WHERE name = 'pay.query-order' AND state = 'created' AND data->>'orderId' = ${orderId}
       AND (data->>'step')::int = ${step}`;
  expect(moved).toBe(1);
}
/** The query chain's first query (5 s after the order) made due now. */
const firstQueryIsDue = (orderId: string) => queryIsDue(orderId, 0);
/** The query chain's last look at a closed order, scheduled when it was closed: made due now. */
const lastLookIsDue = (orderId: string) => queryIsDue(orderId, QUERY_SCHEDULE_SECONDS.length - 1);

const simOrder = async (no: string): Promise<any> => (await fetch(`${h.simUrl}/sim/pay/orders/${no}`)).json();

describe('expired orders', () => {
  it('an unpaid order is closed at WeChat once expired, and its bills can be paid again', async () => {
    const [bill] = await openBills(owner, A.units[0]!.id);
    const first = await owner.call('POST', '/api/pay/orders', { body: { billIds: [bill!.id] } });
    clock.advance(16 * 60_000);
    // the first scheduled query (5 s after the order) finds it expired and closes it
    await firstQueryIsDue(first.body.order.id);
    await eventually(
      async () =>
        expect(await h.db.payOrder.findUniqueOrThrow({ where: { id: first.body.order.id } })).toMatchObject({
          state: 'CLOSED',
        }),
      12_000,
    );
    expect((await simOrder(first.body.order.outTradeNo)).trade_state).toBe('CLOSED');
    expect(await h.db.bill.findUniqueOrThrow({ where: { id: bill!.id } })).toMatchObject({
      state: 'UNPAID',
      lockedOrderId: null,
    });
    const second = await owner.call('POST', '/api/pay/orders', { body: { billIds: [bill!.id] } });
    expect(second.status).toBe(201);
    expect(second.body.order.id).not.toBe(first.body.order.id);
    expect(second.body.order.outTradeNo).not.toBe(first.body.order.outTradeNo);
  });

  it('an order closed here but paid at WeChat (payer already in the password step), its notify lost: the query chain credits it', async () => {
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

  it('the same, with the bill paid at the counter after the close: the WeChat payment is recorded and refunded, once', async () => {
    const { bill, orderId, pay } = await closedThenPaidAtWechat();
    const counter = await manager.call('POST', `/api/staff/communities/${A.community.id}/counter-payments`, {
      body: { unitId: A.units[0]!.id, channel: 'CASH', amountFen: bill.amountFen, billIds: [bill.id] },
    });
    expect(counter.status).toBe(201);
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
    await firstQueryIsDue(res.body.order.id);
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
