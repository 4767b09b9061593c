/** 23171 fen → "231.71" (money is integer fen end to end; this is only how it is shown). */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** The period as residents say it: 2026-12 → 2026年12月, 2026-Q4 → 2026年第4季度, 2026 → 2026年度. */
export function periodLabel(period: string): string {
  const m = /^(\d{4})(?:-(\d{2})|-Q(\d))?$/.exec(period);
  if (!m) return period;
  if (m[2]) return `${m[1]}年${Number(m[2])}月`;
  if (m[3]) return `${m[1]}年第${m[3]}季度`;
  return `${m[1]}年度`;
}

/** Selected bills' total, in fen: integer sums only. */
export function totalOf(bills: { id: string; payableFen: number }[], selected: Set<string>): number {
  return bills.reduce((s, b) => (selected.has(b.id) ? s + b.payableFen : s), 0);
}
