import { describe, expect, it } from 'vitest';
import { tapButton, useBrowserStack } from './browser.js';
import { addDays, beijingDay } from '../../bff/src/beijing.js';

/**
 * Staff: the modules of their roles, the bind-request queue, switching communities.
 * The H5 build in headless Chromium against the real BFF and simulator, driven as people use it;
 * screenshots land in tests/.screenshots/ (git-ignored).
 */
const stack = useBrowserStack();

describe('staff at work', { timeout: 60_000 }, () => {
  it('a manager sees the staff modules of their roles and approves a bind request', async () => {
    const page = await stack.newPage();
    await stack.devLogin(page, '小区经理 · 梧桐苑');
    await page.getByText('员工工作台').waitFor();
    // Both ways lead to the same page: wait until the page is really left before taking the next way, or a
    // second goBack can land before the navigation it means to undo.
    const backHome = async () => {
      await page.goBack();
      await page.waitForURL((url) => !url.href.includes('work-calendar'));
      await page.getByText('员工工作台').waitFor();
    };
    // A manager reaches the cashier's desk too: undoing a billing run is theirs (docs/domain.md §4).
    for (const module of ['报修工单', '绑定审核', '公告管理', '收银台'])
      await page.getByText(module, { exact: true }).waitFor();
    // The working calendar's warning is the BFF's (from December until the next year is confirmed, on its
    // clock): the home shows exactly it, with the way to the year's schedule.
    const community = await stack.h.db.community.findFirstOrThrow({ where: { name: '梧桐苑' } });
    const token = await stack.h.loginAs('demo-manager-wutong');
    const { warning } = (await stack.h.call('GET', `/api/staff/communities/${community.id}/work-calendar`, { token }))
      .body as { warning: string | null };
    if (warning) {
      await page.getByTestId('home-calendar-warning').getByText(warning, { exact: true }).waitFor();
      await tapButton(page, '录入全年节假日');
      await page.waitForURL(/work-calendar/);
      await page.getByText(/^只有物业公司管理员可以确认全年安排/).waitFor();
      await backHome();
    } else expect(await page.getByTestId('home-calendar-warning').count()).toBe(0);
    await stack.shot(page, '07-home-manager');
    await page.getByText('全年节假日', { exact: true }).click();
    await page.waitForURL(/work-calendar/);
    await page.getByText(/^只有物业公司管理员可以确认全年安排/).waitFor(); // a manager sees the year, an administrator confirms it
    await backHome();

    // A second request waits too: one is approved, the other rejected with a reason of its own.
    const unit = await stack.h.db.unit.findFirstOrThrow({ where: { communityId: community.id }, skip: 30 });
    const tenant = await stack.h.db.user.create({ data: { name: '黄租客', phone: '+8613700000999' } });
    const second = await stack.h.db.unitMembership.create({
      data: {
        userId: tenant.id,
        unitId: unit.id,
        relation: 'TENANT',
        requestedAt: new Date(Date.now() + 1000),
      },
    });
    const pending = () =>
      stack.h.db.unitMembership.count({ where: { status: 'PENDING', unit: { communityId: community.id } } });
    const before = await pending();
    expect(before).toBeGreaterThanOrEqual(2);

    await page.getByText('员工工作台').waitFor();
    await page.getByText('绑定审核', { exact: true }).click();
    await page.getByText(`待审核（共 ${before} 条）`, { exact: true }).waitFor();
    await page.getByText('+86 137****0999').waitFor(); // masked, with its country code
    await stack.shot(page, '08-staff-bind-requests');
    await tapButton(page, '通过');
    await expect.poll(pending).toBe(before - 1);

    await page.getByText(`待审核（共 ${before - 1} 条）`, { exact: true }).waitFor();
    await page
      .locator('[data-testid="bind-request"]', { hasText: '黄*' })
      .locator('.nut-button', { hasText: '驳回' })
      .click();
    await page.locator('[data-testid="reject-reason"] input').fill('请提供租赁合同');
    await stack.shot(page, '08b-staff-reject-reason');
    await tapButton(page, '确认驳回');
    await expect
      .poll(async () => (await stack.h.db.unitMembership.findUniqueOrThrow({ where: { id: second.id } })).rejectReason)
      .toBe('请提供租赁合同');
  });

  it('a cashier sees the cashier module and the complaints assigned to them; a committee member only elections', async () => {
    const cashier = await stack.newPage();
    await stack.devLogin(cashier, '收银员 · 梧桐苑');
    await cashier.getByText('收银台', { exact: true }).waitFor();
    expect(await cashier.getByText('绑定审核', { exact: true }).count()).toBe(0);
    // A complaint may be assigned to any of the community's staff (#31); return visits are the office's.
    await cashier.getByText('投诉处理', { exact: true }).waitFor();
    expect(await cashier.getByText('回访', { exact: true }).count()).toBe(0);
    await stack.shot(cashier, '09-home-cashier');

    // The committee member is also an owner: home opens on the resident side, the switch leads to work.
    const committee = await stack.newPage();
    await stack.devLogin(committee, '业委会委员 · 梧桐苑');
    await committee.getByText('投票', { exact: true }).waitFor();
    expect(await committee.getByText('选举管理', { exact: true }).count()).toBe(0);
    await committee.getByText('员工工作台', { exact: true }).click();
    await committee.getByText('选举管理', { exact: true }).click();
    await committee.getByText('发起投票', { exact: true }).waitFor();
  });

  it('a company administrator orders the emergency and routine escalation chains with the community’s staff', async () => {
    const community = await stack.h.db.community.findFirstOrThrow({ where: { name: '梧桐苑' } });
    // Someone on the staff when the page opens and gone by the time it saves.
    const leaver = await stack.h.db.user.create({ data: { name: '离职员工', phone: '+8613700000998' } });
    await stack.h.db.staffRole.create({
      data: { userId: leaver.id, companyId: community.companyId, communityId: community.id, role: 'TECHNICIAN' },
    });
    const page = await stack.newPage();
    await stack.devLogin(page, '物业公司管理员');
    await page.getByText('升级链', { exact: true }).click();
    const emergency = page.getByTestId('chain-emergency-step');
    const routine = page.getByTestId('chain-routine-step');
    await emergency.nth(1).getByText('第 2 环节').waitFor();
    // The second emergency step goes first, and names the technician too.
    await emergency.nth(1).getByText('冯师傅（维修工）', { exact: true }).click();
    await emergency.nth(1).locator('.nut-button', { hasText: '上移' }).click();
    await emergency.nth(0).locator('input').first().fill('维修工先到场');
    // A routine step that tells nobody is refused here, in Chinese.
    await page.getByTestId('chain-routine').locator('.nut-button', { hasText: '添加环节' }).click();
    await routine.nth(2).locator('input').first().fill('专人督办');
    await tapButton(page, '保存升级链');
    await page.getByText('日常升级链第 3 环节：至少要有一个通知对象', { exact: true }).waitFor();
    // Naming someone who left in the meantime is refused by the BFF; the page says so.
    await routine.nth(2).getByText('离职员工（维修工）', { exact: true }).click();
    await stack.h.db.staffRole.deleteMany({ where: { userId: leaver.id } });
    await tapButton(page, '保存升级链');
    await page.getByText('所选人员不是本小区的员工，请刷新后重新选择', { exact: true }).waitFor();
    await stack.shot(page, '12-escalation-refused');
    await routine.nth(2).locator('.nut-button', { hasText: '删除' }).click();
    await tapButton(page, '保存升级链');
    const tech = await stack.h.db.user.findFirstOrThrow({ where: { name: '冯师傅' } });
    await expect
      .poll(async () => {
        const saved = await stack.h.db.repairSlaSettings.findUnique({ where: { communityId: community.id } });
        return saved && { emergency: saved.emergencyEscalation, routine: saved.escalation };
      })
      .toEqual({
        emergency: [
          { label: '维修工先到场', roles: ['COMPANY_ADMIN'], userIds: [tech.id], minutes: 30 },
          { label: '物业公司第二响应', roles: ['COMPANY_ADMIN'], userIds: [], minutes: 8 },
        ],
        routine: [
          { label: '物业公司第二响应', roles: ['COMPANY_ADMIN'], userIds: [], minutes: 8 },
          { label: '主管督办', roles: ['COMPANY_ADMIN'], userIds: [], minutes: 30 },
        ],
      });
    await stack.shot(page, '13-escalation-saved');
  });

  it('a company administrator’s home says when the committee’s term ends within 60 days', async () => {
    // The community the home opens on, and a running term of it the sweep has reminded about (59 days left).
    const token = await stack.h.loginAs('demo-admin');
    const me = (await stack.h.call('GET', '/api/me', { token })).body as { staff: { community: { id: string } }[] };
    const communityId = me.staff[0]!.community.id;
    const community = await stack.h.db.community.findUniqueOrThrow({ where: { id: communityId } });
    const by = await stack.h.db.staffRole.findFirstOrThrow({
      where: { role: 'COMPANY_ADMIN', companyId: community.companyId },
    });
    const now = stack.h.deps.clock.now();
    const today = beijingDay(now);
    const receipt = await stack.h.db.upload.create({
      data: {
        id: crypto.randomUUID(),
        uploaderId: by.userId,
        contentType: 'image/jpeg',
        bytes: 1,
        storageKey: `e2e/${crypto.randomUUID()}`,
        claimKind: 'committeeTerm',
        createdAt: now,
      },
    });
    const term = await stack.h.db.committeeTerm.create({
      data: {
        companyId: community.companyId,
        communityId,
        startsOn: addDays(today, -1400),
        endsOn: addDays(today, 59),
        filedOn: addDays(today, -1390),
        receiptUploadId: receipt.id,
        confirmedById: by.userId,
        confirmedAt: now,
        remindedAt: now,
      },
    });
    try {
      const page = await stack.newPage();
      await stack.devLogin(page, '物业公司管理员');
      await page.getByText('员工工作台', { exact: true }).click();
      await page
        .getByTestId('home-committee-term')
        .getByText(`本小区业委会任期将于 ${addDays(today, 59)} 届满（还有 59 天）`, { exact: false })
        .waitFor();
      await stack.shot(page, '13b-home-admin-committee-term');
    } finally {
      await stack.h.db.committeeTerm.delete({ where: { id: term.id } });
      await stack.h.db.upload.delete({ where: { id: receipt.id } });
    }
  });

  it('a technician of two communities switches between them', async () => {
    const page = await stack.newPage();
    await stack.devLogin(page, '维修工');
    await page.getByText('梧桐苑 · 维修工').waitFor();
    await page.getByText('银杏花园', { exact: true }).click();
    await page.getByText('银杏花园 · 维修工').waitFor();
    await page.getByText('报修工单', { exact: true }).waitFor();
    await stack.shot(page, '11-home-technician');
  });
});
