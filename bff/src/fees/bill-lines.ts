import type { BillPayer, FeeItem } from '@prisma/client';
import { areaFee, areaHundredths, splitByArea, yuan } from './money.js';
import { monthStart, nextMonth, payerMonths, type Period } from './periods.js';

export type BillingUnit = { id: string; buildingArea: { toString(): string }; deliveredAt: Date | null; buildingType: string | null };
export type BillingSpace = { id: string; number: string; unitId: string };

/** One bill to be: the natural key (item, unit, space, period, payer) makes generation idempotent. */
export type BillLine = {
  feeItemId: string;
  unitId: string;
  parkingSpaceId: string | null;
  payer: BillPayer;
  firstMonth: string;
  months: number;
  amountFen: number;
  detail: string;
  dueAt: Date;
};

export const lineKey = (l: { feeItemId: string; unitId: string; parkingSpaceId: string | null; payer: string }) => `${l.feeItemId}|${l.unitId}|${l.parkingSpaceId ?? ''}|${l.payer}`;

/** Prepaid: a bill is due by the end of the first month it covers. */
const dueAfter = (firstMonth: string) => monthStart(nextMonth(firstMonth));

function m2(area: bigint): string {
  return `${area / 100n}.${String(area % 100n).padStart(2, '0')}`;
}

/**
 * The bills a period gives, before anything is stored. Recurring charges are split by who pays each
 * month (developer before delivery, owner from the month after); a one-off or shared charge goes to
 * whoever pays for the period's first month.
 */
export function billLines(period: Period, items: FeeItem[], units: BillingUnit[], spaces: BillingSpace[]): BillLine[] {
  const lines: BillLine[] = [];
  const unitById = new Map(units.map((u) => [u.id, u]));
  const push = (item: FeeItem, unit: BillingUnit, space: BillingSpace | null, payer: BillPayer, months: string[], amountFen: number, detail: string) => {
    if (months.length === 0 || amountFen <= 0) return;
    lines.push({ feeItemId: item.id, unitId: unit.id, parkingSpaceId: space?.id ?? null, payer, firstMonth: months[0]!, months: months.length, amountFen, detail, dueAt: dueAfter(months[0]!) });
  };
  const payerOfPeriod = (unit: BillingUnit): BillPayer => (payerMonths(period, unit.deliveredAt).OWNER.includes(period.months[0]!) ? 'OWNER' : 'DEVELOPER');

  for (const item of items) {
    if (item.kind === 'PROPERTY') {
      for (const unit of units) {
        if (item.buildingType !== null && unit.buildingType !== item.buildingType) continue;
        const area = areaHundredths(unit.buildingArea);
        for (const [payer, months] of Object.entries(payerMonths(period, unit.deliveredAt)) as [BillPayer, string[]][]) {
          push(item, unit, null, payer, months, areaFee(area, item.amountFen, months.length), `${m2(area)}㎡ × ${yuan(item.amountFen)}元/㎡·月 × ${months.length}个月`);
        }
      }
    } else if (item.kind === 'PARKING') {
      for (const space of spaces) {
        const unit = unitById.get(space.unitId);
        if (!unit) continue;
        for (const [payer, months] of Object.entries(payerMonths(period, unit.deliveredAt)) as [BillPayer, string[]][]) {
          push(item, unit, space, payer, months, item.amountFen * months.length, `车位 ${space.number} × ${yuan(item.amountFen)}元/月 × ${months.length}个月`);
        }
      }
    } else if (item.kind === 'ONE_OFF') {
      for (const unit of units) push(item, unit, null, payerOfPeriod(unit), period.months, item.amountFen, item.name);
    } else {
      const parts = units.map((u) => ({ key: u, area: areaHundredths(u.buildingArea) }));
      const totalArea = parts.reduce((s, p) => s + p.area, 0n);
      if (totalArea === 0n) continue;
      for (const share of splitByArea(item.amountFen, parts)) {
        push(item, share.key, null, payerOfPeriod(share.key), period.months, share.fen, `${item.name} ${yuan(item.amountFen)}元 按面积分摊 ${m2(areaHundredths(share.key.buildingArea))}/${m2(totalArea)}㎡`);
      }
    }
  }
  return lines;
}
