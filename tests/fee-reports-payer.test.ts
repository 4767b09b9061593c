import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from './support/use-harness.js';
import { staff, type Actor } from './support/actors.js';
import { addFeeItem, deliverUnits, makeCommunity, runBilling } from './support/factories/index.js';
import { ManualClock } from '../bff/src/clock.js';
import { atBeijing } from '../bff/src/beijing.js';

/**
 * The takings and 收缴率 exports carry the report's owner / developer split as columns (业主 / 开发商 /
 * 合计), and the columns add up (docs/domain.md §4, Developers pay at the counter). Two owners' units
 * and one the developer still holds; the owner of 101 pays October in cash, the developer pays October
 * and November of 103 by transfer, on 20 November 2026.
 */
const clock = new ManualClock(atBeijing('2026-11-20', 10 * 60));
const h = useHarness({ clock });
const BILL = 23171; // 98.60 m² × 2.35 元/m²·月
const DAY = '2026-11-20';
let A: Awaited<ReturnType<typeof makeCommunity>>;
let cashier: Actor;
const base = () => `/api/staff/communities/${A.community.id}`;

beforeAll(async () => {
  A = await makeCommunity(h.db, { units: 3 });
  await deliverUnits(h, [A.units[0]!.id, A.units[1]!.id]); // 103 is still the developer's
  cashier = await staff(h, 'CASHIER', { id: A.community.id, companyId: A.companyId });
  const manager = await staff(h, 'MANAGER', { id: A.community.id, companyId: A.companyId });
  const item = await addFeeItem(manager, A.community.id, {
    kind: 'PROPERTY',
    name: '物业服务费',
    amountFen: 235,
    cycle: 'MONTH',
  });
  for (const m of ['2026-10', '2026-11']) await runBilling(cashier, A.community.id, m, [item.id]);
  const take = (unit: { id: string }, body: Record<string, unknown>) =>
    cashier.call('POST', `${base()}/counter-payments`, { body: { unitId: unit.id, ...body } });
  expect((await take(A.units[0]!, { channel: 'CASH', amountFen: BILL })).status).toBe(201);
  expect((await take(A.units[2]!, { channel: 'TRANSFER', amountFen: 2 * BILL, payer: 'DEVELOPER' })).status).toBe(201);
});

async function download(path: string) {
  const res = await fetch(`${h.url}${base()}${path}`, { headers: { authorization: `Bearer ${cashier.token}` } });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}
async function sheetOf(path: string, name: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await download(path)) as unknown as ArrayBuffer);
  return book.getWorksheet(name)!;
}
const csvLines = async (path: string) => (await download(path)).toString('utf8').slice(1).trim().split('\r\n');

describe('exports split by payer', () => {
  it('takings: each day and item in 业主 / 开发商 / 合计 columns beside the channels, both adding up to the total', async () => {
    const q = `/reports/takings/export?from=${DAY}&to=${DAY}`;
    const sheet = await sheetOf(`${q}&format=xlsx`, '收款日报');
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
    const money = [0, BILL / 100, (2 * BILL) / 100, 0, BILL / 100, (2 * BILL) / 100, (3 * BILL) / 100];
    expect(sheet.getRow(2).values).toEqual([undefined, DAY, ...money]);
    expect(sheet.getRow(3).values).toEqual([undefined, '项目：物业服务费', ...money]);
    expect(sheet.getRow(4).values).toEqual([undefined, '合计', ...money]);
    expect(sheet.getRow(2).getCell(7).numFmt).toBe('"¥"#,##0.00');
    const [owner, developer, total] = [6, 7, 8].map((c) => Number(sheet.getRow(4).getCell(c).value) * 100);
    expect(Math.round(owner! + developer!)).toBe(Math.round(total!));

    const csv = await csvLines(`${q}&format=csv`);
    expect(csv[0]).toBe(
      '日期 / 项目,微信支付（元）,现金（元）,转账（元）,刷卡（元）,业主（元）,开发商（元）,合计（元）',
    );
    expect(csv[1]).toBe(`${DAY},0.00,231.71,463.42,0.00,231.71,463.42,695.13`);
  });

  it('收缴率: billed, collected, outstanding and the rate in 业主 / 开发商 / 合计 columns, per building and for the community', async () => {
    const q = '/reports/collection/export?period=2026-10';
    const sheet = await sheetOf(`${q}&format=xlsx`, '收缴率');
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '楼栋',
      '应收·业主（元）',
      '应收·开发商（元）',
      '应收·合计（元）',
      '实收·业主（元）',
      '实收·开发商（元）',
      '实收·合计（元）',
      '未收·业主（元）',
      '未收·开发商（元）',
      '未收·合计（元）',
      '账单数',
      '已缴账单数',
      '收缴率·业主（%）',
      '收缴率·开发商（%）',
      '收缴率·合计（%）',
    ]);
    // October: 101 paid (owner), 102 open (owner), 103 paid by the developer
    const row = [
      (2 * BILL) / 100,
      BILL / 100,
      (3 * BILL) / 100,
      BILL / 100,
      BILL / 100,
      (2 * BILL) / 100,
      BILL / 100,
      0,
      BILL / 100,
      3,
      2,
      '50.0',
      '100.0',
      '66.7',
    ];
    expect(sheet.getRow(2).values).toEqual([undefined, '1号楼', ...row]);
    expect(sheet.getRow(3).values).toEqual([undefined, '全小区', ...row]);

    const csv = await csvLines(`${q}&format=csv`);
    expect(csv[2]).toBe('全小区,463.42,231.71,695.13,231.71,231.71,463.42,231.71,0.00,231.71,3,2,50.0,100.0,66.7');
  });
});
