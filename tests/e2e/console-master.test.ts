import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserStack } from './browser.js';
import { axe, signInAtDesk } from './console-kit.js';

/**
 * 小区与房屋 at a desk (issue 27, docs/master-data.md): the manager of 梧桐苑 adds a building and a unit
 * in it, corrects the unit's 专有面积 — the drawer asks for 变更原因 and refuses without one — and retires
 * the unit after a confirmation. The screen is checked by axe and photographed.
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
});
