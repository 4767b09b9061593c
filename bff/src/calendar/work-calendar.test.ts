import { describe, expect, it } from 'vitest';
import { atBeijing } from '../beijing.js';
import { WorkCalendar } from './work-calendar.js';

const hours = { workStart: 8 * 60 + 30, workEnd: 17 * 60 + 30 };
const cal = new WorkCalendar();

describe('the working calendar', () => {
  it('reads statutory holidays and make-up working days from chinese-days', () => {
    expect(cal.isWorkingDay('2026-10-01')).toBe(false); // National Day
    expect(cal.isWorkingDay('2026-10-10')).toBe(true); // a make-up working Saturday
    expect(cal.isWorkingDay('2026-10-17')).toBe(false); // an ordinary Saturday
    expect(cal.isWorkingDay('2026-10-12')).toBe(true);
  });

  it('moves a time outside working hours to the start of the next working period', () => {
    // Friday 2026-04-03 21:00, before Qingming (Sat 4 – Mon 6 April): next is Tuesday 08:30.
    expect(cal.workingStart(atBeijing('2026-04-03', 21 * 60), hours)).toEqual(atBeijing('2026-04-07', 510));
    // Friday night before a make-up working Saturday: Saturday 08:30.
    expect(cal.workingStart(atBeijing('2026-10-09', 22 * 60), hours)).toEqual(atBeijing('2026-10-10', 510));
    // Early morning of a working day; within working hours stays put.
    expect(cal.workingStart(atBeijing('2026-10-12', 6 * 60), hours)).toEqual(atBeijing('2026-10-12', 510));
    expect(cal.workingStart(atBeijing('2026-10-12', 600), hours)).toEqual(atBeijing('2026-10-12', 600));
    // Exactly at the end of the day is outside it.
    expect(cal.workingStart(atBeijing('2026-10-12', 1050), hours)).toEqual(atBeijing('2026-10-13', 510));
  });

  it('lets a company correct a date, and counts a year as covered only once its whole schedule is confirmed', () => {
    expect(cal.coveredUntil).toBe('2026-12-31');
    expect(cal.runOutWarning(atBeijing('2026-12-01', 600))).toMatch(/2027 年/);
    expect(cal.runOutWarning(atBeijing('2026-12-01', 600))).toContain('2026-12-31');
    expect(cal.runOutWarning(atBeijing('2026-11-15', 600))).toBeNull();
    const corrected = new WorkCalendar(
      new Map([
        ['2027-01-01', false],
        ['2026-10-12', false],
      ]),
    );
    expect(corrected.isWorkingDay('2027-01-01')).toBe(false); // chinese-days 1.5.7 reads it as a workday
    expect(corrected.isWorkingDay('2026-10-12')).toBe(false);
    expect(corrected.coveredUntil).toBe('2026-12-31'); // one day entered is not a year's schedule
    const confirmed = new WorkCalendar(new Map([['2027-01-01', false]]), [2027]);
    expect(confirmed.coveredUntil).toBe('2027-12-31');
    expect(confirmed.runOutWarning(atBeijing('2026-12-01', 600))).toBeNull();
  });

  it('adds working minutes over nights, weekends and holidays', () => {
    // Monday 17:00 + 60 min: 30 today, 30 from Tuesday 08:30.
    expect(cal.addWorkingMinutes(atBeijing('2026-10-12', 17 * 60), 60, hours)).toEqual(atBeijing('2026-10-13', 540));
    // Friday 2026-04-03 17:00 before Qingming: the rest on Tuesday 2026-04-07.
    expect(cal.addWorkingMinutes(atBeijing('2026-04-03', 17 * 60), 60, hours)).toEqual(atBeijing('2026-04-07', 540));
    expect(cal.addWorkingMinutes(atBeijing('2026-10-12', 600), 60, hours)).toEqual(atBeijing('2026-10-12', 660));
  });

  it('counts hours on working days only, nights included', () => {
    // Friday 10:00 + 24 h: Saturday and Sunday do not count → Monday 10:00.
    expect(cal.addWorkingDayHours(atBeijing('2026-10-16', 600), 24)).toEqual(atBeijing('2026-10-19', 600));
    // Thursday 2026-04-02 15:00 + 24 h: Friday counts, Qingming (4–6 April) does not → Friday 15:00; from Friday 15:00 → Tuesday 15:00.
    expect(cal.addWorkingDayHours(atBeijing('2026-04-02', 900), 24)).toEqual(atBeijing('2026-04-03', 900));
    expect(cal.addWorkingDayHours(atBeijing('2026-04-03', 900), 24)).toEqual(atBeijing('2026-04-07', 900));
    // Filed on a Sunday: counting starts on Monday 00:00.
    expect(cal.addWorkingDayHours(atBeijing('2026-10-18', 600), 24)).toEqual(atBeijing('2026-10-20', 0));
  });
});
