import { beforeAll, describe, it } from 'vitest';
import { useBrowserStack } from './browser.js';
import { MODES } from './care-kit.js';
import {
  MANAGER,
  appConfigRoutes,
  everyPage,
  pageData,
  residentVisits,
  staffVisits,
  type Visit,
} from './every-page-kit.js';

/**
 * Issue 30: every staff page (the office's, the cashier's, the committee's) in normal mode, 关怀模式 and at
 * 2× text, checked as every-page-resident.test.ts checks the residents' — and the two lists together
 * name every page of app.config.ts. The staff home shows what waits for the office as counts.
 */
const stack = useBrowserStack();
let visits: Visit[];

let all: string[];
let communityId: string;

beforeAll(async () => {
  const d = await pageData(stack);
  visits = staffVisits(d);
  communityId = d.communityId;
  all = [...residentVisits(d), ...visits].map((v) => v.route);
}, 60_000);

// The three modes run side by side, each on its own phone: the file's time is the slowest mode's.
// Timeouts: a mode's test lasts as long as all three together (they share the machine).
describe.concurrent('every staff page, three ways', { timeout: 240_000 }, () => {
  it('between the two files, every page of app.config.ts is opened (the splash only routes onward)', ({ expect }) => {
    expect(appConfigRoutes().filter((r) => r !== 'pages/index/index' && !all.includes(r))).toEqual([]);
  });

  it('the staff home shows on its tiles what waits, as the BFF counts it', async ({ expect }) => {
    const token = await stack.h.loginAs('demo-manager-wutong');
    const counts = (await stack.h.call('GET', `/api/staff/communities/${communityId}/waiting`, { token })).body;
    // The seed's pending tenant and the repair made above.
    expect(counts.bindRequests).toBeGreaterThan(0);
    expect(counts.repairsToAccept).toBeGreaterThan(0);
    const page = await stack.newPage();
    await stack.devLogin(page, MANAGER);
    const grid = page.getByTestId('staff-modules').last();
    const tile = (title: string) => grid.locator('.nut-grid-item', { hasText: title }).getByTestId('module-count');
    await expect.poll(() => tile('绑定审核').innerText()).toBe(String(counts.bindRequests));
    expect(await tile('报修工单').innerText()).toBe(String(counts.repairsToAccept));
    // Nothing waits in moderation: no number at all rather than a 0.
    expect(counts.moderation).toBe(0);
    expect(await tile('内容审核').count()).toBe(0);
    await stack.shot(page, 'every-staff-home-counts');
    await page.context().close();
  });

  for (const mode of Object.keys(MODES) as (keyof typeof MODES)[]) {
    it(`${mode}: nothing cut off or sideways, targets big enough, no emoji, axe clean`, async ({ expect }) => {
      expect(await everyPage(stack, mode, visits, 'staff')).toEqual([]);
    });
  }
});
