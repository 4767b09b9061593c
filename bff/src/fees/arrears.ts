import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { requireRole } from '../access/guards.js';

import { ZId } from '../http/params.js';
import { yuan } from './money.js';

export const ZArrearsQuery = z.object({
  buildingId: ZId.optional(),
  minMonths: z.coerce.number('欠费月数必须是数字').int().min(0).max(120).default(0),
  cursor: z.string().regex(/^\d{1,6}$/, '翻页参数无效，请刷新后重试').optional(),
  limit: z.coerce.number('每页条数必须是数字').int().min(1).max(100).default(20),
});
export const ZArrearsExport = ZArrearsQuery.omit({ cursor: true, limit: true }).extend({ format: z.enum(['xlsx', 'csv'], '导出格式只能是 xlsx 或 csv') });

type Row = { unitId: string; building: string; number: string; items: string; oldestPeriod: string; oldestDue: Date; bills: number; amountFen: number };

const MONTH = 30 * 86_400_000;
const monthsOverdue = (oldestDue: Date, now: Date) => Math.max(0, Math.floor((now.getTime() - oldestDue.getTime()) / MONTH));

/** Units whose owner bills are past due, the longest overdue first: unit, items, months overdue, amount. For reminders and reports only — never to withhold a service. */
async function arrearsRows(deps: Deps, communityId: string, q: { buildingId?: string; minMonths: number }, page?: { offset: number; limit: number }) {
  const now = deps.clock.now();
  const dueBefore = new Date(now.getTime() - q.minMonths * MONTH);
  return deps.db.$queryRaw<Row[]>`
    SELECT u."id" AS "unitId", bd."name" AS "building", u."number",
           string_agg(DISTINCT f."name", '、') AS "items", min(b."period") AS "oldestPeriod", min(b."dueAt") AS "oldestDue",
           count(*)::int AS "bills", sum(b."amountFen")::int AS "amountFen"
      FROM "Bill" b JOIN "Unit" u ON u."id" = b."unitId" JOIN "Building" bd ON bd."id" = u."buildingId" JOIN "FeeItem" f ON f."id" = b."feeItemId"
     WHERE b."communityId" = ${communityId}::uuid AND b."payer" = 'OWNER' AND b."state" IN ('UNPAID', 'PAYING') AND b."dueAt" < ${now}
       AND (${q.buildingId ?? null}::uuid IS NULL OR u."buildingId" = ${q.buildingId ?? null}::uuid)
     GROUP BY u."id", bd."name", bd."sortOrder", u."number"
    HAVING min(b."dueAt") < ${dueBefore}
     ORDER BY min(b."dueAt"), bd."sortOrder", u."number", u."id"
     LIMIT ${page ? page.limit + 1 : 1_000_000} OFFSET ${page?.offset ?? 0}`;
}

export async function listArrears(deps: Deps, userId: string, communityId: string, q: z.infer<typeof ZArrearsQuery>) {
  await requireRole(deps.db, userId, communityId, ['CASHIER', 'MANAGER', 'COMPANY_ADMIN']);
  const offset = Number(q.cursor ?? 0);
  const rows = await arrearsRows(deps, communityId, q, { offset, limit: q.limit });
  const now = deps.clock.now();
  return {
    items: rows.slice(0, q.limit).map((r) => ({ ...r, monthsOverdue: monthsOverdue(r.oldestDue, now) })),
    nextCursor: rows.length > q.limit ? String(offset + q.limit) : null,
  };
}

const HEADER = ['楼栋', '房号', '欠费项目', '最早欠费账期', '欠费月数', '欠费笔数', '欠费金额（元）'];

/**
 * The arrears list as a file a cashier opens in Excel: .xlsx streamed (money as yuan with a ¥ format,
 * frozen header) or CSV with a UTF-8 BOM so Excel reads the Chinese. Dates are written in Beijing time.
 */
export async function exportArrears(deps: Deps, userId: string, communityId: string, q: z.infer<typeof ZArrearsExport>): Promise<{ body: PassThrough | string; type: string; filename: string }> {
  await requireRole(deps.db, userId, communityId, ['CASHIER', 'MANAGER', 'COMPANY_ADMIN']);
  const now = deps.clock.now();
  const rows = await arrearsRows(deps, communityId, q);
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const values = (r: Row) => [r.building, r.number, r.items, r.oldestPeriod, monthsOverdue(r.oldestDue, now), r.bills];
  if (q.format === 'csv') {
    const cell = (v: string | number) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
    const lines = [HEADER, ...rows.map((r) => [...values(r), yuan(r.amountFen)])].map((l) => l.map(cell).join(','));
    return { body: `\uFEFF${lines.join('\r\n')}\r\n`, type: 'text/csv; charset=utf-8', filename: `欠费清单-${day}.csv` };
  }
  const out = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true }); // styles are off by default when streaming
  const sheet = book.addWorksheet('欠费清单', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = HEADER.map((h, i) => ({ header: h, width: i === 2 ? 28 : 14 }));
  for (const r of rows) {
    const row = sheet.addRow([...values(r), r.amountFen / 100]); // fen → yuan only for Excel to show; sums stay in fen
    row.getCell(7).numFmt = '"¥"#,##0.00';
    row.commit();
  }
  sheet.commit();
  void book.commit().catch((err: Error) => out.destroy(err));
  return { body: out, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: `欠费清单-${day}.xlsx` };
}

