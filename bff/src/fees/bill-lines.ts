import type { BillPayer, FeeItem } from '@prisma/client';
import { areaFee, areaHundredths, splitByArea, yuan } from './money.js';
import { monthStart } from '../beijing.js';
import { nextMonth, payerMonths, type Period } from './periods.js';

export type BillingUnit = {
  id: string;
  buildingArea: { toString(): string };
  deliveredAt: Date | null;
  buildingType: string | null;
};
export type BillingSpace = { id: string; number: string; unitId: string };

/** One bill to be: its item, unit, space and months are billed once (bill-coverage.ts). */
export type BillLine = {
  feeItemId: string;
  /** The charge slot a month is billed once in (see chargeSlot). */
  slot: string;
  unitId: string;
  parkingSpaceId: string | null;
  payer: BillPayer;
  firstMonth: string;
  months: number;
  amountFen: number;
  detail: string;
  dueAt: Date;
};

/** Prepaid: a bill is due by the end of the first month it covers. */
const dueAfter = (firstMonth: string) => monthStart(nextMonth(firstMonth));

/** `fn` remembering its answers (for values many units share: a delivery date, a first month). */
function remembered<K, V>(fn: (key: K) => V): (key: K) => V {
  const answers = new Map<K, V>();
  return (key) => {
    if (!answers.has(key)) answers.set(key, fn(key));
    return answers.get(key)!;
  };
}

function m2(area: bigint): string {
  return `${area / 100n}.${String(area % 100n).padStart(2, '0')}`;
}

/**
 * The charge slot a month of a unit (and space) is billed once in (docs/domain.md §4, Billing runs):
 * recurring property and parking fees are one charge whichever standard priced them (a villa price, a
 * standard retired and made again); each one-off or shared item is its own. The database derives the
 * same value (FeeItem's generated "slot"), binds a bill's to its item's (key "Bill_feeItemId_slot_fkey")
 * and enforces the months ("Bill_month_once", docs/domain.md §4).
 */
export const chargeSlot = (item: Pick<FeeItem, 'id' | 'kind'>): string =>
  item.kind === 'PROPERTY' || item.kind === 'PARKING' ? item.kind : item.id;

/**
 * The bills a period gives, before anything is stored, one at a time (a run streams them to the
 * database as they are made). Recurring charges are split by who pays each month (developer before
 * delivery, owner from the month after); a one-off or shared charge goes to whoever pays for the
 * period's first month. `specificTypes`: the building types with an active property-fee standard of
 * their own — a generic standard does not bill them (the most specific applies, docs/domain.md §4).
 */
export function* billLines(
  period: Period,
  items: FeeItem[],
  units: BillingUnit[],
  spaces: BillingSpace[],
  specificTypes: ReadonlySet<string> = new Set(),
): Generator<BillLine> {
  // Most units of a community share a handful of delivery dates; lines share the period's first months.
  const splitOf = remembered((deliveredMs: number | null) =>
    payerMonths(period, deliveredMs === null ? null : new Date(deliveredMs)),
  );
  const split = (unit: BillingUnit) => splitOf(unit.deliveredAt?.getTime() ?? null);
  const due = remembered(dueAfter);
  const unitById = new Map(units.map((u) => [u.id, u]));
  // The bill of a line, or none when it has no month or nothing to pay (for `yield*`).
  const line = (
    item: FeeItem,
    unit: BillingUnit,
    space: BillingSpace | null,
    payer: BillPayer,
    months: string[],
    amountFen: number,
    detail: string,
  ): BillLine[] =>
    months.length === 0 || amountFen <= 0
      ? []
      : [
          {
            feeItemId: item.id,
            slot: chargeSlot(item),
            unitId: unit.id,
            parkingSpaceId: space?.id ?? null,
            payer,
            firstMonth: months[0]!,
            months: months.length,
            amountFen,
            detail,
            dueAt: due(months[0]!),
          },
        ];
  const payerOfPeriod = (unit: BillingUnit): BillPayer =>
    split(unit).OWNER.includes(period.months[0]!) ? 'OWNER' : 'DEVELOPER';

  for (const item of items) {
    if (item.kind === 'PROPERTY') {
      for (const unit of units) {
        if (item.buildingType !== null && unit.buildingType !== item.buildingType) continue;
        if (item.buildingType === null && unit.buildingType !== null && specificTypes.has(unit.buildingType)) continue;
        const area = areaHundredths(unit.buildingArea);
        for (const [payer, months] of Object.entries(split(unit)) as [BillPayer, string[]][]) {
          yield* line(
            item,
            unit,
            null,
            payer,
            months,
            areaFee(area, item.amountFen, months.length),
            `${m2(area)}㎡ × ${yuan(item.amountFen)}元/㎡·月 × ${months.length}个月`,
          );
        }
      }
    } else if (item.kind === 'PARKING') {
      for (const space of spaces) {
        const unit = unitById.get(space.unitId);
        if (!unit) continue;
        for (const [payer, months] of Object.entries(split(unit)) as [BillPayer, string[]][]) {
          yield* line(
            item,
            unit,
            space,
            payer,
            months,
            item.amountFen * months.length,
            `车位 ${space.number} × ${yuan(item.amountFen)}元/月 × ${months.length}个月`,
          );
        }
      }
    } else if (item.kind === 'ONE_OFF') {
      for (const unit of units)
        yield* line(item, unit, null, payerOfPeriod(unit), period.months, item.amountFen, item.name);
    } else {
      const parts = units.map((u) => ({ key: u, area: areaHundredths(u.buildingArea) }));
      const totalArea = parts.reduce((s, p) => s + p.area, 0n);
      if (totalArea === 0n) continue;
      for (const share of splitByArea(item.amountFen, parts)) {
        yield* line(
          item,
          share.key,
          null,
          payerOfPeriod(share.key),
          period.months,
          share.fen,
          `${item.name} ${yuan(item.amountFen)}元 按面积分摊 ${m2(areaHundredths(share.key.buildingArea))}/${m2(totalArea)}㎡`,
        );
      }
    }
  }
}
