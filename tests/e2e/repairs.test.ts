import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chooseFile, tapButton, useBrowserStack } from './browser.js';
import { phonePhoto } from '../support/images.js';

/**
 * A repair from filing to rating, as the resident, the manager and the technician do it, each in
 * their own browser.
 */
const stack = useBrowserStack();

const status = (page: Page, label: string) =>
  page.getByTestId('repair-status').getByText(label, { exact: true }).waitFor();

describe('repairs', { timeout: 120_000 }, () => {
  it('a resident files with a photo, the manager accepts and assigns, the technician resolves, the resident rates', async () => {
    const resident = await stack.newPage();
    await stack.devLogin(resident, '业主（已绑定 梧桐苑1号楼101）');
    await resident.getByText('报修', { exact: true }).click();
    await tapButton(resident, '我要报修');
    await resident.locator('[data-testid="repair-part"] input').fill('厨房水龙头');
    await resident.locator('[data-testid="repair-phenomenon"] input').fill('关不紧，一直滴水');
    await chooseFile(resident, '添加图片', 'repair.jpg', await phonePhoto({ width: 800, height: 600 }));
    await resident.locator('[data-testid="photos"] img').first().waitFor();
    await stack.shot(resident, '30-repair-form');
    await tapButton(resident, '提交报修');
    await status(resident, '未接收');
    const number = await resident.getByText(/^BX\d{8}-\d{4}$/).textContent();
    await stack.shot(resident, '31-repair-filed');

    const manager = await stack.newPage();
    await stack.devLogin(manager, '小区经理 · 梧桐苑');
    await manager.getByText('报修工单', { exact: true }).click();
    await manager.locator('.nut-cell', { hasText: number! }).click();
    await tapButton(manager, '接收');
    await status(manager, '已接收');
    await tapButton(manager, '延期');
    await manager.getByText('3 天', { exact: true }).click();
    await manager.locator('[data-testid="repair-actions"] input').fill('等待配件到货');
    await tapButton(manager, '确认延期');
    await manager
      .getByTestId('repair-timeline')
      .getByText(/^延期 · /)
      .waitFor();
    await tapButton(manager, '派单');
    await manager.getByText('冯师傅', { exact: true }).click();
    await tapButton(manager, '确认派单');
    await status(manager, '已派单');

    const technician = await stack.newPage();
    await stack.devLogin(technician, '维修工');
    await technician.getByText('报修工单', { exact: true }).click();
    await technician.getByText(/^我的工单/).waitFor();
    await technician.locator('.nut-cell', { hasText: number! }).click();
    await tapButton(technician, '已联系住户');
    await technician.getByText('明天上午', { exact: true }).click();
    await tapButton(technician, '确认');
    await status(technician, '已联系');

    // A later date, proposed for the resident to agree in the app (docs/domain.md §1, appointments): the
    // technician picks a day (two weeks and a day ahead by default) and says why.
    await tapButton(technician, '改约上门时间');
    await technician.getByTestId('propose-appointment').getByText('日期', { exact: true }).waitFor();
    await tapButton(technician, '发送给住户');
    await technician.getByText('请填写改约原因，住户同意前会看到', { exact: true }).waitFor();
    await technician.locator('[data-testid="propose-reason"] input').fill('需等厂家配件到货');
    await stack.shot(technician, '31a-repair-propose-appointment');
    await tapButton(technician, '发送给住户');
    const proposal = technician.getByTestId('appointment-proposal-status');
    await proposal.getByText('待业主确认', { exact: true }).waitFor();
    const { id } = await stack.h.db.repairRequest.findFirstOrThrow({ where: { number: number! } });
    const pending = await stack.h.db.repairRequest.findUniqueOrThrow({ where: { id } });
    expect(pending.proposedAppointmentAt!.getTime() - stack.h.deps.clock.now().getTime()).toBeGreaterThan(
      14 * 86_400_000,
    );

    await resident.reload();
    const card = resident.getByTestId('appointment-proposal');
    await card.getByText('维修师傅提议上门时间').waitFor();
    await card.getByText(/原因：需等厂家配件到货/).waitFor();
    await stack.shot(resident, '31b-repair-appointment-proposal');
    await tapButton(resident, '同意');
    await resident
      .getByTestId('repair-timeline')
      .getByText(/^同意上门时间 · /)
      .waitFor();
    expect(await resident.getByTestId('appointment-proposal').count()).toBe(0);

    await technician.reload();
    await proposal.getByText('已同意', { exact: true }).waitFor();
    await stack.shot(technician, '31c-repair-proposal-agreed');

    await technician.reload();
    await tapButton(technician, '已到场');
    await status(technician, '已到场');
    await tapButton(technician, '处理完成');
    await technician.locator('[data-testid="repair-work-done"] input').fill('更换陶瓷阀芯');
    await chooseFile(technician, '添加图片', 'after.jpg', await phonePhoto({ width: 640, height: 480 }));
    await technician.locator('[data-testid="photos"] img').first().waitFor();
    await tapButton(technician, '确认完成');
    await status(technician, '已处理');

    await resident.reload();
    await status(resident, '已处理');
    await tapButton(resident, '评价');
    await resident.getByText('质量 4 分', { exact: true }).click();
    await tapButton(resident, '提交评价');
    await status(resident, '已完结');
    const timeline = resident.getByTestId('repair-timeline');
    for (const step of ['提交报修', '物业接收', '延期', '派单', '联系住户', '到场', '处理完成', '评价'])
      await timeline
        .getByText(new RegExp(`^${step} · `))
        .first()
        .waitFor();
    expect(await resident.locator('.photo-grid__item img, img.photo-grid__item').count()).toBe(2); // before and after
    await stack.shot(resident, '32-repair-closed-timeline');
  });
});
