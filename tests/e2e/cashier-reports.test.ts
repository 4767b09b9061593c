import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { tapButton, useBrowserStack } from './browser.js';
import { beijingDay } from '../../bff/src/beijing.js';

/**
 * The cashier's reports and arrears reminders in the H5 build: today's takings with the chart and an
 * Excel export read back, the collection rate by building, and a reminder sent to a unit in arrears
 * whose owner then sees 欠费 on the home page.
 */
const stack = useBrowserStack();

async function openDesk(label: string) {
  const page = await stack.newPage();
  await stack.devLogin(page, label);
  await page.getByText('收银台', { exact: true }).click();
  await page.getByTestId('desk-tabs').waitFor();
  return page;
}

describe('收银台 › 报表 and 欠费催缴', { timeout: 120_000 }, () => {
  it("today's takings by channel with a chart, exported to Excel; the collection rate by building", async () => {
    // Money taken at the counter this morning: the oldest bill of 1号楼102 in cash.
    const token = await stack.h.loginAs('demo-cashier');
    const community = await stack.h.db.community.findFirstOrThrow({ where: { name: '梧桐苑' } });
    const unit = await stack.h.db.unit.findFirstOrThrow({
      where: { communityId: community.id, number: '102', building: { name: '1号楼' } },
    });
    const oldest = await stack.h.db.bill.findFirstOrThrow({
      where: { unitId: unit.id, state: 'UNPAID', payer: 'OWNER' },
      orderBy: { firstMonth: 'asc' },
    });
    const taken = await stack.h.call('POST', `/api/staff/communities/${community.id}/counter-payments`, {
      token,
      body: { unitId: unit.id, channel: 'CASH', amountFen: oldest.amountFen },
    });
    expect(taken.status).toBe(201);
    // What the page must show: this month's report as the API gives it (its sums are tested in fee-reports.test.ts).
    const day = beijingDay(stack.h.deps.clock.now());
    const report = (
      await stack.h.call(
        'GET',
        `/api/staff/communities/${community.id}/reports/takings?from=${day.slice(0, 8)}01&to=${day}`,
        { token },
      )
    ).body;
    expect(report.days.find((d: { day: string }) => d.day === day).byChannel.CASH).toBeGreaterThanOrEqual(
      oldest.amountFen,
    );
    const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

    const page = await openDesk('收银员 · 梧桐苑');
    await page.getByTestId('desk-tabs').getByText('报表', { exact: true }).click();
    const totals = page.getByTestId('takings-totals');
    await totals.locator('.nut-cell', { hasText: '现金' }).getByText(yuan(report.totals.byChannel.CASH)).waitFor();
    await totals.locator('.nut-cell', { hasText: '合计' }).getByText(yuan(report.totals.totalFen)).waitFor();
    await page.getByTestId('takings-chart').waitFor();
    await stack.shot(page, '61-cashier-takings');

    const [download] = await Promise.all([page.waitForEvent('download'), tapButton(page, '导出 Excel')]);
    expect(download.suggestedFilename()).toMatch(/^收款日报-.*\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('收款日报')!;
    const total = sheet.getRow(sheet.rowCount);
    expect([total.getCell(1).value, total.getCell(3).value, total.getCell(8).value]).toEqual([
      '合计',
      report.totals.byChannel.CASH / 100,
      report.totals.totalFen / 100,
    ]);

    await page.getByTestId('report-tabs').getByText('收缴率', { exact: true }).click();
    await page
      .getByTestId('collection-total')
      .locator('.nut-cell', { hasText: '收缴率' })
      .getByText(/^\d+\.\d%$/)
      .waitFor();
    await page.getByTestId('collection-buildings').getByText('1号楼', { exact: true }).waitFor();
    await stack.shot(page, '62-cashier-collection-rate');
  });

  it('reminds a unit in arrears, once a week; its owner sees 欠费 on the home page and pays from there', async () => {
    const page = await openDesk('收银员 · 梧桐苑');
    await page.getByTestId('desk-tabs').getByText('欠费催缴', { exact: true }).click();
    const rows = page.getByTestId('arrears-row');
    const ours = rows.filter({ hasText: '1号楼 101' });
    await ours.waitFor();
    await ours.click();
    await stack.shot(page, '63-cashier-arrears');
    await page.locator('.nut-button', { hasText: '发送催缴提醒（1户）' }).click();
    await page.getByText('发送提醒', { exact: true }).last().click();
    await page.getByText(/已提醒 1 户/).waitFor();
    await page.getByText('确定', { exact: true }).last().click();
    await ours.getByText('一周内已提醒').waitFor();
    const unit = await stack.h.db.unit.findFirstOrThrow({
      where: { number: '101', building: { name: '1号楼', community: { name: '梧桐苑' } } },
    });
    expect(await stack.h.db.arrearsReminder.count({ where: { unitId: unit.id } })).toBe(1);
    await page.getByTestId('arrears-view').getByText('提醒记录', { exact: true }).click();
    await page.getByTestId('reminder-row').filter({ hasText: '1号楼 101' }).waitFor();

    const resident = await stack.newPage();
    await stack.devLogin(resident, '业主（已绑定 梧桐苑1号楼101）');
    const card = resident.getByTestId('home-overdue');
    await card.getByText(/^欠费 ¥\d+\.\d{2}$/).waitFor();
    await stack.shot(resident, '64-resident-home-overdue');
    await card.locator('.nut-cell').first().click();
    await resident.getByTestId('unpaid-bills').getByTestId('bill-row').first().waitFor();
  });
});
