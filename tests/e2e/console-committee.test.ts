import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserStack } from './browser.js';
import { axe, signInAtDesk } from './console-kit.js';
import { phonePhoto } from '../support/images.js';

/**
 * The office console (#26) for a committee member and a company admin. The committee prepares a vote at
 * a desk of 1366×768 — draft, candidates, publication, roster, opening, each step confirmed — and enters
 * paper ballots by keyboard while the turnout follows; a second entry for the same owner is refused; the
 * vote is closed and counted. A company admin compares the company's communities at 1920×1080. Every
 * screen is checked by axe (no serious or critical violations) and photographed.
 */
const stack = useBrowserStack();
const TITLE = '第四届业主委员会选举';

/** TDesign's dialog (it carries no dialog role of its own). */
const confirmation = (desk: Page) => desk.locator('.t-dialog:visible');
const tab = (desk: Page, name: string) => desk.getByRole('tab', { name }).click();

/** A step: its button, then 确定 in the confirmation (a lifecycle step's says it cannot be undone). */
async function step(desk: Page, label: string, state: string, irreversible = true) {
  await desk.getByRole('button', { name: label }).click();
  const dialog = confirmation(desk);
  await dialog.getByText(irreversible ? /此操作不能撤销/ : /确认已核对/).waitFor();
  await dialog.getByRole('button', { name: '确定' }).click();
  await desk.getByTestId('election-state').getByText(state, { exact: true }).waitFor();
}

async function enterBallot(desk: Page, unit: string, keys: string[], photo: Buffer) {
  await expect.poll(() => desk.evaluate('document.activeElement?.dataset.testid')).toBe('ballot-unit');
  await desk.keyboard.type(unit);
  await desk.keyboard.press('Enter');
  for (const k of keys) await desk.keyboard.press(k);
  await desk.getByTestId('ballot-photo').setInputFiles({ name: 'ballot.jpg', mimeType: 'image/jpeg', buffer: photo });
  await desk.getByRole('checkbox').first().focus();
  await desk.keyboard.press('Enter');
}

describe('办公台：业委会与物业公司', { timeout: 150_000 }, () => {
  it('a committee member prepares a vote and enters paper ballots at the desk, the turnout following', async () => {
    const desk = await signInAtDesk(stack, '业委会委员 · 梧桐苑');
    await desk.getByRole('heading', { name: '业委会投票' }).waitFor();
    await axe(desk, 'elections');
    await stack.shot(desk, '90-console-elections');

    await desk.getByRole('button', { name: '发起投票' }).click();
    await desk.getByLabel('标题').fill(TITLE);
    await axe(desk, 'new election');
    await stack.shot(desk, '91-console-election-new');
    await desk.getByRole('button', { name: '创建草稿' }).click();
    await desk.getByTestId('election-state').getByText('草稿').waitFor();

    // Two candidates entered on a phone, the third at the desk.
    const e = await stack.h.db.election.findFirstOrThrow({ where: { title: TITLE } });
    const token = await stack.h.loginAs('demo-committee');
    for (const [name, occupation] of [
      ['陈立新', '退休教师'],
      ['周海燕', '会计'],
    ]) {
      const body = { name, occupation, sex: '男', age: 50, affiliation: '群众' };
      const res = await stack.h.call('POST', `/api/committee/elections/${e.id}/candidates`, { token, body });
      expect(res.status).toBe(201);
    }
    await tab(desk, '候选人');
    const form = desk.getByRole('form', { name: '添加候选人' });
    await form.getByLabel('姓名').fill('吴建华');
    await form.getByLabel('职业').fill('工程师');
    await form.getByLabel('职业').press('Enter');
    for (const name of ['陈立新', '周海燕', '吴建华'])
      await desk.getByTestId('candidates').getByRole('cell', { name, exact: true }).waitFor();
    await axe(desk, 'candidates');
    await stack.shot(desk, '92-console-election-candidates');

    await tab(desk, '概况与步骤');
    await desk.getByRole('button', { name: '公示候选人和业主名册' }).click();
    await axe(desk, 'step confirmation');
    await stack.shot(desk, '93-console-election-step-confirm');
    await confirmation(desk).getByRole('button', { name: '确定' }).click();
    await desk.getByTestId('election-state').getByText('公示中').waitFor();
    await desk.getByTestId('earliest-open').waitFor();
    // This stack has no clock to move: the publication is dated back over the 15 days' notice.
    const { publishedAt } = await stack.h.db.election.findUniqueOrThrow({ where: { id: e.id } });
    await stack.h.db.election.update({
      where: { id: e.id },
      data: { publishedAt: new Date(publishedAt!.getTime() - 15 * 86_400_000) },
    });

    await tab(desk, '业主名册');
    await desk.getByLabel('查找房屋').fill('2号楼');
    await expect.poll(() => desk.url()).toContain('q=2');
    await desk.getByRole('cell', { name: '2号楼 101', exact: true }).waitFor();
    await axe(desk, 'roster');
    await stack.shot(desk, '94-console-election-roster');
    // A correction while posted (a surveyed area): the row shows it, and the roster awaits confirmation.
    await desk.getByRole('button', { name: '更正 2号楼 101' }).click();
    await desk.getByLabel('面积（㎡）').fill('99.50');
    await desk.getByLabel('更正原因（至少 4 个字）').fill('实测面积与登记不符，以实测为准');
    await axe(desk, 'roster correction');
    await desk.getByRole('button', { name: '保存更正' }).click();
    await desk.getByRole('row').filter({ hasText: '2号楼 101' }).getByText('99.50').waitFor();
    await tab(desk, '概况与步骤');
    await step(desk, '确认业主名册', '公示中', false);
    await desk.getByTestId('roster-state').getByText(/已于/).waitFor();
    await step(desk, '开始投票', '投票中');

    // Paper ballots by keyboard: unit, Enter, number keys, the photo, Enter.
    await tab(desk, '录入选票');
    const turnout = desk.getByTestId('turnout-text');
    await turnout.getByText(/，0 人 \//).waitFor();
    const photo = await phonePhoto({ width: 160, height: 120, gps: false });
    await enterBallot(desk, '1-102', ['1', '2'], photo);
    await desk
      .getByTestId('ballot-done')
      .getByText(/已录入 1号楼 102 的纸质选票/)
      .waitFor();
    await turnout.getByText(/，1 人 \//).waitFor();
    // A proxy: the written authorisation's photo, the owner's stated choices.
    await desk.getByText('委托投票（书面委托）').click();
    await desk.getByTestId('ballot-unit').focus();
    await enterBallot(desk, '2-1-201', ['1', '3'], photo);
    await desk
      .getByTestId('ballot-done')
      .getByText(/已录入 2号楼 201 的委托投票/)
      .waitFor();
    await turnout.getByText(/，2 人 \//).waitFor();
    // The same owner again: refused, and said so.
    await enterBallot(desk, '1号楼102', ['3'], photo);
    await desk
      .getByTestId('ballot-error')
      .getByText('1号楼 102：该房屋的业主已投票（线上、纸质或委托只能一次）')
      .waitFor();
    await turnout.getByText(/，2 人 \//).waitFor();
    await axe(desk, 'ballot entry');
    await stack.shot(desk, '95-console-election-ballots');
    await tab(desk, '参与情况');
    await desk.getByTestId('turnout').locator('svg[role=img]').waitFor();
    await axe(desk, 'turnout');
    await stack.shot(desk, '96-console-election-turnout');

    // The deadline reached (moved to now: no clock to move), the vote is closed and counted.
    await stack.h.db.election.update({ where: { id: e.id }, data: { closesAt: new Date(Date.now() - 1000) } });
    await tab(desk, '概况与步骤');
    await step(desk, '结束投票', '已截止');
    await step(desk, '计票', '已计票');
    await tab(desk, '投票结果');
    await desk.getByTestId('election-results').getByText('未达到法定参与比例 2/3').waitFor();
    await axe(desk, 'results');
    await stack.shot(desk, '97-console-election-results');
    const ballots = await stack.h.db.ballot.findMany({ where: { electionId: e.id }, select: { channel: true } });
    expect(ballots.map((b) => b.channel).sort()).toEqual(['PAPER', 'PROXY']);
  });

  it("a company admin compares the company's communities", async () => {
    const desk = await signInAtDesk(stack, '物业公司管理员', { width: 1920, height: 1080 });
    await desk.getByRole('link', { name: '小区对比' }).click();
    const table = desk.getByRole('region', { name: '小区对比' });
    await table.getByRole('cell', { name: '银杏花园' }).waitFor();
    // The seeded fourth quarter: 梧桐苑 has billed and collected; the period stays in the URL.
    await desk.getByLabel('账期').fill('2026-Q4');
    await expect.poll(() => desk.evaluate('location.hash')).toMatch(/period=2026-Q4/);
    await desk
      .getByTestId('row-count')
      .getByText(/^2026-Q4 · 共 2 个小区/)
      .waitFor();
    await expect.poll(() => table.getByRole('row').filter({ hasText: '梧桐苑' }).innerText()).toMatch(/\d+\.\d%/);
    await desk.getByTestId('compare-charts').locator('svg[role=img]').first().waitFor();
    // Sorted by open repairs: the sort is in the URL.
    await desk
      .locator('th', { hasText: /^未完成报修/ })
      .locator('.t-table__sort-icon')
      .first()
      .click();
    await expect.poll(() => desk.evaluate('location.hash')).toMatch(/sort=openRepairs/);
    await axe(desk, 'company compare');
    await stack.shot(desk, '98-console-company-compare');
    await desk.getByRole('link', { name: '导入资料' }).click();
    await desk.getByRole('heading', { name: '导入资料' }).waitFor(); // the import screen (console-import.test.ts)
    await axe(desk, 'company admin');
    await stack.shot(desk, '99-console-company-admin');
  });
});
