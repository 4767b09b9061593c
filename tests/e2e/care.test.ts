import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { tapCell, useBrowserStack } from './browser.js';
import { axeFindings } from './console-kit.js';
import { MODES, layoutProblems } from './care-kit.js';

/**
 * Issue 30, for older readers: the main resident pages in normal mode, 关怀模式 and at 2× text — a
 * screenshot of each, no text outside its box and no sideways scroll, every tap target at least 44 × 44
 * px (48 in care mode), and axe without a serious or critical finding (contrast included).
 */
const stack = useBrowserStack();

const PAGES = [
  'pages/home/index',
  'pages/repairs/index',
  'pages/repairs/new',
  'pages/notices/index',
  'pages/fees/index',
  'pages/contact/index',
  'pages/me/index',
];

async function open(page: Page, route: string) {
  await page.goto(`${stack.url}/#/${route}`);
  const shown = page.locator(`.taro_page[id^="/${route}"]`).last();
  await shown
    .getByText(/[\u4e00-\u9fa5]{2,}/)
    .first()
    .waitFor();
  // Screenshots after the page has loaded (issue 30): never a skeleton.
  await expect.poll(() => shown.getByTestId('state-loading').count(), { timeout: 30_000 }).toBe(0);
  await page
    .waitForFunction('document.documentElement.scrollWidth <= window.innerWidth + 1', null, { timeout: 3000 })
    .catch(() => undefined);
}

describe('the resident pages for older readers', { timeout: 120_000 }, () => {
  for (const [mode, { storage, target }] of Object.entries(MODES)) {
    it(`${mode}: nothing cut off or sideways, targets ≥ ${target} px, axe finds nothing serious`, async () => {
      const page = await stack.newPage();
      const set = Object.entries(storage).map(
        ([k, v]) => `localStorage.setItem('${k}', '${JSON.stringify({ data: v })}');`,
      );
      await page.addInitScript(set.join('\n'));
      await stack.devLogin(page, '业主（已绑定 梧桐苑1号楼101）');
      await page.getByTestId('home').waitFor();
      const layout: string[] = [];
      const axe: string[] = [];
      for (const route of PAGES) {
        await open(page, route);
        await stack.shot(page, `care-${mode}-${route.replace(/\//g, '_')}`);
        layout.push(...(await layoutProblems(page, route, target)).map((p) => `${route}: ${p}`));
        axe.push(
          ...(await axeFindings(page, `${mode} ${route}`, {
            include: `.taro_page[id^="/${route}"]`,
          })),
        );
      }
      expect({ layout, axe }).toEqual({ layout: [], axe: [] });
    });
  }

  it('care mode turns the home into four large tiles, and 联系物业 offers the duty line and 962121', async () => {
    const page = await stack.newPage();
    await stack.devLogin(page, '业主（已绑定 梧桐苑1号楼101）');
    await tapCell(page, '我的');
    await page.locator('.taro_page[id^="/pages/me/index"] .toggle').last().click();
    await page.goto(`${stack.url}/#/pages/home/index`);
    const tiles = page.getByTestId('care-tiles').last();
    await tiles.waitFor();
    expect(await tiles.locator('.care-tile').allInnerTexts()).toEqual(['报修', '缴费', '公告', '联系物业']);
    const size = await page.evaluate<number>(
      "parseFloat(getComputedStyle([...document.querySelectorAll('.care-tile__title')].pop()).fontSize)",
    );
    expect(size).toBeGreaterThanOrEqual(18);
    await page.getByTestId('care-contact').last().click();
    const card = page.getByTestId('contact-card').last();
    await card.getByText('拨打24小时值班电话 021 6438 1234').waitFor();
    await card.getByText('办公时间：周一至周日 8:30–17:30').waitFor();
    await card.getByText('拨打 962121').waitFor();
    await stack.shot(page, 'care-contact');
  });
});
