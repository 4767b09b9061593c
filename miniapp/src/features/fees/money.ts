import { beijingMonth } from '../../beijing';

/** 23171 fen → "231.71" (money is integer fen end to end; this is only how it is shown). */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/**
 * WeChat's fees, kept in 1/1000 fen (its bill has five decimals), shown exactly: two decimals at
 * least, the rest only where not zero — 433000 → "4.33", 600 → "0.006", -27000 → "-0.27".
 */
export function yuanExact(milliFen: number): string {
  const sign = milliFen < 0 ? '-' : '';
  const a = Math.abs(milliFen);
  const decimals = String(a % 100_000)
    .padStart(5, '0')
    .replace(/0{1,3}$/, '');
  return `${sign}${Math.floor(a / 100_000)}.${decimals}`;
}

/**
 * The period as residents say it: 2026-12 → 2026年12月, 2026-Q4 → 2026年第4季度, 2026 → 2026年度; an
 * opening arrear (imported from before the system, docs/import.md) reads 期初 2026年5月.
 */
export function periodLabel(period: string, opening = false): string {
  const m = /^(\d{4})(?:-(\d{2})|-Q(\d))?$/.exec(period);
  const label = !m ? period : m[2] ? `${m[1]}年${Number(m[2])}月` : m[3] ? `${m[1]}年第${m[3]}季度` : `${m[1]}年度`;
  return opening ? `期初 ${label}` : label;
}

/** Selected bills' total, in fen: integer sums only. */
/** Bills in their order, grouped by the period they bill (a month, a quarter, a year), each with its label. */
export function groupByPeriod<T extends { period: string }>(
  bills: T[],
): { period: string; label: string; items: T[] }[] {
  const groups: { period: string; label: string; items: T[] }[] = [];
  for (const b of bills) {
    const last = groups[groups.length - 1];
    if (last?.period === b.period) last.items.push(b);
    else groups.push({ period: b.period, label: periodLabel(b.period), items: [b] });
  }
  return groups;
}

export function totalOf(bills: { id: string; payableFen: number }[], selected: Set<string>): number {
  return bills.reduce((s, b) => (selected.has(b.id) ? s + b.payableFen : s), 0);
}

/** The periods a cashier usually bills, from today (Beijing): this month, next month, this quarter, this year. */
export function billingPeriods(now: Date): { value: string; label: string }[] {
  const [y, m] = beijingMonth(now).split('-').map(Number) as [number, number];
  const next = m === 12 ? { y: y + 1, m: 1 } : { y, m: m + 1 };
  const month = (yy: number, mm: number) => `${yy}-${String(mm).padStart(2, '0')}`;
  return [
    { value: month(y, m), label: `本月（${m}月）` },
    { value: month(next.y, next.m), label: `下月（${next.m}月）` },
    { value: `${y}-Q${Math.ceil(m / 3)}`, label: `本季度（第${Math.ceil(m / 3)}季度）` },
    { value: String(y), label: `本年度（${y}）` },
  ];
}

const KIND_UNIT: Record<string, (fen: number) => string> = {
  PROPERTY: (f) => `${yuan(f)}元/㎡·月`,
  PARKING: (f) => `${yuan(f)}元/车位·月`,
  ONE_OFF: (f) => `${yuan(f)}元/户（一次性）`,
  SHARED: (f) => `合计${yuan(f)}元，按面积分摊`,
};

/** A fee standard as the price list shows it. */
export const feeStandard = (kind: string, amountFen: number) => (KIND_UNIT[kind] ?? yuan)(amountFen);

/** What a cashier types as yuan ("12", "12.5", "12.50") → fen, exactly; anything else → null. */
export function parseYuan(text: string): number | null {
  const m = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
