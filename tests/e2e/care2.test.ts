import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserStack } from './browser.js';
import { axeFindings } from './console-kit.js';
import { MODES, layoutProblems } from './care-kit.js';

/**
 * Issue 30, second part: 代客报修 on the office's phone (a resident calls; the manager picks the unit in
 * numeric order and the caller's name, files it; the resident sees it as theirs), and the resident home
 * summary and bill page, in normal mode, 关怀模式 and at 2× text: screenshots, no sideways scroll, targets
 * ≥ 44 px (48 in care mode), axe without a serious or critical finding.
 */
const stack = useBrowserStack();
const ROUTE = 'packages/staff/on-behalf/index';

async function settled(page: Page, route: string) {
  const shown = page.locator(`.taro_page[id^="/${route}"]`).last();
  await shown
    .getByText(/[\u4e00-\u9fa5]{2,}/)
    .first()
    .waitFor();
  await expect.poll(() => shown.getByTestId('state-loading').count(), { timeout: 30_000 }).toBe(0);
  return shown;
}

describe('代客报修 and the resident summary', { timeout: 180_000 }, () => {
  it('the office files a repair for a caller; the resident sees it as theirs, filed by phone', async () => {
    const manager = await stack.newPage();
    await stack.devLogin(manager, '小区经理 · 梧桐苑');
    await manager.getByText('代客报修', { exact: true }).click();
    const form = await settled(manager, ROUTE);
    const rooms = form.locator('.unit-picker__room');
    await rooms.first().waitFor();
    const numbers = await rooms.allInnerTexts();
    // 101 before 1001: the building's rooms in numeric order.
    expect(numbers.indexOf('101')).toBeLessThan(numbers.indexOf('1001'));
    expect(numbers.slice(0, 3)).toEqual(['101', '102', '201']);
    await stack.shot(manager, 'care2-on-behalf-picker');
    await form.getByTestId('unit-picker-search').locator('input').fill('101');
    await form.locator('.unit-picker__room', { hasText: /^101$/ }).click();
    await form.getByTestId('on-behalf-resident').locator('.choice', { hasText: '（业主）' }).first().click();
    await form.locator('input[placeholder="部位，例如：厨房水龙头"]').fill('卫生间地漏');
    await form.locator('input[placeholder="现象，例如：关不紧，一直滴水"]').fill('返水，有异味');
    await stack.shot(manager, 'care2-on-behalf-filled');
    await form.locator('.actions .nut-button').click();
    await manager.locator('.taro_page[id^="/pages/repairs/detail"]').last().getByText('物业代报（来电）').waitFor();

    const resident = await stack.newPage();
    await stack.devLogin(resident, '业主（已绑定 梧桐苑1号楼101）');
    const summary = resident.getByTestId('home-summary').last();
    await summary.getByText('梧桐苑', { exact: true }).waitFor();
    // NutUI's cell does not pass test ids through: its class and text find it.
    const myRepair = summary.locator('.nut-cell', { hasText: '我的报修' });
    await myRepair.getByText('我的报修 · 卫生间地漏').waitFor();
    await summary.getByText('下一步：等物业接单').waitFor();
    await summary.getByText('打电话给物业 021 6438 1234').waitFor();
    await stack.shot(resident, 'care2-home-summary');
    await myRepair.click();
    const detail = resident.locator('.taro_page[id^="/pages/repairs/detail"]').last();
    await detail.getByText('物业代报（来电）').waitFor();
    // 催办 and 联系物业 come first; 撤销 is the quiet last action.
    const actions = await detail.getByTestId('repair-actions').locator('.nut-button').allInnerTexts();
    expect(actions.map((t) => t.trim())).toEqual(['催办', '联系物业', '撤销报修']);
    await detail.getByText(/^\d{3} \d{4} \d{4}$/).waitFor();
    await stack.shot(resident, 'care2-repair-detail');

    await resident.goto(`${stack.url}/#/pages/fees/index`);
    const fees = await settled(resident, 'pages/fees/index');
    await fees
      .getByTestId('payee')
      .getByText(/^收款方：.+/)
      .waitFor();
    await fees
      .getByTestId('bill-group')
      .first()
      .getByText(/^\d{4}年/)
      .first()
      .waitFor();
    await stack.shot(resident, 'care2-fees');
  });

  for (const [mode, { storage, target }] of Object.entries(MODES)) {
    it(`${mode}: the office's 代客报修 page and the resident home, nothing sideways, targets ≥ ${target} px, axe clean`, async () => {
      const page = await stack.newPage();
      const set = Object.entries(storage).map(
        ([k, v]) => `localStorage.setItem('${k}', '${JSON.stringify({ data: v })}');`,
      );
      await page.addInitScript(set.join('\n'));
      await stack.devLogin(page, '小区经理 · 梧桐苑');
      await page.getByText('代客报修', { exact: true }).click();
      await settled(page, ROUTE);
      await page.locator('.unit-picker__room').first().waitFor();
      await stack.shot(page, `care2-${mode}-on-behalf`);
      const layout = await layoutProblems(page, ROUTE, target);
      const axe = await axeFindings(page, `${mode} on-behalf`, {
        include: `.taro_page[id^="/${ROUTE}"]`,
      });
      expect({ layout, axe }).toEqual({ layout: [], axe: [] });
    });
  }
});
