import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';
import { useHarness } from './support/use-harness.js';
import type { Actor } from './support/actors.js';
import { billedOwner, eventually, openBills } from './support/factories/index.js';

/**
 * Orders nobody pays: closed at WeChat after they expire (15 minutes) and their bills freed; an expired
 * order that was paid after all is credited, never closed. The query chain runs in the worker.
 */
const clock = new ManualClock(atBeijing('2026-11-20', 10 * 60)); // a fixed instant, not today
const h = useHarness({ clock, worker: true });
let A: Awaited<ReturnType<typeof billedOwner>>['site'];
let owner: Actor;

beforeAll(async () => {
  ({ site: A, owner } = await billedOwner(h, ['2026-01', '2026-02']));
});

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
    expect(await h.db.bill.findUniqueOrThrow({ where: { id: bill!.id } })).toMatchObject({
      state: 'UNPAID',
      lockedOrderId: null,
    });
    const second = await owner.call('POST', '/api/pay/orders', { body: { billIds: [bill!.id] } });
    expect(second.status).toBe(201);
    expect(second.body.order.id).not.toBe(first.body.order.id);
    expect(second.body.order.outTradeNo).not.toBe(first.body.order.outTradeNo);
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
