import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_OPENIDS } from '../../prisma/seed.js';
import { chooseFile, tapButton, useBrowserStack } from './browser.js';
import { phonePhoto } from '../support/images.js';

/**
 * 随手拍, content safety and the SLA pages as residents and the office use them: a problem posted,
 * opened (accepted) and answered; praise held for review, passed, and on the wall with its checked
 * photo; the overdue board; the service level residents see.
 */
const stack = useBrowserStack({ worker: true });
const status = (page: Page, label: string) =>
  page.getByTestId('snapshot-status').getByText(label, { exact: true }).waitFor();
const RESIDENT = '业主（已绑定 梧桐苑1号楼101）';
const MANAGER = '小区经理 · 梧桐苑';

async function post(page: Page, kind: string, text: string, photo: string, opts: { failFirstUpload?: boolean } = {}) {
  await page.getByText('随手拍', { exact: true }).click();
  await tapButton(page, '拍一拍');
  await page.getByTestId('snapshot-kind').getByText(kind, { exact: true }).click();
  await page.locator('[data-testid="snapshot-text"] textarea').fill(text);
  // A dropped connection on the first try: the photo stays as a tile to tap, and the retry goes through.
  if (opts.failFirstUpload) await page.route('**/api/uploads', (route) => route.abort('connectionreset'), { times: 1 });
  await chooseFile(page, '添加图片', photo, await phonePhoto({ width: 800, height: 600 }));
  if (opts.failFirstUpload) {
    await page.getByTestId('photo-failed').getByText('点按重试').click();
    await expect.poll(() => page.getByTestId('photo-failed').count()).toBe(0);
  }
  await page.locator('[data-testid="photos"] img').first().waitFor();
}

describe('随手拍 and content safety', { timeout: 150_000 }, () => {
  it('a problem is opened (accepted) and answered by the office, and closed by the resident', async () => {
    const resident = await stack.newPage();
    await stack.devLogin(resident, RESIDENT);
    await post(resident, '问题', '3号楼门口路灯坏了，晚上很黑', 'lamp.jpg', { failFirstUpload: true });
    await stack.shot(resident, '40-snapshot-form');
    await tapButton(resident, '提交');
    await status(resident, '待受理');

    const manager = await stack.newPage();
    await stack.devLogin(manager, MANAGER);
    await manager.getByText('随手拍', { exact: true }).click();
    await manager.getByTestId('snapshot-filters').getByText('待受理 1', { exact: true }).waitFor();
    await manager.locator('.nut-cell', { hasText: '3号楼门口路灯坏了' }).click();
    await status(manager, '已受理'); // opening it is accepting it
    await manager.locator('[data-testid="snapshot-message"] textarea').fill('已安排电工今晚更换灯泡');
    await tapButton(manager, '回复住户');
    await status(manager, '已回复');

    await resident.reload();
    await status(resident, '已回复');
    await resident.getByTestId('snapshot-thread').getByText('已安排电工今晚更换灯泡').waitFor();
    await tapButton(resident, '满意，办结');
    await resident.getByText('确定', { exact: true }).click();
    await status(resident, '已办结');
    await stack.shot(resident, '41-snapshot-closed');
  });

  it('praise WeChat wants reviewed waits for a manager; once passed it is on the wall with its checked photo', async () => {
    const resident = await stack.newPage();
    await stack.devLogin(resident, RESIDENT);
    await post(resident, '表扬', '保安王师傅帮我把快递搬上楼，有事可以加微信找他', 'thanks.jpg');
    await tapButton(resident, '提交');
    await resident.getByText('内容正在审核，审核通过前只有您和物业能看到').waitFor();

    const manager = await stack.newPage();
    await stack.devLogin(manager, MANAGER);
    await manager.getByText('内容审核', { exact: true }).click();
    const item = manager.getByTestId('moderation-queue').locator('.nut-cell-group', { hasText: '保安王师傅' });
    await item.getByText('随手拍 · 微信建议人工审核').waitFor();
    await stack.shot(manager, '42-moderation-queue');
    await item.locator('.nut-button', { hasText: '通过' }).first().click();
    await manager.getByText('没有待审核的内容').waitFor();

    const neighbour = await stack.newPage();
    await stack.devLogin(neighbour, RESIDENT);
    await neighbour.getByText('随手拍', { exact: true }).click();
    await tapButton(neighbour, '表扬墙');
    const card = neighbour.getByTestId('praise-wall').locator('.wall-card', { hasText: '保安王师傅' });
    await card.waitFor();
    // The photo appears once WeChat's pass verdict has reached the BFF (the worker sent the check).
    await expect
      .poll(() => stack.h.db.mediaCheck.count({ where: { status: 'PASS' } }), { timeout: 20_000, interval: 500 })
      .toBe(1);
    await neighbour.reload();
    await card.locator('.photo-grid__item').first().waitFor();
    expect(await card.textContent()).toMatch(/\*/); // the author's name is masked
    await stack.shot(neighbour, '43-praise-wall');
  });

  it('the office sees overdue repairs on the board; residents see the service level and each repair’s next deadline', async () => {
    const token = await stack.h.loginAs(DEMO_OPENIDS.owner);
    const me = (await stack.h.call('GET', '/api/me', { token })).body;
    const filed = (
      await stack.h.call('POST', '/api/repairs', {
        token,
        body: {
          unitId: me.units[0].unitId,
          faultType: 'ELECTRIC',
          part: '客厅插座',
          phenomenon: '没有电',
          emergency: true,
        },
      })
    ).body;
    const past = new Date(Date.now() - 20 * 60_000);
    await stack.h.db.repairRequest.update({ where: { id: filed.id }, data: { acceptDueAt: past, nextDueAt: past } });

    const manager = await stack.newPage();
    await stack.devLogin(manager, MANAGER);
    await manager.getByText('超时报修', { exact: true }).click();
    const row = manager.getByTestId('overdue-board').locator('.nut-cell', { hasText: '客厅插座' });
    await row.getByText(/^接收超时 20 分钟$/).waitFor();
    await stack.shot(manager, '44-overdue-board');

    const resident = await stack.newPage();
    await stack.devLogin(resident, RESIDENT);
    await resident.getByText('报修', { exact: true }).click();
    await resident.getByTestId('service-level').getByText('按时接收报修').waitFor();
    await stack.shot(resident, '45-service-level');
    // On the repairs list: the home page under it names my open repair too.
    await resident
      .locator('.taro_page[id^="/pages/repairs/index"]')
      .last()
      .locator('.nut-cell', { hasText: '客厅插座' })
      .click();
    await resident.getByTestId('repair-deadlines').getByText('下一步：接收').waitFor();
    await resident.getByTestId('repair-deadlines').getByText('已超时，物业已收到提醒').waitFor();
  });
});
