import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserStack } from './browser.js';
import { axe, signInAtDesk } from './console-kit.js';

/**
 * 人员与角色 and 审计日志 at a desk (issue 27, docs/roles.md): a company admin invites a manager by
 * phone (the code and link are shown once), sees the invitation pending, removes the technician's role
 * with a reason and a confirmation, and finds the removal in the audit log filtered by kind in the URL.
 * Each screen is checked by axe and photographed.
 */
const stack = useBrowserStack();

async function open(desk: Page, link: string) {
  await desk.getByRole('navigation', { name: '功能导航' }).getByRole('link', { name: link, exact: true }).click();
  await desk.getByRole('heading', { level: 1, name: link }).waitFor();
}

describe('办公台：人员与角色', { timeout: 90_000 }, () => {
  it('a company admin invites, removes a role, and reads the audit log', async () => {
    const desk = await signInAtDesk(stack, '物业公司管理员');
    await open(desk, '人员与角色');
    const people = desk.getByRole('region', { name: '人员列表' });
    await people.getByRole('cell', { name: '冯师傅' }).waitFor();
    await axe(desk, 'people');
    await stack.shot(desk, '100-console-people');

    await desk.getByRole('button', { name: '邀请', exact: true }).click();
    await desk.locator('.t-dialog input[name=phone]').fill('13912340001');
    await desk.locator('.t-dialog__footer').getByRole('button', { name: '发出邀请' }).click();
    const made = desk.getByTestId('invitation-made');
    await made.getByRole('img', { name: '邀请小程序码' }).waitFor();
    await axe(desk, 'invitation made');
    await stack.shot(desk, '101-console-invitation');
    await desk.locator('.t-dialog__footer').getByRole('button', { name: '完成' }).click();
    await desk.getByRole('cell', { name: '待接受' }).waitFor();

    await people.getByRole('row').filter({ hasText: '冯师傅' }).getByRole('button', { name: '移除' }).click();
    await desk
      .locator('.t-dialog form')
      .getByLabel(/移除原因/)
      .fill('调往其他项目');
    await desk.locator('.t-dialog__footer').first().getByRole('button', { name: '移除', exact: true }).click();
    const question = desk.locator('.t-dialog', { hasText: '确认移除？' });
    await question.getByRole('button', { name: '移除', exact: true }).click();
    await expect.poll(() => people.getByRole('cell', { name: '冯师傅' }).count()).toBe(0);

    await open(desk, '审计日志');
    await desk.evaluate("location.hash = '#/audit?kind=ROLE_REMOVED'");
    const log = desk.getByRole('region', { name: '审计日志' });
    await log.getByRole('cell', { name: '调往其他项目' }).waitFor();
    await desk.getByTestId('row-count').getByText('共 1 条').waitFor();
    await axe(desk, 'audit');
    await stack.shot(desk, '102-console-audit');
  });
});
