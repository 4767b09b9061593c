import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import { addFeeItem, makeCommunity, openBills, runBilling } from './support/factories/index.js';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing, DAY_MS } from '../bff/src/beijing.js';

/** Fee standards and bill generation (docs/domain.md §4): who pays, exact shares, idempotent runs. */
// 2 December 2026, 10:00 in Beijing, whatever day the tests run: the 2026 bills are months overdue.
const clock = new ManualClock(atBeijing('2026-12-02', 10 * 60));
const h = useHarness({ clock });
let A: Awaited<ReturnType<typeof makeCommunity>>;
let manager: Actor;
let cashier: Actor;
let outsider: Actor;
let owner: Actor;

beforeAll(async () => {
  A = await makeCommunity(h.db, { units: 3 });
  const B = await makeCommunity(h.db, { units: 1 });
  manager = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId });
  cashier = await staff(h, 'CASHIER', { id: A.community.id, companyId: A.companyId });
  outsider = await staff(h, 'CASHIER', { id: B.community.id, companyId: B.companyId });
  // Unit 1 delivered on 15 June 2026 (Beijing): the owner pays from July. Unit 2 delivered long ago, unit 3 never.
  await h.db.unit.update({
    where: { id: A.units[0]!.id },
    data: { deliveredAt: new Date('2026-06-15T10:00:00+08:00') },
  });
  await h.db.unit.update({
    where: { id: A.units[1]!.id },
    data: { deliveredAt: new Date('2024-03-01T10:00:00+08:00'), buildingArea: '120.35' },
  });
  await h.db.unit.update({ where: { id: A.units[2]!.id }, data: { buildingArea: '55.05' } });
  owner = await resident(h, A.units[0]!);
});

const path = (p: string) => `/api/staff/communities/${A.community.id}${p}`;

describe('fee standards', () => {
  it('are set by the manager; cashiers read them; others see nothing', async () => {
    expect(
      (
        await cashier.call('POST', path('/fee-items'), {
          body: { kind: 'PROPERTY', name: '物业费', amountFen: 200, cycle: 'MONTH' },
        })
      ).status,
    ).toBe(404);
    expect((await outsider.call('GET', path('/fee-items'))).status).toBe(404);
    const bad = await manager.call('POST', path('/fee-items'), {
      body: { kind: 'ONE_OFF', name: '门禁卡', amountFen: 1000, cycle: 'MONTH' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0]).toMatchObject({ path: 'cycle' });
    expect(
      (
        await manager.call('POST', path('/fee-items'), {
          body: { kind: 'PROPERTY', name: '物业费', amountFen: 2.35, cycle: 'MONTH' },
        })
      ).body.details[0].message,
    ).toMatch(/整数分/);
  });
});

describe('generating a year of property fees', () => {
  let itemId: string;
  beforeAll(async () => {
    itemId = (
      await addFeeItem(manager, A.community.id, { kind: 'PROPERTY', name: '物业服务费', amountFen: 185, cycle: 'YEAR' })
    ).id;
  });

  it('previews counts and totals first, split by who pays', async () => {
    const res = await cashier.call('POST', path('/billing/preview'), { body: { period: '2026' } });
    expect(res.status).toBe(200);
    // unit 1: developer Jan–Jun, owner Jul–Dec; unit 2: owner all year; unit 3: developer all year
    expect(res.body.byPayer.OWNER.bills).toBe(2);
    expect(res.body.byPayer.DEVELOPER.bills).toBe(2);
    expect(res.body.toCreate).toEqual({
      bills: 4,
      totalFen: res.body.byPayer.OWNER.totalFen + res.body.byPayer.DEVELOPER.totalFen,
    });
    expect(res.body.alreadyBilled).toBe(0);
  });

  it('bills a unit delivered mid-year from the month after delivery; the developer before', async () => {
    expect(await runBilling(cashier, A.community.id, '2026')).toMatchObject({ created: { bills: 4 } });
    const bills = await h.db.bill.findMany({
      where: { unitId: A.units[0]!.id, feeItemId: itemId },
      orderBy: { firstMonth: 'asc' },
    });
    expect(bills.map((b) => [b.payer, b.firstMonth, b.months, b.amountFen])).toEqual([
      ['DEVELOPER', '2026-01', 6, 109_446], // 98.60 m² × 1.85 元 × 6 = 1094.46 元
      ['OWNER', '2026-07', 6, 109_446],
    ]);
    expect(bills[1]!.detail).toBe('98.60㎡ × 1.85元/㎡·月 × 6个月');
    expect(bills[1]!.dueAt.toISOString()).toBe('2026-07-31T16:00:00.000Z'); // prepaid: due by the end of its first month (Beijing)
    // the resident sees only the owner's bill
    expect((await openBills(owner, A.units[0]!.id)).map((b) => b.amountFen)).toEqual([109_446]);
    const u2 = await h.db.bill.findFirstOrThrow({ where: { unitId: A.units[1]!.id, feeItemId: itemId } });
    expect([u2.payer, u2.months, u2.amountFen]).toEqual(['OWNER', 12, 267_177]); // 120.35 × 1.85 × 12 = 2671.77
    expect(await h.db.bill.findFirstOrThrow({ where: { unitId: A.units[2]!.id, feeItemId: itemId } })).toMatchObject({
      payer: 'DEVELOPER',
      months: 12,
    });
  });

  it('running it again creates nothing; two runs at once create each bill once', async () => {
    expect(await runBilling(cashier, A.community.id, '2026')).toMatchObject({ created: { bills: 0, totalFen: 0 } });
    const preview = await cashier.call('POST', path('/billing/preview'), { body: { period: '2026' } });
    expect(preview.body).toMatchObject({ toCreate: { bills: 0 }, alreadyBilled: 4 });
    const runs = await Promise.all([
      runBilling(cashier, A.community.id, '2027'),
      runBilling(manager, A.community.id, '2027'),
    ]);
    expect(runs.map((r) => r.created.bills).sort()).toEqual([0, 3]);
    expect(await h.db.bill.count({ where: { communityId: A.community.id, period: '2027' } })).toBe(3);
    expect(await h.db.billingRun.count({ where: { communityId: A.community.id, period: '2027' } })).toBe(1);
  });

  it("a bill can only belong to its unit's community (the database refuses any other)", async () => {
    const bill = await h.db.bill.findFirstOrThrow({ where: { communityId: A.community.id } });
    const other = await h.db.community.findFirstOrThrow({ where: { id: { not: A.community.id } } });
    await expect(h.db.bill.update({ where: { id: bill.id }, data: { communityId: other.id } })).rejects.toThrow(
      /foreign key/i,
    );
    await expect(
      h.db
        .$executeRaw`INSERT INTO "Bill" ("id", "communityId", "unitId", "feeItemId", "period", "firstMonth", "months", "payer", "amountFen", "detail", "dueAt", "runId")
        SELECT gen_random_uuid(), ${other.id}::uuid, "unitId", "feeItemId", '2099-01', '2099-01', 1, 'OWNER', 100, 'x', now(), gen_random_uuid() FROM "Bill" WHERE "id" = ${bill.id}::uuid`,
    ).rejects.toThrow(/Bill_unitId_communityId_fkey/);
  });

  it('refuses a period that is not a month, quarter or year, and an item of another cycle', async () => {
    expect((await cashier.call('POST', path('/billing/runs'), { body: { period: '2026-13' } })).body.code).toBe(
      'VALIDATION_FAILED',
    );
    const monthly = await addFeeItem(manager, A.community.id, {
      kind: 'PARKING',
      name: '车位租金',
      amountFen: 30_000,
      cycle: 'MONTH',
    });
    const res = await cashier.call('POST', path('/billing/runs'), {
      body: { period: '2026', feeItemIds: [monthly.id] },
    });
    expect(res.body.message).toMatch(/周期/);
    expect((await outsider.call('POST', path('/billing/runs'), { body: { period: '2026' } })).status).toBe(404);
  });
});

describe('公摊 and parking', () => {
  it('shares of a common cost add up exactly to the total, by building area', async () => {
    const shared = await addFeeItem(manager, A.community.id, {
      kind: 'SHARED',
      name: '二次供水电费',
      amountFen: 100_001,
    });
    await runBilling(cashier, A.community.id, '2026-11', [shared.id]);
    const bills = await h.db.bill.findMany({ where: { feeItemId: shared.id } });
    expect(bills).toHaveLength(3);
    expect(bills.reduce((s, b) => s + b.amountFen, 0)).toBe(100_001);
    // 98.60 + 120.35 + 55.05 = 274.00 m²: 35 985.77 / 43 923.58 / 20 091.64 → 35 986 / 43 924 / 20 091 (the largest remainders get the fen)
    const byUnit = Object.fromEntries(bills.map((b) => [b.unitId, b.amountFen]));
    expect([byUnit[A.units[0]!.id], byUnit[A.units[1]!.id], byUnit[A.units[2]!.id]]).toEqual([35_986, 43_924, 20_091]);
  });

  it('a parking space is billed to its unit, monthly rent × months', async () => {
    const space = await h.db.parkingSpace.create({
      data: { communityId: A.community.id, number: 'B1-018', unitId: A.units[1]!.id, kind: 'RENTED' },
    });
    const item = (await h.db.feeItem.findFirstOrThrow({ where: { communityId: A.community.id, kind: 'PARKING' } })).id;
    await runBilling(cashier, A.community.id, '2026-12', [item]);
    expect(await h.db.bill.findFirstOrThrow({ where: { feeItemId: item, parkingSpaceId: space.id } })).toMatchObject({
      unitId: A.units[1]!.id,
      amountFen: 30_000,
      detail: '车位 B1-018 × 300.00元/月 × 1个月',
    });
  });
});

describe("the cashier's view of a unit", () => {
  it("shows every bill of a unit of the community, the developer's too; nothing of another community", async () => {
    const res = await cashier.call('GET', path(`/bills?unitId=${A.units[0]!.id}&status=unpaid`));
    expect(res.status).toBe(200);
    expect(new Set(res.body.items.map((b: { payer: string }) => b.payer))).toEqual(new Set(['OWNER', 'DEVELOPER']));
    expect((await outsider.call('GET', path(`/bills?unitId=${A.units[0]!.id}`))).status).toBe(404);
    expect((await owner.call('GET', path(`/bills?unitId=${A.units[0]!.id}`))).status).toBe(404);
  });
});

describe('a contractual late charge', () => {
  it('is off by default; when the manager switches it on it is its own line, simple and capped, and is paid with the bill', async () => {
    const payer = await resident(h, A.units[1]!); // delivered in 2024: the owner's 2026 bill was due on 31 January
    const [bill] = await openBills(payer, A.units[1]!.id);
    expect(bill).toMatchObject({ period: '2026', lateFeeFen: 0, payableFen: bill!.amountFen });
    expect((await cashier.call('GET', path('/fee-settings'))).body).toMatchObject({ lateFeeEnabled: false });
    const terms = { lateFeeEnabled: true, lateFeeBpsPerDay: 5, lateFeeCapBps: 1000, lateFeeGraceDays: 30 };
    expect((await cashier.call('PUT', path('/fee-settings'), { body: terms })).status).toBe(404);
    expect((await manager.call('PUT', path('/fee-settings'), { body: terms })).status).toBe(200);
    // 0.05 % a day after 30 days' grace, on the principal only, at most 10 % of it: here the cap.
    const days = Math.floor((clock.now().getTime() - new Date(bill!.dueAt).getTime()) / DAY_MS) - 30;
    expect(days * 5).toBeGreaterThan(1000);
    const cap = Math.floor((bill!.amountFen * 1000 * 2 + 10_000) / 20_000); // half up
    const [charged] = await openBills(payer, A.units[1]!.id);
    expect(charged).toMatchObject({ lateFeeFen: cap, payableFen: bill!.amountFen + cap });
    const order = await payer.call('POST', '/api/pay/orders', { body: { billIds: [bill!.id] } });
    expect(order.body.order).toMatchObject({
      amountFen: bill!.amountFen + cap,
      items: [{ amountFen: bill!.amountFen, lateFeeFen: cap }],
    });
  });
});

describe('waivers', () => {
  it('a manager waives an unpaid bill with a reason; the ledger records it; it cannot be waived twice', async () => {
    const [bill] = await openBills(owner, A.units[0]!.id);
    expect(
      (await cashier.call('POST', `/api/staff/bills/${bill!.id}/waive`, { body: { reason: '疫情期间减免' } })).status,
    ).toBe(404);
    const res = await manager.call('POST', `/api/staff/bills/${bill!.id}/waive`, { body: { reason: '疫情期间减免' } });
    expect(res.body).toMatchObject({ state: 'WAIVED', waivedReason: '疫情期间减免', waivedById: manager.userId });
    expect(
      (await manager.call('POST', `/api/staff/bills/${bill!.id}/waive`, { body: { reason: '疫情期间减免' } })).body
        .code,
    ).toBe('BILLS_NOT_PAYABLE');
    expect(await h.db.ledgerEntry.findMany({ where: { billId: bill!.id } })).toMatchObject([
      { kind: 'WAIVER', amountFen: bill!.amountFen, actorId: manager.userId },
    ]);
    await expect(h.db.ledgerEntry.deleteMany({ where: { billId: bill!.id } })).rejects.toThrow(/append-only/);
    // a row trigger does not see TRUNCATE: a statement trigger of its own refuses it
    await expect(h.db.$executeRawUnsafe('TRUNCATE "LedgerEntry"')).rejects.toThrow(/append-only/);
    expect(await h.db.ledgerEntry.count({ where: { billId: bill!.id } })).toBe(1);
  });
});
