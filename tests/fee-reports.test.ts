import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from './support/use-harness.js';
import { resident, staff, type Actor } from './support/actors.js';
import {
  addFeeItem,
  deliverUnits,
  eventually,
  makeCommunity,
  openBills,
  runBilling,
} from './support/factories/index.js';
import { TEMPLATES } from '../bff/src/push/templates.js';
import { ManualClock } from '../bff/src/clock.js';
import { addDays, atBeijing, beijingDay } from '../bff/src/beijing.js';

/**
 * Reports and arrears reminders (#10): a day of money in every channel — a WeChat payment and a
 * refund of part of it, cash, a transfer, a POS payment voided, a waiver — gives takings and
 * collection rates that add up exactly; exports read back; reminders respect the cool-down and
 * push credit and are kept as evidence.
 */
// The day of money is 20 November 2026, 10:00 in Beijing, whatever day the tests run.
const clock = new ManualClock(atBeijing('2026-11-20', 10 * 60));
const h = useHarness({ clock, worker: true });
const BILL = 23171; // 98.60 m² × 2.35 元/m²·月
let A: Awaited<ReturnType<typeof makeCommunity>>;
let units: { id: string }[];
let owners: Actor[];
let cashier: Actor;
let manager: Actor;
const today = () => beijingDay(clock.now());
const base = () => `/api/staff/communities/${A.community.id}`;

async function payByWechat(owner: Actor, billId: string) {
  const res = await owner.call('POST', '/api/pay/orders', { body: { billIds: [billId] } });
  await h.sim('/sim/pay/pay', { outTradeNo: res.body.order.outTradeNo });
  await eventually(async () =>
    expect((await owner.call('GET', `/api/pay/orders/${res.body.order.id}`)).body.receiptNo).toMatch(/^SJ/),
  );
}
const oldest = async (owner: Actor, unitId: string) => (await openBills(owner, unitId))[0]!;

beforeAll(async () => {
  A = await makeCommunity(h.db, { units: 3 });
  const second = await h.db.building.create({ data: { communityId: A.community.id, name: '2号楼', sortOrder: 2 } });
  const far = await h.db.unit.create({
    data: {
      communityId: A.community.id,
      buildingId: second.id,
      number: '201',
      floor: 2,
      buildingArea: '98.60',
      exclusiveArea: '80.15',
    },
  });
  units = [...A.units, far];
  await deliverUnits(
    h,
    units.map((u) => u.id),
  );
  owners = [];
  for (const u of units) owners.push(await resident(h, u));
  cashier = await staff(h, 'CASHIER', { id: A.community.id, companyId: A.companyId });
  manager = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId });
  const item = await addFeeItem(manager, A.community.id, {
    kind: 'PROPERTY',
    name: '物业服务费',
    amountFen: 235,
    cycle: 'MONTH',
  });
  for (const m of ['2026-08', '2026-09', '2026-10']) await runBilling(cashier, A.community.id, m, [item.id]);

  // The day's money, in every channel.
  const wechatBill = await oldest(owners[0]!, units[0]!.id); // 2026-08
  await payByWechat(owners[0]!, wechatBill.id);
  const refund = await cashier.call('POST', `/api/staff/bills/${wechatBill.id}/refunds`, {
    body: { amountFen: 1000, reason: '多收退回' },
  });
  await eventually(async () =>
    expect((await h.db.refund.findUniqueOrThrow({ where: { id: refund.body.id } })).state).toBe('SUCCESS'),
  );
  const take = (unit: { id: string }, channel: string, amountFen: number) =>
    cashier.call('POST', `${base()}/counter-payments`, { body: { unitId: unit.id, channel, amountFen } });
  expect((await take(units[1]!, 'CASH', 2 * BILL)).status).toBe(201); // 2026-08 and 2026-09
  expect((await take(units[2]!, 'TRANSFER', BILL)).status).toBe(201); // 2026-08
  const pos = await take(units[3]!, 'POS', BILL); // 2026-08, then voided
  await cashier.call('POST', `/api/staff/counter-payments/${pos.body.id}/void`, {
    body: { reason: '刷卡重复，客户要求作废' },
  });
  expect((await manager.call('POST', `/api/staff/counter-payments/${pos.body.id}/void/approve`)).status).toBe(200);
  const toWaive = (await openBills(owners[2]!, units[2]!.id)).find((b) => b.period === '2026-09')!;
  expect(
    (await manager.call('POST', `/api/staff/bills/${toWaive.id}/waive`, { body: { reason: '困难家庭减免' } })).status,
  ).toBe(200);
});

describe('daily takings', () => {
  it('split by channel and by fee item, from the ledger: days, items and channels add up to one total', async () => {
    const day = today();
    const res = await cashier.call('GET', `${base()}/reports/takings?from=2026-11-01&to=${day}`);
    expect(res.status).toBe(200);
    const expected = { WECHAT: BILL - 1000, CASH: 2 * BILL, TRANSFER: BILL, POS: 0 }; // the POS payment and its void cancel out; a waiver is no takings
    expect(res.body.totals).toEqual({
      byChannel: expected,
      byPayer: { OWNER: 4 * BILL - 1000, DEVELOPER: 0 }, // every unit here is delivered: all owners' money
      totalFen: 4 * BILL - 1000,
    });
    const owners = { OWNER: 4 * BILL - 1000, DEVELOPER: 0 };
    expect(res.body.days.find((d: { day: string }) => d.day === day)).toEqual({
      day,
      byChannel: expected,
      byPayer: owners,
      totalFen: 4 * BILL - 1000,
    });
    expect(res.body.days.filter((d: { totalFen: number }) => d.totalFen !== 0)).toHaveLength(1);
    expect(res.body.days[0].day).toBe('2026-11-01');
    expect(res.body.items).toEqual([
      { item: '物业服务费', byChannel: expected, byPayer: owners, totalFen: 4 * BILL - 1000 },
    ]);

    expect((await cashier.call('GET', `${base()}/reports/takings?from=2026-12-01&to=2026-11-01`)).status).toBe(400);
    expect((await cashier.call('GET', `${base()}/reports/takings?from=2026-01-01&to=2026-11-01`)).body.details).toEqual(
      [{ path: 'to', message: '一次最多查询 92 天' }],
    );
  });

  it("exports to Excel (yuan, frozen header) and CSV, and only to the community's cashiers and managers", async () => {
    const day = today();
    const xlsx = await fetch(`${h.url}${base()}/reports/takings/export?from=${day}&to=${day}&format=xlsx`, {
      headers: { authorization: `Bearer ${cashier.token}` },
    });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('收款日报')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '日期 / 项目',
      '微信支付（元）',
      '现金（元）',
      '转账（元）',
      '刷卡（元）',
      '业主（元）',
      '开发商（元）',
      '合计（元）',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      day,
      (BILL - 1000) / 100,
      (2 * BILL) / 100,
      BILL / 100,
      0,
      (4 * BILL - 1000) / 100, // 业主: every unit here is delivered
      0, // 开发商
      (4 * BILL - 1000) / 100,
    ]);
    expect(sheet.getRow(2).getCell(2).numFmt).toBe('"¥"#,##0.00');
    expect(sheet.getRow(sheet.rowCount).getCell(1).value).toBe('合计');

    const csv = await fetch(`${h.url}${base()}/reports/takings/export?from=${day}&to=${day}&format=csv`, {
      headers: { authorization: `Bearer ${cashier.token}` },
    });
    const text = Buffer.from(await csv.arrayBuffer());
    expect([...text.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.toString('utf8').slice(1).split('\r\n')[1]).toBe(
      `${day},${((BILL - 1000) / 100).toFixed(2)},${((2 * BILL) / 100).toFixed(2)},${(BILL / 100).toFixed(2)},0.00,${((4 * BILL - 1000) / 100).toFixed(2)},0.00,${((4 * BILL - 1000) / 100).toFixed(2)}`,
    );

    const stranger = await staff(h, 'CASHIER', {
      id: (await makeCommunity(h.db, { units: 1 })).community.id,
      companyId: A.companyId,
    });
    for (const who of [owners[0]!, stranger]) {
      expect((await who.call('GET', `${base()}/reports/takings?from=${day}&to=${day}`)).status).toBe(404);
      expect((await who.call('GET', `${base()}/reports/takings/export?from=${day}&to=${day}&format=csv`)).status).toBe(
        404,
      );
      expect((await who.call('GET', `${base()}/reports/collection?period=2026-09`)).status).toBe(404);
    }
  });
});

describe('collection rate', () => {
  it('per building and for the community, by amount (paid − refunded, waived bills not receivable) and by count', async () => {
    const res = await manager.call('GET', `${base()}/reports/collection?period=2026-08`);
    expect(res.status).toBe(200);
    // 2026-08: 101 paid by WeChat less ¥10.00 refunded, 201 cash, 301 transfer; 2号楼 201's POS payment voided.
    expect(res.body.buildings).toMatchObject([
      {
        key: A.building.id,
        name: '1号楼',
        billedFen: 3 * BILL,
        collectedFen: 3 * BILL - 1000,
        outstandingFen: 1000,
        bills: 3,
        settledBills: 3,
        ratePermille: 986,
      },
      {
        key: expect.any(String),
        name: '2号楼',
        billedFen: BILL,
        collectedFen: 0,
        outstandingFen: BILL,
        bills: 1,
        settledBills: 0,
        ratePermille: 0,
      },
    ]);
    expect(res.body.total).toMatchObject({ billedFen: 4 * BILL, collectedFen: 3 * BILL - 1000, ratePermille: 739 }); // 68,513 / 92,684 = 73.92 %
    // every unit is delivered: all of it is the owners', none the developer's
    expect(res.body.total.byPayer).toMatchObject({
      OWNER: { billedFen: 4 * BILL, collectedFen: 3 * BILL - 1000, ratePermille: 739 },
      DEVELOPER: { billedFen: 0, collectedFen: 0, bills: 0, ratePermille: null },
    });
    // 2026-09: 101 cash; 301 waived (not receivable); 101 and 201 open.
    const sept = await manager.call('GET', `${base()}/reports/collection?period=2026-09`);
    expect(sept.body.total).toMatchObject({
      billedFen: 3 * BILL,
      collectedFen: BILL,
      bills: 3,
      settledBills: 1,
      ratePermille: 333,
    });
    // The quarter holds all three months; the trend shows the six months up to the period's end.
    const quarter = await manager.call('GET', `${base()}/reports/collection?period=2026-Q3`);
    expect(quarter.body.total).toMatchObject({ billedFen: 7 * BILL, collectedFen: 4 * BILL - 1000 });
    expect(
      quarter.body.trend.map((t: { month: string; ratePermille: number | null }) => [t.month, t.ratePermille]),
    ).toEqual([
      ['2026-04', null],
      ['2026-05', null],
      ['2026-06', null],
      ['2026-07', null],
      ['2026-08', 739],
      ['2026-09', 333],
    ]);
    expect((await manager.call('GET', `${base()}/reports/collection?period=2026-13`)).status).toBe(400);
  });

  it('compares the communities a company admin oversees, and exports per building', async () => {
    const admin = await staff(h, 'COMPANY_ADMIN', { companyId: A.companyId, id: null });
    const all = await admin.call('GET', '/api/staff/reports/collection?period=2026-08');
    expect(all.status).toBe(200);
    expect(all.body.communities.find((c: { key: string }) => c.key === A.community.id)).toMatchObject({
      name: A.community.name,
      ratePermille: 739,
    });
    expect(
      (await cashier.call('GET', '/api/staff/reports/collection?period=2026-08')).body.communities.map(
        (c: { key: string }) => c.key,
      ),
    ).toEqual([A.community.id]);
    expect((await owners[0]!.call('GET', '/api/staff/reports/collection?period=2026-08')).status).toBe(404);

    const xlsx = await fetch(`${h.url}${base()}/reports/collection/export?period=2026-08&format=xlsx`, {
      headers: { authorization: `Bearer ${manager.token}` },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('收缴率')!;
    // 应收, 实收, 未收 and the rate as 业主 / 开发商 / 合计: all of it the owners' here
    // (tests/fee-reports-payer.test.ts has the developer's)
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '1号楼',
      ...[(3 * BILL) / 100, 0, (3 * BILL) / 100],
      ...[(3 * BILL - 1000) / 100, 0, (3 * BILL - 1000) / 100],
      ...[10, 0, 10],
      3,
      3,
      ...['98.6', '—', '98.6'],
    ]);
    expect(sheet.getRow(4).values).toEqual([
      undefined,
      '全小区',
      ...[(4 * BILL) / 100, 0, (4 * BILL) / 100],
      ...[(3 * BILL - 1000) / 100, 0, (3 * BILL - 1000) / 100],
      ...[BILL / 100 + 10, 0, BILL / 100 + 10],
      4,
      3,
      ...['73.9', '—', '73.9'],
    ]);
  });
});

describe('arrears reminders', () => {
  it('are sent to the owners who accepted them, once a week per unit even when asked at once, and kept as evidence', async () => {
    const reminder = TEMPLATES.arrearsReminder.id;
    await owners[0]!.call('POST', '/api/push/subscriptions', { body: { results: { [reminder]: 'accept' } } });
    await h.sim('/sim/subscribe/accept', { openid: owners[0]!.openid, templateId: reminder });
    const elsewhere = await makeCommunity(h.db, { units: 1 });

    const send = (unitIds: string[], payBy?: string) =>
      cashier.call('POST', `${base()}/arrears/reminders`, { body: { unitIds, ...(payBy ? { payBy } : {}) } });
    const burst = await Promise.all(Array.from({ length: 5 }, () => send([units[3]!.id])));
    expect(burst.map((r) => r.body.results[0].outcome).sort()).toEqual([
      'COOLING_DOWN',
      'COOLING_DOWN',
      'COOLING_DOWN',
      'COOLING_DOWN',
      'SENT',
    ]);

    const payBy = addDays(today(), 15);
    const res = await send([units[0]!.id, units[3]!.id, elsewhere.units[0]!.id], payBy);
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      { unitId: units[0]!.id, outcome: 'SENT', reminderId: expect.any(String), pushed: 1 },
      { unitId: units[3]!.id, outcome: 'COOLING_DOWN', nextAllowedAt: expect.any(String) },
      { unitId: elsewhere.units[0]!.id, outcome: 'NOT_IN_ARREARS' },
    ]);
    // 101 owes 2026-09 and 2026-10; the push carries the amount, the items and the deadline.
    const delivered = await eventually(async () => {
      const items = (
        (await (await fetch(`${h.simUrl}/sim/subscribe/delivered`)).json()) as {
          items: { touser: string; templateId: string; page: string; data: Record<string, { value: string }> }[];
        }
      ).items;
      const mine = items.filter((d) => d.touser === owners[0]!.openid && d.templateId === reminder);
      expect(mine).toHaveLength(1);
      return mine[0]!;
    });
    expect(delivered.data.amount1!.value).toBe(`¥${((2 * BILL) / 100).toFixed(2)}`);
    expect(delivered.data.thing2!.value).toContain('物业服务费');
    expect(delivered.data.time3!.value).toBe(`${payBy.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')} 23:59`);
    expect(delivered.page).toBe(`pages/fees/index?unitId=${units[0]!.id}`);

    const evidence = await eventually(async () => {
      const list = await cashier.call('GET', `${base()}/arrears/reminders?unitId=${units[0]!.id}`);
      expect(list.body.items[0].pushes).toEqual({ SENT: 1 });
      return list.body.items[0];
    });
    expect(evidence).toMatchObject({
      unit: '1号楼 101',
      amountFen: 2 * BILL,
      bills: 2,
      oldestPeriod: '2026-09',
      payBy,
      recipients: 1,
      pushed: 1,
    });
    const listed = await cashier.call('GET', `${base()}/arrears`);
    expect(listed.body.items.find((r: { unitId: string }) => r.unitId === units[0]!.id).lastRemindedAt).toEqual(
      expect.any(String),
    );
    // The owner of 2号楼 201 never accepted the template: reminded on record, but no push was sent.
    expect(await h.db.arrearsReminder.findFirstOrThrow({ where: { unitId: units[3]!.id } })).toMatchObject({
      recipients: 1,
      pushed: 0,
    });

    expect((await send([units[0]!.id], '2020-01-01')).status).toBe(400);
    expect(
      (await owners[0]!.call('POST', `${base()}/arrears/reminders`, { body: { unitIds: [units[0]!.id] } })).status,
    ).toBe(404);
  });

  it('the resident sees what is overdue on their summary, and a reminder changes nothing they can do', async () => {
    const summary = await owners[0]!.call('GET', '/api/bills/summary');
    expect(summary.body.units[0]).toMatchObject({
      openBills: 2,
      openFen: 2 * BILL,
      overdueBills: 2,
      overdueFen: 2 * BILL,
    });
    const [bill] = await openBills(owners[0]!, units[0]!.id);
    expect((await owners[0]!.call('POST', '/api/pay/orders', { body: { billIds: [bill!.id] } })).status).toBe(201);
  });
});
