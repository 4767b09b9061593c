import { beijingMonth } from '../beijing.js';
/**
 * Billing periods (month, quarter, year — contract matters, docs/domain.md §4) and who pays each month:
 * the developer until a unit is delivered, the buyer from the month after delivery (Shanghai art. 49).
 * Months are Beijing calendar months written 'YYYY-MM'.
 */
export type PeriodKind = 'MONTH' | 'QUARTER' | 'YEAR';
export type Period = { label: string; kind: PeriodKind; months: string[] };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;

const monthLabel = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

export function parsePeriod(label: string): Period | null {
  let m = MONTH.exec(label);
  if (m) return { label, kind: 'MONTH', months: [label] };
  m = QUARTER.exec(label);
  if (m) {
    const first = (Number(m[2]) - 1) * 3 + 1;
    return { label, kind: 'QUARTER', months: [0, 1, 2].map((i) => monthLabel(Number(m![1]), first + i)) };
  }
  m = YEAR.exec(label);
  if (m) return { label, kind: 'YEAR', months: Array.from({ length: 12 }, (_, i) => monthLabel(Number(m![1]), i + 1)) };
  return null;
}

/** The month after `month` ('2026-12' → '2027-01'). */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? monthLabel(y + 1, 1) : monthLabel(y, m + 1);
}

/**
 * Splits a period's months between the developer and the owner: the owner pays from the month after
 * delivery; months before it, and every month of a unit not yet delivered, are the developer's.
 */
export function payerMonths(period: Period, deliveredAt: Date | null): { OWNER: string[]; DEVELOPER: string[] } {
  const ownerFrom = deliveredAt ? nextMonth(beijingMonth(deliveredAt)) : null;
  const owner = period.months.filter((m) => ownerFrom !== null && m >= ownerFrom);
  return { OWNER: owner, DEVELOPER: period.months.filter((m) => !owner.includes(m)) };
}
