/**
 * Beijing time, the one place it is computed (docs/conventions.md, Time). The database holds UTC
 * instants; the calendar people live by — business days, months, due dates, receipt years, file names —
 * is Beijing's. China keeps one time zone, UTC+8 all year, without daylight saving since 1991, so a
 * fixed offset is exact and does not depend on the process's own time zone.
 *
 * Days are `YYYY-MM-DD` and months `YYYY-MM` strings: they compare and sort as text.
 */
export const BEIJING_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

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

/** Beijing wall-clock date and time as digits only, to the second: `20261010083000`. */
export const beijingDigits = (at: Date): string => wall(at).replace(/\D/g, '').slice(0, 14);

/** RFC 3339 in Beijing time, as WeChat Pay writes times: `2026-10-10T08:30:00+08:00`. */
export const beijingRfc3339 = (at: Date): string => `${wall(at).slice(0, 19)}+08:00`;

/** Milliseconds since Beijing midnight. */
export const beijingMsOfDay = (at: Date): number => (at.getTime() + BEIJING_OFFSET_MS) % DAY_MS;

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

/** Every day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}
