import { describe, expect, it } from 'vitest';
import { chooseFile, tapButton, useBrowserStack } from './browser.js';
import { phonePhoto } from '../support/images.js';

/**
 * Notices, as a manager and a resident use them: the manager writes and publishes, the resident sees
 * the unread mark and opens it, the manager sees the read rate move.
 */
const stack = useBrowserStack();

describe('notices', { timeout: 90_000 }, () => {
  it('a manager publishes, a resident reads it, the manager sees the read rate change', async () => {
    const manager = await stack.newPage();
    await stack.devLogin(manager, '小区经理 · 梧桐苑');
    await manager.getByText('公告管理', { exact: true }).click();
    await tapButton(manager, '发布新公告');
    await manager.locator('[data-testid="notice-title"] input').fill('11月30日停水通知');
    await manager
      .locator('[data-testid="notice-text"] textarea')
      .fill('11月30日 9:00–17:00 全小区停水。\n请提前储水，给您带来不便敬请谅解。');
    await manager.getByText('停水停电', { exact: true }).click();
    await chooseFile(manager, '添加图片', 'notice.jpg', await phonePhoto({ width: 800, height: 600 }));
    await manager.locator('[data-testid="photos"] img').first().waitFor();
    await chooseFile(
      manager,
      '添加 PDF',
      '2026年收费标准.pdf',
      '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    );
    await manager.getByText('2026年收费标准.pdf').waitFor();
    await manager.getByText('预览（住户看到的样子）', { exact: true }).click();
    await manager.getByTestId('notice-body').getByText('请提前储水，给您带来不便敬请谅解。').waitFor();
    await stack.shot(manager, '20-notice-preview');
    await tapButton(manager, '发布');
    await manager.locator('.taro-modal__foot').getByText('发布', { exact: true }).click(); // the confirmation
    await manager.getByText('状态：已发布').waitFor();
    await manager
      .getByTestId('editor-read-rate')
      .getByText(/^已读 0\/\d+（0%）$/)
      .waitFor();
    await stack.shot(manager, '21-notice-published');

    const resident = await stack.newPage();
    await stack.devLogin(resident, '业主（已绑定 梧桐苑1号楼101）');
    await resident.getByText('公告', { exact: true }).click();
    // NutUI's cell does not pass test ids through: its class and text find it, on the notices page (the
    // home page, hidden under it, names the latest notice too).
    const item = resident
      .locator('.taro_page[id^="/pages/notices/index"]')
      .last()
      .locator('.nut-cell', { hasText: '11月30日停水通知' });
    await item.locator('.unread-dot').waitFor();
    await stack.shot(resident, '22-notices-unread');
    await item.click();
    await resident.getByTestId('notice-body').getByText('11月30日 9:00–17:00 全小区停水。').waitFor();
    // The photo really loads (a signed /files URL through the same origin), not a broken icon.
    await expect
      .poll(
        () =>
          resident.evaluate(
            "Array.from(document.querySelectorAll('.photo-grid__item img, img.photo-grid__item')).filter((i) => i.naturalWidth > 0).length",
          ),
        { timeout: 10_000 },
      )
      .toBe(1);
    await resident.getByText('2026年收费标准.pdf').waitFor();
    await stack.shot(resident, '23-notice-detail');
    await resident.goBack();
    await expect.poll(() => item.locator('.unread-dot').count(), { timeout: 10_000 }).toBe(0);

    await manager.goBack();
    const row = manager.locator('.nut-cell', { hasText: '11月30日停水通知' });
    await row.getByText(/^已读 1\/\d+（\d+%）/).waitFor();
    await stack.shot(manager, '24-staff-read-rate');
  });
});
