/**
 * A clock in plain words for the staff (#31), at the desk and on the phone: "剩余 2 小时 5 分" before its
 * deadline, "已超时 1 天 3 小时" after. Days, hours and minutes, the two largest that are not zero; under a
 * minute is "不到 1 分钟". Pure: the caller passes "now" (the phone's from beijing.ts, the only reader of its
 * clock); the desk console imports this file from here rather than keep a copy.
 */
export function clockWords(dueAt: string | Date, now: Date): { text: string; overdue: boolean } {
  const ms = new Date(dueAt).getTime() - now.getTime();
  const overdue = ms <= 0;
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const parts: string[] = [];
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d) parts.push(`${d} 天`);
  if (h) parts.push(`${h} 小时`);
  if (m && !d) parts.push(`${m} 分`);
  const span = parts.length ? parts.slice(0, 2).join(' ') : '不到 1 分钟';
  return { text: overdue ? `已超时 ${span}` : `剩余 ${span}`, overdue };
}
