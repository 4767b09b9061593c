import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserStack } from './browser.js';
import { axe, signInAtDesk } from './console-kit.js';
import { resident } from '../support/actors.js';
import { makeRepairs } from '../support/factories/index.js';
import { DEMO_OPENIDS } from '../../prisma/seed.js';

/**
 * The office console's voice screens (#31) at a desk of 1366×768, one at 1920×1080: 梧桐苑's manager
 * works a complaint a resident filed (the resident's side through the API) from triage to 不满意,
 * re-handling and 满意; files one for a caller; records a phone return visit; builds and publishes a
 * survey that residents answer through the API, and reads its results. axe on every screen.
 */
const stack = useBrowserStack();
let desk: Page;
let owner: { token: string; unitId: string; communityId: string };

const nav = (label: string) =>
  desk.getByRole('navigation', { name: '功能导航' }).getByRole('link', { name: label, exact: true }).click();
/** axe once TDesign's toasts have gone: one fading out reads as text without contrast. */
async function check(screen: string) {
  await desk.locator('.t-message').first().waitFor({ state: 'hidden' });
  await axe(desk, screen);
}
/**
 * A TDesign Select by its name, then one of its options in its popup. The previous Select's popup may still
 * be fading out (and so visible) when the next one opens: wait until none is, or the option clicked can be
 * the old popup's, and check that the pick took.
 */
async function pick(scope: ReturnType<Page['locator']>, label: string, option: string) {
  const popups = desk.locator('.t-popup:visible');
  await expect.poll(() => popups.count()).toBe(0);
  const select = scope.locator(`[data-pick="${label}"] .t-select`).first();
  await select.click();
  await popups.locator('.t-select-option').filter({ hasText: option }).first().click();
  await expect.poll(() => select.locator('input').first().inputValue()).toBe(option);
}
const residentAct = (id: string, body: unknown) =>
  stack.h.call('POST', `/api/complaints/${id}/actions`, { token: owner.token, body });
const fill = (scope: ReturnType<Page['locator']>, label: string, text: string) =>
  scope.locator('label', { hasText: label }).locator('textarea, input').first().fill(text);

describe('办公台：投诉、回访与满意度', { timeout: 150_000 }, () => {
  it('works a complaint from triage to 不满意, re-handling and 满意, and files one for a caller', async () => {
    const db = stack.h.db;
    const user = await db.user.findFirstOrThrow({
      where: { identities: { some: { openid: DEMO_OPENIDS.owner } } },
      include: { memberships: { include: { unit: true } } },
    });
    const unit = user.memberships[0]!.unit;
    owner = { token: await stack.h.loginAs(DEMO_OPENIDS.owner), unitId: unit.id, communityId: unit.communityId };
    const file = async (text: string, kind = 'COMPLAINT') => {
      const res = await stack.h.call('POST', '/api/complaints', {
        token: owner.token,
        body: { unitId: unit.id, kind, category: '噪音扰民', text },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const late = await file('电梯里的广告屏声音太大', 'CONSULTATION');
    const past = new Date(Date.now() - 2 * 3_600_000);
    await db.complaint.update({ where: { id: late }, data: { triageDueAt: past, nextDueAt: past } });
    const id = await file('楼上每晚装修到十一点');

    desk = await signInAtDesk(stack, '小区经理 · 梧桐苑');
    await nav('投诉与咨询');
    await desk.getByTestId('row-count').getByText('共 2 条，本页 2 条').waitFor();
    await desk
      .getByTestId('clock')
      .getByText(/分派 已超时/)
      .waitFor();
    await check('complaints');
    await stack.shot(desk, 'a0-console-complaints');
    await desk.evaluate("location.hash = '#/complaints?overdue=1'");
    await desk.getByTestId('row-count').getByText('共 1 条').waitFor();
    await desk.evaluate("location.hash = '#/complaints?kind=COMPLAINT'");
    await desk.getByTestId('row-count').getByText('共 1 条').waitFor();

    // Triage in the drawer: department and person; the contact clock starts.
    await desk
      .getByRole('row', { name: /楼上每晚装修/ })
      .getByRole('button', { name: '详情' })
      .click();
    const drawer = desk.getByTestId('complaint-drawer');
    await drawer.getByText('待分派').waitFor();
    await pick(drawer, '责任部门', '工程部');
    await pick(drawer, '负责人', '冯师傅');
    await drawer.getByRole('button', { name: '分派', exact: true }).click();
    await drawer
      .getByTestId('clock')
      .getByText(/联系 剩余/)
      .waitFor();
    await drawer.getByText('工程部 · 冯师傅').waitFor();
    // An internal note, then contact, then done (asked first).
    await fill(drawer, '说明', '先查看装修许可');
    await drawer.getByText('内部备注（住户看不到）').click();
    await drawer.getByRole('button', { name: '记录进展' }).click();
    await drawer.getByTestId('complaint-timeline').getByText('内部').waitFor();
    await fill(drawer, '说明', '已电话联系住户');
    await drawer.getByRole('button', { name: '已联系住户' }).click();
    await drawer.getByText('处理中').waitFor();
    await fill(drawer, '说明', '已约谈施工方，晚八点后停工');
    await drawer.getByRole('button', { name: '处理完成' }).click();
    await desk.locator('.t-dialog').getByRole('button', { name: '处理完成' }).click();
    await drawer.getByText('待确认').waitFor();
    await drawer.getByText(/住户未答复将于/).waitFor();

    // The resident answers 不满意 in the app (API): back to the department, counted.
    expect((await residentAct(id, { action: 'confirm', satisfied: false })).body).toMatchObject({ rehandleCount: 1 });
    await desk.evaluate("location.hash = '#/complaints?kind=COMPLAINT&status=TRIAGED'");
    await desk
      .getByRole('row', { name: /楼上每晚装修/ })
      .getByRole('button', { name: '详情' })
      .click();
    await drawer.getByText('重新处理 1 次').waitFor();
    await fill(drawer, '说明', '再次上门');
    await drawer.getByRole('button', { name: '已联系住户' }).click();
    await drawer.getByText('处理中').waitFor();
    await fill(drawer, '说明', '施工方已调整时间');
    await drawer.getByRole('button', { name: '处理完成' }).click();
    await desk.locator('.t-dialog').getByRole('button', { name: '处理完成' }).click();
    await drawer.getByText('待确认').waitFor();
    // The office takes the answer on the phone: 满意 → closed.
    await drawer.getByText('满意', { exact: true }).click();
    await fill(drawer, '回访记录', '住户表示满意');
    await drawer.getByRole('button', { name: '记录住户答复' }).click();
    await desk.locator('.t-dialog').getByRole('button', { name: '办结' }).click();
    await drawer.getByText('住户满意').first().waitFor();
    expect(await db.complaint.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'CLOSED',
      rehandleCount: 1,
      closure: 'SATISFIED',
    });
    await check('complaint drawer');
    await stack.shot(desk, 'a1-console-complaint-drawer');

    // 代登记 for a caller: phone, a common place.
    await desk.getByRole('button', { name: '代登记' }).click();
    const form = desk.getByTestId('file-for-caller');
    await fill(form, '来访人姓名', '张先生');
    await fill(form, '联系电话', '13800001234');
    await pick(form, '类别', '环境卫生');
    await form.getByText('公共区域').click();
    await fill(form, '地点', '东门岗亭');
    await fill(form, '内容', '东门垃圾桶两天没有清运');
    await check('file for caller');
    await stack.shot(desk, 'a2-console-file-for-caller');
    await desk.locator('.t-dialog').getByRole('button', { name: '登记' }).click();
    await drawer.getByText('东门垃圾桶两天没有清运').waitFor();
    await drawer.getByText(/张\*.*（电话）/).waitFor();
    const made = await db.complaint.findFirstOrThrow({ where: { callerPhone: { contains: '13800001234' } } });
    expect(made).toMatchObject({ channel: 'PHONE', place: '东门岗亭', residentId: null });
  });

  it('records a phone return visit and shows the month’s rate', async () => {
    const db = stack.h.db;
    const [repairId] = await makeRepairs(
      db,
      {
        communityId: owner.communityId,
        unitId: owner.unitId,
        reporterId: (
          await db.user.findFirstOrThrow({ where: { identities: { some: { openid: DEMO_OPENIDS.owner } } } })
        ).id,
        assigneeId: null,
        status: 'RESOLVED',
      },
      1,
    );
    await db.repairRequest.update({ where: { id: repairId! }, data: { number: 'BX20261203-0101' } });
    await db.returnVisit.create({
      data: { repairId: repairId!, cycle: 1, communityId: owner.communityId, createdAt: new Date() },
    });
    await nav('回访');
    await desk
      .getByRole('row', { name: /BX20261203-0101/ })
      .getByRole('button', { name: '记录回访' })
      .click();
    const dialog = desk.locator('.t-dialog');
    await dialog.getByText('基本满意').click();
    await fill(dialog, '回访记录', '水龙头已不漏');
    await dialog.getByRole('button', { name: '保存' }).click();
    await desk.getByTestId('visit-rate-value').getByText('100.0%').waitFor();
    await desk.getByRole('tab', { name: '已回访' }).click();
    await desk.getByRole('row', { name: /BX20261203-0101.*基本满意/ }).waitFor();
    expect(await db.returnVisit.findFirstOrThrow({ where: { repairId } })).toMatchObject({
      method: 'PHONE',
      result: 'BASICALLY_SATISFIED',
    });
    await check('return visits');
    await stack.shot(desk, 'a3-console-return-visits');
  });

  it('builds and publishes a survey; residents answer; coverage and results show live', async () => {
    const db = stack.h.db;
    const building = await db.building.findFirstOrThrow({ where: { communityId: owner.communityId, name: '1号楼' } });
    const units = await db.unit.findMany({ where: { buildingId: building.id }, orderBy: { number: 'asc' }, take: 3 });
    const targeted = await db.unit.count({ where: { buildingId: building.id } });
    await nav('满意度调查');
    await desk.getByRole('button', { name: '新建问卷' }).click();
    const b = desk.getByTestId('survey-builder');
    await fill(b, '问卷标题', '2026 下半年满意度调查');
    await fill(b.getByRole('group', { name: '第 1 题' }), '题目', '总体满意度');
    const add = async (n: number, type: string, title: string, opts?: string) => {
      await b.getByRole('button', { name: '添加题目' }).click();
      const q = b.getByRole('group', { name: `第 ${n} 题` });
      await pick(q, `第 ${n} 题题型`, type);
      await fill(q, '题目', title);
      if (opts) await fill(q, '选项', opts);
    };
    await add(2, '单选', '保安巡逻是否及时', '及时\n一般\n不及时');
    await add(3, '多选', '最希望改进', '绿化\n停车\n电梯');
    await add(4, '填空', '其他建议');
    await b.getByText('指定楼栋').click();
    await b.getByText('1号楼', { exact: true }).click();
    await check('survey builder');
    await stack.shot(desk, 'a4-console-survey-builder');
    await b.getByRole('button', { name: '发布' }).click();
    await desk.locator('.t-dialog').getByRole('button', { name: '发布' }).click();
    const results = desk.getByTestId('survey-results');
    await results.getByText(`调查户数${targeted}`).waitFor();
    const survey = await db.survey.findFirstOrThrow({ where: { title: '2026 下半年满意度调查' } });
    expect(survey.buildingIds).toEqual([building.id]);

    // Three households of 1号楼 answer in the app (API).
    const answers = [
      [5, 0, [0, 1], '希望增加充电桩'],
      [4, 0, [1], ''],
      [2, 2, [1, 2], '电梯经常停'],
    ];
    for (const [i, u] of units.entries()) {
      const r = await resident(stack.h, u);
      const res = await r.call('POST', `/api/surveys/${survey.id}/responses`, {
        body: { unitId: u.id, answers: answers[i] },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    await results.getByRole('button', { name: '刷新' }).click();
    await results.getByText('已答户数3').waitFor();
    await results.getByText(`${(Math.floor((3 * 1000) / targeted) / 10).toFixed(1)}%`).waitFor();
    await results.getByText('平均 3.67 星').waitFor();
    await results.getByTestId('survey-texts').getByText('希望增加充电桩').waitFor();
    expect(await results.locator('[data-testid=chart-bar]').count()).toBe(5 + 3 + 3);
    await check('survey results');
    await stack.shot(desk, 'a5-console-survey-results');

    // The list, at a 1920×1080 desk.
    await desk.setViewportSize({ width: 1920, height: 1080 });
    await results.getByRole('button', { name: '返回问卷列表' }).click();
    await desk
      .getByRole('row', { name: /2026 下半年满意度调查.*进行中/ })
      .getByText(`（3/${targeted} 户）`)
      .waitFor();
    await check('surveys 1920');
    await stack.shot(desk, 'a6-console-surveys-1920');
  });
});
