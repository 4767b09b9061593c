import { describe, expect, it } from 'vitest';
import { tapButton, useBrowserStack } from './browser.js';

/**
 * The states every page has: empty, error with a retry that recovers, an unknown route.
 * The H5 build in headless Chromium against the real BFF and simulator, driven as people use it;
 * screenshots land in tests/.screenshots/ (git-ignored).
 */
const stack = useBrowserStack();

describe('page states', { timeout: 60_000 }, () => {
  it('shows the empty state, and the error state with a retry that recovers', async () => {
    const page = await stack.newPage();
    await stack.devLogin(page, '小区经理 · 银杏花园');
    await page.getByText('绑定审核', { exact: true }).click();
    await page.getByText('没有待审核的绑定申请').waitFor();
    await stack.shot(page, '12-empty-state');

    // A community this manager does not run answers "not found": the page says so and offers a retry.
    const other = await stack.h.db.community.findFirstOrThrow({ where: { name: '梧桐苑' } });
    await page.goto(`${stack.url}/#/packages/staff/bind-requests/index?communityId=${other.id}`);
    // In plain words from the error table, never the server's own text (小区不存在).
    await page.getByText('没有找到这条内容').waitFor();
    expect(await page.getByText('小区不存在').count()).toBe(0);
    await stack.shot(page, '13-error-state');

    // Once the company gives them that community too, the same retry loads the queue.
    const manager = await stack.h.db.user.findFirstOrThrow({
      where: { identities: { some: { openid: 'demo-manager-yinxing' } } },
    });
    await stack.h.db.staffRole.create({
      data: { userId: manager.id, companyId: other.companyId, communityId: other.id, role: 'MANAGER' },
    });
    await tapButton(page, '重试');
    await page
      .getByText(/^待审核（共 \d+ 条）$/)
      .or(page.getByText('没有待审核的绑定申请'))
      .first()
      .waitFor();
    expect(await page.getByText('没有找到这条内容').count()).toBe(0);
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
