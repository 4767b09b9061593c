import { describe, expect, it } from 'vitest';
import {
  addDays,
  atBeijing,
  beijingDay,
  beijingDigits,
  beijingMinute,
  beijingMonth,
  beijingMsOfDay,
  beijingRfc3339,
  beijingYear,
  dayEnd,
  dayStart,
  daysBetween,
  monthStart,
} from './beijing.js';

describe('Beijing time', () => {
  it('turns the day at 16:00 UTC', () => {
    expect(beijingDay(new Date('2026-10-09T15:59:59.999Z'))).toBe('2026-10-09');
    expect(beijingDay(new Date('2026-10-09T16:00:00.000Z'))).toBe('2026-10-10');
    expect(beijingMsOfDay(new Date('2026-10-09T16:00:00.000Z'))).toBe(0);
    expect(beijingMsOfDay(new Date('2026-10-10T01:30:00.000Z'))).toBe(9.5 * 3_600_000);
  });

  it('turns months and years at Beijing midnight', () => {
    expect(beijingMonth(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11');
    expect(beijingMonth(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12');
    expect(beijingYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(beijingYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
    expect(beijingDay(new Date('2028-02-28T16:00:00Z'))).toBe('2028-02-29');
  });

  it('writes the wall clock for people and for WeChat Pay', () => {
    const at = new Date('2026-12-31T16:05:09Z');
    expect(beijingMinute(at)).toBe('2027-01-01 00:05');
    expect(beijingDigits(at)).toBe('20270101000509');
    expect(beijingRfc3339(at)).toBe('2027-01-01T00:05:09+08:00');
  });

  it('maps days and months back to the instants they span', () => {
    expect(dayStart('2026-10-10').toISOString()).toBe('2026-10-09T16:00:00.000Z');
    expect(dayEnd('2026-10-10').toISOString()).toBe('2026-10-10T16:00:00.000Z');
    expect(atBeijing('2026-10-10', 9 * 60).toISOString()).toBe('2026-10-10T01:00:00.000Z');
    expect(monthStart('2026-12').toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(monthStart('2027-03').toISOString()).toBe('2027-02-28T16:00:00.000Z');
  });

  it('counts calendar days across month and year ends', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(daysBetween('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(daysBetween('2026-12-02', '2026-12-01')).toEqual([]);
  });
});
