import { describe, expect, it } from 'vitest';
import { useHarness } from './support/use-harness.js';
import { staff } from './support/actors.js';
import { addFeeItem, makeCommunity, runBilling } from './support/factories/index.js';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';

/**
 * Undoing a run whose bill had a counter payment that was then voided (docs/domain.md §4, Billing
 * runs): the bill is UNPAID again, but the ledger — append-only — keeps the payment and its void, and
 * the receipt number was used. So the run can no longer be undone; the bill is waived instead (a reason,
 * audited) and the period run again, which bills the freed month anew.
 */
// 2 December 2026, 10:00 in Beijing, whatever day the tests run.
const clock = new ManualClock(atBeijing('2026-12-02', 10 * 60));
const h = useHarness({ clock });

describe('undoing a run with a voided counter payment', () => {
  it('is refused: the ledger keeps the payment and its void; waiving the bill and running again is the way', async () => {
    const A = await makeCommunity(h.db, { units: 2 });
    await h.db.unit.updateMany({
      where: { communityId: A.community.id },
      data: { deliveredAt: new Date('2024-03-01T10:00:00+08:00') },
    });
    const manager = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId });
    const cashier = await staff(h, 'CASHIER', { id: A.community.id, companyId: A.companyId });
    const path = (p: string) => `/api/staff/communities/${A.community.id}${p}`;
    await addFeeItem(manager, A.community.id, { kind: 'PROPERTY', name: '物业服务费', amountFen: 235, cycle: 'MONTH' });
    const runId = (await runBilling(cashier, A.community.id, '2026-11')).runId!;
    const [bill] = await h.db.bill.findMany({ where: { runId }, orderBy: { id: 'asc' } });

    const paid = await cashier.call('POST', path('/counter-payments'), {
      body: { unitId: bill!.unitId, channel: 'CASH', amountFen: bill!.amountFen, billIds: [bill!.id] },
    });
    expect(paid.status).toBe(201);
    await cashier.call('POST', `/api/staff/counter-payments/${paid.body.id}/void`, {
      body: { reason: '收错户，作废重收' },
    });
    expect((await manager.call('POST', `/api/staff/counter-payments/${paid.body.id}/void/approve`)).status).toBe(200);
    expect(await h.db.bill.findUniqueOrThrow({ where: { id: bill!.id } })).toMatchObject({
      state: 'UNPAID',
      paidFen: 0,
    });

    const refused = await manager.call('POST', path(`/billing/runs/${runId}/undo`), {
      body: { reason: '面积数据有误，重新生成' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/1 笔.*已不能撤销/) });
    expect(await h.db.bill.count({ where: { runId } })).toBe(2);
    expect((await h.db.billingRun.findUniqueOrThrow({ where: { id: runId } })).undoneAt).toBeNull();
    expect(
      (await h.db.ledgerEntry.findMany({ where: { billId: bill!.id }, orderBy: { id: 'asc' } })).map((e) => [
        e.kind,
        e.amountFen,
      ]),
    ).toEqual([
      ['COUNTER_PAYMENT', bill!.amountFen],
      ['VOID', -bill!.amountFen],
    ]);

    // The way instead: waive the bill (its month is freed) and run the period again.
    const waived = await manager.call('POST', `/api/staff/bills/${bill!.id}/waive`, {
      body: { reason: '面积数据有误，作废重开' },
    });
    expect(waived.status).toBe(200);
    expect(await runBilling(cashier, A.community.id, '2026-11')).toMatchObject({ created: { bills: 1 } });
    expect(
      await h.db.bill.count({ where: { unitId: bill!.unitId, period: '2026-11', state: { not: 'WAIVED' } } }),
    ).toBe(1);
  });
});
