import { z } from 'zod';
import type { Deps } from '../deps.js';
import { requireRole } from '../access/guards.js';
import { ZId } from '../http/params.js';
import { cursorRows, type SqlQuery } from '../db-cursor.js';
import { exportTable, ZExportFormat, type ExportColumn, type ExportFile } from './export.js';
import { beijingDay } from '../beijing.js';
import { sellersBillSql } from '../units/ownership.js';

export const ZArrearsQuery = z.object({
  buildingId: ZId.optional(),
  minMonths: z.coerce.number('欠费月数必须是数字').int().min(0).max(120).default(0),
  cursor: z
    .string()
    .regex(/^\d{1,6}$/, '翻页参数无效，请刷新后重试')
    .optional(),
  limit: z.coerce.number('每页条数必须是数字').int().min(1).max(100).default(20),
});
export const ZArrearsExport = ZArrearsQuery.omit({ cursor: true, limit: true }).extend({ format: ZExportFormat });

type Row = {
  unitId: string;
  building: string;
  number: string;
  items: string;
  oldestPeriod: string;
  oldestDue: Date;
  bills: number;
  amountFen: number;
  /** Of amountFen, a former owner's bills (docs/roles.md, Owners and households); 0 with ownersOnly. */
  sellerFen: number;
  lastRemindedAt: Date | null;
  total?: number;
};

const MONTH = 30 * 86_400_000;
/** A former owner's bill, over b and the unit's latest transfer date t."onDate" (ownership.ts, the one rule). */
const SELLERS = sellersBillSql('b', 't."onDate"');
const monthsOverdue = (oldestDue: Date, now: Date) =>
  Math.max(0, Math.floor((now.getTime() - oldestDue.getTime()) / MONTH));

/**
 * ownersOnly: the current household's bills only — a former owner's (the period began before the unit's
 * latest transfer; the same cutoff as `sellerCutoffs`) left out. Reminders go to the current owners.
 */
type ArrearsFilter = { buildingId?: string; minMonths: number; unitIds?: string[]; ownersOnly?: boolean };

/**
 * Units whose owner bills are past due, the longest overdue first: unit, items, months overdue, amount,
 * the last reminder; a retired unit is not listed (its bills stay, docs/master-data.md). For reminders and reports only — never to withhold a service. One statement,
 * for a page (with the total) or for a whole export (read through a cursor).
 */
export function arrearsQuery(
  deps: Deps,
  communityId: string,
  q: ArrearsFilter,
  page?: { offset: number; limit: number },
): SqlQuery {
  const now = deps.clock.now();
  const dueBefore = new Date(now.getTime() - q.minMonths * MONTH);
  const values: unknown[] = [communityId, now, dueBefore, q.buildingId ?? null, q.unitIds ?? null];
  const text = `
    SELECT u."id" AS "unitId", bd."name" AS "building", u."number",
           string_agg(DISTINCT f."name", '、') AS "items", min(b."period") AS "oldestPeriod", min(b."dueAt") AS "oldestDue",
           count(*)::int AS "bills", sum(b."amountFen")::int AS "amountFen",
           coalesce(sum(b."amountFen") FILTER (WHERE ${SELLERS}), 0)::int AS "sellerFen",
           (SELECT max(r."sentAt") FROM "ArrearsReminder" r WHERE r."unitId" = u."id") AS "lastRemindedAt"
           ${page ? ', count(*) OVER ()::int AS "total"' : ''}
      FROM "Bill" b JOIN "Unit" u ON u."id" = b."unitId" JOIN "Building" bd ON bd."id" = u."buildingId" JOIN "FeeItem" f ON f."id" = b."feeItemId"
      LEFT JOIN LATERAL (SELECT max(t."onDate") AS "onDate" FROM "OwnershipTransfer" t WHERE t."unitId" = u."id") t ON true
     WHERE b."communityId" = $1::uuid AND b."payer" = 'OWNER' AND b."state" IN ('UNPAID', 'PAYING') AND b."dueAt" < $2
       AND u."retiredAt" IS NULL
       AND ($4::uuid IS NULL OR u."buildingId" = $4::uuid)
       AND ($5::uuid[] IS NULL OR u."id" = ANY($5::uuid[]))
       ${q.ownersOnly ? `AND NOT (${SELLERS})` : ''}
     GROUP BY u."id", bd."name", bd."sortOrder", u."number"
    HAVING min(b."dueAt") < $3
     ORDER BY min(b."dueAt"), bd."sortOrder", u."number", u."id"
     ${page ? `LIMIT ${page.limit + 1} OFFSET ${page.offset}` : ''}`;
  return { text, values };
}

/** The rows of arrearsQuery, read through `db` (deps.db, or a transaction's client). */
export function arrearsRows(
  deps: Deps,
  communityId: string,
  q: ArrearsFilter,
  page?: { offset: number; limit: number },
  db: Pick<Deps['db'], '$queryRawUnsafe'> = deps.db,
): Promise<Row[]> {
  const { text, values } = arrearsQuery(deps, communityId, q, page);
  return db.$queryRawUnsafe<Row[]>(text, ...values);
}

/**
 * Paged by offset, not by keyset() (docs/conventions.md, "keyset()"): a row is a unit's aggregate, ordered by
 * its oldest due date, and its page carries the filter's total from the same statement; a keyset over an
 * aggregate would need the key compared in HAVING and a second count. A unit that pays while the cashier
 * pages can shift a row onto the previous page; the list is reloaded after every action on it.
 */
export async function listArrears(deps: Deps, userId: string, communityId: string, q: z.infer<typeof ZArrearsQuery>) {
  await requireRole(deps.db, userId, communityId, ['CASHIER', 'MANAGER', 'COMPANY_ADMIN']);
  const offset = Number(q.cursor ?? 0);
  const rows = await arrearsRows(deps, communityId, q, { offset, limit: q.limit });
  const now = deps.clock.now();
  return {
    items: rows
      .slice(0, q.limit)
      .map(({ total: _, ...r }) => ({ ...r, monthsOverdue: monthsOverdue(r.oldestDue, now) })),
    total: rows[0]?.total ?? 0,
    nextCursor: rows.length > q.limit ? String(offset + q.limit) : null,
  };
}

const COLUMNS: ExportColumn[] = [
  { header: '楼栋' },
  { header: '房号' },
  { header: '欠费项目', width: 28 },
  { header: '最早欠费账期' },
  { header: '欠费月数' },
  { header: '欠费笔数' },
  { header: '欠费金额（元）', money: true },
  // The whole debt split in two (docs/roles.md, Ownership transfer): the current owner's and the former owner's.
  { header: '本业主欠费（元）', money: true },
  { header: '前业主欠费（元）', money: true },
];

/** The arrears list as a file a cashier opens in Excel (see exportTable). */
export async function exportArrears(
  deps: Deps,
  userId: string,
  communityId: string,
  q: z.infer<typeof ZArrearsExport>,
): Promise<ExportFile> {
  await requireRole(deps.db, userId, communityId, ['CASHIER', 'MANAGER', 'COMPANY_ADMIN']);
  const now = deps.clock.now();
  const rows = cursorRows<Row>(deps.config, arrearsQuery(deps, communityId, q));
  async function* lines() {
    for await (const r of rows)
      yield [
        r.building,
        r.number,
        r.items,
        r.oldestPeriod,
        monthsOverdue(r.oldestDue, now),
        r.bills,
        r.amountFen,
        r.amountFen - r.sellerFen,
        r.sellerFen,
      ];
  }
  return exportTable(q.format, { file: `欠费清单-${beijingDay(now)}`, sheet: '欠费清单' }, COLUMNS, lines());
}
