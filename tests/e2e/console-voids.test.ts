import { describe, expect, it } from 'vitest';
import { useBrowserStack } from './browser.js';
import { axe, signInAtDesk } from './console-kit.js';

/**
 * 作废审批 (docs/console.md §Void approval): the cashier asked to void two counter receipts; the manager
 * at the desk approves one (asked first: it cannot be undone) and rejects the other with a reason, from
 * the queue with the receipt in a drawer beside it. axe on the queue, the drawer and the dialogs.
 */
const stack = useBrowserStack();

describe('办公台：作废审批', { timeout: 90_000 }, () => {
  it('a manager approves one void request and rejects another with a reason', async () => {
    const { h } = stack;
    const community = await h.db.community.findFirstOrThrow({ where: { name: '梧桐苑' } });
    const c = `/api/staff/communities/${community.id}`;
    // Two receipts taken by the cashier and a void asked for each, before the manager signs in at the desk.
    const ownerToken = await h.loginAs('demo-owner');
    const cashierToken = await h.loginAs('demo-cashier');
    const summary = await h.call('GET', '/api/bills/summary', { token: ownerToken });
    const unitId = summary.body.units[0].unitId as string;
    const bills = await h.db.bill.findMany({
      where: { unitId, state: 'UNPAID', payer: 'OWNER' },
      orderBy: { firstMonth: 'asc' },
      take: 2,
    });
    expect(bills).toHaveLength(2);
    const receipts: string[] = [];
    for (const [i, b] of bills.entries()) {
      const cash = await h.call('POST', `${c}/counter-payments`, {
        token: cashierToken,
        body: { unitId, channel: 'CASH', amountFen: b.amountFen, billIds: [b.id] },
      });
      expect(cash.status).toBe(201);
      const asked = await h.call('POST', `/api/staff/counter-payments/${cash.body.id}/void`, {
        token: cashierToken,
        body: { reason: i === 0 ? '收错房号了' : '顾客说多收了' },
      });
      expect(asked.body.state).toBe('VOID_REQUESTED');
      receipts.push(cash.body.receiptNo);
    }

    const desk = await signInAtDesk(stack, '小区经理 · 梧桐苑');
    await desk
      .getByRole('navigation', { name: '功能导航' })
      .getByRole('link', { name: '作废审批', exact: true })
      .click();
    await desk.getByRole('heading', { level: 1, name: '作废审批' }).waitFor();
    await desk.getByTestId('row-count').getByText('共 2 笔').waitFor();
    await axe(desk, 'void requests');
    await stack.shot(desk, '8d-console-void-requests');

    // Approve: a red button, then the question naming what cannot be undone.
    await desk.locator('tr', { hasText: receipts[0]! }).getByRole('button', { name: '审批' }).click();
    const detail = desk.getByTestId('void-detail');
    await detail.getByText('收错房号了').waitFor();
    await axe(desk, 'void request drawer');
    await stack.shot(desk, '8e-console-void-drawer');
    await detail.getByRole('button', { name: '批准作废' }).click();
    const question = desk.locator('.t-dialog', { hasText: '批准后不能撤销' });
    await question.waitFor();
    await axe(desk, 'void approve question');
    await question.getByRole('button', { name: '批准作废', exact: true }).click();
    await desk.getByTestId('row-count').getByText('共 1 笔').waitFor();
    expect(await h.db.bill.findUniqueOrThrow({ where: { id: bills[0]!.id } })).toMatchObject({ state: 'UNPAID' });

    // The 已作废 message fades out first (axe caught it half transparent).
    await expect.poll(() => desk.locator('.t-message').count(), { timeout: 10_000 }).toBe(0);
    // Reject: an outlined button, a reason the cashier will read; the receipt stands and the bill stays paid.
    await desk.locator('tr', { hasText: receipts[1]! }).getByRole('button', { name: '审批' }).click();
    await detail.getByText('顾客说多收了').waitFor();
    await detail.getByRole('button', { name: '驳回申请…' }).click();
    const form = desk.locator('.t-dialog form');
    await form.getByLabel(/驳回原因/).fill('核对现金无误，不予作废');
    await axe(desk, 'void reject dialog');
    await desk.locator('.t-dialog__footer').getByRole('button', { name: '驳回', exact: true }).click();
    await desk.getByText('没有待审批的作废申请').waitFor();
    const kept = await h.db.counterPayment.findUniqueOrThrow({ where: { receiptNo: receipts[1]! } });
    expect(kept.state).toBe('RECORDED');
    expect(await h.db.bill.findUniqueOrThrow({ where: { id: bills[1]!.id } })).toMatchObject({ state: 'PAID' });
  });
});
