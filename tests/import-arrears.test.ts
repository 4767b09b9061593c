import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import { eventually, openBills } from './support/factories/fees.js';
import { importFixture, importSite, uploadImport, workbook, type SheetCells } from './support/factories/import.js';

/**
 * Opening arrears (期初, issue 27, docs/import.md §Opening arrears): the golden workbook of
 * tests/fixtures/import/arrears.json — every kind of row error, then the rows that become unpaid
 * owner's bills marked 期初, paid by WeChat and at the counter like any other; re-import changes nothing.
 */
const clock = new ManualClock(atBeijing('2026-11-20', 10 * 60));
const h = useHarness({ clock, worker: true });
const fixture = importFixture('arrears') as unknown as {
  sheets: SheetCells;
  clean: number[];
  expect: {
    errors: unknown[][];
    counts: object;
    arrearsFen: number;
    bills: unknown[][];
  };
};
let site: Awaited<ReturnType<typeof importSite>>;

/** The fixture with only the arrears rows named (by row number), amounts optionally replaced. */
function arrearsOnly(rows: number[], amounts: Record<number, unknown> = {}): SheetCells {
  const sheet = fixture.sheets['期初欠费']!;
  return {
    ...fixture.sheets,
    期初欠费: [
      sheet[0]!,
      ...rows.map((r) => (r in amounts ? [...sheet[r - 1]!.slice(0, 4), amounts[r]] : sheet[r - 1]!)),
    ],
  };
}

async function feeItems(communityId: string) {
  await h.db.feeItem.createMany({
    data: [
      { communityId, kind: 'PROPERTY', name: '物业服务费', amountFen: 235, cycle: 'MONTH', buildingType: '高层' },
      { communityId, kind: 'PROPERTY', name: '物业服务费', amountFen: 180, cycle: 'MONTH', buildingType: '多层' },
      { communityId, kind: 'ONE_OFF', name: '垃圾清运费', amountFen: 12050 },
    ],
  });
}

async function billsOf(communityId: string) {
  const bills = await h.db.bill.findMany({
    where: { communityId },
    include: { feeItem: true, unit: { include: { building: true } } },
  });
  return bills
    .map((b) => [b.unit.building.name, b.unit.number, b.feeItem.name, b.period, b.firstMonth, b.months, b.amountFen])
    .sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`));
}

beforeAll(async () => {
  site = await importSite(h);
});

describe('opening arrears', () => {
  it('the dry run reports bad amounts, unknown units and fee items, duplicates, overlaps and future periods', async () => {
    const community = await site.newCommunity();
    await feeItems(community.id);
    const dry = await uploadImport(site.admin, community.id, await workbook(fixture.sheets));
    expect(dry.status, JSON.stringify(dry.body)).toBe(201);
    expect(
      dry.body.errors.map((e: { sheet: string; row: number; message: string }) => [e.sheet, e.row, e.message]),
    ).toEqual(fixture.expect.errors);
    expect(dry.body.canApply).toBe(false);
  });

  it('become unpaid owner bills marked 期初, paid by WeChat and at the counter; re-import changes nothing', async () => {
    const community = await site.newCommunity();
    await feeItems(community.id);
    const file = await workbook(arrearsOnly(fixture.clean));
    const dry = await uploadImport(site.admin, community.id, file);
    expect([dry.body.errors, dry.body.counts.arrears, dry.body.counts.arrearsFen]).toEqual([
      [],
      fixture.expect.counts,
      fixture.expect.arrearsFen,
    ]);
    expect(await h.db.bill.count({ where: { communityId: community.id } })).toBe(0); // a dry run writes nothing
    const applied = await site.admin.call('POST', `/api/staff/imports/${dry.body.id}/apply`);
    expect([applied.status, applied.body.written?.arrears]).toEqual([200, 3]);
    expect(await billsOf(community.id)).toEqual(fixture.expect.bills);
    const stored = await h.db.bill.findMany({ where: { communityId: community.id } });
    expect(new Set(stored.map((b) => [b.opening, b.payer, b.state, b.runId, b.dueAt.getTime()].join()))).toEqual(
      new Set([[true, 'OWNER', 'UNPAID', dry.body.id, clock.now().getTime()].join()]),
    );

    // WeChat Pay: the owner of 1号楼 101 sees it as 期初 and pays it.
    const u101 = await h.db.unit.findFirstOrThrow({ where: { communityId: community.id, number: '101' } });
    const owner = await resident(h, u101);
    const [bill] = await openBills(owner, u101.id);
    expect(bill).toMatchObject({ period: '2026-05', opening: true, amountFen: 21047, lateFeeFen: 0 });
    const order = await owner.call('POST', '/api/pay/orders', { body: { billIds: [bill!.id] } });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    await h.sim('/sim/pay/pay', { outTradeNo: order.body.order.outTradeNo });
    const receipt = await eventually(async () => {
      const r = await owner.call('GET', `/api/pay/orders/${order.body.order.id}`);
      expect(r.body.receiptNo).toMatch(/^SJ/);
      return r.body;
    });
    expect(receipt.items).toMatchObject([{ period: '2026-05', opening: true, amountFen: 21047 }]);

    // The counter: 1号楼 102's opening arrear of 垃圾清运费 for 2026.
    const cashier: Actor = await staff(h, 'CASHIER', { id: community.id, companyId: site.company.id });
    const u102 = await h.db.unit.findFirstOrThrow({ where: { communityId: community.id, number: '102' } });
    const open = await cashier.call(
      'GET',
      `/api/staff/communities/${community.id}/bills?unitId=${u102.id}&status=unpaid`,
    );
    expect(open.body.items).toMatchObject([{ period: '2026', opening: true, amountFen: 12050 }]);
    const taken = await cashier.call('POST', `/api/staff/communities/${community.id}/counter-payments`, {
      body: { unitId: u102.id, channel: 'CASH', amountFen: 12050, billIds: [open.body.items[0].id] },
    });
    expect(taken.status, JSON.stringify(taken.body)).toBe(201);
    expect(taken.body.items).toMatchObject([{ period: '2026', opening: true, amountFen: 12050 }]);

    // The same file again: every arrear compares equal, nothing is written.
    const again = await uploadImport(site.admin, community.id, file);
    expect([again.body.errors, again.body.counts.arrears]).toEqual([[], { added: 0, changed: 0, unchanged: 3 }]);
    const reapplied = await site.admin.call('POST', `/api/staff/imports/${again.body.id}/apply`);
    expect(reapplied.body.written.arrears).toBe(0);
    expect(await h.db.bill.count({ where: { communityId: community.id } })).toBe(3);

    // Another amount for an arrear already imported, or a period over a month already billed: errors.
    const changed = await uploadImport(site.admin, community.id, await workbook(arrearsOnly([2], { 2: 210.48 })));
    expect(changed.body.errors.map((e: { message: string }) => e.message)).toEqual([
      '第 2 行「账期」已导入过这笔期初欠费，金额 210.47 元，与文件中的 210.48 元不同',
    ]);
    const overlap = await uploadImport(site.admin, community.id, await workbook(arrearsOnly([3])));
    expect(overlap.body.errors.map((e: { message: string }) => e.message)).toEqual([
      '第 2 行「账期」1号楼 101 的「物业服务费」在 2026-05 已有账单，与 2026-Q2 重叠',
    ]);
  });

  it('a bill made between the dry run and applying makes applying refuse, writing nothing', async () => {
    const community = await site.newCommunity();
    await feeItems(community.id);
    await uploadAndApply(community.id, arrearsOnly([]));
    const dry = await uploadImport(site.admin, community.id, await workbook(arrearsOnly([10])));
    expect(dry.body.errors).toEqual([]);
    const u201 = await h.db.unit.findFirstOrThrow({ where: { communityId: community.id, number: '201' } });
    const item = await h.db.feeItem.findFirstOrThrow({ where: { communityId: community.id, buildingType: '多层' } });
    await h.db.bill.create({
      data: {
        communityId: community.id,
        unitId: u201.id,
        feeItemId: item.id,
        period: '2026-08',
        firstMonth: '2026-08',
        months: 1,
        payer: 'OWNER',
        amountFen: 17100,
        detail: '收银员生成',
        dueAt: clock.now(),
        runId: community.id,
      },
    });
    const stale = await site.admin.call('POST', `/api/staff/imports/${dry.body.id}/apply`);
    expect([stale.status, stale.body.code]).toEqual([409, 'IMPORT_STALE']);
    expect(await h.db.bill.count({ where: { communityId: community.id } })).toBe(1);
  });
});

async function uploadAndApply(communityId: string, sheets: SheetCells) {
  const dry = await uploadImport(site.admin, communityId, await workbook(sheets));
  expect(dry.body.errors).toEqual([]);
  const applied = await site.admin.call('POST', `/api/staff/imports/${dry.body.id}/apply`);
  expect(applied.status, JSON.stringify(applied.body)).toBe(200);
}
