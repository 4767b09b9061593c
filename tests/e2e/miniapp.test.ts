import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WEAPP_DIST } from '../../scripts/lib/weapp-size.js';
import { startBrowserStack } from './browser.js';

/**
 * The H5 build in headless Chromium against the real BFF and simulator, driven as people use it.
 * Screenshots of every page land in tests/.screenshots/ (git-ignored).
 */
let stack: Awaited<ReturnType<typeof startBrowserStack>>;
beforeAll(async () => {
  stack = await startBrowserStack();
}, 60_000);
afterAll(() => stack?.close());

/** NutUI's clickable cell takes the pointer events of its text: tap the cell that holds the label. */
async function tapCell(page: Page, label: string) {
  await page.locator('.nut-cell', { has: page.getByText(label, { exact: true }) }).click();
}

async function tapButton(page: Page, label: string) {
  await page.locator('.nut-button', { has: page.getByText(label, { exact: true }) }).first().click();
}

async function devLogin(page: Page, label: string) {
  await page.goto(stack.url);
  await page.getByText('选择演示用户', { exact: true }).waitFor();
  await tapCell(page, label);
}

describe('the mini-program in a browser', { timeout: 60_000 }, () => {
  it('a new resident binds a phone, asks for a unit and waits for approval', async () => {
    const page = await stack.newPage();
    await devLogin(page, '新用户（未授权手机号）');
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
    const me = await stack.h.db.user.findFirstOrThrow({ where: { phone: '+8613712345678' }, include: { memberships: true } });
    expect(me.memberships).toEqual([expect.objectContaining({ status: 'PENDING', relation: 'TENANT' })]);
  });

  it('a resident on the owner roster is bound at once and sees the home modules', async () => {
    const page = await stack.newPage();
    await devLogin(page, '业主（在花名册，未绑定）');
    await page.getByText('选择小区').waitFor();
    await tapCell(page, '梧桐苑');
    await tapCell(page, '1号楼');
    await tapCell(page, '102室');
    await tapCell(page, '业主');
    await page.getByText('已绑定').first().waitFor();
    await tapButton(page, '进入首页');
    for (const module of ['报修', '随手拍', '公告', '缴费', '投票']) await page.getByText(module, { exact: true }).waitFor();
    expect(await page.getByText('员工工作台').count()).toBe(0);
    await stack.shot(page, '05-home-resident');
    await page.getByText('报修', { exact: true }).click();
    await page.getByText('报修即将上线').waitFor();
    await stack.shot(page, '06-repairs-placeholder');
  });

  it('a manager sees the staff modules of their roles and approves a bind request', async () => {
    const page = await stack.newPage();
    await devLogin(page, '小区经理 · 梧桐苑');
    await page.getByText('员工工作台').waitFor();
    for (const module of ['报修工单', '绑定审核', '公告管理']) await page.getByText(module, { exact: true }).waitFor();
    expect(await page.getByText('收银台', { exact: true }).count()).toBe(0);
    await stack.shot(page, '07-home-manager');

    // A second request waits too: one is approved, the other rejected with a reason of its own.
    const community = await stack.h.db.community.findFirstOrThrow({ where: { name: '梧桐苑' }, include: { units: { take: 1, skip: 30 } } });
    const tenant = await stack.h.db.user.create({ data: { name: '黄租客', phone: '+8613700000999' } });
    const second = await stack.h.db.unitMembership.create({ data: { userId: tenant.id, unitId: community.units[0]!.id, relation: 'TENANT', requestedAt: new Date(Date.now() + 1000) } });
    const pending = () => stack.h.db.unitMembership.count({ where: { status: 'PENDING', unit: { communityId: community.id } } });
    const before = await pending();
    expect(before).toBeGreaterThanOrEqual(2);

    await page.getByText('绑定审核', { exact: true }).click();
    await page.getByText(`待审核（共 ${before} 条）`, { exact: true }).waitFor();
    await page.getByText('+86 137****0999').waitFor(); // masked, with its country code
    await stack.shot(page, '08-staff-bind-requests');
    await tapButton(page, '通过');
    await expect.poll(pending).toBe(before - 1);

    await page.getByText(`待审核（共 ${before - 1} 条）`, { exact: true }).waitFor();
    await page.locator('[data-testid="bind-request"]', { hasText: '黄*' }).locator('.nut-button', { hasText: '驳回' }).click();
    await page.locator('[data-testid="reject-reason"] input').fill('请提供租赁合同');
    await stack.shot(page, '08b-staff-reject-reason');
    await tapButton(page, '确认驳回');
    await expect.poll(async () => (await stack.h.db.unitMembership.findUniqueOrThrow({ where: { id: second.id } })).rejectReason).toBe('请提供租赁合同');
  });

  it('a cashier sees only the cashier module; a committee member only elections', async () => {
    const cashier = await stack.newPage();
    await devLogin(cashier, '收银员 · 梧桐苑');
    await cashier.getByText('收银台', { exact: true }).waitFor();
    expect(await cashier.getByText('绑定审核', { exact: true }).count()).toBe(0);
    await stack.shot(cashier, '09-home-cashier');

    // The committee member is also an owner: home opens on the resident side, the switch leads to work.
    const committee = await stack.newPage();
    await devLogin(committee, '业委会委员 · 梧桐苑');
    await committee.getByText('投票', { exact: true }).waitFor();
    expect(await committee.getByText('选举管理', { exact: true }).count()).toBe(0);
    await committee.getByText('员工工作台', { exact: true }).click();
    await committee.getByText('选举管理', { exact: true }).click();
    await committee.getByText('选举管理即将上线').waitFor();
  });

  it('a technician of two communities switches between them', async () => {
    const page = await stack.newPage();
    await devLogin(page, '维修工');
    await page.getByText('梧桐苑 · 维修工').waitFor();
    await page.getByText('银杏花园', { exact: true }).click();
    await page.getByText('银杏花园 · 维修工').waitFor();
    await page.getByText('报修工单', { exact: true }).waitFor();
    await stack.shot(page, '11-home-technician');
  });

  it('shows the empty state, and the error state with a retry that recovers', async () => {
    const page = await stack.newPage();
    await devLogin(page, '小区经理 · 银杏花园');
    await page.getByText('绑定审核', { exact: true }).click();
    await page.getByText('没有待审核的绑定申请').waitFor();
    await stack.shot(page, '12-empty-state');

    // A community this manager does not run answers "not found": the page says so and offers a retry.
    const other = await stack.h.db.community.findFirstOrThrow({ where: { name: '梧桐苑' } });
    await page.goto(`${stack.url}/#/packages/staff/bind-requests/index?communityId=${other.id}`);
    await page.getByText('加载失败').waitFor();
    await page.getByText('小区不存在').first().waitFor();
    await stack.shot(page, '13-error-state');

    // Once the company gives them that community too, the same retry loads the queue.
    const manager = await stack.h.db.user.findFirstOrThrow({ where: { identities: { some: { openid: 'demo-manager-yinxing' } } } });
    await stack.h.db.staffRole.create({ data: { userId: manager.id, companyId: other.companyId, communityId: other.id, role: 'MANAGER' } });
    await tapButton(page, '重试');
    await page.getByText(/^待审核（共 \d+ 条）$/).or(page.getByText('没有待审核的绑定申请')).first().waitFor();
    expect(await page.getByText('加载失败').count()).toBe(0);
  });

  it('an unknown route shows a friendly page with a way back', async () => {
    const page = await stack.newPage();
    await page.goto(`${stack.url}/#/pages/no-such-page/index`);
    await page.getByText('您访问的页面可能已下线或链接有误。').waitFor();
    await stack.shot(page, '10-not-found');
    await tapButton(page, '返回首页');
    await page.getByText('选择演示用户', { exact: true }).waitFor();
  });
});

describe('every route of the app', { timeout: 120_000 }, () => {
  it('renders something a person can read, and is photographed', async () => {
    const app = JSON.parse(readFileSync(join(WEAPP_DIST, 'app.json'), 'utf8')) as { pages: string[]; subPackages: { root: string; pages: string[] }[] };
    const routes = [...app.pages, ...app.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];
    expect(routes.length).toBeGreaterThanOrEqual(16);
    const community = await stack.h.db.community.findFirstOrThrow({ where: { name: '梧桐苑' } });
    const page = await stack.newPage();
    await devLogin(page, '物业公司管理员');
    await page.getByText('员工工作台', { exact: true }).waitFor();
    for (const route of routes) {
      await page.goto(`${stack.url}/#/${route}?communityId=${community.id}`);
      await page.locator('.taro_page').last().getByText(/[\u4e00-\u9fa5]{2,}/).first().waitFor();
      await stack.shot(page, `route-${route.replace(/\//g, '_')}`);
    }
  });
});
