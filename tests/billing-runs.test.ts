import { describe, expect, it } from 'vitest';
import { useHarness } from './support/use-harness.js';
import { resident, staff } from './support/actors.js';
import { addFeeItem, makeCommunity, openBills, runBilling } from './support/factories/index.js';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';
import { releaseOrder } from '../bff/src/pay/apply-transaction.js';

/**
 * The rules a billing run keeps (docs/domain.md §4, Billing runs, issue #24): each month of a unit,
 * item and space billed once; the most specific standard applies; the developer pays at the counter;
 * a 公摊 never splits more than its total; a run can be undone before anything is paid; sane periods.
 */
// 2 December 2026, 10:00 in Beijing, whatever day the tests run.
const clock = new ManualClock(atBeijing('2026-12-02', 10 * 60));
const h = useHarness({ clock });

/** A fresh community with its manager and cashier, and its staff path. */
async function site(units = 2) {
  const s = await makeCommunity(h.db, { units });
  const manager = await staff(h, 'MANAGER', { id: s.community.id, companyId: s.companyId });
  const cashier = await staff(h, 'CASHIER', { id: s.community.id, companyId: s.companyId });
  const path = (p: string) => `/api/staff/communities/${s.community.id}${p}`;
  return { ...s, manager, cashier, path };
}

describe('each month of a unit, item and space is billed once', () => {
  it('a re-run after the delivery date changed bills nobody twice, and shows the changed split as a conflict', async () => {
    const A = await site(2);
    const item = await addFeeItem(A.manager, A.community.id, {
      kind: 'PROPERTY',
      name: '物业服务费',
      amountFen: 185,
      cycle: 'YEAR',
    });
    // Unit 1 not delivered: the whole year is the developer's.
    expect(await runBilling(A.cashier, A.community.id, '2026')).toMatchObject({ created: { bills: 2 } });
    // Then its delivery is recorded as 15 June 2026: by the rule the owner would pay from July.
    await h.db.unit.update({
      where: { id: A.units[0]!.id },
      data: { deliveredAt: new Date('2026-06-15T10:00:00+08:00') },
    });
    const preview = await A.cashier.call('POST', A.path('/billing/preview'), { body: { period: '2026' } });
    expect(preview.body).toMatchObject({ toCreate: { bills: 0 }, conflicts: 1 });
    expect(await runBilling(A.cashier, A.community.id, '2026')).toMatchObject({
      created: { bills: 0 },
      conflicts: 1,
    });
    const bills = await h.db.bill.findMany({ where: { unitId: A.units[0]!.id, feeItemId: item.id } });
    expect(bills.map((b) => [b.payer, b.firstMonth, b.months])).toEqual([['DEVELOPER', '2026-01', 12]]);

    const conflicts = await A.cashier.call('GET', A.path('/billing/conflicts?period=2026'));
    expect(conflicts.status).toBe(200);
    expect(conflicts.body.items).toEqual([
      expect.objectContaining({
        unitId: A.units[0]!.id,
        unit: '1号楼 101',
        feeItemId: item.id,
        item: '物业服务费',
        billed: [
          expect.objectContaining({ billId: bills[0]!.id, payer: 'DEVELOPER', firstMonth: '2026-01', months: 12 }),
        ],
        now: [
          expect.objectContaining({ payer: 'DEVELOPER', firstMonth: '2026-01', months: 6 }),
          expect.objectContaining({ payer: 'OWNER', firstMonth: '2026-07', months: 6 }),
        ],
      }),
    ]);
    const outsider = await site(1);
    expect((await outsider.cashier.call('GET', A.path('/billing/conflicts?period=2026'))).status).toBe(404);

    // The database itself refuses a second bill for a month already billed, whoever the payer.
    await expect(
      h.db
        .$executeRaw`INSERT INTO "Bill" ("id", "communityId", "unitId", "feeItemId", "period", "firstMonth", "months", "payer", "amountFen", "detail", "dueAt", "runId")
        VALUES (gen_random_uuid(), ${A.community.id}::uuid, ${A.units[0]!.id}::uuid, ${item.id}::uuid, '2026-12', '2026-12', 1, 'OWNER', 100, 'x', now(), gen_random_uuid())`,
    ).rejects.toThrow(/Bill_month_once/);

    // Settled by hand: the manager waives the developer's year (audited), and a re-run bills the split.
    expect(conflicts.body.hint).toMatch(/减免.*重新生成/);
    const waived = await A.manager.call('POST', `/api/staff/bills/${bills[0]!.id}/waive`, {
      body: { reason: '交付日期更正，按新划分重开' },
    });
    expect(waived.status).toBe(200);
    expect(await runBilling(A.cashier, A.community.id, '2026')).toMatchObject({ created: { bills: 2 }, conflicts: 0 });
    const after = await h.db.bill.findMany({
      where: { unitId: A.units[0]!.id, feeItemId: item.id, state: { not: 'WAIVED' } },
      orderBy: { firstMonth: 'asc' },
    });
    expect(after.map((b) => [b.payer, b.firstMonth, b.months])).toEqual([
      ['DEVELOPER', '2026-01', 6],
      ['OWNER', '2026-07', 6],
    ]);
    expect((await A.cashier.call('GET', A.path('/billing/conflicts?period=2026'))).body.items).toEqual([]);
  });
});

describe('the most specific fee standard applies', () => {
  it('a villa pays the villa price only; a second active standard of the same kind and scope is refused', async () => {
    const A = await site(1);
    const villas = await h.db.building.create({
      data: { communityId: A.community.id, name: '别墅区A', buildingType: '别墅' },
    });
    const villa = await h.db.unit.create({
      data: {
        communityId: A.community.id,
        buildingId: villas.id,
        number: 'A1',
        floor: 1,
        buildingArea: '200.00',
        exclusiveArea: '180.00',
      },
    });
    const generic = await addFeeItem(A.manager, A.community.id, {
      kind: 'PROPERTY',
      name: '物业服务费',
      amountFen: 235,
      cycle: 'MONTH',
    });
    // Only the generic standard is chosen: villas still do not pay it once a villa price exists.
    await addFeeItem(A.manager, A.community.id, {
      kind: 'PROPERTY',
      name: '别墅物业服务费',
      amountFen: 400,
      cycle: 'MONTH',
      buildingType: '别墅',
    });
    await runBilling(A.cashier, A.community.id, '2026-10', [generic.id]);
    expect(await h.db.bill.count({ where: { unitId: villa.id } })).toBe(0);
    await runBilling(A.cashier, A.community.id, '2026-11');
    const bills = await h.db.bill.findMany({ where: { unitId: villa.id } });
    expect(bills.map((b) => b.amountFen)).toEqual([80_000]); // 200 m² × 4.00 元
    expect(await h.db.bill.count({ where: { unitId: A.units[0]!.id, period: '2026-11' } })).toBe(1);

    const twice = await A.manager.call('POST', A.path('/fee-items'), {
      body: { kind: 'PROPERTY', name: '物业费（新）', amountFen: 250, cycle: 'MONTH' },
    });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/已有.*物业服务费/) });
    expect(
      (
        await A.manager.call('POST', A.path('/fee-items'), {
          body: { kind: 'PROPERTY', name: '别墅物业费', amountFen: 450, cycle: 'QUARTER', buildingType: '别墅' },
        })
      ).status,
    ).toBe(409);
    const parking = { kind: 'PARKING', name: '车位管理费', amountFen: 15_000, cycle: 'MONTH' };
    expect((await A.manager.call('POST', A.path('/fee-items'), { body: parking })).status).toBe(201);
    expect((await A.manager.call('POST', A.path('/fee-items'), { body: parking })).status).toBe(409);
    // One-off and shared items are chosen per run: several may be active.
    const card = { kind: 'ONE_OFF', name: '门禁卡', amountFen: 2000 };
    expect((await A.manager.call('POST', A.path('/fee-items'), { body: card })).status).toBe(201);
    expect((await A.manager.call('POST', A.path('/fee-items'), { body: card })).status).toBe(201);
    // A retired standard no longer stands in the way of its successor.
    await A.manager.call('POST', A.path(`/fee-items/${generic.id}/retire`), { body: {} });
    expect(
      (
        await A.manager.call('POST', A.path('/fee-items'), {
          body: { kind: 'PROPERTY', name: '物业费（新）', amountFen: 250, cycle: 'MONTH' },
        })
      ).status,
    ).toBe(201);
  });
});

describe('a month is billed once per charge, whichever standard of the kind priced it', () => {
  it('a villa price added after the generic bill, or a standard retired and recreated: a re-run bills nobody twice', async () => {
    const A = await site(1);
    const villas = await h.db.building.create({
      data: { communityId: A.community.id, name: '别墅区B', buildingType: '别墅' },
    });
    const villa = await h.db.unit.create({
      data: {
        communityId: A.community.id,
        buildingId: villas.id,
        number: 'B1',
        floor: 1,
        buildingArea: '200.00',
        exclusiveArea: '180.00',
      },
    });
    const generic = await addFeeItem(A.manager, A.community.id, {
      kind: 'PROPERTY',
      name: '物业服务费',
      amountFen: 235,
      cycle: 'MONTH',
    });
    await runBilling(A.cashier, A.community.id, '2026-12');
    const december = (unitId: string) => h.db.bill.count({ where: { unitId, firstMonth: '2026-12' } });
    expect(await december(villa.id)).toBe(1);
    // Scenario A: the villa price comes after the generic bill; December stays billed once.
    await addFeeItem(A.manager, A.community.id, {
      kind: 'PROPERTY',
      name: '别墅物业服务费',
      amountFen: 400,
      cycle: 'MONTH',
      buildingType: '别墅',
    });
    expect(await runBilling(A.cashier, A.community.id, '2026-12')).toMatchObject({ created: { bills: 0 } });
    expect(await december(villa.id)).toBe(1);
    // Scenario B: the generic standard retired and a new one made, as the 409 says: nobody twice.
    await A.manager.call('POST', A.path(`/fee-items/${generic.id}/retire`), { body: {} });
    await addFeeItem(A.manager, A.community.id, {
      kind: 'PROPERTY',
      name: '物业费（新）',
      amountFen: 250,
      cycle: 'MONTH',
    });
    expect(await runBilling(A.cashier, A.community.id, '2026-12')).toMatchObject({ created: { bills: 0 } });
    expect(await december(villa.id)).toBe(1);
    expect(await december(A.units[0]!.id)).toBe(1);
  });
});

describe("the developer's bills", () => {
  it('are paid at the counter by the cashier; reports show owner and developer apart and add up', async () => {
    const A = await site(2);
    await h.db.unit.update({
      where: { id: A.units[1]!.id },
      data: { deliveredAt: new Date('2024-03-01T10:00:00+08:00') },
    });
    await addFeeItem(A.manager, A.community.id, {
      kind: 'PROPERTY',
      name: '物业服务费',
      amountFen: 235,
      cycle: 'MONTH',
    });
    await runBilling(A.cashier, A.community.id, '2026-11');
    const devBill = await h.db.bill.findFirstOrThrow({ where: { unitId: A.units[0]!.id } });
    expect(devBill.payer).toBe('DEVELOPER');
    // the owner path finds no bill of the developer's
    const asOwner = await A.cashier.call('POST', A.path('/counter-payments'), {
      body: { unitId: A.units[0]!.id, channel: 'TRANSFER', amountFen: devBill.amountFen },
    });
    expect(asOwner.status).toBe(400);
    const paid = await A.cashier.call('POST', A.path('/counter-payments'), {
      body: {
        unitId: A.units[0]!.id,
        channel: 'TRANSFER',
        amountFen: devBill.amountFen,
        payer: 'DEVELOPER',
        payerName: '某某置业有限公司',
      },
    });
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ payer: 'DEVELOPER', receiptNo: expect.any(String) });
    expect(paid.body.items).toEqual([expect.objectContaining({ billId: devBill.id, state: 'PAID' })]);
    expect(await h.db.ledgerEntry.findMany({ where: { billId: devBill.id } })).toMatchObject([
      { kind: 'COUNTER_PAYMENT', amountFen: devBill.amountFen, actorId: A.cashier.userId },
    ]);

    const report = await A.cashier.call('GET', A.path('/reports/collection?period=2026-11'));
    expect(report.status).toBe(200);
    const { total } = report.body;
    expect(total.byPayer.DEVELOPER).toMatchObject({
      billedFen: devBill.amountFen,
      collectedFen: devBill.amountFen,
      ratePermille: 1000,
    });
    expect(total.byPayer.OWNER).toMatchObject({ collectedFen: 0, ratePermille: 0 });
    expect(total.byPayer.OWNER.billedFen + total.byPayer.DEVELOPER.billedFen).toBe(total.billedFen);
    expect(total.byPayer.OWNER.collectedFen + total.byPayer.DEVELOPER.collectedFen).toBe(total.collectedFen);
    const day = '2026-12-02';
    const takings = await A.cashier.call('GET', A.path(`/reports/takings?from=${day}&to=${day}`));
    expect(takings.body.totals.byPayer).toEqual({ OWNER: 0, DEVELOPER: devBill.amountFen });
  });
});

describe('公摊 never splits more than its total', () => {
  it('a re-run after a unit was added is refused; undoing the run and running again re-splits it', async () => {
    const A = await site(2);
    const shared = await addFeeItem(A.manager, A.community.id, {
      kind: 'SHARED',
      name: '二次供水电费',
      amountFen: 100_001,
    });
    const first = await runBilling(A.cashier, A.community.id, '2026-11', [shared.id]);
    expect(await runBilling(A.cashier, A.community.id, '2026-11', [shared.id])).toMatchObject({
      created: { bills: 0 },
    });
    await h.db.unit.create({
      data: {
        communityId: A.community.id,
        buildingId: A.building.id,
        number: '901',
        floor: 9,
        buildingArea: '120.00',
        exclusiveArea: '100.00',
      },
    });
    const again = await A.cashier.call('POST', A.path('/billing/runs'), {
      body: { period: '2026-11', feeItemIds: [shared.id] },
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/二次供水电费.*撤销/) });
    const sum = async () =>
      (await h.db.bill.aggregate({ where: { feeItemId: shared.id, period: '2026-11' }, _sum: { amountFen: true } }))
        ._sum.amountFen;
    expect(await sum()).toBe(100_001);

    const undo = await A.manager.call('POST', A.path(`/billing/runs/${first.runId!}/undo`), {
      body: { reason: '新增房屋，重新分摊' },
    });
    expect(undo.status).toBe(200);
    expect(await runBilling(A.cashier, A.community.id, '2026-11', [shared.id])).toMatchObject({
      created: { bills: 3, totalFen: 100_001 },
    });
    expect(await sum()).toBe(100_001);
  });
});

describe('undoing a billing run', () => {
  it('is a manager’s, audited, and only while none of its bills is paid, waived or in payment', async () => {
    const A = await site(2);
    await h.db.unit.updateMany({
      where: { communityId: A.community.id },
      data: { deliveredAt: new Date('2024-03-01T10:00:00+08:00') },
    });
    await addFeeItem(A.manager, A.community.id, {
      kind: 'PROPERTY',
      name: '物业服务费',
      amountFen: 235,
      cycle: 'MONTH',
    });
    const runs = {} as Record<string, string>;
    for (const m of ['2026-09', '2026-10', '2026-11'])
      runs[m] = (await runBilling(A.cashier, A.community.id, m)).runId!;
    const undo = (who: typeof A.manager, runId: string, body: unknown = { reason: '面积数据有误，重新生成' }) =>
      who.call('POST', A.path(`/billing/runs/${runId}/undo`), { body });

    expect((await undo(A.cashier, runs['2026-11']!)).status).toBe(404);
    const outsider = await site(1);
    expect((await undo(outsider.manager, runs['2026-11']!)).status).toBe(404);
    expect((await undo(A.manager, runs['2026-11']!, { reason: '' })).status).toBe(400);

    // One bill of September paid at the counter, one of October waived: neither run can be undone.
    const [sept] = await h.db.bill.findMany({ where: { runId: runs['2026-09'] } });
    const paid = await A.cashier.call('POST', A.path('/counter-payments'), {
      body: { unitId: sept!.unitId, channel: 'CASH', amountFen: sept!.amountFen, billIds: [sept!.id] },
    });
    expect(paid.status).toBe(201);
    const [oct] = await h.db.bill.findMany({ where: { runId: runs['2026-10'] } });
    await A.manager.call('POST', `/api/staff/bills/${oct!.id}/waive`, { body: { reason: '开发商承担' } });
    for (const m of ['2026-09', '2026-10']) {
      const refused = await undo(A.manager, runs[m]!);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/已不能撤销/) });
      expect(refused.body.message).not.toMatch(/逐笔/);
      expect(await h.db.bill.count({ where: { runId: runs[m] } })).toBe(2);
    }
    // November: one bill put into a WeChat order by its owner (locked) — refused too.
    const owner = await resident(h, A.units[0]!);
    const [nov] = (await openBills(owner, A.units[0]!.id)).filter((b) => b.period === '2026-11');
    const novOrder = await owner.call('POST', '/api/pay/orders', { body: { billIds: [nov!.id] } });
    expect(novOrder.status).toBe(201);
    expect((await undo(A.manager, runs['2026-11']!)).status).toBe(409);
    expect(await h.db.bill.count({ where: { runId: runs['2026-11'] } })).toBe(2);
    // The order released (as on expiry): the bill is UNPAID again but was in an order — still refused.
    await releaseOrder(h.deps, novOrder.body.order.id, 'test: expired');
    expect((await h.db.bill.findUniqueOrThrow({ where: { id: nov!.id } })).state).toBe('UNPAID');
    expect((await undo(A.manager, runs['2026-11']!)).status).toBe(409);
    expect(await h.db.bill.count({ where: { runId: runs['2026-11'] } })).toBe(2);

    // A clean run: a December one. Undone, audited, and the month can be billed again.
    const dec = (await runBilling(A.cashier, A.community.id, '2026-12')).runId!;
    const done = await undo(A.manager, dec);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      id: dec,
      undoneById: A.manager.userId,
      undoReason: '面积数据有误，重新生成',
      undoneAt: clock.now().toISOString(),
      billCount: 2,
    });
    expect(await h.db.bill.count({ where: { communityId: A.community.id, period: '2026-12' } })).toBe(0);
    expect((await undo(A.manager, dec)).body.code).toBe('ALREADY_DECIDED');
    expect(await runBilling(A.cashier, A.community.id, '2026-12')).toMatchObject({ created: { bills: 2 } });
    const list = await A.cashier.call('GET', A.path('/billing/runs'));
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(await h.db.billingRun.count({ where: { communityId: A.community.id } }));
    expect(list.body.items.find((r: { id: string }) => r.id === dec)).toMatchObject({
      undoneById: A.manager.userId,
      undoReason: '面积数据有误，重新生成',
    });
  });
});

describe('billing periods', () => {
  it('are refused more than 24 months ahead or more than 36 months back', async () => {
    const A = await site(1);
    await addFeeItem(A.manager, A.community.id, {
      kind: 'PROPERTY',
      name: '物业服务费',
      amountFen: 235,
      cycle: 'MONTH',
    });
    await addFeeItem(A.manager, A.community.id, { kind: 'PARKING', name: '车位费', amountFen: 235, cycle: 'YEAR' });
    const call = (kind: 'preview' | 'runs', period: string) =>
      A.cashier.call('POST', A.path(`/billing/${kind}`), { body: { period } });
    for (const period of ['2029-01', '2029', '2023-11', '1999-01']) {
      const res = await call('runs', period);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/账期/) });
      expect((await call('preview', period)).status).toBe(400);
    }
    expect(await h.db.bill.count({ where: { communityId: A.community.id } })).toBe(0);
    for (const period of ['2028-12', '2028', '2023-12']) expect((await call('runs', period)).status).toBe(200);
  });
});
