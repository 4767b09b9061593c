import { describe, expect, it } from 'vitest';
import { tapButton, tapCell, useBrowserStack } from './browser.js';

/**
 * Residents: from a first login to a bound unit.
 * The H5 build in headless Chromium against the real BFF and simulator, driven as people use it;
 * screenshots land in tests/.screenshots/ (git-ignored).
 */
const stack = useBrowserStack();

describe('a resident binds a unit', { timeout: 60_000 }, () => {
  it('a new resident binds a phone, asks for a unit and waits for approval', async () => {
    const page = await stack.newPage();
    await stack.devLogin(page, '新用户（未授权手机号）');
    await stack.shot(page, '01-dev-login-done');
    await page.getByTestId('phone-page').waitFor();
    await stack.shot(page, '02-phone');
    await page.locator('input').first().fill('13712345678');
    await tapButton(page, '绑定手机号');

    await page.getByText('选择小区').waitFor();
    await stack.shot(page, '03-bind-community');
    await tapCell(page, '梧桐苑');
    await tapCell(page, '2号楼');
    await tapCell(page, '301室');
    await page.getByText('您与该房屋的关系').waitFor();
    await tapCell(page, '租户');
    await page.getByText('审核中').first().waitFor();
    await stack.shot(page, '04-bind-pending');
    const me = await stack.h.db.user.findFirstOrThrow({
      where: { phone: '+8613712345678' },
      include: { memberships: true },
    });
    expect(me.memberships).toEqual([expect.objectContaining({ status: 'PENDING', relation: 'TENANT' })]);
  });

  it('a resident on the owner roster is bound at once and sees the home modules', async () => {
    const page = await stack.newPage();
    await stack.devLogin(page, '业主（在花名册，未绑定）');
    await page.getByText('选择小区').waitFor();
    await tapCell(page, '梧桐苑');
    await tapCell(page, '1号楼');
    await tapCell(page, '102室');
    await tapCell(page, '业主');
    await page.getByText('已绑定').first().waitFor();
    await tapButton(page, '进入首页');
    for (const module of ['报修', '随手拍', '公告', '缴费', '投票'])
      await page.getByText(module, { exact: true }).waitFor();
    expect(await page.getByText('员工工作台').count()).toBe(0);
    await stack.shot(page, '05-home-resident');
    await page.getByText('缴费', { exact: true }).click();
    // the unit's bills are there at once (the demo seed bills three months of 物业服务费)
    await expect.poll(() => page.getByTestId('unpaid-bills').getByTestId('bill-row').count()).toBe(3);
    await stack.shot(page, '06-fees-after-binding');
  });
});
