import ExcelJS from 'exceljs';
import type { Prisma } from '@prisma/client';
import { beijingDay } from '../bff/src/beijing.js';
import { writePlan } from '../bff/src/import/apply.js';
import { SHEETS, type SheetName } from '../bff/src/import/columns.js';
import { diff } from '../bff/src/import/plan.js';
import { readImportFile } from '../bff/src/import/read-file.js';
import { validate } from '../bff/src/import/validate.js';

/** A sheet's rows as an office fills in the template: cells by their Chinese header (columns.ts). */
export type DemoSheets = Partial<Record<SheetName, Record<string, string | number | null>[]>>;

/** The workbook an office would upload: the template's sheets and headers, one row per record. */
async function workbookOf(sheets: DemoSheets): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const spec of SHEETS) {
    const rows = sheets[spec.name];
    if (!rows) continue;
    const ws = wb.addWorksheet(spec.name);
    ws.addRow(spec.columns.map((c) => c.header));
    for (const row of rows) ws.addRow(spec.columns.map((c) => row[c.header] ?? null));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The demo community's lists go in as an office's would (docs/import.md, The demo seed): the workbook
 * is read, checked and compared by the import's own code (read-file, validate, plan) and its plan
 * written by the apply's writer, inside the seed's transaction. No import run and no audit rows: no
 * person imported them. A row the import would refuse is the seed's own bug, so it stops the seed.
 */
export async function importDemoLists(tx: Prisma.TransactionClient, communityId: string, sheets: DemoSheets) {
  const { records, errors } = validate(await readImportFile(await workbookOf(sheets)));
  const planned = await diff(tx, communityId, records, beijingDay(new Date()));
  const problems = [...errors, ...planned.errors];
  if (problems.length > 0) throw new Error(`demo lists refused by the import: ${problems[0]!.message}`);
  await writePlan(
    { query: (statement, params) => tx.$executeRawUnsafe(statement, ...params) },
    communityId,
    planned.plan,
  );
  return planned;
}
