import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chooseFile, tapButton, tapCell, useBrowserStack } from './browser.js';
import { axeFindings } from './console-kit.js';
import { phonePhoto } from '../support/images.js';
import { closeUnanswered } from '../../bff/src/complaints/auto-close.js';

/**
 * Issue 31 on the resident's phone (H5): a complaint filed with a photo, moved by the office through the
 * API, answered 不满意 with a reason, then 满意; one left unanswered closes by itself (已自动结案); a
 * survey built through the staff API answered on the phone, another answered by a family member.
 * Screenshots of each screen; axe finds nothing serious or critical.
 */
const stack = useBrowserStack();
const OWNER = '业主（已绑定 梧桐苑1号楼101）';

/** The page on top of Taro's H5 stack (the pages below stay in the document). */
const top = (page: Page, route: string) => page.locator(`.taro_page[id^="/packages/voice/${route}"]`).last();

async function look(page: Page, route: string, name: string, findings: string[]) {
  await expect.poll(() => top(page, route).getByTestId('state-loading').count(), { timeout: 30_000 }).toBe(0);
  await stack.shot(page, `voice-${name}`);
  findings.push(
    ...(await axeFindings(page, name, {
      include: `.taro_page[id^="/packages/voice/${route}"]`,
    })),
  );
}

async function staffCall(method: string, path: string, body?: unknown) {
  const token = await stack.h.loginAs('demo-manager-wutong');
  const res = await stack.h.call(method, path, { token, ...(body ? { body } : {}) });
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
}

const statusIs = (page: Page, label: string) =>
  top(page, 'complaints/detail').getByTestId('complaint-status').getByText(label, { exact: true }).waitFor();

describe('投诉与建议 and 问卷调查 on the phone', { timeout: 180_000 }, () => {
  it('files a complaint, answers 不满意 with a reason, then 满意; an unanswered one closes by itself', async () => {
    const findings: string[] = [];
    const page = await stack.newPage();
    await stack.devLogin(page, OWNER);
    await page.getByTestId('voice-links').last().waitFor();
    await tapCell(page, '投诉与建议');
    await top(page, 'complaints/index').getByTestId('complaint-new').waitFor();
    await look(page, 'complaints/index', 'complaints-empty', findings);
    await tapButton(page, '我要投诉或咨询');
    const form = top(page, 'complaints/new');
    await form.getByTestId('complaint-form').waitFor();
    await form.getByTestId('complaint-category').getByText('环境卫生', { exact: true }).click();
    await form.locator('[data-testid="complaint-text"] textarea').fill('东门垃圾桶两天没有清运，气味很大');
    await form.getByTestId('complaint-where').getByText('小区公共区域', { exact: true }).click();
    await form.locator('[data-testid="complaint-place"] input').fill('东门');
    await chooseFile(page, '添加图片', 'rubbish.jpg', await phonePhoto({ width: 800, height: 600 }));
    await form.locator('[data-testid="photos"] img').first().waitFor();
    await form.locator('.toggle').click();
    await look(page, 'complaints/new', 'complaint-form', findings);
    await tapButton(page, '提交');

    const detail = top(page, 'complaints/detail');
    await detail.getByTestId('complaint-filed').waitFor();
    await statusIs(page, '等待分派');
    await expect.poll(() => detail.getByTestId('complaint-next').innerText()).toMatch(/物业会在 .+ 前安排处理人/);
    await look(page, 'complaints/detail', 'complaint-filed', findings);
    const filed = await stack.h.db.complaint.findFirstOrThrow({ orderBy: { filedAt: 'desc' } });
    expect(filed).toMatchObject({ place: '东门', anonymous: true, category: '环境卫生', unitId: null });
    expect(await stack.h.db.upload.count({ where: { claimKind: 'complaint', claimId: filed.id } })).toBe(1);

    // The office moves it through the API: triage to 环境部, contact, done.
    const manager = await stack.h.db.wechatIdentity.findFirstOrThrow({ where: { openid: 'demo-manager-wutong' } });
    const act = (body: object) => staffCall('POST', `/api/complaints/${filed.id}/actions`, body);
    await act({ action: 'triage', department: '环境部', assigneeId: manager.userId });
    await page.reload();
    await statusIs(page, '已交给环境部');
    await expect.poll(() => detail.getByTestId('complaint-next').innerText()).toMatch(/环境部会在 .+ 前联系您/);
    await act({ action: 'contact', note: '已电话联系，今天下午清运' });
    await act({ action: 'done', note: '已清运，并增加清运频次' });
    await page.reload();
    await statusIs(page, '待您确认');
    await expect.poll(() => detail.getByTestId('complaint-next').innerText()).toContain('将自动结案');
    await look(page, 'complaints/detail', 'complaint-done', findings);

    await tapButton(page, '不满意');
    await detail.getByTestId('answer-reason').getByText('问题没有解决', { exact: true }).click();
    await look(page, 'complaints/detail', 'complaint-unsatisfied', findings);
    await tapButton(page, '提交，请物业重新处理');
    await statusIs(page, '已交给环境部');
    await detail.getByText('住户不满意（问题没有解决），退回部门重新处理').waitFor();
    expect((await stack.h.db.complaint.findUniqueOrThrow({ where: { id: filed.id } })).rehandleCount).toBe(1);

    await act({ action: 'contact', note: '再次联系业主' });
    await act({ action: 'done', note: '已彻底清洗垃圾桶' });
    await page.reload();
    await statusIs(page, '待您确认');
    await tapButton(page, '满意');
    await statusIs(page, '已办结');
    await detail
      .getByTestId('complaint-closed')
      .getByText(/您确认满意，已办结/)
      .waitFor();
    await look(page, 'complaints/detail', 'complaint-closed', findings);

    // A question left unanswered after it is done closes by itself (the job, its week moved back).
    const token = await stack.h.loginAs('demo-owner');
    const unit = await stack.h.db.unitMembership.findFirstOrThrow({
      where: { user: { identities: { some: { openid: 'demo-owner' } } }, status: 'VERIFIED' },
    });
    const asked = await stack.h.call('POST', '/api/complaints', {
      token,
      body: { unitId: unit.unitId, kind: 'CONSULTATION', category: '收费', text: '车位管理费怎么收的？' },
    });
    expect(asked.status).toBe(201);
    const ask = (body: object) => staffCall('POST', `/api/complaints/${asked.body.id}/actions`, body);
    await ask({ action: 'triage', department: '客服部', assigneeId: manager.userId });
    await ask({ action: 'contact', note: '已电话解答' });
    await ask({ action: 'done', note: '按合同每月 120 元' });
    await stack.h.db.complaint.update({
      where: { id: asked.body.id },
      data: { autoCloseAt: new Date(Date.now() - 1000) },
    });
    expect(await closeUnanswered(stack.h.deps)).toBe(1);
    await page.goto(`${stack.url}/#/packages/voice/complaints/index`);
    const list = top(page, 'complaints/index').getByTestId('complaint-list');
    await list.getByText('已自动结案', { exact: true }).waitFor();
    await list.getByText('已办结', { exact: true }).waitFor();
    await look(page, 'complaints/index', 'complaints-list', findings);
    await list.locator('.nut-cell', { hasText: '咨询 · 收费' }).click();
    await statusIs(page, '已自动结案');
    await top(page, 'complaints/detail')
      .getByTestId('complaint-closed')
      .getByText(/已自动结案/)
      .waitFor();
    await look(page, 'complaints/detail', 'complaint-auto-closed', findings);
    expect(findings).toEqual([]);
  });

  it('answers a survey built by the office: once per home, 已提交 and 已由家人代答 shown', async () => {
    const community = await stack.h.db.community.findFirstOrThrow({ where: { name: '梧桐苑' } });
    const window = {
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    };
    const path = `/api/staff/communities/${community.id}/surveys`;
    const questions = [
      { type: 'stars', title: '您对物业服务总体满意吗' },
      { type: 'single', title: '保洁是否及时', options: ['及时', '一般', '不及时'] },
      { type: 'multiple', title: '最需要改进的是', options: ['保洁', '安保', '绿化', '维修'] },
      { type: 'text', title: '其他意见和建议' },
    ];
    const survey = await staffCall('POST', path, { title: '2026 年下半年满意度调查', questions, ...window });
    const other = await staffCall('POST', path, {
      title: '电动车充电桩意见征询',
      questions: questions.slice(1, 2),
      ...window,
    });

    // Another verified member of the same home answers the second one.
    const owner = await stack.h.db.unitMembership.findFirstOrThrow({
      where: { user: { identities: { some: { openid: 'demo-owner' } } }, status: 'VERIFIED' },
    });
    const familyToken = await stack.h.loginAs('voice-e2e-family');
    const family = await stack.h.db.wechatIdentity.findFirstOrThrow({ where: { openid: 'voice-e2e-family' } });
    await stack.h.db.unitMembership.create({
      data: { userId: family.userId, unitId: owner.unitId, relation: 'FAMILY', status: 'VERIFIED' },
    });
    const byFamily = await stack.h.call('POST', `/api/surveys/${other.id}/responses`, {
      token: familyToken,
      body: { unitId: owner.unitId, answers: [0] },
    });
    expect(byFamily.status).toBe(201);

    const findings: string[] = [];
    const page = await stack.newPage();
    await stack.devLogin(page, OWNER);
    await page.getByTestId('voice-links').last().waitFor();
    await tapCell(page, '问卷调查');
    const list = top(page, 'surveys/index').getByTestId('survey-list');
    await list.locator('.nut-cell', { hasText: '电动车充电桩意见征询' }).getByText('已由家人代答').waitFor();
    await list.locator('.nut-cell', { hasText: '2026 年下半年满意度调查' }).getByText('去填写').waitFor();
    await look(page, 'surveys/index', 'surveys', findings);
    await list.locator('.nut-cell', { hasText: '2026 年下半年满意度调查' }).click();
    const form = top(page, 'surveys/detail');
    await form.getByTestId('survey-form').waitFor();
    await tapButton(page, '提交问卷'); // nothing answered yet: told which question, nothing sent
    await page.getByText('第 1 题还没有作答').waitFor();
    await form.getByTestId('question-0').getByText('4 星', { exact: true }).click();
    await form.getByTestId('question-1').getByText('一般', { exact: true }).click();
    await form.getByTestId('question-2').getByText('保洁', { exact: true }).click();
    await form.getByTestId('question-2').getByText('维修', { exact: true }).click();
    await form.locator('[data-testid="question-3"] textarea').fill('电梯间希望多通风');
    await look(page, 'surveys/detail', 'survey-form', findings);
    await tapButton(page, '提交问卷');
    await form.getByTestId('survey-done').getByText('提交成功').waitFor();
    await look(page, 'surveys/detail', 'survey-done', findings);
    const stored = await stack.h.db.surveyResponse.findFirstOrThrow({ where: { surveyId: survey.id } });
    expect(stored).toMatchObject({ unitId: owner.unitId, answers: [4, 1, [0, 3], '电梯间希望多通风'] });
    const results = await staffCall('GET', `/api/staff/surveys/${survey.id}/results`);
    expect(results.questions[2].counts).toEqual([1, 0, 0, 1]);

    await tapButton(page, '返回问卷列表');
    await list.locator('.nut-cell', { hasText: '2026 年下半年满意度调查' }).getByText('已提交').waitFor();
    await list.locator('.nut-cell', { hasText: '2026 年下半年满意度调查' }).click();
    await form.getByTestId('survey-done').getByText('已提交').waitFor();
    expect(findings).toEqual([]);
  });
});
