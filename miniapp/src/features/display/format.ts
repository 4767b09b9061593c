/**
 * How numbers are written for reading on the phone (docs/design.md §Numbers): phones in groups,
 * money with thousands separators, room numbers in their numeric order.
 */

/**
 * A phone as people read it aloud: +8613910007919 → "139 1000 7919" (a mainland mobile, 3-4-4, as
 * China Mobile and the MIIT number plan print it); a mainland landline keeps its area code apart
 * (+862162345678 → "021 6234 5678"); anything else is returned unchanged. Masked digits (*) count.
 */
export function formatPhone(raw: string | null | undefined): string {
  if (!raw) return '';
  const compact = raw.replace(/[\s-]/g, '');
  const national = compact.startsWith('+86') ? compact.slice(3) : compact.startsWith('+') ? null : compact;
  if (national === null) return raw;
  if (/^1[\d*]{10}$/.test(national)) return `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`;
  // 010 and 02x are three-digit area codes (Beijing, Shanghai 021…); the rest have four digits.
  const landline = /^0?(10|2\d)(\d{8})$/.exec(national) ?? /^0?([3-9]\d{2})(\d{7,8})$/.exec(national);
  if (landline) {
    const [, area, local] = landline;
    return `0${area} ${local!.slice(0, local!.length - 4)} ${local!.slice(-4)}`;
  }
  if (/^\d{6,8}$/.test(national))
    return national.length > 6 ? `${national.slice(0, -4)} ${national.slice(-4)}` : national;
  return raw;
}

/** 12345678 fen → "123,456.78": money the resident reads, with thousands separators. */
export function yuanGrouped(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(Math.round(fen));
  const whole = String(Math.floor(a / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(a % 100).padStart(2, '0')}`;
}

/**
 * Room numbers in the order of the building, not of the alphabet: 101 before 1001, 902 before 1001,
 * "B101" after "A201"; numbers within text compare as numbers.
 */
export function compareUnitNumbers(a: string, b: string): number {
  // By hand, not Intl's numeric collation: WeChat's Android JS engine may ship without full ICU.
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const [x, y] = [pa[i]!, pb[i]!];
    const diff = /^\d/.test(x) && /^\d/.test(y) ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
    if (diff) return diff;
  }
  return pa.length - pb.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Units whose building or room number contains every typed part ("3号楼 1001", "1001"), in numeric order. */
export function searchUnits<T extends { number: string; building?: string }>(units: T[], query: string): T[] {
  const parts = query.trim().split(/\s+/).filter(Boolean);
  const found = units.filter((u) => parts.every((p) => `${u.building ?? ''} ${u.number}`.includes(p)));
  return found.sort(
    (x, y) => compareUnitNumbers(x.building ?? '', y.building ?? '') || compareUnitNumbers(x.number, y.number),
  );
}
