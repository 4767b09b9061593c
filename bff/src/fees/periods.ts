import { beijingMonth } from '../beijing.js';
import { AppError } from '../errors.js';
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

/** A month as a number (year × 12 + month − 1), so months subtract and compare as integers. */
export const monthNumber = (month: string): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/** How far from the current Beijing month a billing run may reach (docs/domain.md §4, Billing runs). */
export const MONTHS_AHEAD = 24;
export const MONTHS_BACK = 36;

/**
 * Refuses a period whose last month is more than 24 months after the current Beijing month, or whose
 * first month is more than 36 months before it: a typo (2062 for 2026) would otherwise bill decades.
 */
export function requireBillablePeriod(period: Period, now: Date): void {
  const current = monthNumber(beijingMonth(now));
  const ahead = monthNumber(period.months.at(-1)!) - current;
  const back = current - monthNumber(period.months[0]!);
  if (ahead > MONTHS_AHEAD || back > MONTHS_BACK)
    throw new AppError(
      'VALIDATION_FAILED',
      `账期「${period.label}」超出可生成范围：最早为 ${MONTHS_BACK} 个月前，最晚为 ${MONTHS_AHEAD} 个月后`,
      [{ path: 'period', message: '账期超出范围' }],
    );
}
