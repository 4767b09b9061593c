import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useHarness } from './support/use-harness.js';
import type { Actor } from './support/actors.js';
import { billedOwner, eventually, monthsFromNow, openBills } from './support/factories/index.js';
import { settleJob } from '../bff/src/pay/settle.js';
import { syncOrder } from '../bff/src/pay/sync-order.js';

/**
 * The payment notification as an attacker and as WeChat's retries meet it (docs/wechat.md §5, docs/conventions.md
 * rule 5): every spoiled notification is refused and changes nothing; a sound one credits once.
 */
const h = useHarness({ worker: true }); // the settle job numbers receipts
let A: Awaited<ReturnType<typeof billedOwner>>['site'];
let owner: Actor;

beforeAll(async () => {
  ({ site: A, owner } = await billedOwner(h, [
    '2026-01',
    '2026-02',
    '2026-03',
    '2026-04',
    '2026-05',
    '2026-06',
    '2026-07',
  ]));
});

/** An order WeChat has been paid for, without its notification (dropped), so the test sends its own. */
async function paidAtWechatOnly() {
  const bill = (await openBills(owner, A.units[0]!.id)).find((b) => b.state === 'UNPAID')!;
  const res = await owner.call('POST', '/api/pay/orders', { body: { billIds: [bill.id] } });
  await h.sim('/sim/pay/faults', { notify: [{ kind: 'drop' }] });
  await h.sim('/sim/pay/pay', { outTradeNo: res.body.order.outTradeNo });
  return { orderId: res.body.order.id as string, outTradeNo: res.body.order.outTradeNo as string, billId: bill.id };
}

const built = (outTradeNo: string, extra: Record<string, unknown> = {}) =>
  h.sim<{ headers: Record<string, string>; body: string }>('/sim/pay/notifications', {
    outTradeNo,
    url: `${h.url}/wechat/pay/notify`,
    ...extra,
  });
const send = (n: { headers: Record<string, string>; body: string }) =>
  h.call('POST', '/wechat/pay/notify', { raw: n.body, headers: n.headers });

describe('spoiled notifications are refused and change nothing', () => {
  let o: Awaited<ReturnType<typeof paidAtWechatOnly>>;
  beforeAll(async () => {
    o = await paidAtWechatOnly();
  });

  it.each([
    ['a forged signature', 'signature', 401],
    ['an unknown serial (never fetched)', 'serial', 401],
    ['a stale timestamp (10 minutes old)', 'stale', 401],
    ['a SIGNTEST probe', 'signtest', 401],
    ['a ciphertext changed to another amount (signed again, so only the GCM tag catches it)', 'ciphertext', 400],
    ['an unknown algorithm', 'algorithm', 400],
  ])('%s', async (_, tamper, status) => {
    const res = await send(await built(o.outTradeNo, { tamper }));
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ code: 'FAIL', message: expect.any(String) });
    expect(await h.db.payOrder.findUniqueOrThrow({ where: { id: o.orderId } })).toMatchObject({
      state: 'PENDING',
      transactionId: null,
    });
    expect(await h.db.ledgerEntry.count({ where: { orderId: o.orderId } })).toBe(0);
    expect(await h.db.paymentIssue.count({ where: { outTradeNo: o.outTradeNo } })).toBe(0);
  });

  it('a body changed after signing', async () => {
    const n = await built(o.outTradeNo);
    const res = await send({
      headers: n.headers,
      body: n.body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESS" '),
    });
    expect(res.status).toBe(401);
  });

  it('missing headers', async () => {
    const n = await built(o.outTradeNo);
    const { 'Wechatpay-Nonce': _, ...rest } = n.headers;
    expect((await send({ headers: rest, body: n.body })).status).toBe(400);
  });

  it("an amount that is not our order's is never credited, and is flagged for the cashier", async () => {
    const n = await built(o.outTradeNo, {
      patch: { amount: { total: 1, payer_total: 1, currency: 'CNY', payer_currency: 'CNY' } },
    });
    expect((await send(n)).status).toBe(204); // retrying cannot make it right: acknowledged, flagged
    expect(await h.db.payOrder.findUniqueOrThrow({ where: { id: o.orderId } })).toMatchObject({ state: 'PENDING' });
    expect(await h.db.paymentIssue.findFirst({ where: { outTradeNo: o.outTradeNo } })).toMatchObject({
      kind: 'AMOUNT_MISMATCH',
      detail: { expectedFen: expect.any(Number), reportedFen: 1 },
    });
  });

  it("after all that, the sound notification credits the order at WeChat's success time, whatever the process time zone", async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York'; // the crediting statement must send an instant, not a local time
    try {
      expect((await send(await built(o.outTradeNo))).status).toBe(204);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    const paidAt = new Date(h.simState.pay.orders.get(o.outTradeNo)!.successTime!);
    expect(await h.db.payOrder.findUniqueOrThrow({ where: { id: o.orderId } })).toMatchObject({
      state: 'PAID',
      paidAt,
    });
    expect(await h.db.bill.findUniqueOrThrow({ where: { id: o.billId } })).toMatchObject({ state: 'PAID', paidAt });
    expect(await h.db.ledgerEntry.findFirstOrThrow({ where: { orderId: o.orderId } })).toMatchObject({
      kind: 'WECHAT_PAYMENT',
      at: paidAt,
    });
  });
});

describe('a payment in another currency', () => {
  it('with our total but USD is never credited, and is flagged for the cashier', async () => {
    const o = await paidAtWechatOnly();
    const { totalFen } = h.simState.pay.orders.get(o.outTradeNo)!;
    const n = await built(o.outTradeNo, {
      patch: { amount: { total: totalFen, payer_total: totalFen, currency: 'USD', payer_currency: 'USD' } },
    });
    expect((await send(n)).status).toBe(204); // retrying cannot make it right: acknowledged, flagged
    expect(await h.db.payOrder.findUniqueOrThrow({ where: { id: o.orderId } })).toMatchObject({
      state: 'PENDING',
      transactionId: null,
    });
    expect(await h.db.bill.findUniqueOrThrow({ where: { id: o.billId } })).toMatchObject({ paidAt: null });
    expect(await h.db.ledgerEntry.count({ where: { orderId: o.orderId } })).toBe(0);
    expect(await h.db.paymentIssue.findFirst({ where: { outTradeNo: o.outTradeNo } })).toMatchObject({
      kind: 'AMOUNT_MISMATCH',
      detail: { reason: 'CURRENCY', currency: 'USD', expectedFen: totalFen, reportedFen: totalFen },
    });
  });

  it('answered by the query API is not credited either (the query job and the page polling apply it the same way)', async () => {
    const o = await paidAtWechatOnly();
    const pay = h.deps.wechat.pay!;
    const query = pay.query.bind(pay);
    const spy = vi.spyOn(pay, 'query').mockImplementation(async (no) => {
      const t = await query(no);
      return t && { ...t, amount: { ...t.amount!, currency: 'USD' } };
    });
    try {
      const order = await h.db.payOrder.findUniqueOrThrow({ where: { id: o.orderId } });
      expect(await syncOrder(h.deps, order, { close: false })).toBe('mismatch');
    } finally {
      spy.mockRestore();
    }
    expect(await h.db.payOrder.findUniqueOrThrow({ where: { id: o.orderId } })).toMatchObject({ state: 'PENDING' });
    expect(await h.db.ledgerEntry.count({ where: { orderId: o.orderId } })).toBe(0);
    expect(await h.db.paymentIssue.findFirst({ where: { outTradeNo: o.outTradeNo } })).toMatchObject({
      kind: 'AMOUNT_MISMATCH',
      detail: { reason: 'CURRENCY', currency: 'USD' },
    });
  });
});

describe('duplicates and retries', () => {
  it('the same notification 20 times in parallel is credited once, and every copy is acknowledged', async () => {
    const o = await paidAtWechatOnly();
    const n = await built(o.outTradeNo);
    const answers = await Promise.all(Array.from({ length: 20 }, () => send(n)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(204));
    expect(await h.db.ledgerEntry.count({ where: { orderId: o.orderId } })).toBe(1);
    expect(await h.db.bill.findUniqueOrThrow({ where: { id: o.billId } })).toMatchObject({ state: 'PAID' });
    await eventually(async () =>
      expect((await h.db.payOrder.findUniqueOrThrow({ where: { id: o.orderId } })).receiptNo).toMatch(/^SJ\d{4}-/),
    );
  });

  it("a delivery with a bad signature is refused, and WeChat's retry (compressed schedule) credits it", async () => {
    const bill = (await openBills(owner, A.units[0]!.id)).find((b) => b.state === 'UNPAID')!;
    const res = await owner.call('POST', '/api/pay/orders', { body: { billIds: [bill.id] } });
    await h.sim('/sim/pay/config', { retryScale: 0.01 }); // 15 s → 150 ms
    await h.sim('/sim/pay/faults', { notify: [{ kind: 'badSignature' }] });
    await h.sim('/sim/pay/pay', { outTradeNo: res.body.order.outTradeNo });
    await eventually(async () =>
      expect((await h.db.payOrder.findUniqueOrThrow({ where: { id: res.body.order.id } })).state).toBe('PAID'),
    );
    // WeChat logs a delivery once our answer is back, a moment after the credit committed.
    await eventually(async () => {
      const deliveries = (await (
        await fetch(`${h.simUrl}/sim/pay/deliveries?outTradeNo=${res.body.order.outTradeNo}`)
      ).json()) as { attempt: number; status: number }[];
      expect(deliveries.map((d) => [d.attempt, d.status])).toEqual([
        [0, 401],
        [1, 204],
      ]);
    });
  });

  it('notifications out of order (the first held back until the second has been answered) are each credited', async () => {
    await h.sim('/sim/pay/config', { retryScale: 1 });
    const bills = (await openBills(owner, A.units[0]!.id)).filter((b) => b.state === 'UNPAID');
    expect(bills.length).toBeGreaterThanOrEqual(2);
    const first = await owner.call('POST', '/api/pay/orders', { body: { billIds: [bills[0]!.id] } });
    await h.sim('/sim/pay/faults', { notify: [{ kind: 'outOfOrder' }] });
    await h.sim('/sim/pay/pay', { outTradeNo: first.body.order.outTradeNo });
    const second = await owner.call('POST', '/api/pay/orders', { body: { billIds: [bills[1]!.id] } });
    await h.sim('/sim/pay/pay', { outTradeNo: second.body.order.outTradeNo });
    await eventually(async () => {
      const orders = await h.db.payOrder.findMany({
        where: { id: { in: [first.body.order.id, second.body.order.id] } },
        orderBy: { paidAt: 'asc' },
      });
      expect(orders.map((o) => o.state)).toEqual(['PAID', 'PAID']);
    });
    const deliveries = (await (await fetch(`${h.simUrl}/sim/pay/deliveries`)).json()) as {
      outTradeNo: string;
      status: number;
    }[];
    const order = deliveries
      .filter((d) => [first.body.order.outTradeNo, second.body.order.outTradeNo].includes(d.outTradeNo))
      .map((d) => d.outTradeNo);
    expect(order).toEqual([second.body.order.outTradeNo, first.body.order.outTradeNo]);
  });
});

describe('settling a stream of payments', () => {
  it('each payment is settled (receipt numbered) promptly, and the queue is asked once per half second, not once per payment', async () => {
    const months = monthsFromNow(h, -19, 20); // relative to the clock (36 months back at most), after delivery
    const { site, owner: payer } = await billedOwner(h, months);
    const notifications = [];
    for (const bill of await openBills(payer, site.units[0]!.id)) {
      const res = await payer.call('POST', '/api/pay/orders', { body: { billIds: [bill.id] } });
      await h.sim('/sim/pay/faults', { notify: [{ kind: 'drop' }] });
      await h.sim('/sim/pay/pay', { outTradeNo: res.body.order.outTradeNo });
      notifications.push(await built(res.body.order.outTradeNo));
    }
    expect(notifications).toHaveLength(20);
    const asks = vi.spyOn(h.deps.jobs, 'send');
    try {
      const t0 = performance.now();
      for (const n of notifications) {
        expect((await send(n)).status).toBe(204);
        await new Promise((r) => setTimeout(r, 40)); // a steady stream over about a second
      }
      const seconds = (performance.now() - t0) / 1000;
      // Well before the minute sweeper: every payment's own ask (or a later one) settled it.
      await eventually(
        async () =>
          expect(
            await h.db.payOrder.count({
              where: { communityId: site.community.id, state: 'PAID', receiptNo: { not: null } },
            }),
          ).toBe(20),
        3000,
      );
      const settleAsks = asks.mock.calls.filter(([job]) => job === settleJob).length;
      expect(settleAsks).toBeGreaterThanOrEqual(2);
      expect(settleAsks).toBeLessThanOrEqual(Math.ceil(seconds * 2) + 1);
    } finally {
      asks.mockRestore();
    }
  });
});
