import { describe, expect, it } from 'vitest';
import { tapButton, useBrowserStack } from './browser.js';
import { beijingDay } from '../../bff/src/beijing.js';

/**
 * 缴费 as a resident does it in the H5 build: two of the unit's bills chosen, paid on the simulator's
 * development pay page (standing in for WeChat's pay sheet), seen as paid, the receipt opened.
 */
const stack = useBrowserStack({ worker: true }); // receipts are numbered by the settle job
const RESIDENT = '业主（已绑定 梧桐苑1号楼101）';

describe('缴费', { timeout: 120_000 }, () => {
  it('a resident selects two bills, pays on the simulator page, sees them paid and opens the receipt', async () => {
    const page = await stack.newPage();
    await stack.devLogin(page, RESIDENT);
    await page.getByText('缴费', { exact: true }).click();
    const rows = page.getByTestId('unpaid-bills').getByTestId('bill-row');
    await rows.first().waitFor();
    const count = await rows.count();
    expect(count).toBe(6); // three months of 物业服务费 and 车位管理费 (seeded)
    await page.getByText('缴费不影响门禁、电梯、停车、水电等任何服务').waitFor();
    // Everything is selected to begin with; keep the two oldest bills.
    for (let i = count - 1; i >= 2; i--) await rows.nth(i).click();
    await page.getByText('微信支付（2笔）').waitFor();
    const total = await page.getByTestId('pay-total').innerText();
    expect(total).toMatch(/^¥\d+\.\d{2}$/);
    await stack.shot(page, '50-fees-bills');

    const [sheet] = await Promise.all([page.context().waitForEvent('page'), tapButton(page, '微信支付（2笔）')]);
    await sheet.getByText('开发环境模拟支付').waitFor();
    await sheet.getByText(total).waitFor();
    await stack.shot(sheet, '51-fees-sim-pay');
    await sheet.getByText('确认支付', { exact: true }).click();
    await sheet.getByText('支付成功').waitFor();
    await sheet.close();

    await page.getByTestId('receipt').waitFor();
    expect(await page.getByTestId('receipt-total').innerText()).toBe(total);
    expect(await page.getByTestId('receipt-no').innerText()).toMatch(/SJ2026-/);
    await stack.shot(page, '52-fees-receipt');

    await page.goBack();
    await page.getByTestId('fee-tabs').getByText('缴费记录', { exact: true }).click();
    await expect.poll(() => page.getByTestId('paid-bills').getByTestId('bill-row').count()).toBe(2);
    await page.getByTestId('fee-tabs').getByText('待缴账单', { exact: true }).click();
    await expect.poll(() => page.getByTestId('unpaid-bills').getByTestId('bill-row').count()).toBe(4);
  });

  it("a cashier previews next month's bills, confirms, and a second run finds nothing to make", async () => {
    const page = await stack.newPage();
    await stack.devLogin(page, '收银员 · 梧桐苑');
    await page.getByText('收银台', { exact: true }).click();
    await page.getByTestId('fee-items').getByText('物业服务费').waitFor();
    await page.locator('.nut-button', { hasText: /预览.*账单/ }).click();
    const preview = page.getByTestId('billing-preview');
    await preview.getByText(/将新生成 \d+ 张/).waitFor();
    await preview.getByText('开发商承担（未交付房屋）').waitFor();
    await stack.shot(page, '53-cashier-billing-preview');
    await page.locator('.nut-button', { hasText: /确认生成 \d+ 张账单/ }).click();
    await page.getByText('确认生成', { exact: true }).click(); // the confirmation dialog
    await preview.getByText(/这个账期的账单都已生成/).waitFor();
    const community = await stack.h.db.community.findFirstOrThrow({ where: { name: '梧桐苑' } });
    expect(await stack.h.db.billingRun.count({ where: { communityId: community.id } })).toBe(4); // three seeded months + this one
    // Below: the period's conflicts (none here) and the runs; a cashier cannot undo one.
    await page.getByTestId('billing-conflicts').getByText('这个账期没有冲突').waitFor();
    const runs = page.getByTestId('billing-runs');
    await runs
      .getByText(/生成于/)
      .first()
      .waitFor();
    expect(await runs.locator('.nut-button', { hasText: '撤销' }).count()).toBe(0);

    // A manager undoes the run just made, after a dialog saying what goes; the run stays, marked undone.
    const run = await stack.h.db.billingRun.findFirstOrThrow({
      where: { communityId: community.id },
      orderBy: { createdAt: 'desc' },
    });
    const manager = await stack.newPage();
    await stack.devLogin(manager, '小区经理 · 梧桐苑');
    await manager.getByText('收银台', { exact: true }).click();
    await manager.locator('[data-testid="undo-reason"] input').fill('面积数据有误，重新生成');
    await manager.getByTestId('billing-runs').locator('.nut-button', { hasText: '撤销' }).first().click();
    await manager.getByText(`将删除这次生成的 ${run.billCount} 张账单`, { exact: false }).waitFor();
    await stack.shot(manager, '53b-manager-undo-billing-run');
    await manager.getByText('确认撤销', { exact: true }).click();
    await manager
      .getByTestId('billing-runs')
      .getByText(/已撤销（.*）：面积数据有误，重新生成/)
      .waitFor();
    expect(await stack.h.db.billingRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
      undoReason: '面积数据有误，重新生成',
      undoneAt: expect.any(Date),
    });
    expect(await stack.h.db.bill.count({ where: { runId: run.id } })).toBe(0);
  });

  it('at the desk a cashier finds the unit, refunds part of a paid bill, and the bill shows 部分退款', async () => {
    const page = await stack.newPage();
    await stack.devLogin(page, '收银员 · 梧桐苑');
    await page.getByText('收银台', { exact: true }).click();
    await page.getByTestId('desk-tabs').getByText('查账单 · 退款', { exact: true }).click();
    await page.getByTestId('desk-buildings').getByText('1号楼', { exact: true }).click();
    await page.getByTestId('desk-units').getByText('101', { exact: true }).click();
    await page.getByTestId('desk-bill-status').getByText('已缴 / 已退 / 已减免', { exact: true }).click();
    const paidRows = page.getByTestId('desk-bills').getByTestId('bill-row');
    await expect.poll(() => paidRows.count()).toBe(2); // the two the resident paid above
    await paidRows.first().click();
    await page.locator('[data-testid="refund-amount"] input').fill('10');
    await page.locator('[data-testid="action-reason"] input').fill('多收退回');
    await stack.shot(page, '54-cashier-refund');
    await tapButton(page, '退款');
    await page.getByText('确认退款', { exact: true }).last().click();
    await expect
      .poll(async () => (await stack.h.db.refund.findFirst({ where: { kind: 'CASHIER' } }))?.state)
      .toBe('SUCCESS');
    await page.getByTestId('desk-bill-status').getByText('未缴', { exact: true }).click();
    await page.getByTestId('desk-bill-status').getByText('已缴 / 已退 / 已减免', { exact: true }).click();
    await page.getByTestId('desk-bills').getByText('部分退款').waitFor();
  });

  it('at the desk a cashier takes cash for the two oldest bills and opens the printable receipt', async () => {
    const page = await stack.newPage();
    await stack.devLogin(page, '收银员 · 梧桐苑');
    await page.getByText('收银台', { exact: true }).click();
    await page.getByTestId('desk-tabs').getByText('查账单 · 退款', { exact: true }).click();
    await page.getByTestId('desk-buildings').getByText('1号楼', { exact: true }).click();
    await page.getByTestId('desk-units').getByText('102', { exact: true }).click();
    const steps = page.getByTestId('counter-steps');
    await steps.getByText(/^2 笔 ¥/).click();
    const amount = (await steps.getByText(/^2 笔 ¥/).innerText()).replace(/^2 笔 /, '');
    await page.locator('[data-testid="counter-payer"] input').fill('陈先生');
    await stack.shot(page, '55-cashier-counter-payment');
    await page.locator('.nut-button', { hasText: /^确认收款 ¥/ }).click();
    await page.getByText('确认收款', { exact: true }).last().click();
    await page.getByTestId('counter-receipt').waitFor();
    expect(await page.getByTestId('counter-receipt-total').innerText()).toBe(amount);
    expect(await page.getByTestId('counter-receipt-no').innerText()).toMatch(/SJ2026-/);
    expect(await page.getByTestId('counter-receipt-payer').innerText()).toMatch(/业主/);
    await stack.shot(page, '56-cashier-counter-receipt');

    // A unit the developer still holds (every 12th: 1号楼 602) shows only the developer's bills.
    await page.goBack();
    await page.getByTestId('desk-units').getByText('602', { exact: true }).click();
    const kinds = page.getByTestId('counter-payer-kind');
    await kinds.getByText(/^开发商（\d+ 笔）$/).waitFor();
    expect(await kinds.getByText(/^业主/).count()).toBe(0);

    // 201 was delivered after its first billed month (as if): the cashier switches to the developer's bill.
    const unit201 = await stack.h.db.unit.findFirstOrThrow({
      where: { number: '201', building: { name: '1号楼', community: { name: '梧桐苑' } } },
    });
    const first = await stack.h.db.bill.findFirstOrThrow({
      where: { unitId: unit201.id, state: 'UNPAID' },
      orderBy: [{ firstMonth: 'asc' }, { id: 'asc' }],
    });
    await stack.h.db.bill.update({ where: { id: first.id }, data: { payer: 'DEVELOPER' } });
    await page.getByTestId('desk-units').getByText('201', { exact: true }).click();
    await kinds.getByText(/^业主（\d+ 笔）$/).waitFor();
    await kinds.getByText('开发商（1 笔）', { exact: true }).click();
    await steps.getByText(/^1 笔 ¥/).click();
    await page.getByTestId('counter-channel').getByText('转账', { exact: true }).click();
    await page.locator('[data-testid="counter-payer"] input').fill('梧桐置业有限公司');
    await page.locator('.nut-button', { hasText: /^确认收款 ¥/ }).click();
    await page.getByText(/^开发商缴款：转账收款/).waitFor();
    await page.getByText('确认收款', { exact: true }).last().click();
    await page.getByTestId('counter-receipt').waitFor();
    expect(await page.getByTestId('counter-receipt-payer').innerText()).toMatch(/开发商/);
    await stack.shot(page, '56b-cashier-developer-receipt');
    expect(await stack.h.db.bill.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      state: 'PAID',
      payer: 'DEVELOPER',
    });
  });

  it("the next morning the cashier reconciles yesterday against WeChat Pay's bill", async () => {
    const paid = await stack.h.db.payOrder.findFirstOrThrow({ where: { state: 'PAID' } });
    const day = beijingDay(paid.paidAt!); // the Beijing day of the payment above
    await stack.h.sim('/sim/clock', { advanceMs: 36 * 3600_000 }); // WeChat's bill is ready from 10:00 the next day
    const page = await stack.newPage();
    await stack.devLogin(page, '收银员 · 梧桐苑');
    await page.getByText('收银台', { exact: true }).click();
    await page.getByTestId('desk-tabs').getByText('对账', { exact: true }).click();
    await page.locator('[data-testid="reconcile-day"] input').fill(day);
    await tapButton(page, '立即对账');
    const summary = page.getByTestId('reconcile-summary');
    await summary.getByText(`${day} 对账结果`).waitFor();
    await summary
      .locator('.nut-cell', { hasText: '支付相符' })
      .getByText(/^1 笔 · ¥/)
      .waitFor();
    await summary.locator('.nut-cell', { hasText: '退款相符' }).getByText('1 笔 · ¥10.00').waitFor();
    await summary.locator('.nut-cell', { hasText: '差异' }).getByText('0 条').waitFor();
    await stack.shot(page, '57-cashier-reconciliation');
  });
});
