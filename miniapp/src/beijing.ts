/**
 * Beijing time in the mini-program, the one place it is computed (docs/conventions.md, Time), and the
 * one place the app reads the device's clock (`now`). The BFF returns UTC instants; people live by
 * Beijing's calendar: UTC+8 all year, no daylight saving, so a fixed offset is exact whatever zone the
 * phone or the desk browser is set to. Names mirror bff/src/beijing.ts (which the app may not import at
 * run time: it is not in the bundle).
 *
 * Days are `YYYY-MM-DD` and months `YYYY-MM` strings: they compare and sort as text.
 */
export const BEIJING_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

/** "Now", for every deadline, default date and "is it still open" the app works out itself. */
export const now = (): Date => new Date();

/** The instant `ms` milliseconds from now (a vote closing in 14 days, a notice valid for 7). */
export const fromNow = (ms: number): Date => new Date(now().getTime() + ms);

/** `at` moved so that its UTC fields read Beijing's wall clock. */
const wall = (at: Date) => new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString();

/** The Beijing calendar day of an instant: `2026-10-10`. */
export const beijingDay = (at: Date): string => wall(at).slice(0, 10);

/** The Beijing calendar month of an instant: `2026-10`. */
export const beijingMonth = (at: Date): string => wall(at).slice(0, 7);

/** The Beijing calendar year of an instant. */
export const beijingYear = (at: Date): number => Number(wall(at).slice(0, 4));

/** Beijing wall-clock time to the minute, for people: `2026-10-10 08:30`. */
export const beijingMinute = (at: Date): string => wall(at).slice(0, 16).replace('T', ' ');

/** Today in Beijing: `2026-12-02`. */
export const today = (): string => beijingDay(now());

/** This month in Beijing: `2026-12`. */
export const thisMonth = (): string => beijingMonth(now());

/** The first instant of a Beijing day (`2026-10-10` → 2026-10-09T16:00Z). */
export const dayStart = (day: string): Date => new Date(Date.parse(`${day}T00:00:00Z`) - BEIJING_OFFSET_MS);

/** The first instant after a Beijing day: the day is `[dayStart(day), dayEnd(day))`. */
export const dayEnd = (day: string): Date => new Date(dayStart(day).getTime() + DAY_MS);

/** The instant `minute` minutes after Beijing midnight of `day`. */
export const atBeijing = (day: string, minute: number): Date => new Date(dayStart(day).getTime() + minute * 60_000);

/** The first instant of a Beijing month (`2026-12` → 2026-11-30T16:00Z). */
export const monthStart = (month: string): Date => dayStart(`${month}-01`);

/** The day `days` calendar days after `day` (negative: before). */
export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The month `months` calendar months after `month` (negative: before): `2026-12` + 1 → `2027-01`. */
export function addMonths(month: string, months: number): string {
  const k = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

/** The last day of a month: `2028-02` → `2028-02-29`. */
export const lastDayOf = (month: string): string => addDays(`${addMonths(month, 1)}-01`, -1);

/** An instant from the BFF as residents read it: 2026-11-23T06:30:00Z → `11月23日 14:30`. */
export function shortTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = wall(new Date(iso));
  return `${Number(t.slice(5, 7))}月${Number(t.slice(8, 10))}日 ${t.slice(11, 16)}`;
}
