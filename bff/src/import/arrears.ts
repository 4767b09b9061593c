import { randomUUID } from 'node:crypto';
import { beijingMonth } from '../beijing.js';
import type { Db } from '../db.js';
import { chargeSlot } from '../fees/bill-lines.js';
import { yuan } from '../fees/money.js';
import { parsePeriod } from '../fees/periods.js';
import type { Counts } from './plan.js';
import type { ArrearsRec, RowError } from './validate.js';

/** An opening arrear as applying writes it: an owner's unpaid bill marked 期初 (docs/import.md, Opening arrears). */
export type OpeningBillRow = {
  id: string;
  unitId: string;
  feeItemId: string;
  period: string;
  firstMonth: string;
  months: number;
  amountFen: number;
  detail: string;
};

export const OPENING_DETAIL = '期初欠费（系统启用前未缴）';

type Existing = {
  unitId: string;
  feeItemId: string;
  slot: string;
  period: string;
  firstMonth: string;
  months: number;
  amountFen: number;
  opening: boolean;
};

const monthsOf = (firstMonth: string, months: number) => {
  const [y, m] = firstMonth.split('-').map(Number) as [number, number];
  return Array.from({ length: months }, (_, i) => {
    const n = y * 12 + m - 1 + i;
    return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
  });
};

/**
 * The opening-arrears sheet against the community: each row's unit (in the file or the system), its
 * fee item by name (several of one name: the one for the unit's building type), a period already
 * begun, and no month of that unit and charge slot billed twice — neither by two rows nor by a bill
 * that exists. The same arrear imported before compares equal (re-importing changes nothing).
 */
export async function planArrears(
  db: Db,
  input: {
    communityId: string;
    now: Date;
    rows: ArrearsRec[];
    unitId: (building: string, number: string) => string | undefined;
    buildingType: (building: string) => string | null;
    /** Units retired at the desk: history, billed no more (docs/master-data.md). */
    retired: Set<string>;
  },
) {
  const errors: RowError[] = [];
  const create: OpeningBillRow[] = [];
  const counts: Counts = { added: 0, changed: 0, unchanged: 0 };
  let addedFen = 0;
  if (input.rows.length === 0) return { errors, create, counts, addedFen };

  const items = await db.feeItem.findMany({
    where: { communityId: input.communityId, active: true },
    select: { id: true, name: true, kind: true, buildingType: true },
  });
  const existing = await db.bill.findMany({
    where: { communityId: input.communityId, state: { not: 'WAIVED' }, parkingSpaceId: null },
    select: {
      unitId: true,
      feeItemId: true,
      slot: true,
      period: true,
      firstMonth: true,
      months: true,
      amountFen: true,
      opening: true,
    },
  });
  // What is billed, by unit, slot and month (the key "Bill_month_once"); file rows join as they pass.
  const billed = new Map<string, Existing | number>();
  for (const b of existing)
    for (const m of monthsOf(b.firstMonth, b.months)) billed.set(`${b.unitId}|${b.slot}|${m}`, b);
  const current = beijingMonth(input.now);

  for (const a of input.rows) {
    const fail = (column: string, problem: string) =>
      errors.push({ sheet: '期初欠费', row: a.row, column, message: `第 ${a.row} 行「${column}」${problem}` });
    const unitId = input.unitId(a.building, a.number);
    if (!unitId) {
      fail('房号', `${a.building} ${a.number} 在「房屋」表和系统中都没有`);
      continue;
    }
    let named = items.filter((i) => i.name === a.feeItem);
    if (named.length > 1) named = named.filter((i) => i.buildingType === input.buildingType(a.building));
    if (named.length !== 1) {
      fail(
        '收费项目',
        items.some((i) => i.name === a.feeItem)
          ? `本小区有多个「${a.feeItem}」，无法确定是哪一个（请在收费设置中改名区分）`
          : `「${a.feeItem}」不是本小区在用的收费项目`,
      );
      continue;
    }
    const item = named[0]!;
    const period = parsePeriod(a.period)!;
    if (period.months[0]! > current) {
      fail('账期', `${a.period} 还没有开始，期初欠费只能是已经开始的账期`);
      continue;
    }
    const slot = chargeSlot(item);
    const same = (b: Existing | number | undefined) =>
      typeof b === 'object' &&
      b.opening &&
      b.feeItemId === item.id &&
      b.period === a.period &&
      b.unitId === unitId &&
      b.amountFen === a.amountFen;
    const hits = period.months.map((m) => billed.get(`${unitId}|${slot}|${m}`));
    if (hits.every((b) => b !== undefined && same(b))) {
      counts.unchanged++;
      continue;
    }
    // An arrear already imported reads unchanged, as a retired unit's unchanged rows do; a new one is an error:
    // a retired unit is left out of the arrears lists and reminders, so its bill would be owed out of sight.
    if (input.retired.has(unitId)) {
      errors.push({
        sheet: '期初欠费',
        row: a.row,
        column: '房号',
        message: `第 ${a.row} 行：房屋 ${a.building} ${a.number} 已停用`,
      });
      continue;
    }
    const clash = hits.find((b) => b !== undefined);
    if (typeof clash === 'number') {
      fail('账期', `与第 ${clash} 行的账期重叠`);
      continue;
    }
    if (clash) {
      fail(
        '账期',
        clash.opening && clash.period === a.period && clash.feeItemId === item.id
          ? `已导入过这笔期初欠费，金额 ${yuan(clash.amountFen)} 元，与文件中的 ${yuan(a.amountFen)} 元不同`
          : `${a.building} ${a.number} 的「${a.feeItem}」在 ${clash.period} 已有账单，与 ${a.period} 重叠`,
      );
      continue;
    }
    for (const m of period.months) billed.set(`${unitId}|${slot}|${m}`, a.row);
    create.push({
      id: randomUUID(),
      unitId,
      feeItemId: item.id,
      period: a.period,
      firstMonth: period.months[0]!,
      months: period.months.length,
      amountFen: a.amountFen,
      detail: OPENING_DETAIL,
    });
    counts.added++;
    addedFen += a.amountFen;
  }
  return { errors, create, counts, addedFen };
}
