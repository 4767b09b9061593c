import { describe, expect, it } from 'vitest';
import { tapButton, useBrowserStack } from './browser.js';
import { axeFindings } from './console-kit.js';

/**
 * 统计 on the phone (#31; docs/stats.md, On the phone): a manager opens it from the staff workbench and
 * reads the month's figures — the BFF's own numbers — in text no smaller than 15 px, month by month.
 */
const stack = useBrowserStack();
describe('统计 on the phone', { timeout: 60_000 }, () => {
  it('a manager reaches it from the workbench; the figures are the BFF’s, readable, month by month', async () => {
    const page = await stack.newPage();
    await stack.devLogin(page, '小区经理 · 梧桐苑');
    await page.getByText('员工工作台').waitFor();
    await page.getByText('统计', { exact: true }).click();
    await page.waitForURL(/packages\/staff\/stats/);
    const root = page.getByTestId('phone-stats');
    await root.waitFor();
    const community = await stack.h.db.community.findFirstOrThrow({ where: { name: '梧桐苑' } });
    const token = await stack.h.loginAs('demo-manager-wutong');
    const api = (await stack.h.call('GET', `/api/staff/communities/${community.id}/stats`, { token })).body as {
      month: string;
      figures: { key: string; numerator: number; denominator: number }[];
    };
    await root.getByTestId('stats-month').getByText(`梧桐苑 · ${api.month}`).waitFor();
    const visit = api.figures.find((f) => f.key === 'returnVisit')!;
    await expect
      .poll(() => root.getByTestId('phone-figure-returnVisit').innerText())
      .toMatch(new RegExp(`回访率[\\s\\S]*${visit.numerator} / ${visit.denominator}[\\s\\S]*目标 ≥ 95%`));
    expect(await root.locator('[data-testid^="phone-figure-"]').count()).toBe(api.figures.length);
    // Every piece of text on the page at least 15 px (docs/design.md: the smallest main text).
    // A string, as tests/e2e/care.test.ts does: the tests are typed without the DOM's names.
    const sizes = (await page.evaluate(`[...document.querySelectorAll('[data-testid="phone-stats"] *')]
      .filter((n) => [...n.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim()))
      .map((n) => parseFloat(getComputedStyle(n).fontSize))`)) as number[];
    expect(sizes.length).toBeGreaterThan(10);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(15);
    expect(
      await axeFindings(page, 'staff-stats', {
        include: '.taro_page[id^="/packages/staff/stats"]',
      }),
    ).toEqual([]);
    await stack.shot(page, 'staff-stats');
    await tapButton(page, '上月');
    const [y, m] = api.month.split('-').map(Number) as [number, number];
    const previous = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
    await root.getByTestId('stats-month').getByText(`梧桐苑 · ${previous}`).waitFor();
  });
});
