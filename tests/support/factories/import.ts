import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { staff, type Actor } from '../actors.js';
import type { Harness } from '../harness.js';
import { multipart } from '../images.js';

export type SheetCells = Record<string, unknown[][]>;

/** A golden file of tests/fixtures/import: the workbook's cells and what the dry run must say. */
export function importFixture(name: string): { sheets: SheetCells; expect: Record<string, unknown> } {
  return JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/import', `${name}.json`), 'utf8'));
}

/** An .xlsx with these sheets and cells, written by ExcelJS as Excel would save it. */
export async function workbook(sheets: SheetCells): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row as ExcelJS.CellValue[]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Uploads a file for a dry run, as the console does. */
export function uploadImport(who: Actor, communityId: string, file: Buffer, filename = '资料.xlsx') {
  const { body, contentType } = multipart(file, { filename, type: 'application/octet-stream' });
  return who.call('POST', `/api/staff/imports?communityId=${communityId}`, {
    raw: body,
    headers: { 'content-type': contentType },
  });
}

/** A company with one empty community and a company-wide administrator, signed in. */
export async function importSite(h: Harness) {
  const company = await h.db.propertyCompany.create({
    data: { name: `导入物业${Math.random().toString(16).slice(2)}` },
  });
  const newCommunity = () =>
    h.db.community.create({
      data: { companyId: company.id, name: `导入小区${Math.random().toString(16).slice(2)}`, address: '导入路1号' },
    });
  const community = await newCommunity();
  const admin = await staff(h, 'COMPANY_ADMIN', { companyId: company.id, id: null }, { name: '管理员' });
  return { company, community, admin, newCommunity };
}
