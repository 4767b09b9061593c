import { describe, expect, it } from 'vitest';
import { useBrowserStack } from './browser.js';
import { axe, signInAtDesk } from './console-kit.js';

/**
 * 过户登记 at a desk (issue 27, docs/roles.md, Ownership transfer): a manager finds a unit by building
 * and number, enters the buyer, confirms, and sees the sale in the list with the buyer masked.
 */
const stack = useBrowserStack();

describe('办公台：过户登记', { timeout: 60_000 }, () => {
  it('a manager records a sale after a confirmation', async () => {
    const desk = await signInAtDesk(stack, '小区经理 · 梧桐苑');
    await desk
      .getByRole('navigation', { name: '功能导航' })
      .getByRole('link', { name: '过户登记', exact: true })
      .click();
    await desk.getByRole('heading', { level: 1, name: '过户登记' }).waitFor();
    await desk.getByText('还没有过户记录').waitFor();

    await desk.getByRole('button', { name: '登记过户' }).click();
    const dialog = desk.locator('.t-dialog', { hasText: '证明' });
    await dialog.getByLabel('楼栋').click();
    await desk.locator('.t-select-option', { hasText: '3号楼' }).click();
    await dialog.getByLabel('房号').click();
    // The building's list stays in the page, hidden: the unit is the first visible option that is a number.
    await desk
      .locator('.t-select-option:visible')
      .filter({ hasText: /^\d{3,4}$/ })
      .first()
      .click();
    await dialog.getByLabel('新业主').fill('周买方');
    await dialog.getByLabel('手机号').fill('13912348888');
    await dialog.getByLabel('证明').fill('不动产权证书 第 0001 号');
    await axe(desk, 'transfer dialog');
    await stack.shot(desk, '110-console-transfer-dialog');
    await dialog.locator('.t-dialog__footer').getByRole('button', { name: '登记' }).click();
    const question = desk.locator('.t-dialog', { hasText: '确认过户' });
    await question.getByText(/3号楼 \d+室将于 \d{4}-\d{2}-\d{2} 过户给 周买方/).waitFor();
    await question.getByRole('button', { name: '确认过户' }).click();

    const list = desk.getByRole('region', { name: '过户记录' });
    await list.getByRole('cell', { name: /周\*/ }).waitFor();
    expect(await list.getByRole('cell', { name: /\+86 139\*{4}8888/ }).count()).toBe(1);
    await axe(desk, 'transfers');
    await stack.shot(desk, '111-console-transfers');
  });
});
