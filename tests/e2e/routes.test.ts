import { describe, expect, it } from 'vitest';
import { useBrowserStack } from './browser.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WEAPP_DIST } from '../../scripts/lib/weapp-size.js';

/**
 * Every route of app.json renders readable text, and is photographed.
 * The H5 build in headless Chromium against the real BFF and simulator, driven as people use it;
 * screenshots land in tests/.screenshots/ (git-ignored).
 */
const stack = useBrowserStack();

describe('every route of the app', { timeout: 120_000 }, () => {
  it('renders something a person can read, and is photographed', async () => {
    const app = JSON.parse(readFileSync(join(WEAPP_DIST, 'app.json'), 'utf8')) as {
      pages: string[];
      subPackages: { root: string; pages: string[] }[];
    };
    const routes = [...app.pages, ...app.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];
    expect(routes.length).toBeGreaterThanOrEqual(16);
    const community = await stack.h.db.community.findFirstOrThrow({ where: { name: '梧桐苑' } });
    const page = await stack.newPage();
    await stack.devLogin(page, '物业公司管理员');
    await page.getByText('员工工作台', { exact: true }).waitFor();
    for (const route of routes) {
      await page.goto(`${stack.url}/#/${route}?communityId=${community.id}`);
      await page
        .locator('.taro_page')
        .last()
        .getByText(/[\u4e00-\u9fa5]{2,}/)
        .first()
        .waitFor();
      await stack.shot(page, `route-${route.replace(/\//g, '_')}`);
    }
  });
});
