import { describe, expect, it } from 'vitest';
import { tapButton, useBrowserStack } from './browser.js';

/**
 * Staff: the modules of their roles, the bind-request queue, switching communities.
 * The H5 build in headless Chromium against the real BFF and simulator, driven as people use it;
 * screenshots land in tests/.screenshots/ (git-ignored).
 */
const stack = useBrowserStack();

describe('staff at work', { timeout: 60_000 }, () => {
  it('a manager sees the staff modules of their roles and approves a bind request', async () => {
    const page = await stack.newPage();
    await stack.devLogin(page, '小区经理 · 梧桐苑');
    await page.getByText('员工工作台').waitFor();
    for (const module of ['报修工单', '绑定审核', '公告管理']) await page.getByText(module, { exact: true }).waitFor();
    expect(await page.getByText('收银台', { exact: true }).count()).toBe(0);
    await stack.shot(page, '07-home-manager');

    // A second request waits too: one is approved, the other rejected with a reason of its own.
    const community = await stack.h.db.community.findFirstOrThrow({
      where: { name: '梧桐苑' },
      include: { units: { take: 1, skip: 30 } },
    });
    const tenant = await stack.h.db.user.create({ data: { name: '黄租客', phone: '+8613700000999' } });
    const second = await stack.h.db.unitMembership.create({
      data: {
        userId: tenant.id,
        unitId: community.units[0]!.id,
        relation: 'TENANT',
        requestedAt: new Date(Date.now() + 1000),
      },
    });
    const pending = () =>
      stack.h.db.unitMembership.count({ where: { status: 'PENDING', unit: { communityId: community.id } } });
    const before = await pending();
    expect(before).toBeGreaterThanOrEqual(2);

    await page.getByText('绑定审核', { exact: true }).click();
    await page.getByText(`待审核（共 ${before} 条）`, { exact: true }).waitFor();
    await page.getByText('+86 137****0999').waitFor(); // masked, with its country code
    await stack.shot(page, '08-staff-bind-requests');
    await tapButton(page, '通过');
    await expect.poll(pending).toBe(before - 1);

    await page.getByText(`待审核（共 ${before - 1} 条）`, { exact: true }).waitFor();
    await page
      .locator('[data-testid="bind-request"]', { hasText: '黄*' })
      .locator('.nut-button', { hasText: '驳回' })
      .click();
    await page.locator('[data-testid="reject-reason"] input').fill('请提供租赁合同');
    await stack.shot(page, '08b-staff-reject-reason');
    await tapButton(page, '确认驳回');
    await expect
      .poll(async () => (await stack.h.db.unitMembership.findUniqueOrThrow({ where: { id: second.id } })).rejectReason)
      .toBe('请提供租赁合同');
  });

  it('a cashier sees only the cashier module; a committee member only elections', async () => {
    const cashier = await stack.newPage();
    await stack.devLogin(cashier, '收银员 · 梧桐苑');
    await cashier.getByText('收银台', { exact: true }).waitFor();
    expect(await cashier.getByText('绑定审核', { exact: true }).count()).toBe(0);
    await stack.shot(cashier, '09-home-cashier');

    // The committee member is also an owner: home opens on the resident side, the switch leads to work.
    const committee = await stack.newPage();
    await stack.devLogin(committee, '业委会委员 · 梧桐苑');
    await committee.getByText('投票', { exact: true }).waitFor();
    expect(await committee.getByText('选举管理', { exact: true }).count()).toBe(0);
    await committee.getByText('员工工作台', { exact: true }).click();
    await committee.getByText('选举管理', { exact: true }).click();
    await committee.getByText('发起投票', { exact: true }).waitFor();
  });

  it('a technician of two communities switches between them', async () => {
    const page = await stack.newPage();
    await stack.devLogin(page, '维修工');
    await page.getByText('梧桐苑 · 维修工').waitFor();
    await page.getByText('银杏花园', { exact: true }).click();
    await page.getByText('银杏花园 · 维修工').waitFor();
    await page.getByText('报修工单', { exact: true }).waitFor();
    await stack.shot(page, '11-home-technician');
  });
});
