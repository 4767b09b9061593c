import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserStack } from './browser.js';
import { axe, signInAtDesk } from './console-kit.js';
import { workbook } from '../support/factories/import.js';

/**
 * 导入资料 in the console (#27, docs/import.md): a company admin downloads nothing but uploads a
 * workbook with one bad row, reads the report (row, column, message in Chinese), uploads the fixed
 * file, confirms, and the units are in the community. axe on each state, screenshots.
 */
const stack = useBrowserStack();
const HEADER = ['楼栋', '楼栋类型', '房号', '楼层', '建筑面积', '专有面积', '面积来源', '交付日期'];
const rows = (area: unknown) => [
  HEADER,
  ['导入楼', '高层', '101', 1, 89.56, 72.3, '产权登记', '2024-06-30'],
  ['导入楼', '高层', '102', 1, area, 72.3, null, null],
];

async function upload(desk: Page, name: string, file: Buffer) {
  await desk.getByLabel(/上传填好的文件/).setInputFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: file,
  });
  await desk.getByTestId('import-counts').waitFor();
}

describe('办公台：导入资料', { timeout: 150_000 }, () => {
  it('one bad row is reported; the fixed file is applied after a confirmation and the units exist', async () => {
    const desk = await signInAtDesk(stack, '物业公司管理员', { width: 1366, height: 768 });
    await desk.getByRole('link', { name: '导入资料' }).click();
    await desk.getByRole('heading', { name: '导入资料' }).waitFor();
    await axe(desk, 'import');
    await stack.shot(desk, '100-console-import');

    await upload(desk, '有错误.xlsx', await workbook({ 房屋: rows('八十九') }));
    const errors = desk.getByRole('region', { name: '预检错误' });
    await errors.getByRole('cell', { name: '第 3 行「建筑面积」不是数字，或超过两位小数，或为 0' }).waitFor();
    await desk.getByTestId('import-blocked').waitFor(); // no 确认导入 while there are errors
    expect(await desk.getByTestId('import-apply').count()).toBe(0);
    await axe(desk, 'import report with errors');
    await stack.shot(desk, '101-console-import-errors');

    await upload(desk, '改好了.xlsx', await workbook({ 房屋: rows(120.5) }));
    await desk.getByText('预检结果：没有错误').waitFor();
    expect(await desk.getByTestId('import-counts').getByRole('row', { name: /^房屋/ }).innerText()).toMatch(
      /房屋\s+2\s+0\s+0/,
    );
    await axe(desk, 'import report clean');
    await stack.shot(desk, '102-console-import-clean');
    await desk.getByTestId('import-apply').click();
    const dialog = desk.locator('.t-dialog:visible');
    await dialog.getByText(/将新增房屋 2 套/).waitFor();
    await dialog.getByRole('button', { name: '导入' }).click();
    await desk
      .getByTestId('import-done')
      .getByText(/已导入.*房屋 2 套/)
      .waitFor();
    await axe(desk, 'import applied');
    await stack.shot(desk, '103-console-import-applied');

    const run = await stack.h.db.importRun.findFirstOrThrow({ where: { fileName: '改好了.xlsx' } });
    expect(run.appliedAt).not.toBeNull();
    const units = await stack.h.db.unit.findMany({
      where: { communityId: run.communityId, building: { name: '导入楼' } },
      orderBy: { number: 'asc' },
    });
    expect(units.map((u) => [u.number, u.buildingArea.toFixed(2)])).toEqual([
      ['101', '89.56'],
      ['102', '120.50'],
    ]);
  });
});
