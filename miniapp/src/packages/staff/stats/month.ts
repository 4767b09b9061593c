/** `YYYY-MM` moved by `delta` months (the page's 上月 / 下月). */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + delta;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** The figure as a manager reads it: a rate in tenths of a percent, stars in hundredths, or a count; — for none. */
export function shownValue(f: { unit: 'permille' | 'hundredths' | 'count'; value: number | null }): string {
  if (f.value === null) return '—';
  if (f.unit === 'permille') return `${(f.value / 10).toFixed(1)}%`;
  if (f.unit === 'hundredths') return `${(f.value / 100).toFixed(2)} 星`;
  return `${f.value} 件`;
}

/** What the figure counts, in words under it. */
export function shownCount(f: { unit: 'permille' | 'hundredths' | 'count'; numerator: number; denominator: number }) {
  if (f.unit === 'hundredths') return `星数合计 ${f.numerator}，评价 ${f.denominator} 单`;
  if (f.unit === 'count') return `${f.numerator} 件，共 ${f.denominator} 件`;
  return `${f.numerator} / ${f.denominator}`;
}
