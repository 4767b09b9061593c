import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserStack } from './browser.js';
import { axe, signInAtDesk } from './console-kit.js';

/**
 * 小区与房屋 at a desk (issue 27, docs/master-data.md): the manager of 梧桐苑 adds a building and a unit
 * in it, corrects the unit's 专有面积 — the drawer asks for 变更原因 and refuses without one — and retires
 * the unit after a confirmation. The screen is checked by axe and photographed. A company admin retires a
 * community (docs/master-data.md, Retiring a community): refused with the BFF's reason while 梧桐苑 still has
 * unpaid bills, done after a confirmation for a community with nothing open.
 */
const stack = useBrowserStack();

const field = (desk: Page, label: RegExp) => desk.locator('.t-drawer form').getByLabel(label);
const save = (desk: Page) => desk.locator('.t-drawer form').getByRole('button', { name: '保存' }).click();

describe('办公台：小区与房屋', { timeout: 60_000 }, () => {
  it('a manager adds a building and a unit, corrects an area with a reason, and retires the unit', async () => {
    const desk = await signInAtDesk(stack, '小区经理 · 梧桐苑');
    await desk
      .getByRole('navigation', { name: '功能导航' })
      .getByRole('link', { name: '小区与房屋', exact: true })
      .click();
    await desk.getByRole('heading', { level: 1, name: '小区与房屋' }).waitFor();

    await desk.getByRole('button', { name: '新建楼栋' }).click();
    await field(desk, /^楼栋名称/).fill('99号楼');
    await field(desk, /^层数/).fill('0');
    await save(desk);
    await desk.locator('.t-drawer').getByText('层数至少 1 层').waitFor();
    await field(desk, /^层数/).fill('18');
    await save(desk);
    await desk.getByRole('region', { name: '楼栋列表' }).getByRole('cell', { name: '99号楼' }).waitFor();

    const building = await stack.h.db.building.findFirstOrThrow({ where: { name: '99号楼' } });
    await desk.evaluate(`location.hash = '#/master?tab=units&building=${building.id}'`);
    const units = desk.getByRole('region', { name: '房屋列表' });
    await desk.getByTestId('row-count').getByText('共 0 条').waitFor();
    await desk.getByRole('button', { name: '新建房屋' }).click();
    await field(desk, /^房号/).fill('1801');
    await field(desk, /^楼层/).fill('18');
    await field(desk, /^建筑面积/).fill('100.25');
    await field(desk, /^专有面积/).fill('100.26');
    await save(desk);
    await desk.locator('.t-drawer').getByText('专有面积不能大于建筑面积').waitFor();
    await field(desk, /^专有面积/).fill('88.10');
    await save(desk);
    await units.getByRole('cell', { name: '88.10' }).waitFor();

    await units.getByRole('row').filter({ hasText: '1801' }).getByRole('button', { name: '编辑' }).click();
    await field(desk, /^专有面积/).fill('88.15');
    await save(desk);
    await desk.locator('.t-drawer').getByText('变更原因至少 2 个字').waitFor();
    await field(desk, /^变更原因/).fill('测绘报告更正');
    await axe(desk, 'master units with the drawer');
    await save(desk);
    await units.getByRole('cell', { name: '88.15' }).waitFor();
    await stack.shot(desk, '130-console-master');

    await units.getByRole('row').filter({ hasText: '1801' }).getByRole('button', { name: '停用' }).click();
    await desk
      .locator('.t-dialog form')
      .getByLabel(/停用原因/)
      .fill('与1802合并');
    await desk.locator('.t-dialog__footer').first().getByRole('button', { name: '停用', exact: true }).click();
    await desk
      .locator('.t-dialog', { hasText: '确认停用？' })
      .getByRole('button', { name: '停用', exact: true })
      .click();
    await desk.getByTestId('row-count').getByText('共 0 条').waitFor();

    const unit = await stack.h.db.unit.findFirstOrThrow({ where: { buildingId: building.id, number: '1801' } });
    expect(unit.retiredAt).not.toBeNull();
    const area = await stack.h.db.auditEvent.findFirstOrThrow({ where: { subjectId: unit.id, kind: 'UNIT_AREA' } });
    expect([area.before, area.after, area.reason]).toEqual([
      { exclusiveArea: '88.10' },
      { exclusiveArea: '88.15' },
      '测绘报告更正',
    ]);
  });

  it('a company admin retires a community after a confirmation; one with unpaid bills is refused with the reason', async () => {
    const company = await stack.h.db.propertyCompany.findFirstOrThrow({ where: { name: '申城物业服务有限公司' } });
    const leaving = await stack.h.db.community.create({
      data: { companyId: company.id, name: '枫林小区', address: '枫林路 1 号' },
    });
    const desk = await signInAtDesk(stack, '物业公司管理员');
    await desk.evaluate(`location.hash = '#/master?tab=communities'`);
    const list = desk.getByRole('region', { name: '小区列表' });
    const retire = async (name: string, reason: string) => {
      await list.getByRole('row').filter({ hasText: name }).getByRole('button', { name: '停用' }).click();
      await desk
        .locator('.t-dialog form')
        .getByLabel(/停用原因/)
        .fill(reason);
      await desk.locator('.t-dialog__footer').first().getByRole('button', { name: '停用', exact: true }).click();
      const confirm = desk.locator('.t-dialog', { hasText: '确认停用？' });
      await confirm.getByText('不再生成账单').waitFor();
      await confirm.getByRole('button', { name: '停用', exact: true }).click();
    };

    await retire('梧桐苑', '测试停用');
    await desk
      .locator('.t-dialog')
      .getByText(/小区还有 \d+ 笔未缴账单，请先收齐或减免后再停用/)
      .waitFor();
    await desk.locator('.t-dialog__footer').first().getByRole('button', { name: '取消' }).click();

    await retire('枫林小区', '物业服务合同到期，移交新物业');
    const row = list.getByRole('row').filter({ hasText: '枫林小区' });
    await row.getByText('已停用').waitFor();
    expect(await row.getByRole('button', { name: '停用' }).count()).toBe(0);
    await axe(desk, 'master communities with a retired one');
    await stack.shot(desk, '131-console-master-community-retired');

    const after = await stack.h.db.community.findUniqueOrThrow({ where: { id: leaving.id } });
    expect(after.retiredAt).not.toBeNull();
    const audit = await stack.h.db.auditEvent.findFirstOrThrow({
      where: { subjectId: leaving.id, kind: 'COMMUNITY_RETIRE' },
    });
    expect(audit.reason).toBe('物业服务合同到期，移交新物业');
    const wutong = await stack.h.db.community.findFirstOrThrow({ where: { name: '梧桐苑' } });
    expect(wutong.retiredAt).toBeNull();
  });
});
