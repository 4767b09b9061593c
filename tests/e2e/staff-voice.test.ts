import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserStack } from './browser.js';
import { axeFindings } from './console-kit.js';
import { repairBody } from '../support/factories/repairs.js';
import { beijingMonth } from '../../bff/src/beijing.js';

/**
 * 投诉处理 and 回访 on the staff phone (#31; docs/design.md §投诉处理 and 回访 on the phone): a resident
 * complains (API) → the manager triages it on the phone → the department's person contacts and says done
 * on theirs → customer service takes the resident's 不满意 on the phone → re-handled → 满意, closed. Then a
 * repair resolved through the API is visited by phone: the number revealed (audited), the result recorded,
 * the month's rate shown. Screenshots `staff-voice-*`; axe finds nothing serious or critical.
 */
const stack = useBrowserStack();
const MANAGER = '小区经理 · 梧桐苑';

const top = (page: Page, route: string) => page.locator(`.taro_page[id^="/packages/staff/${route}"]`).last();

async function as(openid: string) {
  const token = await stack.h.loginAs(openid);
  return async (method: string, path: string, body?: unknown) => {
    const res = await stack.h.call(method, path, { token, ...(body ? { body } : {}) });
    expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body;
  };
}

async function look(page: Page, route: string, name: string, findings: string[]) {
  await expect.poll(() => top(page, route).getByTestId('state-loading').count(), { timeout: 30_000 }).toBe(0);
  await stack.shot(page, `staff-voice-${name}`);
  findings.push(...(await axeFindings(page, name, { include: `.taro_page[id^="/packages/staff/${route}"]` })));
}

/** Taro's H5 modal: the button that confirms. */
const confirmModal = (page: Page, label: string) =>
  page.locator('.taro-modal__foot').last().getByText(label, { exact: true }).click();

const statusIs = (page: Page, label: string) =>
  top(page, 'complaints/detail').getByTestId('complaint-status').getByText(label, { exact: true }).waitFor();

async function step(page: Page, button: string, text: string, submit: string) {
  const detail = top(page, 'complaints/detail');
  await detail.getByTestId('complaint-steps').locator('.nut-button', { hasText: button }).click();
  await detail.getByTestId('step-text').locator('textarea').fill(text);
  await detail.locator('.nut-button', { hasText: submit }).click();
}

describe('投诉处理 and 回访 on the staff phone', { timeout: 180_000 }, () => {
  it('triage, contact, done, 不满意 taken on the phone, re-handled, 满意 — each on a phone', async () => {
    const findings: string[] = [];
    const community = await stack.h.db.community.findFirstOrThrow({ where: { name: '梧桐苑' } });
    const home = await stack.h.db.unitMembership.findFirstOrThrow({
      where: { user: { identities: { some: { openid: 'demo-owner' } } }, status: 'VERIFIED' },
    });
    const owner = await as('demo-owner');
    const text = `电梯里有人抽烟，味道很大 ${Date.now() % 10000}`;
    const filed = await owner('POST', '/api/complaints', {
      unitId: home.unitId,
      kind: 'COMPLAINT',
      category: '秩序安全',
      text,
    });
    const technician = await stack.h.db.user.findFirstOrThrow({
      where: { identities: { some: { openid: 'demo-technician' } } },
    });

    // The manager: the tile counts what waits for triage, the list shows the clock in words.
    const manager = await stack.newPage();
    await stack.devLogin(manager, MANAGER);
    await manager.getByText('员工工作台').waitFor();
    const waiting = await (await as('demo-manager-wutong'))('GET', `/api/staff/communities/${community.id}/waiting`);
    const tile = manager.getByTestId('staff-modules').last().locator('.nut-grid-item', { hasText: '投诉处理' });
    await expect.poll(() => tile.getByTestId('module-count').innerText()).toBe(String(waiting.complaintsToTriage));
    await tile.click();
    const list = top(manager, 'complaints/index');
    const row = list.getByTestId('staff-complaint').filter({ hasText: text.slice(0, 12) });
    await row.waitFor();
    await expect.poll(() => row.getByTestId('complaint-clock').innerText()).toMatch(/^分派 剩余 .+（时限 /);
    await look(manager, 'complaints/index', 'list', findings);
    await row.click();
    const detail = top(manager, 'complaints/detail');
    await detail.getByTestId('triage-form').waitFor();
    await look(manager, 'complaints/detail', 'triage', findings);
    await detail.getByTestId('triage-department').getByText('工程部', { exact: true }).click();
    await detail
      .getByTestId('triage-person')
      .getByText(new RegExp(`^${technician.name}（`))
      .click();
    await detail.locator('.nut-button', { hasText: '分派' }).click();
    await confirmModal(manager, '分派');
    await statusIs(manager, '已分派工程部');
    await expect.poll(() => detail.getByTestId('complaint-clock').innerText()).toMatch(/^联系 剩余 /);

    // The department's person, on their phone: the complaint is in their list (处理中).
    const tech = await stack.newPage();
    await stack.devLogin(tech, '维修工');
    await tech.getByTestId('home').waitFor();
    await tech.goto(`${stack.url}/#/packages/staff/complaints/index?communityId=${community.id}`);
    await top(tech, 'complaints/index')
      .getByTestId('staff-complaint')
      .filter({ hasText: text.slice(0, 12) })
      .click();
    await statusIs(tech, '已分派工程部');
    await step(tech, '已联系住户', '已电话联系业主，今晚加派保安巡查电梯', '确认已联系');
    await statusIs(tech, '处理中');
    await step(tech, '处理完成', '电梯加装禁烟提示，保安每晚巡查', '提交处理结果');
    await confirmModal(tech, '处理完成');
    await statusIs(tech, '待回访确认');
    await look(tech, 'complaints/detail', 'done', findings);

    // Customer service phones the resident: not satisfied → back to the department as a re-handling.
    const detailUrl = `${stack.url}/#/packages/staff/complaints/detail?id=${filed.id}`;
    // Each phone opens the complaint afresh (a reload: the same URL again is no navigation).
    const reopen = async (page: Page) => {
      await page.goto(detailUrl);
      await page.reload();
    };
    await reopen(manager);
    await statusIs(manager, '待回访确认');
    await detail.getByTestId('complaint-steps').locator('.nut-button', { hasText: '记录住户答复' }).click();
    await detail.getByTestId('step-text').locator('textarea').fill('电话回访：住户说昨晚还有烟味');
    await look(manager, 'complaints/detail', 'confirm', findings);
    await detail.locator('.nut-button', { hasText: '住户不满意' }).click();
    await confirmModal(manager, '退回重办');
    await statusIs(manager, '已分派工程部');
    await detail.getByText('1 次', { exact: true }).waitFor(); // 重新处理

    await reopen(tech);
    await statusIs(tech, '已分派工程部');
    await step(tech, '已联系住户', '再次联系住户，加装烟感报警', '确认已联系');
    await statusIs(tech, '处理中');
    await step(tech, '处理完成', '烟感已装，一周未再发现', '提交处理结果');
    await confirmModal(tech, '处理完成');
    await statusIs(tech, '待回访确认');

    await reopen(manager);
    await detail.getByTestId('complaint-steps').locator('.nut-button', { hasText: '记录住户答复' }).click();
    await detail.locator('.nut-button', { hasText: /^住户满意$/ }).click();
    await confirmModal(manager, '办结');
    await statusIs(manager, '已办结');
    await detail.getByTestId('complaint-history').getByText('电话回访：住户说昨晚还有烟味').first().waitFor();
    await stack.shot(manager, 'staff-voice-closed');
    const row$ = await stack.h.db.complaint.findUniqueOrThrow({ where: { id: filed.id } });
    expect([row$.status, row$.closure, row$.rehandleCount]).toEqual(['CLOSED', 'SATISFIED', 1]);
    expect(findings).toEqual([]);
  });

  it('a resolved repair is visited by phone: the number revealed and called, the result recorded, the rate shown', async () => {
    const findings: string[] = [];
    const community = await stack.h.db.community.findFirstOrThrow({ where: { name: '梧桐苑' } });
    const home = await stack.h.db.unitMembership.findFirstOrThrow({
      where: { user: { identities: { some: { openid: 'demo-owner' } } }, status: 'VERIFIED' },
      include: { user: true },
    });
    const [owner, office, worker] = await Promise.all([
      as('demo-owner'),
      as('demo-manager-wutong'),
      as('demo-technician'),
    ]);
    const technician = await stack.h.db.user.findFirstOrThrow({
      where: { identities: { some: { openid: 'demo-technician' } } },
    });
    const resolved = async () => {
      const r = await owner('POST', '/api/repairs', repairBody(home.unitId));
      const act = (who: typeof owner, body: unknown) => who('POST', `/api/repairs/${r.id}/actions`, body);
      await act(office, { action: 'accept' });
      await act(office, { action: 'assign', technicianId: technician.id });
      await act(worker, { action: 'contact', appointmentAt: new Date(Date.now() + 3_600_000).toISOString() });
      await act(worker, { action: 'arrive' });
      await act(worker, { action: 'resolve', workDone: '更换阀芯' });
      return r as { id: string; number: string };
    };
    const repair = await resolved();
    const other = await resolved();

    const page = await stack.newPage();
    await stack.devLogin(page, MANAGER);
    await page.getByText('员工工作台').waitFor();
    await page.getByTestId('staff-modules').last().locator('.nut-grid-item', { hasText: '回访' }).click();
    const visits = top(page, 'return-visits/index');
    const rate = visits.getByTestId('visit-rate');
    await rate.waitFor();
    const before = (await office(
      'GET',
      `/api/staff/communities/${community.id}/return-visits/rate?month=${beijingMonth(new Date())}`,
    )) as {
      done: number;
      due: number;
    };
    await expect.poll(() => rate.innerText()).toContain(`已回访 ${before.done} / 应回访 ${before.due}`);
    const card = visits.getByTestId('visit').filter({ hasText: repair.number });
    await card.waitFor();
    await look(page, 'return-visits/index', 'visits', findings);
    await card.getByTestId('visit-record').click();
    await card.getByTestId('visit-result-choice').getByText('基本满意', { exact: true }).click();
    await card.locator('textarea').fill('住户说师傅来得准时，水龙头不漏了');
    await card.locator('.nut-button', { hasText: '保存回访' }).click();
    await confirmModal(page, '保存');
    await expect.poll(() => rate.innerText()).toContain(`已回访 ${before.done + 1} / 应回访 ${before.due}`);
    await visits.getByTestId('visit-tabs').getByText('已回访', { exact: true }).click();
    const done = visits.getByTestId('visit').filter({ hasText: repair.number });
    await expect.poll(() => done.getByTestId('visit-result').innerText()).toContain('电话回访 基本满意');
    await look(page, 'return-visits/index', 'visits-done', findings);
    // 拨打电话 on a second phone: headless Chromium's handling of the tel: link Taro's H5 makePhoneCall opens
    // leaves that page unusable, so the call is tried where nothing follows it.
    const caller = await stack.newPage();
    await stack.devLogin(caller, MANAGER);
    await caller.getByText('员工工作台').waitFor();
    await caller.goto(`${stack.url}/#/packages/staff/return-visits/index?communityId=${community.id}`);
    const second = top(caller, 'return-visits/index').getByTestId('visit').filter({ hasText: other.number });
    await second.getByTestId('visit-call').click();
    // The repair's contact phone in full, grouped for reading (139 1000 7919), after the visit's audited reveal.
    const { contactPhone } = await stack.h.db.repairRequest.findUniqueOrThrow({ where: { id: other.id } });
    const national = contactPhone.replace(/^\+86/, '');
    const grouped = `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`;
    await expect.poll(() => second.getByTestId('visit-phone').innerText()).toContain(grouped);
    expect(
      await stack.h.db.piiRevealAudit.count({
        where: { subjectId: home.userId, basis: 'RETURN_VISIT', reason: `电话回访 ${other.number}` },
      }),
    ).toBe(1);
    const visit = await stack.h.db.returnVisit.findFirstOrThrow({ where: { repairId: repair.id } });
    expect([visit.method, visit.result]).toEqual(['PHONE', 'BASICALLY_SATISFIED']);
    expect(findings).toEqual([]);
  });

  it('customer service files a complaint for a caller from 投诉处理; it opens on the staff detail, the caller masked', async () => {
    const findings: string[] = [];
    const community = await stack.h.db.community.findFirstOrThrow({ where: { name: '梧桐苑' } });
    const page = await stack.newPage();
    await stack.devLogin(page, MANAGER);
    await page.getByText('员工工作台').waitFor();
    await page.goto(`${stack.url}/#/packages/staff/complaints/index?communityId=${community.id}`);
    await top(page, 'complaints/index').locator('.nut-button', { hasText: '代来电人登记投诉' }).click();
    const form = top(page, 'on-behalf/index');
    await form.getByTestId('complaint-for-caller-form').waitFor();
    await form.getByTestId('unit-picker-search').locator('input').fill('101');
    await form.locator('.unit-picker__room', { hasText: /^101$/ }).click();
    await form.locator('input[placeholder="来电人姓名"]').fill('赵先生');
    await form.locator('input[placeholder="联系电话"]').fill('13912345678');
    await form.getByTestId('caller-category').getByText('噪音扰民', { exact: true }).click();
    await form.locator('textarea').fill('楼下商铺夜里十二点还在搬货，很吵');
    await look(page, 'on-behalf/index', 'for-caller', findings);
    await form.locator('.nut-button', { hasText: '登记投诉' }).click();
    await statusIs(page, '待分派');
    const detail = top(page, 'complaints/detail');
    await detail.getByText('来电', { exact: true }).waitFor();
    await detail.getByText('赵**', { exact: true }).waitFor();
    await detail.getByText('139 **** 5678', { exact: true }).waitFor();
    const row = await stack.h.db.complaint.findFirstOrThrow({ where: { callerName: '赵先生' } });
    expect([row.channel, row.category, row.residentId]).toEqual(['PHONE', '噪音扰民', null]);
    expect(findings).toEqual([]);
  });
});
