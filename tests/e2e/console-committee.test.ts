import { describe, expect, it } from 'vitest';
import { beijingDay, addDays } from '../../bff/src/beijing.js';
import { useBrowserStack } from './browser.js';
import { axe, signInAtDesk } from './console-kit.js';
import { phonePhoto } from '../support/images.js';

/**
 * 业委会成员 at a desk (issue 27, docs/roles.md §The committee): a company admin enters a term by hand
 * with the filing date and the receipt photo; the member appears with the office and the days to the
 * term's end. Checked by axe and photographed.
 */
const stack = useBrowserStack();

describe('办公台：业委会成员', { timeout: 60_000 }, () => {
  it('a company admin enters a term by hand with its filing evidence', async () => {
    const desk = await signInAtDesk(stack, '物业公司管理员');
    await desk.getByRole('navigation', { name: '功能导航' }).getByRole('link', { name: '业委会成员' }).click();
    await desk.getByRole('heading', { level: 1, name: '业委会成员' }).waitFor();
    await desk.getByText('还没有录入本届业委会').waitFor();
    await axe(desk, 'committee');

    // An owner of record of the community on screen who uses the app: the seed's committee member.
    const communityId = (await desk.evaluate("sessionStorage.getItem('wyt-console-community')")) as string;
    const owner = await stack.h.db.user.findFirstOrThrow({
      where: { staffRoles: { some: { role: 'COMMITTEE_MEMBER', communityId } } },
      select: { name: true, phone: true },
    });
    const today = beijingDay(stack.h.deps.clock.now());
    await desk.getByRole('button', { name: '手工录入' }).click();
    const form = desk.locator('form.wyt-committee__form');
    await form.getByLabel('任期开始').fill(addDays(today, -20));
    await form.getByLabel('任期结束').fill(addDays(today, 365 * 5 - 30));
    await form.getByLabel('备案日期').fill(today);
    await form.getByLabel('备案回执').setInputFiles({
      name: '备案回执.jpg',
      mimeType: 'image/jpeg',
      buffer: await phonePhoto({ width: 320, height: 240 }),
    });
    await form.getByLabel('第 1 位成员手机号').fill(owner.phone!);
    await axe(desk, 'committee drawer');
    await stack.shot(desk, '120-console-committee-drawer');
    await form.getByRole('button', { name: '确认录入' }).click();

    const term = desk.getByRole('region', { name: '本届业委会' });
    await term.getByRole('cell', { name: owner.name! }).waitFor();
    await expect(term.getByRole('row').filter({ hasText: owner.name! }).innerText()).resolves.toContain('主任');
    await term.getByText(`${addDays(today, 365 * 5 - 30)}`).waitFor();
    await axe(desk, 'committee entered');
    await stack.shot(desk, '121-console-committee');
  });
});
