/** 2026-11-23T06:30:00Z → 11月23日 14:30 (Beijing time, as residents read it). */
export function shortTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString();
  return `${Number(t.slice(5, 7))}月${Number(t.slice(8, 10))}日 ${t.slice(11, 16)}`;
}
