import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportTable, type ExportColumn } from './export.js';

async function bytes(body: Readable | string): Promise<Buffer> {
  if (typeof body === 'string') return Buffer.from(body);
  const all: Buffer[] = [];
  for await (const c of body) all.push(Buffer.from(c as Buffer));
  return Buffer.concat(all);
}

const columns: ExportColumn[] = [
  { header: '房号' },
  { header: '业主' },
  { header: '差额' },
  { header: '金额（元）', money: true },
];
// text a resident could type as a unit or a name, each a formula to a spreadsheet
const rows: (string | number)[][] = [
  ['=HYPERLINK("http://evil.example","点我")', '-1+2', -3, -12345],
  ['+86', '@SUM(A1)', 0, 100],
  ['\tTab', '\rCR', 7, 0],
  ['1号楼 101', '张三', 1, 1],
];

describe('exportTable neutralises formula text (OWASP CSV injection)', () => {
  it('CSV: text starting with = + - @ tab or CR gets an apostrophe; numbers and money stay numbers', async () => {
    const file = exportTable('csv', { file: 'f', sheet: 's' }, columns, rows);
    const lines = (await bytes(file.body))
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://evil.example"",""点我"")",'-1+2,-3,-123.45`);
    expect(lines[2]).toBe("'+86,'@SUM(A1),0,1.00");
    expect(lines[3]).toBe(`'\tTab,"'\rCR",7,0.00`);
    expect(lines[4]).toBe('1号楼 101,张三,1,0.01');
  });

  it('xlsx: the same text cells begin with an apostrophe; a negative number and negative money stay numeric', async () => {
    const file = exportTable('xlsx', { file: 'f', sheet: 's' }, columns, rows);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await bytes(file.body)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      `'=HYPERLINK("http://evil.example","点我")`,
      "'-1+2",
      -3,
      -123.45,
    ]);
    expect(sheet.getRow(3).values).toEqual([undefined, "'+86", "'@SUM(A1)", 0, 1]);
    expect(sheet.getRow(4).getCell(1).value).toBe("'\tTab");
    expect(String(sheet.getRow(4).getCell(2).value)).toMatch(/^'\s+CR$/); // XML reads a lone CR back as LF
    expect(sheet.getRow(4).getCell(3).value).toBe(7);
    expect(sheet.getRow(5).values).toEqual([undefined, '1号楼 101', '张三', 1, 0.01]);
    expect(sheet.getRow(2).getCell(3).type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getRow(2).getCell(4).numFmt).toBe('"¥"#,##0.00');
  });
});
