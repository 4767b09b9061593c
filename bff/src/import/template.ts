import ExcelJS from 'exceljs';
import { NOTES_SHEET, SHEETS } from './columns.js';

const NOTES = [
  '每张表第 1 行是列名，请不要修改；从第 2 行起每行一条记录。',
  '以「示例」开头的行是示例，不会导入，可以删除。',
  '先上传预检：系统逐行检查并列出错误（如「第 18 行「建筑面积」不是数字」）、将新增/修改/不变的数量、面积变化（修改前 → 修改后），以及小区里有而文件里没有的房屋（不会删除）。',
  '预检没有错误才能执行导入；只能由预检的人在 30 分钟内执行，期间小区资料有变化需重新预检。同一文件重复导入不会产生任何变化。',
  '面积按两位小数精确保存；手机号不带「+」的按中国大陆号码处理；全角数字、字母和空格会转为半角，首尾空格会去掉。',
  '单元格请填写数值，不要使用公式（可「选择性粘贴 → 数值」）；每个文件最多 100,000 行。',
  '选填列留空表示不修改系统中已有的内容。',
  '过户：房屋卖给了新业主时，在「业主」表只列新业主，并在这些行的「过户日期」填同一日期。预检列出「原业主 → 新业主」，导入时按过户登记：原业主及其同意的家属、租户的绑定结束，过户日期所在月份之前开始的账单归原业主。不填日期的行只增加或修改业主，不会去掉原有业主。',
  '已通过过户不再是业主的人，不会因旧名单而重新成为业主：不填「过户日期」再列他为该房屋业主，预检会报错并写明过户日期。',
  '已停用的楼栋、房屋和车位是历史记录：文件中会修改它们（或把车位给停用的房屋、为停用的房屋加业主）的行，预检报错「第 N 行：房屋 X 已停用」；与系统一致的行不报错。',
];

/** The downloadable template: the four sheets with headers, a sample row and a note on each header. */
export async function importTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet(NOTES_SHEET);
  notes.getColumn(1).width = 120;
  notes.addRow(['导入说明']).font = { bold: true, size: 14 };
  for (const line of NOTES) notes.addRow([line]);
  for (const sheet of SHEETS) {
    notes.addRow([]);
    notes.addRow([`「${sheet.name}」表`]).font = { bold: true };
    for (const c of sheet.columns) notes.addRow([`${c.header}（${c.required ? '必填' : '选填'}）：${c.note}`]);
  }
  for (const sheet of SHEETS) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = ws.addRow(sheet.columns.map((c) => c.header));
    header.font = { bold: true };
    sheet.columns.forEach((c, i) => {
      header.getCell(i + 1).note = `${c.required ? '必填' : '选填'}：${c.note}`;
      ws.getColumn(i + 1).width = Math.max(12, c.header.length * 4);
    });
    ws.addRow(sheet.columns.map((c) => c.sample)).font = { italic: true, color: { argb: 'FF888888' } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
