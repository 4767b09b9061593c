import { createRequire } from 'node:module';
import chineseDays from 'chinese-days';
import type { Db } from '../db.js';
import { addDays, atBeijing, beijingDay, beijingMsOfDay, dayEnd, dayStart } from '../beijing.js';

/**
 * The last year chinese-days holds holidays for (its data is published a year at a time, after the
 * State Council's notice). Read from the package's own data, so an update moves it.
 */
const PACKAGE_LAST_YEAR: number = (() => {
  const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as {
    holidays: Record<string, string>;
  };
  return Math.max(...Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))));
})();

/** How long before the calendar runs out the staff are warned (issue #8: a month). */
export const RUN_OUT_WARNING_DAYS = 31;

export type WorkingHours = { workStart: number; workEnd: number };

/**
 * Working days as a company sees them: China's statutory holidays and make-up working days (调休)
 * from chinese-days (docs/domain.md §1: never a hand-written list), corrected by the company's own
 * WorkCalendarDay rows — for a year the package does not hold yet, or a late change.
 */
export class WorkCalendar {
  constructor(
    private readonly overrides: ReadonlyMap<string, boolean> = new Map(),
    /** Years whose whole schedule a company administrator confirmed (WorkCalendarYear). */
    private readonly confirmedYears: readonly number[] = [],
  ) {}

  isWorkingDay(date: string): boolean {
    return this.overrides.get(date) ?? chineseDays.isWorkday(date);
  }

  /**
   * The last date the calendar knows: the end of the package's last year, or of a later year whose whole
   * schedule a company administrator confirmed (docs/domain.md §1) — a single day entered is not a year's
   * schedule. After it, weekends are all it knows.
   */
  get coveredUntil(): string {
    let year = PACKAGE_LAST_YEAR;
    while (this.confirmedYears.includes(year + 1)) year++;
    return `${year}-12-31`;
  }

  /** A warning for the staff from a month before the calendar runs out, else null. */
  runOutWarning(now: Date): string | null {
    const until = this.coveredUntil;
    if (beijingDay(now) < addDays(until, -RUN_OUT_WARNING_DAYS)) return null;
    const next = Number(until.slice(0, 4)) + 1;
    return `${next} 年的法定节假日和调休安排尚未录入（系统只知道到 ${until}），请管理员在“工作日历”中补录，否则报修时限会按普通周末计算`;
  }

  /**
   * `at` itself when it falls in working hours of a working day, else the start of the next working
   * period (docs/domain.md §1: a routine repair filed at night or on a holiday is contacted within 1 h
   * after the next working period starts).
   */
  workingStart(at: Date, hours: WorkingHours): Date {
    const date = beijingDay(at);
    const ms = beijingMsOfDay(at);
    if (this.isWorkingDay(date)) {
      if (ms < hours.workStart * 60_000) return atBeijing(date, hours.workStart);
      if (ms < hours.workEnd * 60_000) return at;
    }
    // The longest run of days off in China is about 9 (Spring Festival); 60 is beyond any calendar.
    for (let i = 1; i <= 60; i++) {
      const day = addDays(date, i);
      if (this.isWorkingDay(day)) return atBeijing(day, hours.workStart);
    }
    throw new Error(`no working day within 60 days of ${date}`);
  }

  /**
   * `minutes` of working time after `at`: only the working hours of working days count, so a clock
   * started at 17:00 with an hour to run ends at 09:00 the next working day (docs/domain.md §8, triage).
   */
  addWorkingMinutes(at: Date, minutes: number, hours: WorkingHours): Date {
    let t = this.workingStart(at, hours);
    let left = minutes * 60_000;
    for (;;) {
      const room = atBeijing(beijingDay(t), hours.workEnd).getTime() - t.getTime();
      if (left <= room) return new Date(t.getTime() + left);
      left -= room;
      t = this.workingStart(new Date(t.getTime() + room), hours);
    }
  }

  /**
   * `hours` counted on working days only, night included: a day off does not count at all, so 24 hours
   * from Friday 10:00 end on Monday 10:00, and from the eve of a holiday on the day after it
   * (docs/domain.md §8, first contact).
   */
  addWorkingDayHours(at: Date, hours: number): Date {
    let t = at;
    let left = hours * 3_600_000;
    for (let i = 0; i <= 60 + hours / 24; i++) {
      const day = beijingDay(t);
      if (this.isWorkingDay(day)) {
        const room = dayEnd(day).getTime() - t.getTime();
        if (left <= room) return new Date(t.getTime() + left);
        left -= room;
      }
      t = dayStart(addDays(day, 1));
    }
    throw new Error(`no working days for ${hours} h after ${beijingDay(at)}`);
  }
}

export async function loadCalendar(db: Db, companyId: string): Promise<WorkCalendar> {
  const [rows, years] = await Promise.all([
    db.workCalendarDay.findMany({ where: { companyId }, select: { date: true, working: true } }),
    db.workCalendarYear.findMany({ where: { companyId }, select: { year: true } }),
  ]);
  return new WorkCalendar(
    new Map(rows.map((r) => [r.date, r.working])),
    years.map((y) => y.year),
  );
}
