import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserStack } from './browser.js';
import { axe, pdfText, signInAtDesk } from './console-kit.js';
import { beijingDay } from '../../bff/src/beijing.js';

/**
 * The cashier's screens of the office console (#26, docs/console.md): bills of a unit with a refund and
 * a void request, the refund list, yesterday's reconciliation with a difference resolved in the drawer,
 * bulk arrears reminders, takings exported and printed on A4, the collection rate and a billing run
 * previewed — at 1366×768, then every screen again at 1920×1080. axe on every screen.
 */
const stack = useBrowserStack();
const HOUR = 3600_000;

/** Opens a screen from the left navigation and waits for its heading. */
async function open(desk: Page, link: string, heading: string | RegExp = link) {
  await desk.getByRole('navigation', { name: '功能导航' }).getByRole('link', { name: link, exact: true }).click();
  await desk.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** Fills the reason (and amount) dialog, submits it, and confirms the "cannot be undone" question. */
async function submitReason(desk: Page, reason: string, confirmText: string, amount?: string) {
  const form = desk.locator('.t-dialog form');
  if (amount) await form.getByLabel('金额（元）').fill(amount);
  await form.getByLabel(/原因|说明/).fill(reason);
  await desk.locator('.t-dialog__footer').first().getByRole('button', { name: confirmText, exact: true }).click();
  const question = desk.locator('.t-dialog', { hasText: `确认${confirmText}？` });
  await question.waitFor();
  await question.getByRole('button', { name: confirmText, exact: true }).click();
  await question.waitFor({ state: 'hidden' });
}

describe('办公台：收银员的一天（第二部分）', { timeout: 150_000 }, () => {
  it('bills of a unit, refund, void request, reconciliation, bulk reminders, takings, collection, billing preview', async () => {
    const { h } = stack;
    const desk = await signInAtDesk(stack, '收银员 · 梧桐苑');
    const community = await h.db.community.findFirstOrThrow({ where: { name: '梧桐苑' } });
    const c = `/api/staff/communities/${community.id}`;
    // The demo owner pays their oldest bill by WeChat today, and cash is taken at the counter for the next.
    const ownerToken = await h.loginAs('demo-owner');
    // The cash is taken with the desk's own session: a second login of the cashier here left the phone's
    // scan page of the next desk sign-in waiting (seen in this file, not yet understood).
    const cashierToken = String(await desk.evaluate("sessionStorage.getItem('wyt-console-token')"));
    const summary = await h.call('GET', '/api/bills/summary', { token: ownerToken });
    const unit = await h.db.unit.findUniqueOrThrow({
      where: { id: summary.body.units[0].unitId },
      include: { building: true },
    });
    const open2 = await h.db.bill.findMany({
      where: { unitId: unit.id, state: 'UNPAID', payer: 'OWNER' },
      orderBy: { firstMonth: 'asc' },
      take: 2,
    });
    expect(open2).toHaveLength(2);
    const order = await h.call('POST', '/api/pay/orders', { token: ownerToken, body: { billIds: [open2[0]!.id] } });
    expect(order.status).toBe(201);
    await h.sim('/sim/pay/pay', { outTradeNo: order.body.order.outTradeNo });
    await expect
      .poll(async () => (await h.db.bill.findUniqueOrThrow({ where: { id: open2[0]!.id } })).state, { timeout: 10_000 })
      .toBe('PAID');
    const cash = await h.call('POST', `${c}/counter-payments`, {
      token: cashierToken,
      body: { unitId: unit.id, channel: 'CASH', amountFen: open2[1]!.amountFen, billIds: [open2[1]!.id] },
    });
    expect(cash.status).toBe(201);

    // 房屋账单: found by 房号 as at the counter; open bills, then the WeChat-paid bill refunded in part.
    await open(desk, '房屋账单');
    await axe(desk, 'unit bills (empty)');
    await desk.getByLabel('房号、手机尾号或姓名').fill(`${unit.building.name.replace('号楼', '')}-${unit.number}`);
    await desk.getByRole('button', { name: '查找' }).click();
    const label = `${unit.building.name} ${unit.number}`;
    await desk.getByRole('heading', { level: 1, name: `${label} 的账单` }).waitFor();
    await desk.getByTestId('open-total').waitFor();
    expect(await desk.evaluate('location.hash')).toContain(`unit=${unit.id}`);
    await axe(desk, 'unit bills');
    await stack.shot(desk, '77-console-unit-bills');
    await desk.getByRole('tab', { name: '已缴与历史' }).click();
    const paidRow = desk.locator('tr', { hasText: '微信支付' }).first();
    await paidRow.getByRole('button', { name: '退款' }).click();
    await axe(desk, 'refund dialog');
    await stack.shot(desk, '78-console-refund-dialog');
    await submitReason(desk, '多收退回', '退款', '1');
    await expect
      .poll(async () => (await h.db.refund.findFirst({ where: { billId: open2[0]!.id } }))?.amountFen)
      .toBe(100);

    // The counter receipt of the same unit: a void asked for, with a reason, for a manager to approve.
    await desk.getByRole('tab', { name: '收款记录' }).click();
    const cashRow = desk.locator('tr', { hasText: cash.body.receiptNo });
    await cashRow.getByRole('button', { name: '申请作废' }).click();
    await submitReason(desk, '收错房号了', '申请作废');
    await cashRow.getByText('待审批作废').waitFor();
    await axe(desk, 'unit payments');
    await stack.shot(desk, '79-console-unit-payments');

    // 退款: the refund with its state.
    await open(desk, '退款');
    await desk
      .getByTestId('row-count')
      .getByText(/共 [1-9]\d* 条/)
      .waitFor();
    await desk
      .locator('tr', { hasText: '多收退回' })
      .getByText(/已退款|处理中|待提交/)
      .waitFor();
    await expect
      .poll(async () => (await h.db.refund.findFirstOrThrow({ where: { billId: open2[0]!.id } })).state)
      .toBe('SUCCESS');
    await axe(desk, 'refunds');
    await stack.shot(desk, '7a-console-refunds');

    // 对账: the next morning WeChat's bill of today is there (the simulator's clock moves on); its
    // amount for the order differs, the difference is resolved in the drawer.
    const day = beijingDay(h.deps.clock.now());
    await h.sim('/sim/clock', { advanceMs: 36 * HOUR });
    await h.sim('/sim/pay/bill-faults', { amounts: { [order.body.order.outTradeNo]: order.body.order.amountFen + 1 } });
    await open(desk, '对账');
    await desk.getByLabel('对账日期').fill(day);
    await desk.getByRole('button', { name: '下载微信账单并对账' }).click();
    await desk.getByRole('heading', { level: 2, name: `${day} 的差异` }).waitFor();
    // WeChat's clock back to now: its tokens and signatures are checked against the BFF's (real) clock.
    await h.sim('/sim/clock', { advanceMs: -36 * HOUR });
    await h.sim('/sim/pay/bill-faults', {});
    // The payment's row (and the refund's of the same order) differ by the fen the bill added.
    const diffRow = desk.locator('tr', { hasText: order.body.order.outTradeNo }).first();
    await diffRow.getByText('金额不符', { exact: true }).click();
    await desk.getByTestId('difference-detail').waitFor();
    await axe(desk, 'reconciliation with drawer');
    await stack.shot(desk, '7b-console-reconcile');
    await desk.getByRole('button', { name: '标记为已处理' }).click();
    await submitReason(desk, '微信账单金额有误，已核实', '标记已处理');
    await diffRow.getByText('已处理').waitFor();
    const resolved = await h.db.reconcileDifference.findMany({ where: { outTradeNo: order.body.order.outTradeNo } });
    expect(resolved.map((d) => d.note)).toContain('微信账单金额有误，已核实');

    // 欠费清单: three units selected, the confirmation names the count, the reminders are recorded.
    await open(desk, '欠费清单');
    await desk
      .getByTestId('row-count')
      .getByText(/共 \d+ 户/)
      .waitFor();
    const before = await h.db.arrearsReminder.count({ where: { communityId: community.id } });
    for (const i of [0, 1, 2]) await desk.locator('.t-table tbody tr').nth(i).locator('.t-checkbox').click();
    await desk.getByTestId('row-count').getByText('已选 3 户').waitFor();
    await desk.getByRole('button', { name: '发送催缴（3 户）' }).click();
    const ask = desk.locator('.t-dialog', { hasText: '向 3 户发送催缴？' });
    await ask.waitFor();
    await axe(desk, 'arrears reminder confirmation');
    await stack.shot(desk, '7c-console-arrears-remind');
    await ask.getByRole('button', { name: '发送 3 户' }).click();
    await desk
      .getByTestId('remind-result')
      .getByText(/已向 \d 户发送催缴/)
      .waitFor();
    expect(await h.db.arrearsReminder.count({ where: { communityId: community.id } })).toBeGreaterThan(before);

    // 收款日报: today's takings with the chart, exported as filtered, printed on A4.
    await open(desk, '收款日报');
    await desk.getByTestId('takings-chart').locator('svg[role=img]').waitFor();
    await desk.getByTestId('takings-total').waitFor();
    await axe(desk, 'takings');
    await stack.shot(desk, '7d-console-takings');
    const download = desk.waitForEvent('download');
    await desk.getByRole('button', { name: '导出 CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^收款日报-.*\.csv$/);
    const csv = (await (await file.createReadStream()).toArray()).join('');
    expect(csv).toContain('合计');
    const a4 = await pdfText(await desk.pdf({ preferCSSPageSize: true }));
    expect(a4).toContain('梧桐苑收款日报');
    expect(a4).not.toContain('结束本次登录');

    // 收缴率 and 账单生成 (preview only).
    await open(desk, '收缴率');
    await desk.getByTestId('collection-chart').waitFor();
    await axe(desk, 'collection');
    await stack.shot(desk, '7e-console-collection');
    await open(desk, '账单生成');
    await desk.getByLabel(/^账期/).fill(day.slice(0, 7));
    await desk.getByRole('button', { name: '预览' }).click();
    await desk.getByTestId('billing-preview').waitFor();
    expect(await desk.evaluate('location.hash')).toContain(`period=${day.slice(0, 7)}`);
    await axe(desk, 'billing runs');
    await stack.shot(desk, '7f-console-billing');
    await desk.close();
  });

  it('every cashier screen at 1920×1080', async () => {
    const desk = await signInAtDesk(stack, '收银员 · 梧桐苑', { width: 1920, height: 1080 });
    const unit = await stack.h.db.unit.findFirstOrThrow({
      where: { community: { name: '梧桐苑' }, number: '602', building: { name: '3号楼' } },
    });
    const screens: [string, string, string][] = [
      ['房屋账单', `#/unit-bills?unit=${unit.id}&label=3号楼 602`, '80-console-unit-bills-1920'],
      ['退款', '#/refunds', '81-console-refunds-1920'],
      ['对账', '#/reconcile', '82-console-reconcile-1920'],
      ['收款日报', '#/takings', '83-console-takings-1920'],
      ['收缴率', '#/collection', '84-console-collection-1920'],
      ['账单生成', '#/billing', '85-console-billing-1920'],
    ];
    for (const [link, hash, shot] of screens) {
      await open(desk, link);
      await desk.evaluate(`location.hash = ${JSON.stringify(hash)}`);
      await expect.poll(() => desk.locator('.wyt-table__count').first().innerText()).toMatch(/共 \d+/);
      await stack.shot(desk, shot);
    }
    await desk.close();
  });
});
