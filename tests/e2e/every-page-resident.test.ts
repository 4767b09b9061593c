import { beforeAll, describe, it } from 'vitest';
import { useBrowserStack } from './browser.js';
import { MODES } from './care-kit.js';
import { everyPage, pageData, residentVisits, type Visit } from './every-page-kit.js';

/**
 * Issue 30: every resident page (app.config.ts: the main package and the resident subpackages) in normal
 * mode, 关怀模式 and at 2× text — screenshots, no text cut off or sideways, targets ≥ 44 px (48 in care
 * mode), no emoji, axe clean. The staff pages are in every-page-staff.test.ts, which also checks that the
 * two lists together name every page.
 */
const stack = useBrowserStack();
let visits: Visit[];

beforeAll(async () => {
  const d = await pageData(stack);
  visits = residentVisits(d);
}, 60_000);

// The three modes run side by side, each on its own phone: the file's time is the slowest mode's.
// Timeouts: a mode's test lasts as long as all three together (they share the machine).
describe.concurrent('every resident page, three ways', { timeout: 240_000 }, () => {
  for (const mode of Object.keys(MODES) as (keyof typeof MODES)[]) {
    it(`${mode}: nothing cut off or sideways, targets big enough, no emoji, axe clean`, async ({ expect }) => {
      expect(await everyPage(stack, mode, visits, 'resident')).toEqual([]);
    });
  }
});
