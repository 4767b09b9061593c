import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserStack } from './browser.js';
import { axe, signInAtDesk } from './console-kit.js';
import { resident } from '../support/actors.js';

/**
 * 意见征询 at the desk (#31, docs/console.md §Voice): 梧桐苑's demo committee member builds a one-question
 * survey on the office's screens through `/api/committee/…`, publishes it, a household answers (API), and the
 * member reads the free text without names. No templates are offered to the committee. axe on each screen.
 */
const stack = useBrowserStack();
let desk: Page;

async function check(screen: string) {
  await desk.locator('.t-message').first().waitFor({ state: 'hidden' });
  await axe(desk, screen);
}

describe('办公台：业委会意见征询', { timeout: 40_000 }, () => {
  it('builds, publishes and reads a committee survey', async () => {
    const db = stack.h.db;
    desk = await signInAtDesk(stack, '业委会委员 · 梧桐苑');
    await desk
      .getByRole('navigation', { name: '功能导航' })
      .getByRole('link', { name: '意见征询', exact: true })
      .click();
    await desk.getByRole('heading', { name: '意见征询' }).waitFor();
    await desk.getByText('还没有问卷').waitFor();
    expect(await desk.getByText('从模板新建').count()).toBe(0);
    await desk.getByRole('button', { name: '新建问卷' }).click();
    const b = desk.getByTestId('survey-builder');
    await b.locator('label', { hasText: '问卷标题' }).locator('input').fill('关于增设充电桩的意见征询');
    const q = b.getByRole('group', { name: '第 1 题' });
    await q.locator('[data-pick="第 1 题题型"] .t-select').click();
    await desk.locator('.t-popup:visible .t-select-option').filter({ hasText: '填空' }).first().click();
    await q.locator('label', { hasText: '题目' }).locator('input').fill('您的意见');
    await check('committee survey builder');
    await b.getByRole('button', { name: '发布' }).click();
    await desk.locator('.t-dialog').getByRole('button', { name: '发布' }).click();
    const results = desk.getByTestId('survey-results');
    await results.getByText('已答户数0').waitFor();
    const survey = await db.survey.findFirstOrThrow({ where: { title: '关于增设充电桩的意见征询' } });
    expect(survey.byCommittee).toBe(true);

    const unit = await db.unit.findFirstOrThrow({
      where: { communityId: survey.communityId },
      orderBy: { number: 'asc' },
    });
    const r = await resident(stack.h, unit);
    const res = await r.call('POST', `/api/surveys/${survey.id}/responses`, {
      body: { unitId: unit.id, answers: ['地下车库多装几个'] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await results.getByRole('button', { name: '刷新' }).click();
    await results.getByText('已答户数1').waitFor();
    await results.getByTestId('survey-texts').getByText('地下车库多装几个').waitFor();
    expect(await results.getByRole('button', { name: '存为公司模板' }).count()).toBe(0);
    await check('committee survey results');
    await stack.shot(desk, 'a7-console-committee-survey-results');

    await results.getByRole('button', { name: '返回问卷列表' }).click();
    await desk.getByRole('row', { name: /关于增设充电桩的意见征询.*进行中/ }).waitFor();
    await check('committee surveys');
  });
});
