import { describe, expect, it } from 'vitest';
import { useBrowserStack } from './browser.js';
import { axe, signInAtDesk } from './console-kit.js';

/**
 * The half-yearly survey as the company's template (#31; docs/domain.md §8): the company admin keeps a
 * survey with 存为公司模板; 从模板新建 opens the builder filled with its title and questions.
 */
const stack = useBrowserStack();

describe('办公台：问卷模板', { timeout: 90_000 }, () => {
  it('存为公司模板 on a survey’s results, then 从模板新建 fills the builder', async () => {
    const db = stack.h.db;
    const community = await db.community.findFirstOrThrow({ where: { name: '梧桐苑' } });
    const token = await stack.h.loginAs('demo-manager-wutong');
    const made = await stack.h.call('POST', `/api/staff/communities/${community.id}/surveys`, {
      token,
      body: {
        title: '上半年满意度调查',
        opensAt: new Date().toISOString(),
        closesAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
        questions: [
          { type: 'stars', title: '总体满意度' },
          { type: 'single', title: '保洁是否及时', options: ['及时', '一般', '不及时'] },
        ],
      },
    });
    expect(made.status).toBe(201);
    const desk = await signInAtDesk(stack, '物业公司管理员');
    await desk
      .getByRole('navigation', { name: '功能导航' })
      .getByRole('link', { name: '满意度调查', exact: true })
      .click();
    await desk.evaluate(`location.hash = '#/surveys?id=${made.body.id as string}'`);
    const results = desk.getByTestId('survey-results');
    await results.getByRole('button', { name: '存为公司模板' }).click();
    await expect.poll(() => db.surveyTemplate.count({ where: { title: '上半年满意度调查' } })).toBe(1);
    await results.getByRole('button', { name: '返回问卷列表' }).click();
    await desk.locator('[data-pick="从模板新建"] .t-select').first().click();
    await desk.locator('.t-popup:visible .t-select-option').filter({ hasText: '上半年满意度调查' }).first().click();
    const builder = desk.getByTestId('survey-builder');
    await expect
      .poll(() => builder.locator('label', { hasText: '问卷标题' }).locator('input').inputValue())
      .toBe('上半年满意度调查');
    const second = builder.getByRole('group', { name: '第 2 题' });
    expect(await second.locator('label', { hasText: '题目' }).locator('input').first().inputValue()).toBe(
      '保洁是否及时',
    );
    expect(await second.locator('textarea').inputValue()).toBe('及时\n一般\n不及时');
    await desk.locator('.t-message').first().waitFor({ state: 'hidden' });
    await axe(desk, 'survey builder from a template');
    await stack.shot(desk, 'a7-console-survey-from-template');
  });
});
